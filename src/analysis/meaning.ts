import { en } from '../lang/index.js';
import { wordVectors } from '../lang/vectors.js';

/**
 * What two contents say in common by meaning rather than by exact words: each content word counts
 * by how much it tells (a rare word such as "blockade" or "bluff" much, "said" or "war" little,
 * read from its frequency rank in the shipped vectors), and a word meets the other content's word
 * of the same stem or, failing that, its nearest word by meaning ("blockade" — "blocking",
 * "fraudulent" — "rigged"). Outlets word one statement differently; this is how their claims meet.
 */
export interface Terms {
  /** Stems of the content words, sorted. */
  words: readonly string[];
  /** Each word's row in the shipped vectors (−1 unknown), in the order of `words`; absent in features stored before it existed. */
  rows?: readonly number[];
}

/** Words this close by meaning count as the same word, in proportion (0.6 let "prepare" meet "start"). */
const NEAR = 0.7;
/** Words that tell at least this much are a content's topic words ("nuclear", "turbine"), keys to find it by. */
const TOPIC_WEIGHT = 1.5;
/** Topic words whose pairs are lookup keys: the heaviest few, one more in a long content (it names more things). */
const KEY_WORDS = 3;
const LONG = 10;

/**
 * How much a word tells of what a content is about: the log of its frequency rank, from 0.25
 * for the commonest words up to 4 for rare and unknown ones (names of things, technical terms).
 */
export function weightOf(row: number): number {
  if (row < 0) return 4;
  return Math.min(4, Math.max(0.25, Math.log((row + 1) / 60)));
}

export interface MeaningOverlap {
  /** Harmonic mean of the shares of each content's weight the other covers, 0–1 (0 below `bar`). */
  score: number;
  /** Topic words the two contents share by stem. */
  topics: number;
  /** The share of the first content's weight the second covers (absent below `bar`). */
  first?: number;
}

/**
 * How far two contents say the same by meaning (0 when either has no rows). Pairs with fewer
 * than two shared topic words, or that could not reach `bar` even if every other word met a
 * near word, score 0 without any vector work: most candidate pairs stop there.
 */
export function meaningOverlap(a: Terms, b: Terms, bar = 0): MeaningOverlap {
  if (!a.rows || !b.rows || !a.words.length || !b.words.length) return { score: 0, topics: 0 };
  const wa = weighed(a);
  const wb = weighed(b);
  const ea = exact(a, wa, b);
  if (ea.topics < 2) return { score: 0, topics: ea.topics };
  const eb = exact(b, wb, a);
  if (f1(ea.met / ea.total, eb.met / eb.total) >= bar || f1((ea.met + ea.open) / ea.total, (eb.met + eb.open) / eb.total) >= bar) {
    const sa = (ea.met + near(a, wa, wb, ea.unmet)) / ea.total;
    // One side known, the other at its best: no need to measure it when even that falls short.
    if (f1(sa, (eb.met + eb.open) / eb.total) < bar) return { score: 0, topics: ea.topics };
    const sb = (eb.met + near(b, wb, wa, eb.unmet)) / eb.total;
    const score = f1(sa, sb);
    return score >= bar ? { score, topics: ea.topics, first: sa } : { score: 0, topics: ea.topics };
  }
  return { score: 0, topics: ea.topics };
}

/** What meaningOverlap reads of a content's rows, whatever it is compared with: each word's weight, their sum, the known rows. */
interface Weighed {
  weights: Float64Array;
  total: number;
  known: Int32Array;
}

/**
 * Kept per rows array: a claim meets several candidate propositions, and a proposition many
 * claims in one refresh. Rows are never changed in place (a proposition keeps its founder's).
 */
const WEIGHED = new WeakMap<readonly number[], Weighed>();

function weighed(t: Terms): Weighed {
  const rows = t.rows!;
  let w = WEIGHED.get(rows);
  if (!w) {
    const weights = new Float64Array(t.words.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i] = weightOf(rows[i] ?? -1);
    w = { weights, total, known: Int32Array.from(rows.filter((r) => r >= 0)) };
    WEIGHED.set(rows, w);
  }
  return w;
}

function f1(x: number, y: number): number {
  return x + y > 0 ? (2 * x * y) / (x + y) : 0;
}

/**
 * What of `a` meets `b` by stem: its total weight, the weight met, the weight of words that could
 * still meet a near word (known to the vectors), those words' indexes, and the shared topic words.
 */
function exact(a: Terms, wa: Weighed, b: Terms): { total: number; met: number; open: number; unmet: number[]; topics: number } {
  let met = 0;
  let open = 0;
  let topics = 0;
  const unmet: number[] = [];
  const { words } = a;
  const other = b.words;
  let j = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const weight = wa.weights[i]!;
    while (j < other.length && other[j]! < w) j++;
    if (other[j] === w) {
      met += weight;
      if (weight >= TOPIC_WEIGHT) topics++;
    } else if ((a.rows![i] ?? -1) >= 0) {
      open += weight;
      unmet.push(i);
    }
  }
  return { total: wa.total, met, open, unmet, topics };
}

/** The weight `a`'s unmet words gain from their nearest words in `b` (cosine, when at least NEAR). */
function near(a: Terms, wa: Weighed, wb: Weighed, unmet: readonly number[]): number {
  const known = wb.known;
  if (!known.length) return 0;
  const vectors = wordVectors(en);
  let gain = 0;
  for (const i of unmet) {
    const sim = vectors.closest(a.rows![i]!, known);
    if (sim >= NEAR) gain += wa.weights[i]! * sim;
  }
  return gain;
}

/**
 * Lookup keys: each pair of a content's heaviest topic words (two words in common make a
 * candidate). The weight is capped for most nouns and verbs, so the rarer of two words of one weight
 * goes first (its row is its frequency rank; an unknown word is the rarest), not the first in
 * alphabetical order.
 */
export function meaningKeys(t: Terms): string[] {
  const rows = t.rows;
  if (!rows) return [];
  // Word indexes and loops, not objects through chained array methods: this runs for every claim, and an object whose
  // rank is sometimes an integer and sometimes not changes shape under V8's optimised code, which then starts over.
  const rank = (i: number): number => {
    const row = rows[i] ?? -1;
    return row < 0 ? Number.MAX_SAFE_INTEGER : row;
  };
  const topical: number[] = [];
  for (let i = 0; i < t.words.length; i++) if (weightOf(rows[i] ?? -1) >= TOPIC_WEIGHT) topical.push(i);
  topical.sort((x, y) => rank(y) - rank(x) || (t.words[x]! < t.words[y]! ? -1 : 1));
  const heavy: string[] = [];
  for (let k = 0; k < topical.length && k < (t.words.length >= LONG ? KEY_WORDS + 1 : KEY_WORDS); k++) heavy.push(t.words[topical[k]!]!);
  heavy.sort();
  const keys: string[] = [];
  for (let i = 0; i < heavy.length; i++) for (let j = i + 1; j < heavy.length; j++) keys.push(`t:${heavy[i]}|${heavy[j]}`);
  return keys;
}
