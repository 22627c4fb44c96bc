import { tokenize, type Sentence, type Tokens } from '../doc/tokenize.js';
import type { Analysis, Claim } from '../doc/types.js';
import { DIMENSIONS, wordVectors, type WordVectors } from '../lang/vectors.js';
import { en } from '../lang/index.js';
import { CONFIRM, HEDGE, NEGATION, PRONOUNS, REFUTE, STOP, stem } from '../lang/en/check.js';

/**
 * A text (an article or a claim) read once into what the stance features compare: per sentence
 * its content words as stem ids, their weights and meaning vector, and counts of refuting,
 * hedging, confirming and negating words; the claims the pipeline found, placed in their
 * sentences. Everything a pair needs is here, so scoring a claim against many articles (or many
 * claims against one) reads each text once.
 */
export interface Prepared {
  text: string;
  sentences: PreparedSentence[];
  /** Content stem id → weight summed over the text. */
  tf: Map<number, number>;
  /** Norm of the weighted tf vector. */
  norm: number;
  /** Unit mean meaning vector of the content words. */
  vector: Float32Array;
  /** Rows (in the word vectors) of its distinct content words, and their weights. */
  rows: Int32Array;
  rowWeights: Float32Array;
  /** Pairs of successive content stems, as numbers. */
  bigrams: Set<number>;
  /** Entity ids of the analysis, and names (lower case) of entities with a mention. */
  entities: Set<string>;
  numbers: Set<number>;
  claims: PreparedClaim[];
}

export interface PreparedSentence {
  start: number;
  end: number;
  /** Distinct content stems and their weights. */
  stems: Int32Array;
  weights: Float32Array;
  total: number;
  /** Rows (in the word vectors) of its distinct content words, and their weights. */
  rows: Int32Array;
  rowWeights: Float32Array;
  /** Its word tokens in lower case, function words included (for the learned lexicon). */
  words: string[];
  /** Per word: its stem id, or −1 for a function word. */
  wordStems: Int32Array;
  /** Per word: 1 for a negation or refuting word. */
  turns: Uint8Array;
  vector: Float32Array;
  refute: number;
  hedge: number;
  confirm: number;
  negation: number;
  question: boolean;
  /** Index into `claims` of a claim whose content lies in this sentence, or −1. */
  claim: number;
}

export interface PreparedClaim {
  claim: Claim;
  sentence: number;
  stems: Int32Array;
  weights: Float32Array;
  /** Stems of its content said right after a negation or a refuting word ("not a single soldier has crossed"). */
  turned: Set<number>;
  /** Entities named inside its content; with its speaker's when the content opens with a pronoun ("it had sent troops"). */
  named: Set<string>;
}

/** A text's tokens and sentences, as `tokenize` gives them. */
export interface Tokenized {
  tokens: Tokens;
  sentences: Sentence[];
}

/** How many words after a negation a word counts as negated. */
export const TURN_WINDOW = 4;

const stemIds = new Map<string, number>();

export function stemId(w: string): number {
  const s = stem(w);
  let id = stemIds.get(s);
  if (id === undefined) stemIds.set(s, (id = stemIds.size));
  return id;
}

let vectors: WordVectors | null = null;
const LOG_VOCAB = Math.log(60_000);

/**
 * How much a word says: rare words more than common ones. The shipped vectors list words by
 * corpus frequency, so a word's row stands in for its document frequency (no corpus of our own
 * needed); words the vectors lack are rarer still.
 */
function informativeness(row: number): number {
  const rank = row < 0 ? 60_000 : row;
  return Math.max(0.1, Math.log(rank + 1) / LOG_VOCAB);
}

const isWord = (w: string) => /[\p{L}\p{N}]/u.test(w);
const NUMBER = /^\d[\d,]*(?:\.\d+)?$/;

const REFUTING = 1;
const HEDGING = 2;
const CONFIRMING = 4;
const NEGATING = 8;
const FUNCTION = 16;
const WORD = 32;

/** What prepare needs of a lower-case token, worked out once per distinct word. */
interface WordInfo {
  flags: number;
  stem: number;
  row: number;
  weight: number;
  /** Its value when the token is a number ("1,500"), else NaN. */
  value: number;
}

/** Distinct words seen; cleared when it grows past WORDS (a long run over many texts). */
const words = new Map<string, WordInfo>();
const WORDS = 500_000;

function wordInfo(w: string, wv: WordVectors): WordInfo {
  let info = words.get(w);
  if (!info) {
    if (words.size >= WORDS) words.clear();
    const flags =
      (REFUTE.has(w) ? REFUTING : 0) | (HEDGE.has(w) ? HEDGING : 0) | (CONFIRM.has(w) ? CONFIRMING : 0) | (NEGATION.has(w) ? NEGATING : 0) | (STOP.has(w) ? FUNCTION : 0) | (isWord(w) ? WORD : 0);
    const row = flags & WORD && !(flags & FUNCTION) ? wv.id(w) : -1;
    info = { flags, stem: flags & WORD && !(flags & FUNCTION) ? stemId(w) : -1, row, weight: informativeness(row), value: NUMBER.test(w) ? Number(w.replace(/,/g, '')) : NaN };
    words.set(w, info);
  }
  return info;
}

/**
 * A text read into its Prepared form. `read` is its tokens and sentences when the pipeline's Doc still holds them (the
 * same tokenize of the same text); without it, the text is tokenized again.
 */
export function prepare(analysis: Analysis, read: Tokenized = tokenize(analysis.article.text)): Prepared {
  vectors ??= wordVectors(en);
  const wv = vectors;
  const text = analysis.article.text;
  const { tokens, sentences } = read;
  const tf = new Map<number, number>();
  const bigrams = new Set<number>();
  const vector = new Float32Array(DIMENSIONS);
  const numbers = new Set<number>();
  for (const q of analysis.quantities) numbers.add(q.value);
  const out: PreparedSentence[] = [];
  let previous = -1;
  for (const s of sentences) {
    const stems = new Map<number, number>();
    const rows = new Map<number, number>();
    const sentenceWords: string[] = [];
    const wordStems: number[] = [];
    const turns: number[] = [];
    const sv = new Float32Array(DIMENSIONS);
    let refute = 0;
    let hedge = 0;
    let confirm = 0;
    let negation = 0;
    let question = false;
    for (let i = s.first; i < s.last; i++) {
      const w = tokens.lower[i]!;
      if (w === '?') question = true;
      const { flags, stem: id, row, weight, value } = wordInfo(w, wv);
      if (flags & REFUTING) refute++;
      if (flags & HEDGING) hedge++;
      if (flags & CONFIRMING) confirm++;
      if (flags & NEGATING) negation++;
      if (!Number.isNaN(value)) numbers.add(value);
      if (!(flags & WORD)) continue;
      sentenceWords.push(w);
      turns.push(flags & (NEGATING | REFUTING) ? 1 : 0);
      if (flags & FUNCTION) {
        wordStems.push(-1);
        continue;
      }
      wordStems.push(id);
      stems.set(id, Math.max(stems.get(id) ?? 0, weight));
      tf.set(id, (tf.get(id) ?? 0) + weight);
      if (previous >= 0) bigrams.add(previous * 1_048_576 + id);
      previous = id;
      if (row >= 0 && !rows.has(row)) {
        wv.addRow(sv, row, weight);
        rows.set(row, weight);
      }
    }
    previous = -1;
    for (let d = 0; d < DIMENSIONS; d++) vector[d]! += sv[d]!;
    normalise(sv);
    out.push({
      start: s.start,
      end: s.end,
      stems: Int32Array.from(stems.keys()),
      weights: Float32Array.from(stems.values()),
      total: [...stems.values()].reduce((a, b) => a + b, 0),
      rows: Int32Array.from(rows.keys()),
      rowWeights: Float32Array.from(rows.values()),
      words: sentenceWords,
      wordStems: Int32Array.from(wordStems),
      turns: Uint8Array.from(turns),
      vector: sv,
      refute,
      hedge,
      confirm,
      negation,
      question,
      claim: -1,
    });
  }
  normalise(vector);
  const allRows = new Map<number, number>();
  for (const s of out) s.rows.forEach((r, k) => allRows.set(r, s.rowWeights[k]!));
  let norm = 0;
  for (const v of tf.values()) norm += v * v;
  const entities = new Set<string>();
  for (const e of analysis.entities) {
    entities.add(e.id);
    entities.add(e.name.toLowerCase());
  }
  const claims = analysis.claims.map((claim) => {
    const sentence = sentenceAt(out, claim.content.start);
    const stems = new Map<number, number>();
    const turned = new Set<number>();
    let last = -TURN_WINDOW - 1;
    const ws = claim.content.text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    ws.forEach((w, i) => {
      const info = wordInfo(w, wv);
      if (info.flags & (NEGATING | REFUTING) || /n['’]t$/.test(w)) last = i;
      if (info.flags & FUNCTION) return;
      stems.set(info.stem, info.weight);
      if (i - last <= TURN_WINDOW) turned.add(info.stem);
    });
    const named = new Set<string>();
    const { start, end } = claim.content;
    for (const e of analysis.entities) if (e.mentions.some((m) => m.start >= start && m.end <= end)) named.add(e.id);
    if (claim.speaker?.entity && PRONOUNS.has(ws[0] ?? '')) named.add(claim.speaker.entity);
    return { claim, sentence, stems: Int32Array.from(stems.keys()), weights: Float32Array.from(stems.values()), turned, named };
  });
  claims.forEach((c, i) => {
    const s = out[c.sentence];
    if (s && s.claim < 0) s.claim = i;
  });
  return { text, sentences: out, tf, norm: Math.sqrt(norm), vector, rows: Int32Array.from(allRows.keys()), rowWeights: Float32Array.from(allRows.values()), bigrams, entities, numbers, claims };
}

function sentenceAt(sentences: readonly PreparedSentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else if (sentences[mid]!.start > offset) hi = mid - 1;
    else return mid;
  }
  return Math.min(lo, sentences.length - 1);
}

function normalise(v: Float32Array): void {
  let n = 0;
  for (let d = 0; d < v.length; d++) n += v[d]! * v[d]!;
  n = Math.sqrt(n);
  if (n > 0) for (let d = 0; d < v.length; d++) v[d]! /= n;
}
