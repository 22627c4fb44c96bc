import type { Tokens } from '../../doc/tokenize.js';

/**
 * Titles and roles written before a person's name: "President Jane Roe", "Chief of
 * General Staff Ivan Petrov", "opposition leader John Doe". The role is the run of
 * title words right before the name; a demonym or country in front of it is not part of the role.
 */

/** Words a role is made of (lower case). */
const TITLE_WORDS = new Set(
  (
    'president vice deputy prime first minister foreign affairs defence defense interior finance economy trade farm ' +
    'agriculture justice health energy chief commander leader head spokesman spokeswoman spokesperson ' +
    'secretary state general staff ambassador envoy director chairman chairwoman chair governor mayor ' +
    'senator sen. rep. representative congressman congresswoman gov. gen. lt. col. maj. capt. adm. sgt. ' +
    'colonel major captain admiral marshal lieutenant sergeant king queen prince princess crown premier ' +
    'chancellor commissioner army navy air force forces military intelligence security service ' +
    'supreme armed joint chiefs of national council party opposition former acting incoming outgoing ' +
    'top senior special presidential pope cardinal archbishop bishop ayatollah sheikh emir dr. mr. mrs. ms. ' +
    'coach manager striker midfielder defender goalkeeper captain rebel militia spy election campaign'
  ).split(' '),
);

/** Words that can end a role (its head). */
const HEADS = new Set(
  (
    'president minister chief commander leader head spokesman spokeswoman spokesperson secretary ambassador affairs defence defense ' +
    'envoy director chairman chairwoman chair governor mayor senator sen. rep. representative congressman ' +
    'congresswoman gov. gen. lt. col. maj. capt. adm. sgt. colonel major captain admiral marshal lieutenant ' +
    'sergeant king queen prince princess premier chancellor commissioner general staff pope cardinal ' +
    'archbishop bishop ayatollah sheikh emir coach manager striker midfielder defender goalkeeper'
  ).split(' '),
);

const NOT_FIRST = new Set(['of', 'the', 'and', 'staff', 'forces', 'force', 'service', 'council', 'party']);

/** Is this (lower-case) word one roles are made of? */
export function isTitleWord(lower: string): boolean {
  return TITLE_WORDS.has(lower) && lower !== 'of';
}

/** The role written right before tokens[start], as [first token, end token) or null. */
export function roleBefore(t: Tokens, start: number, sentenceFirst: number): [number, number] | null {
  let j = start - 1;
  // "Gen. Gerasimov", "chief spokeswoman Anna van der Berg": the role ends right before the name.
  while (j >= sentenceFirst && TITLE_WORDS.has(t.lower[j]!)) j--;
  let first = j + 1;
  while (first < start && NOT_FIRST.has(t.lower[first]!)) first++;
  if (first >= start) return null;
  let last = start - 1;
  while (last > first && !HEADS.has(t.lower[last]!)) last--;
  if (!HEADS.has(t.lower[last]!)) return null;
  // "Chief of General Staff" is the role; a trailing word that is not a head belongs to nothing.
  return last === start - 1 ? [first, start] : null;
}
