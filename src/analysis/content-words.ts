/**
 * What a claim's content tokens say, word by word: its content words and which way its main clause
 * points, its subject and what is said of it, a belief opening it, whether it states anything.
 * featuresOf (features.ts) reads each content with these and puts what they find together.
 */
import type { Claim } from '../doc/types.js';
import { en } from '../lang/index.js';
import { wordVectors, type WordVectors } from '../lang/vectors.js';
import { lowerAt } from '../lang/en/token.js';
import type { Token } from '../lang/en/references.js';

const { STOP_WORDS: STOP, stem } = en.words;
const { FALSE, SAYING } = en.references;
const { COORDINATORS, DOUBT, NOT_ONLY, RELATIVE, MAIN_AUX, CLAUSE_TAKING, FINITE, NONE_OF, NEGATION, END, CONTINUE, GOING, NEG_RAISING, PERSONAL, DO_AUX, SELF, SPEAKING_BODIES, ACCIDENT_OF, CAUSE_WORDS, ACCIDENTS, PLANNING_STEMS } = en.contents;
/** Which way a content points is read from its first words. */
const HEAD_WORDS = 20;

/** The content words of tokens [from, to) by stem, its clauses' stems, and which way its main clause points. */
export function readWords(tokens: readonly Token[], from: number, to: number): { ends: boolean; goesOn: boolean; negated: boolean; negation: boolean; words: Map<string, string>; parts: string[][] } {
  let ends = false;
  let goesOn = false;
  let negated = false;
  const words = new Map<string, string>();
  let relative = false;
  // The words of the relative clause read so far, and whether it holds a clause of its own ("who said he was not there").
  let relativeWords = 0;
  let embedded = false;
  let negation = false;
  let lastNegation = -10;
  const parts: string[][] = [[]];
  // Names are compared as entities, not as words: a content's words are what it says of them.
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.entity) continue;
    const w = t.lower;
    // Which way a content points is read from the opening words of its main clause: a "not"
    // deep in a long quotation, in a relative clause ("voters who did not register") or before
    // an infinitive ("the decision not to charge") does not turn its statement round.
    if (RELATIVE.has(w)) {
      relative = true;
      relativeWords = 0;
      embedded = false;
    } else if (/^[,;:.]$/.test(w)) relative = false;
    else if (relative) {
      if (relativeWords > 0 && MAIN_AUX.has(w) && !embedded && !PERSONAL.has(lowerAt(tokens, k - 1))) relative = false;
      else embedded ||= w === 'that' || CLAUSE_TAKING.has(w) || PERSONAL.has(w);
      relativeWords++;
    }
    if ((COORDINATORS.has(w) || /^[,;]$/.test(w)) && parts.at(-1)!.length) parts.push([]);
    const head = k - from < HEAD_WORDS && !relative;
    if (NEGATION.has(w)) {
      negated ||= head && lowerAt(tokens, k + 1) !== 'to' && !NOT_ONLY.has(lowerAt(tokens, k + 1));
      negation = true;
      lastNegation = k;
    }
    // "not a bluff", "no reason to doubt", "no hesitation", "should not be excluded": a falsity or a doubt denied is the statement held true.
    else if ((FALSE.has(w) || DOUBT.has(w)) && k - lastNegation <= 3 && k - from < HEAD_WORDS + 3) {
      negated = false;
      negation = false;
    }
    else if (END.has(w)) ends ||= head;
    else if (CONTINUE.has(w) || (GOING.has(w) && lowerAt(tokens, k + 1) === 'on')) goesOn ||= head;
    else if (isContentWord(w) && !FALSE.has(w)) {
      const st = stem(w);
      if (!words.has(st)) words.set(st, w);
      parts.at(-1)!.push(st);
    }
  }
  return { ends, goesOn, negated, negation, words, parts };
}

/** A word that says something of its own: a letter first, not a stop word, three letters at least. */
function isContentWord(w: string): boolean {
  return w.length > 2 && !STOP.has(w) && /^[\p{L}]/u.test(w);
}

/** Each stem's row (rowOf), pushed one by one: arrays of one elements kind however many words, so meaningKeys' optimised code fits them all. */
export function rowsOf(stems: readonly string[], words: ReadonlyMap<string, string>): number[] {
  const vectors = wordVectors(en);
  const rows: number[] = [];
  for (const st of stems) rows.push(rowOf(vectors, words.get(st)!, st));
  return rows;
}

/** A content word's row in the shipped vectors: its own form, else its stem ("blockades" → "blockade"); −1 unknown. */
function rowOf(vectors: WordVectors, word: string, st: string): number {
  const own = vectors.id(word);
  return own >= 0 ? own : vectors.id(st);
}

/** Words among the commonest (GloVe's first COMMON by frequency) are no topic of their own. */
const COMMON = 3000;

/** Rows follow corpus frequency, so a word's row is its rank; an unknown word is rare. */
function isRare(word: string): boolean {
  const row = wordVectors(en).id(word);
  return row < 0 || row >= COMMON;
}

/**
 * A belief opening a content, with its subject pronoun ("he did not think …", "she believes
 * that …"): where the content proper starts, and whether the belief is denied.
 */
export function innerBelief(tokens: readonly Token[]): { end: number; negated: boolean } | null {
  let k = 0;
  while (k < tokens.length && /^[^\p{L}\p{N}]+$/u.test(tokens[k]!.lower)) k++;
  if (!SELF.has(lowerAt(tokens, k))) return null;
  k++;
  let negated = false;
  if (DO_AUX.has(lowerAt(tokens, k))) {
    negated = tokens[k]!.lower.endsWith("n't") || lowerAt(tokens, k + 1) === 'not' || lowerAt(tokens, k + 1) === "n't";
    k += lowerAt(tokens, k + 1) === 'not' || lowerAt(tokens, k + 1) === "n't" ? 2 : 1;
  }
  const verb = lowerAt(tokens, k);
  if (!NEG_RAISING.has(verb) && !NEG_RAISING.has(verb.replace(/s$/, '')) && verb !== 'thought' && verb !== 'believed') return null;
  k++;
  if (lowerAt(tokens, k) === 'that') k++;
  return k < tokens.length ? { end: k, negated } : null;
}

/** How far after its subject a word still says what the subject is or does ("the League is impartial"). */
const PREDICATE_REACH = 8;

/**
 * What a content is about: the entity opening it (or its speaker, for a pronoun opening reported
 * speech), and the rare words said of it within a few words after it.
 */
export function subjectOf(tokens: readonly Token[], from: number, to: number, c: Claim): { subject: string | null; said: string[] } {
  let k = from;
  while (k < to && (/^[^\p{L}\p{N}]+$/u.test(tokens[k]!.lower) || tokens[k]!.lower === 'that' || tokens[k]!.lower === 'the')) k++;
  if (k >= to) return { subject: null, said: [] };
  const t = tokens[k]!;
  const subject = t.entity ?? (SELF.has(t.lower) && c.speaker?.entity ? c.speaker.entity : null);
  if (!subject) return { subject: null, said: [] };
  while (k < to && tokens[k]!.entity === subject) k++;
  // A possessor or a modifier is not the subject ("Clinton's use of …", "the Republican nominee"),
  // except for the body that speaks for it ("the Chinese government").
  const next = lowerAt(tokens, k);
  if (t.entity && (next === "'s" || next === "'" || (/^\p{Ll}/u.test(next) && !FINITE.has(next) && !SPEAKING_BODIES.has(next) && !next.endsWith('ed')))) return { subject: null, said: [] };
  const said = new Set<string>();
  for (let j = k; j < to && j < k + PREDICATE_REACH; j++) {
    const w = tokens[j]!.lower;
    if (!tokens[j]!.entity && w.length >= 4 && !STOP.has(w) && isRare(w)) said.add(stem(w));
  }
  return { subject, said: [...said].sort() };
}

export function opensWithPronoun(tokens: readonly Token[], from: number, to: number): boolean {
  let k = from;
  while (k < to && (/^[^\p{L}\p{N}]+$/u.test(tokens[k]!.lower) || tokens[k]!.lower === 'that')) k++;
  return k < to && PERSONAL.has(tokens[k]!.lower);
}

/** A finite verb (an auxiliary, a negation, a past form) among the tokens [from, to). */
export function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.lower;
    if (FINITE.has(w) || (w.length > 4 && w.endsWith('ed') && !tokens[k]!.entity)) return true;
  }
  return false;
}

/**
 * A denial whose content names a thing and states nothing — "rejected the self-described
 * democratic socialist", "dismissed Obama's actions on guns" — rejects it: no side on a statement.
 * "Denied any wrongdoing", "denied smuggling timber" and "rejected claims it …" still deny that something is so,
 * and so does a denial answering what was just said ("argued for a tribunal, something Vale opposes").
 */
export function rejectsAThing(tokens: readonly Token[]): boolean {
  const first = tokens.find((t) => !/^[^\p{L}\p{N}]+$/u.test(t.lower));
  if (!first || first.lower === 'that' || NONE_OF.has(first.lower)) return false;
  // "denied smuggling timber" denies a deed; "rejected claims it leaked data" denies what was said.
  if ((!first.entity && first.lower.length > 5 && first.lower.endsWith('ing')) || SAYING.has(first.lower)) return false;
  return !tokens.some((t) => FINITE.has(t.lower));
}

/** How far after the word of cause an accident may be named ("caused by a violation of fire safety rules"). */
const CAUSE_REACH = 7;

/**
 * The act of a plan that tokens [from, to) disown — a planning word in their opening, under a denial or right after a
 * negation — as the stems of its first content words and the places or parties it names, as `@` and the entity id, up
 * to the end of its clause ("no plans to close the border": close, border; "no plans to attack Arica, as …": attack,
 * @Arica's id); else none.
 */
export function disownedPlan(tokens: readonly Token[], from: number, to: number, denied: boolean): string[] {
  for (let k = from; k < to && k < from + HEAD_WORDS; k++) {
    if (!PLANNING_STEMS.has(stem(tokens[k]!.lower))) continue;
    let negated = denied;
    for (let j = Math.max(from, k - 2); j < k && !negated; j++) negated = NEGATION.has(tokens[j]!.lower);
    if (!negated) continue;
    const act = new Set<string>();
    for (let j = k + 1; j < to && j <= k + ACT_REACH && act.size < ACT_WORDS; j++) {
      const t = tokens[j]!;
      if (/^[,;:.]$/.test(t.lower)) break;
      if (t.entity) act.add(`@${t.entity}`);
      else if (isContentWord(t.lower)) act.add(stem(t.lower));
    }
    return [...act].sort();
  }
  return [];
}

/** The act of a plan is read from the few words after the planning word: at most this many, within this reach. */
const ACT_WORDS = 3;
const ACT_REACH = 8;

/**
 * What the content gives an accident as the cause of, and so says no war event made it: a blast ("a fire at the depot
 * was caused by a short circuit", "the explosions were due to careless smoking": no attack) or a crash ("the crash was
 * caused by a technical fault": no shooting-down); else null.
 */
export function accidentCause(tokens: readonly Token[], from: number, to: number): 'attack' | 'intercept' | null {
  let what: 'attack' | 'intercept' | null = null;
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.lower;
    const kind = ACCIDENT_OF.get(w);
    if (kind) what = kind;
    else if (what && CAUSE_WORDS.has(w)) {
      for (let j = k + 1; j < to && j <= k + CAUSE_REACH; j++) if (ACCIDENTS.has(tokens[j]!.lower)) return what;
      return null;
    }
  }
  return null;
}
