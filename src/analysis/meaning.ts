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
/** Topic words whose pairs are lookup keys: the heaviest few. */
const KEY_WORDS = 3;

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
}

/**
 * How far two contents say the same by meaning (0 when either has no rows). Pairs with fewer
 * than two shared topic words, or that could not reach `bar` even if every other word met a
 * near word, score 0 without any vector work: most candidate pairs stop there.
 */
export function meaningOverlap(a: Terms, b: Terms, bar = 0): MeaningOverlap {
  if (!a.rows || !b.rows || !a.words.length || !b.words.length) return { score: 0, topics: 0 };
  const ea = exact(a, b);
  const eb = exact(b, a);
  if (ea.topics < 2) return { score: 0, topics: ea.topics };
  if (f1(ea.met / ea.total, eb.met / eb.total) >= bar || f1((ea.met + ea.open) / ea.total, (eb.met + eb.open) / eb.total) >= bar) {
    const sa = (ea.met + near(a, b, ea.unmet)) / ea.total;
    // One side known, the other at its best: no need to measure it when even that falls short.
    if (f1(sa, (eb.met + eb.open) / eb.total) < bar) return { score: 0, topics: ea.topics };
    const sb = (eb.met + near(b, a, eb.unmet)) / eb.total;
    const score = f1(sa, sb);
    return { score: score >= bar ? score : 0, topics: ea.topics };
  }
  return { score: 0, topics: ea.topics };
}

function f1(x: number, y: number): number {
  return x + y > 0 ? (2 * x * y) / (x + y) : 0;
}

/**
 * What of `a` meets `b` by stem: its total weight, the weight met, the weight of words that could
 * still meet a near word (known to the vectors), those words' indexes, and the shared topic words.
 */
function exact(a: Terms, b: Terms): { total: number; met: number; open: number; unmet: number[]; topics: number } {
  let total = 0;
  let met = 0;
  let open = 0;
  let topics = 0;
  const unmet: number[] = [];
  let j = 0;
  a.words.forEach((w, i) => {
    const row = a.rows![i] ?? -1;
    const weight = weightOf(row);
    total += weight;
    while (j < b.words.length && b.words[j]! < w) j++;
    if (b.words[j] === w) {
      met += weight;
      if (weight >= TOPIC_WEIGHT) topics++;
    } else if (row >= 0) {
      open += weight;
      unmet.push(i);
    }
  });
  return { total, met, open, unmet, topics };
}

/** The weight `a`'s unmet words gain from their nearest words in `b` (cosine, when at least NEAR). */
function near(a: Terms, b: Terms, unmet: readonly number[]): number {
  const known = Int32Array.from(b.rows!.filter((r) => r >= 0));
  if (!known.length) return 0;
  const vectors = wordVectors(en);
  let gain = 0;
  for (const i of unmet) {
    const row = a.rows![i]!;
    const sim = vectors.closest(row, known);
    if (sim >= NEAR) gain += weightOf(row) * sim;
  }
  return gain;
}

/** Lookup keys: each pair of a content's heaviest topic words (two words in common make a candidate). */
export function meaningKeys(t: Terms): string[] {
  if (!t.rows) return [];
  const heavy = t.words
    .map((w, i) => ({ w, weight: weightOf(t.rows![i] ?? -1) }))
    .filter((x) => x.weight >= TOPIC_WEIGHT)
    .sort((x, y) => y.weight - x.weight || (x.w < y.w ? -1 : 1))
    .slice(0, KEY_WORDS)
    .map((x) => x.w)
    .sort();
  const keys: string[] = [];
  for (let i = 0; i < heavy.length; i++) for (let j = i + 1; j < heavy.length; j++) keys.push(`t:${heavy[i]}|${heavy[j]}`);
  return keys;
}
