import type { Tokens } from '../../../doc/tokenize.js';
import type { Language } from '../../../lang/language.js';
import { SpanIndex } from '../../ranges.js';
import type { Resolution } from './context.js';

/**
 * Titles and roles written before a person's name: "President Jane Roe", "Chief of
 * General Staff Ivan Petrov", "opposition leader John Doe". The role is the run of
 * title words right before the name; a demonym or country in front of it is not part of the role.
 */

/** Step 6: the role before each person's name, where no other name holds its words. */
export function rolesBeforeNames(r: Resolution): void {
  const { doc, t, lex, cands } = r;
  const placed = new SpanIndex(cands, (c) => c.start, (c) => c.end);
  for (const c of cands) {
    if (c.type !== 'PERSON') continue;
    const role = roleBefore(lex, t, c.start, doc.sentences[t.sentence[c.start]!]!.first);
    if (role && !placed.overlapping(role[0], role[1]).some((i) => cands[i] !== c && cands[i]!.type !== 'ORG')) c.role = role;
  }
}

/** Is this (lower-case) word one roles are made of? */
export function isTitleWord(lex: Language['entities'], lower: string): boolean {
  return lex.TITLE_WORDS.has(lower) && lower !== 'of';
}

/** The role written right before tokens[start], as [first token, end token) or null. */
export function roleBefore(lex: Language['entities'], t: Tokens, start: number, sentenceFirst: number): [number, number] | null {
  const { TITLE_WORDS, ROLE_HEADS, ROLE_NOT_FIRST } = lex;
  let j = start - 1;
  // "Gen. Gerasimov", "chief spokeswoman Anna van der Berg": the role ends right before the name.
  while (j >= sentenceFirst && TITLE_WORDS.has(t.lower[j]!)) j--;
  let first = j + 1;
  while (first < start && ROLE_NOT_FIRST.has(t.lower[first]!)) first++;
  if (first >= start) return null;
  let last = start - 1;
  while (last > first && !ROLE_HEADS.has(t.lower[last]!)) last--;
  if (!ROLE_HEADS.has(t.lower[last]!)) return null;
  // "Chief of General Staff" is the role; a trailing word that is not a head belongs to nothing.
  return last === start - 1 ? [first, start] : null;
}
