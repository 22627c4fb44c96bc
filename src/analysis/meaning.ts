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
const KEY_WORDS = 4;

/**
 * How much a word tells of what a content is about: the log of its frequency rank, from 0.25
 * for the commonest words up to 4 for rare and unknown ones (names of things, technical terms).
 */
export function weightOf(row: number): number {
  if (row < 0) return 4;
  return Math.min(4, Math.max(0.25, Math.log((row + 1) / 60)));
}

export interface MeaningOverlap {
  /** Harmonic mean of the shares of each content's weight the other covers, 0–1. */
  score: number;
  /** Topic words each content shares with the other by stem (the fewer of the two counts). */
  topics: number;
}

/** How far two contents say the same by meaning (0 when either has no rows). */
export function meaningOverlap(a: Terms, b: Terms): MeaningOverlap {
  if (!a.rows || !b.rows || !a.words.length || !b.words.length) return { score: 0, topics: 0 };
  const ab = cover(a, b);
  const ba = cover(b, a);
  const score = ab.share + ba.share > 0 ? (2 * ab.share * ba.share) / (ab.share + ba.share) : 0;
  return { score, topics: Math.min(ab.topics, ba.topics) };
}

/** The share of `a`'s weight that `b` covers, and how many of `a`'s topic words it meets. */
function cover(a: Terms, b: Terms): { share: number; topics: number } {
  const vectors = wordVectors(en);
  const known = Int32Array.from(b.rows!.filter((r) => r >= 0));
  let total = 0;
  let met = 0;
  let topics = 0;
  a.words.forEach((w, i) => {
    const row = a.rows![i] ?? -1;
    const weight = weightOf(row);
    total += weight;
    let best = sortedHas(b.words, w) ? 1 : 0;
    if (!best && row >= 0 && known.length) {
      const near = vectors.closest(row, known);
      if (near >= NEAR) best = near;
    }
    met += weight * best;
    // Near words add to the score; only the same word makes a shared topic.
    if (best === 1 && weight >= TOPIC_WEIGHT) topics++;
  });
  return { share: total ? met / total : 0, topics };
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

function sortedHas(list: readonly string[], w: string): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < w) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] === w;
}
