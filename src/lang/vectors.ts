import { readFileSync } from 'node:fs';
import type { Language } from './language.js';
import { UnavailableError } from '../errors.js';
import { closestKernel, SELF, STRIDE, type ClosestKernel } from './closest-kernel.js';

/** Components per word vector. */
export const DIMENSIONS = 100;
/** A unit vector's components are stored as round(x × SCALE) in a signed byte (|x| < 0.6 in the shipped set). */
export const SCALE = 200;
/** Row indices `closest` hands the kernel at a time. */
const ROWS_AT_ONCE = 4096;

/**
 * English word vectors (GloVe, 100 dimensions, the 60,000 most frequent lower-case words; built by
 * scripts/build-vectors.ts, see docs/vectors.md). What they are for: telling that two words mean
 * nearly the same ("invasion" and "offensive", "baseless" and "groundless") without a list of
 * synonyms, and describing a text by its meaning rather than by its exact words.
 */
export class WordVectors {
  private readonly index: Map<string, number>;
  /** The vectors in the kernel's memory, STRIDE bytes apart: the kernel reads them there, the rest here. */
  private readonly data: Int8Array;
  private readonly kernel: ClosestKernel;
  /** Where `closest` puts the rows it compares with, after the vectors. */
  private readonly rowsAt: number;
  private readonly rows: Int32Array;

  /** `vectors`: DIMENSIONS signed bytes per word, in the order of `words`. */
  constructor(
    readonly words: readonly string[],
    vectors: Int8Array,
  ) {
    this.index = new Map(words.map((w, k) => [w, k]));
    this.rowsAt = words.length * STRIDE;
    this.kernel = closestKernel(this.rowsAt + ROWS_AT_ONCE * 4);
    const { buffer } = this.kernel.memory;
    this.data = new Int8Array(buffer, 0, this.rowsAt);
    for (let k = 0; k < words.length; k++) this.data.set(vectors.subarray(k * DIMENSIONS, (k + 1) * DIMENSIONS), k * STRIDE);
    this.rows = new Int32Array(buffer, this.rowsAt, ROWS_AT_ONCE);
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
    const x = k * STRIDE;
    const w = weight / SCALE;
    for (let d = 0; d < DIMENSIONS; d++) into[d]! += this.data[x + d]! * w;
  }

  /**
   * The largest cosine similarity of row `i` with any of the first `count` of `rows`; −1 for none,
   * 1 when row i is one of them. The sums are exact integers, so the kernel's answer is the one the
   * same products summed in JavaScript give.
   */
  closest(i: number, rows: Int32Array, count = rows.length): number {
    if (!count) return -1;
    let best = -Infinity;
    for (let from = 0; from < count; from += ROWS_AT_ONCE) {
      const n = Math.min(ROWS_AT_ONCE, count - from);
      this.rows.set(rows.subarray(from, from + n));
      const s = this.kernel.closest(i, this.rowsAt, n);
      if (s === SELF) return 1;
      if (s > best) best = s;
    }
    return best / (SCALE * SCALE);
  }

  /** Cosine similarity of two words' vectors, or null when either is unknown. */
  similarity(a: string, b: string): number | null {
    const i = this.index.get(a.toLowerCase());
    const j = this.index.get(b.toLowerCase());
    if (i === undefined || j === undefined) return null;
    if (i === j) return 1;
    let s = 0;
    const x = i * STRIDE;
    const y = j * STRIDE;
    for (let d = 0; d < DIMENSIONS; d++) s += this.data[x + d]! * this.data[y + d]!;
    return s / (SCALE * SCALE);
  }

  /** Add a word's unit vector (times `weight`) into `into`; false when the word is unknown. */
  addTo(into: Float32Array, word: string, weight = 1): boolean {
    const k = this.index.get(word.toLowerCase());
    if (k === undefined) return false;
    this.addRow(into, k, weight);
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
