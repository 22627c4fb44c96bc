/**
 * Which way an expression the text does not place points ("on Friday", "in October"): the
 * tense of the verb group it hangs on decides ("will meet on Friday" → the coming Friday,
 * "crossed the border in September" → last September, "were planning to march on Monday" →
 * the coming Monday). The verb group is the nearest verb before the expression in its clause,
 * else the first one after it ("On Friday, the league plans to …"); the coarse tags of
 * ../pos/tags.ts say which tokens are verbs, the word forms say the tense. Without a verb,
 * time words nearby ("ago", "next", "yesterday") decide; without those resolve.ts falls back
 * to the past (weekdays, seasons) or to a date close ahead (deadlines).
 */
import type { Tokens } from '../../doc/tokenize.js';
import { TAG } from '../pos/tags.js';
import type { Direction } from './resolve.js';

/** Modals of the future ("would" is the future of reported speech: "said it would vote Friday"). */
const FUTURE_MODALS = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would']);
const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did', "'d", '’d']);
/** Future unless a past auxiliary comes just before: "is scheduled" but "had been scheduled". */
const FUTURE_PARTICIPLES = new Set(['scheduled', 'expected', 'planned', 'slated', 'due', 'poised', 'billed']);
/** Modals that leave the time open: "could meet Friday", "may vote in May". */
const OPEN_MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'should', 'ca']);
/** Verbs of intent before "to": what follows is still to come ("plans to meet Friday", "was going to vote"). */
const INTENT = new Set([
  'plan', 'plans', 'planned', 'planning', 'expect', 'expects', 'expected', 'intend', 'intends', 'intended', 'want', 'wants', 'wanted',
  'hope', 'hopes', 'hoped', 'aim', 'aims', 'aimed', 'going', 'set', 'due', 'poised', 'scheduled', 'slated', 'prepare', 'prepares',
  'prepared', 'preparing', 'promise', 'promised', 'promises', 'vow', 'vowed', 'vows', 'pledge', 'pledged', 'threaten', 'threatened',
  'threatens', 'likely', 'ready', 'seek', 'seeks', 'sought', 'is', 'are', 'am',
]);
/** Irregular past tenses (forms that are not also the base form: "read", "put", "set", "hit" are left out). */
const IRREGULAR_PAST = new Set((
  'said told came went took made began met held left gave saw won lost fell rose sent spent struck fought brought bought thought ' +
  'caught built shot led fled ran sat stood spoke broke chose drove flew grew knew threw wrote became got paid heard kept felt sold ' +
  'found meant stole swore tore woke wore froze forgot arose drew withdrew underwent undertook upheld withheld overtook overcame ' +
  'sought sank sang shook slid slept sped spun sprang stuck swept swung taught understood wept hung hid laid lent lit fed bled dealt ' +
  'forbade blew bit dug drank rode strode strove swam'
).split(' '));
/** Base forms in "-eed" ("succeed", "need"); "agreed", "freed", "guaranteed" are pasts. */
function isPastForm(w: string): boolean {
  if (IRREGULAR_PAST.has(w)) return true;
  if (w.length <= 4 || !w.endsWith('ed')) return false;
  if (w.endsWith('eed')) {
    const c = w[w.length - 4];
    return c === 'r' || c === 't';
  }
  return true;
}

/** Time words that point one way when no verb decides: "ago", "next", "yesterday". */
const FUTURE_WORDS = new Set(['tomorrow', 'next', 'upcoming', 'coming']);
const PAST_WORDS = new Set(['ago', 'last', 'yesterday', 'earlier', 'previously']);

/** Prepositions of deadlines: "extended to Nov. 16", "by 15 May" say nothing of the tense of the date. */
const DEADLINES = new Set(['to', 'through', 'by', 'before', 'record']);
/** Words after which a date is still to come: "until Tuesday", "effective Feb. 1", "payable Jan. 2". */
const AHEAD = new Set(['until', 'till', 'effective', 'payable']);

/** How far from the expression a verb may stand and still govern it. */
const REACH = 14;
/** Time words further than this many tokens away belong to another clause more often than not. */
const WINDOW = 6;

/** Tokens that end the clause the expression is in, going back or forth: "where", "when", "because". */
function isClauseEdge(t: Tokens, tags: Uint8Array, k: number): boolean {
  const w = t.lower[k]!;
  if (tags[k] === TAG.WH || (tags[k] === TAG.SCONJ && w !== 'that')) return true;
  return w === ';' || w === ':' || w === '--' || w === '—';
}

/**
 * Tense of the verb group whose last verb is token k: future, past, or null for a present or
 * an untensed form. An infinitive takes its direction from the verb that governs it.
 */
function groupTense(t: Tokens, tags: Uint8Array, first: number, k: number): Direction | null {
  const lower = t.lower;
  const w = lower[k]!;
  if (FUTURE_MODALS.has(w)) return 'future';
  // Walk left over the auxiliaries, adverbs and "not" of the group.
  let j = k - 1;
  let past = PAST_AUXILIARIES.has(w);
  let perfect = false;
  let passive = false;
  while (j >= first && (tags[j] === TAG.AUX || tags[j] === TAG.ADV || lower[j] === 'not' || lower[j] === "n't" || lower[j] === 'n’t')) {
    const a = lower[j]!;
    if (FUTURE_MODALS.has(a)) return 'future';
    if (OPEN_MODALS.has(a)) return null;
    if (PAST_AUXILIARIES.has(a)) past = true;
    else if (a === 'has' || a === 'have' || a === 'been') perfect = true;
    else if (a === 'is' || a === 'are' || a === 'am' || a === 'be' || a === 'being' || a === 'get' || a === 'gets') passive = true;
    j--;
  }
  // "to meet on Friday": an infinitive is still to come when its verb was said or planned;
  // after a pluperfect it may be either ("had been due to lapse Monday", "had been set to
  // expire Nov. 6", days ahead), which resolve.ts settles by distance.
  if (j >= first && lower[j] === 'to' && j === k - 1) {
    const head = j - 1;
    if (head < first || hadBefore(t, first, head)) return null;
    const governing = isVerbAt(t, tags, head) ? groupTense(t, tags, first, head) : null;
    if (INTENT.has(lower[head]!) || governing === 'past') return 'future';
    return governing;
  }
  // "is scheduled", "has scheduled" for Friday: ahead; "was planned for March" may be either.
  // A bare "planned to pay" is a past tense whose plan may or may not be behind.
  if (FUTURE_PARTICIPLES.has(w) && tags[k] !== TAG.NOUN) return past || (j === k - 1 && lower[k + 1] === 'to') ? null : 'future';
  if (past) return 'past';
  // A bare past form or a perfect; "is reported" says nothing.
  return (perfect || !passive) && tags[k] === TAG.VERB && isPastForm(w) ? 'past' : null;
}

/** A pluperfect ("had not called", "had been") within reach of token k. */
function pluperfectNear(t: Tokens, first: number, last: number, k: number): boolean {
  for (let i = Math.max(first, k - REACH); i < last && i < k + REACH; i++) {
    if (t.lower[i] !== 'had') continue;
    let j = i + 1;
    if (t.lower[j] === 'not' || t.lower[j] === 'never' || t.lower[j] === 'already') j++;
    if (j < last && (t.lower[j] === 'been' || isPastForm(t.lower[j]!))) return true;
  }
  return false;
}

/** "had" in the few tokens before k: a pluperfect. */
function hadBefore(t: Tokens, first: number, k: number): boolean {
  for (let a = k - 1; a >= first && a >= k - 3; a--) if (t.lower[a] === 'had' || t.lower[a] === "'d" || t.lower[a] === '’d') return true;
  return false;
}

/** A verb, or an unknown word the lexicon took for a noun right after "which"/"who" ("which expire"). */
function isVerbAt(t: Tokens, tags: Uint8Array, k: number): boolean {
  const tag = tags[k]!;
  if (tag === TAG.VERB || tag === TAG.AUX) return true;
  if (tag !== TAG.NOUN || k < 2) return false;
  // "which expire", "planning to drive": nouns by the lexicon, verbs by their place.
  const prev = t.lower[k - 1]!;
  return prev === 'which' || prev === 'who' || (prev === 'to' && INTENT.has(t.lower[k - 2]!));
}

/** The first verb at or after token k in the clause, and the last of its group. */
function verbAfter(t: Tokens, tags: Uint8Array, k: number, last: number): number {
  for (let i = k; i < last && i < k + REACH; i++) {
    if (isClauseEdge(t, tags, i)) return -1;
    if (!isVerbAt(t, tags, i)) continue;
    let e = i;
    while (e + 1 < last && (tags[e + 1] === TAG.AUX || tags[e + 1] === TAG.VERB || tags[e + 1] === TAG.ADV || t.lower[e + 1] === 'not')) e++;
    // Stop the group at "to": "plans to hold" is read from "plans".
    while (e > i && tags[e] !== TAG.VERB && tags[e] !== TAG.AUX) e--;
    return e;
  }
  return -1;
}

/** +1 future word, -1 past word, 0 none. */
function timeWord(t: Tokens, k: number): number {
  const w = t.lower[k]!;
  if (FUTURE_WORDS.has(w)) return 1;
  if (PAST_WORDS.has(w)) return -1;
  return 0;
}

/**
 * Direction for the expression over tokens [start, end) of the sentence [first, last): null
 * when nothing decides or after a deadline preposition; the coming one after "until",
 * "effective" or "as soon as".
 */
export function directionAt(t: Tokens, tags: Uint8Array, first: number, last: number, start: number, end: number): Direction | null {
  const prev = start > first ? t.lower[start - 1]! : '';
  // "Until Thursday, they had not called him a suspect": a pluperfect puts the date behind.
  if ((prev === 'until' || prev === 'till') && pluperfectNear(t, first, last, start)) return 'past';
  if (AHEAD.has(prev) || (prev === 'as' && start - 2 > first && (t.lower[start - 2] === 'soon' || t.lower[start - 2] === 'early'))) return 'future';
  // After a deadline preposition only a future verb counts: "will double its flights by August".
  const deadline = DEADLINES.has(prev);
  // The verb this expression hangs on: the nearest before it in the clause, else the next one.
  let verb = -1;
  for (let k = start - 1; k >= first && k >= start - REACH; k--) {
    if (isVerbAt(t, tags, k)) {
      verb = k;
      break;
    }
    if (isClauseEdge(t, tags, k)) break;
  }
  const back = verb >= 0 ? groupTense(t, tags, first, verb) : null;
  if (back) return deadline && back === 'past' ? null : back;
  if (verb < 0) {
    const after = verbAfter(t, tags, end, last);
    const forth = after >= 0 ? groupTense(t, tags, first, after) : null;
    if (forth) return deadline && forth === 'past' ? null : forth;
  }
  if (deadline) return null;
  for (let d = 1; d <= WINDOW; d++) {
    const b = start - d >= first ? timeWord(t, start - d) : 0;
    if (b) return b > 0 ? 'future' : 'past';
    const a = end - 1 + d < last ? timeWord(t, end - 1 + d) : 0;
    if (a) return a > 0 ? 'future' : 'past';
  }
  return null;
}
