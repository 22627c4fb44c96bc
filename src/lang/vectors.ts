import { readFileSync } from 'node:fs';
import type { Language } from './language.js';
import { UnavailableError } from '../errors.js';

/** Components per word vector. */
export const DIMENSIONS = 100;
/** A unit vector's components are stored as round(x × SCALE) in a signed byte (|x| < 0.6 in the shipped set). */
export const SCALE = 200;


/**
 * English word vectors (GloVe, 100 dimensions, the 60,000 most frequent lower-case words; built by
 * scripts/build-vectors.ts, see docs/vectors.md). What they are for: telling that two words mean
 * nearly the same ("invasion" and "offensive", "baseless" and "groundless") without a list of
 * synonyms, and describing a text by its meaning rather than by its exact words.
 */
export class WordVectors {
  private readonly index: Map<string, number>;
  private readonly scratch = new Int32Array(DIMENSIONS);

  constructor(
    readonly words: readonly string[],
    private readonly data: Int8Array,
  ) {
    this.index = new Map(words.map((w, k) => [w, k]));
  }

  has(word: string): boolean {
    return this.index.has(word.toLowerCase());
  }

  /** A lower-case word's row, or −1 when unknown. Rows follow corpus frequency: row 0 is the commonest word. */
  id(lower: string): number {
    return this.index.get(lower) ?? -1;
  }

  /** Add row `k`'s unit vector (times `weight`) into `into`. */
  addRow(into: Float32Array, k: number, weight = 1): void {
    const x = k * DIMENSIONS;
    const w = weight / SCALE;
    for (let d = 0; d < DIMENSIONS; d++) into[d]! += this.data[x + d]! * w;
  }

  /** The largest cosine similarity of row `i` with any of the first `count` of `rows`; −1 for none. */
  closest(i: number, rows: ArrayLike<number>, count = rows.length): number {
    const data = this.data;
    // Row i as integers, two running sums in int32 arithmetic: a product is at most 127², a sum of
    // 50 of them far from overflow, so the sums are the exact ones (and a third faster than doubles).
    const a = this.scratch;
    const x = i * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++) a[d] = data[x + d]!;
    let best = -Infinity;
    for (let k = 0; k < count; k++) {
      const j = rows[k]!;
      if (j === i) return 1;
      const y = j * DIMENSIONS;
      let s0 = 0;
      let s1 = 0;
      for (let d = 0; d < DIMENSIONS; d += 2) {
        s0 = (s0 + a[d]! * data[y + d]!) | 0;
        s1 = (s1 + a[d + 1]! * data[y + d + 1]!) | 0;
      }
      if (s0 + s1 > best) best = s0 + s1;
    }
    return count ? best / (SCALE * SCALE) : -1;
  }


  /** Cosine similarity of two words' vectors, or null when either is unknown. */
  similarity(a: string, b: string): number | null {
    const i = this.index.get(a.toLowerCase());
    const j = this.index.get(b.toLowerCase());
    if (i === undefined || j === undefined) return null;
    if (i === j) return 1;
    let s = 0;
    const x = i * DIMENSIONS;
    const y = j * DIMENSIONS;
    for (let d = 0; d < DIMENSIONS; d++) s += this.data[x + d]! * this.data[y + d]!;
    return s / (SCALE * SCALE);
  }

  /** Add a word's unit vector (times `weight`) into `into`; false when the word is unknown. */
  addTo(into: Float32Array, word: string, weight = 1): boolean {
    const k = this.index.get(word.toLowerCase());
    if (k === undefined) return false;
    const x = k * DIMENSIONS;
    const w = weight / SCALE;
    for (let d = 0; d < DIMENSIONS; d++) into[d]! += this.data[x + d]! * w;
    return true;
  }

  /** The normalised mean of the known words' vectors (zeros when none is known). */
  mean(words: Iterable<string>): Float32Array {
    const v = new Float32Array(DIMENSIONS);
    for (const w of words) this.addTo(v, w);
    const n = Math.hypot(...v);
    if (n > 0) for (let d = 0; d < DIMENSIONS; d++) v[d]! /= n;
    return v;
  }
}

/** Cosine similarity of two vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    s += a[d]! * b[d]!;
    na += a[d]! * a[d]!;
    nb += b[d]! * b[d]!;
  }
  return na && nb ? s / Math.sqrt(na * nb) : 0;
}

const SHIPPED = new WeakMap<Language, WordVectors>();

/** A language's shipped vectors (`data.vectorWords`, `data.vectors`), read once (about 6 MB for English). */
export function wordVectors(language: Language): WordVectors {
  let vectors = SHIPPED.get(language);
  if (!vectors) {
    const { vectorWords, vectors: file } = language.data;
    const words = readFileSync(vectorWords, 'utf8').split('\n').filter(Boolean);
    const buffer = readFileSync(file);
    const data = new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if (data.length !== words.length * DIMENSIONS) throw new UnavailableError(`${file}: not the vectors of ${vectorWords}: ${data.length} bytes for ${words.length} words of ${DIMENSIONS} dimensions`);
    SHIPPED.set(language, (vectors = new WordVectors(words, data)));
  }
  return vectors;
}
