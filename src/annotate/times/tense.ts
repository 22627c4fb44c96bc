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
import type { Language } from '../../lang/language.js';
import { TAG } from '../pos/tags.js';
import type { Direction } from './resolve.js';

/** How far from the expression a verb may stand and still govern it. */
const REACH = 14;
/** Time words further than this many tokens away belong to another clause more often than not. */
const WINDOW = 6;

/** Reads the tense around a time expression of one document's tokens. */
export class TenseReader {
  private readonly lex: Language['times'];

  constructor(
    private readonly t: Tokens,
    private readonly tags: Uint8Array,
    language: Language,
  ) {
    this.lex = language.times;
  }

  /** Tokens that end the clause the expression is in, going back or forth: "where", "when", "because". */
  private isClauseEdge(k: number): boolean {
    const w = this.t.lower[k]!;
    if (this.tags[k] === TAG.WH || (this.tags[k] === TAG.SCONJ && w !== 'that')) return true;
    return w === ';' || w === ':' || w === '--' || w === '—';
  }

  /**
   * Tense of the verb group whose last verb is token k: future, past, or null for a present or
   * an untensed form. An infinitive takes its direction from the verb that governs it.
   */
  private groupTense(first: number, k: number): Direction | null {
    const lower = this.t.lower;
    const w = lower[k]!;
    if (this.lex.FUTURE_MODALS.has(w)) return 'future';
    // Walk left over the auxiliaries, adverbs and "not" of the group.
    let j = k - 1;
    let past = this.lex.PAST_AUXILIARIES.has(w);
    let perfect = false;
    let passive = false;
    while (j >= first && (this.tags[j] === TAG.AUX || this.tags[j] === TAG.ADV || lower[j] === 'not' || lower[j] === "n't" || lower[j] === 'n’t')) {
      const a = lower[j]!;
      if (this.lex.FUTURE_MODALS.has(a)) return 'future';
      if (this.lex.OPEN_MODALS.has(a)) return null;
      if (this.lex.PAST_AUXILIARIES.has(a)) past = true;
      else if (a === 'has' || a === 'have' || a === 'been') perfect = true;
      else if (a === 'is' || a === 'are' || a === 'am' || a === 'be' || a === 'being' || a === 'get' || a === 'gets') passive = true;
      j--;
    }
    // "to meet on Friday": an infinitive is still to come when its verb was said or planned;
    // after a pluperfect it may be either ("had been due to lapse Monday", "had been set to
    // expire Nov. 6", days ahead), which resolve.ts settles by distance.
    if (j >= first && lower[j] === 'to' && j === k - 1) {
      const head = j - 1;
      if (head < first || this.hadBefore(first, head)) return null;
      const governing = this.isVerbAt(head) ? this.groupTense(first, head) : null;
      if (this.lex.INTENT.has(lower[head]!) || governing === 'past') return 'future';
      return governing;
    }
    // "is scheduled", "has scheduled" for Friday: ahead; "was planned for March" may be either.
    // A bare "planned to pay" is a past tense whose plan may or may not be behind.
    if (this.lex.FUTURE_PARTICIPLES.has(w) && this.tags[k] !== TAG.NOUN) return past || (j === k - 1 && lower[k + 1] === 'to') ? null : 'future';
    if (past) return 'past';
    // A bare past form or a perfect; "is reported" says nothing.
    return (perfect || !passive) && this.tags[k] === TAG.VERB && this.lex.isPastForm(w) ? 'past' : null;
  }

  /** A pluperfect ("had not called", "had been") within reach of token k. */
  private pluperfectNear(first: number, last: number, k: number): boolean {
    for (let i = Math.max(first, k - REACH); i < last && i < k + REACH; i++) {
      if (this.t.lower[i] !== 'had') continue;
      let j = i + 1;
      if (this.t.lower[j] === 'not' || this.t.lower[j] === 'never' || this.t.lower[j] === 'already') j++;
      if (j < last && (this.t.lower[j] === 'been' || this.lex.isPastForm(this.t.lower[j]!))) return true;
    }
    return false;
  }

  /** "had" in the few tokens before k: a pluperfect. */
  private hadBefore(first: number, k: number): boolean {
    for (let a = k - 1; a >= first && a >= k - 3; a--) if (this.t.lower[a] === 'had' || this.t.lower[a] === "'d" || this.t.lower[a] === '’d') return true;
    return false;
  }

  /** A verb, or an unknown word the lexicon took for a noun right after "which"/"who" ("which expire"). */
  private isVerbAt(k: number): boolean {
    const tag = this.tags[k]!;
    if (tag === TAG.VERB || tag === TAG.AUX) return true;
    if (tag !== TAG.NOUN || k < 2) return false;
    // "which expire", "planning to drive": nouns by the lexicon, verbs by their place.
    const prev = this.t.lower[k - 1]!;
    return prev === 'which' || prev === 'who' || (prev === 'to' && this.lex.INTENT.has(this.t.lower[k - 2]!));
  }

  /** The first verb at or after token k in the clause, and the last of its group. */
  private verbAfter(k: number, last: number): number {
    for (let i = k; i < last && i < k + REACH; i++) {
      if (this.isClauseEdge(i)) return -1;
      if (!this.isVerbAt(i)) continue;
      let e = i;
      while (e + 1 < last && (this.tags[e + 1] === TAG.AUX || this.tags[e + 1] === TAG.VERB || this.tags[e + 1] === TAG.ADV || this.t.lower[e + 1] === 'not')) e++;
      // Stop the group at "to": "plans to hold" is read from "plans".
      while (e > i && this.tags[e] !== TAG.VERB && this.tags[e] !== TAG.AUX) e--;
      return e;
    }
    return -1;
  }

  /** +1 future word, -1 past word, 0 none. */
  private timeWord(k: number): number {
    const w = this.t.lower[k]!;
    if (this.lex.FUTURE_WORDS.has(w)) return 1;
    if (this.lex.PAST_WORDS.has(w)) return -1;
    return 0;
  }

  /**
   * Direction for the expression over tokens [start, end) of the sentence [first, last): null
   * when nothing decides or after a deadline preposition; the coming one after "until",
   * "effective" or "as soon as".
   */
  directionAt(first: number, last: number, start: number, end: number): Direction | null {
    const prev = start > first ? this.t.lower[start - 1]! : '';
    // "Until Thursday, they had not called him a suspect": a pluperfect puts the date behind.
    if ((prev === 'until' || prev === 'till') && this.pluperfectNear(first, last, start)) return 'past';
    if (this.lex.AHEAD.has(prev) || (prev === 'as' && start - 2 > first && (this.t.lower[start - 2] === 'soon' || this.t.lower[start - 2] === 'early'))) return 'future';
    // After a deadline preposition only a future verb counts: "will double its flights by August".
    const deadline = this.lex.DEADLINES.has(prev);
    // The verb this expression hangs on: the nearest before it in the clause, else the next one.
    let verb = -1;
    for (let k = start - 1; k >= first && k >= start - REACH; k--) {
      if (this.isVerbAt(k)) {
        verb = k;
        break;
      }
      if (this.isClauseEdge(k)) break;
    }
    const back = verb >= 0 ? this.groupTense(first, verb) : null;
    if (back) return deadline && back === 'past' ? null : back;
    if (verb < 0) {
      const after = this.verbAfter(end, last);
      const forth = after >= 0 ? this.groupTense(first, after) : null;
      if (forth) return deadline && forth === 'past' ? null : forth;
    }
    if (deadline) return null;
    for (let d = 1; d <= WINDOW; d++) {
      const b = start - d >= first ? this.timeWord(start - d) : 0;
      if (b) return b > 0 ? 'future' : 'past';
      const a = end - 1 + d < last ? this.timeWord(end - 1 + d) : 0;
      if (a) return a > 0 ? 'future' : 'past';
    }
    return null;
  }
}
