import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lang/index.js';
import { DIMENSIONS, SCALE, wordVectors } from '../../src/lang/vectors.js';

const vectors = wordVectors(en);
const file = readFileSync(en.data.vectors);
const raw = new Int8Array(file.buffer, file.byteOffset, file.byteLength);

/** The nearest of `rows` to row i as plain JavaScript sums it, straight from the shipped file. */
function reference(i: number, rows: readonly number[]): number {
  if (!rows.length) return -1;
  let best = -Infinity;
  for (const j of rows) {
    if (j === i) return 1;
    let s = 0;
    for (let d = 0; d < DIMENSIONS; d++) s += raw[i * DIMENSIONS + d]! * raw[j * DIMENSIONS + d]!;
    best = Math.max(best, s);
  }
  return best / (SCALE * SCALE);
}

/** A deterministic stream of row indices. */
function rowsFrom(seed: number, n: number): number[] {
  const out: number[] = [];
  let x = seed;
  for (let k = 0; k < n; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(x % vectors.words.length);
  }
  return out;
}

describe('word vectors', () => {
  it('finds the nearest word by meaning exactly as plain sums do', () => {
    const id = (w: string) => vectors.id(w);
    const near = [id('attack'), id('assault'), id('banana'), id('offensive')];
    expect(vectors.closest(id('invasion'), Int32Array.from(near))).toBe(reference(id('invasion'), near));
    expect(vectors.closest(id('invasion'), Int32Array.from(near))).toBeGreaterThan(vectors.closest(id('invasion'), Int32Array.from([id('banana')])));
    for (let seed = 1; seed <= 300; seed++) {
      const [i, ...rows] = rowsFrom(seed, 1 + (seed % 60));
      expect(vectors.closest(i!, Int32Array.from(rows))).toBe(reference(i!, rows));
    }
  });

  it('answers 1 for the word itself, −1 for no rows, and reads only the first `count`', () => {
    const rows = rowsFrom(7, 10);
    expect(vectors.closest(rows[3]!, Int32Array.from(rows))).toBe(1);
    expect(vectors.closest(rows[3]!, new Int32Array(0))).toBe(-1);
    expect(vectors.closest(rows[9]!, Int32Array.from(rows), 5)).toBe(reference(rows[9]!, rows.slice(0, 5)));
  });

  it('compares with more rows than the kernel takes at once', () => {
    const rows = rowsFrom(11, 9000);
    const i = rowsFrom(12, 1)[0]!;
    const others = rows.filter((r) => r !== i);
    expect(vectors.closest(i, Int32Array.from(others))).toBe(reference(i, others));
    // The word itself in the third batch, after two batches without it.
    const withSelf = [...others.slice(0, 8500), i, ...others.slice(8500)];
    expect(vectors.closest(i, Int32Array.from(withSelf))).toBe(1);
  });

  it('keeps similarity and the sums of rows as the file has them', () => {
    const [a, b] = ['troops', 'soldiers'].map((w) => vectors.id(w));
    expect(vectors.similarity('troops', 'soldiers')).toBe(reference(a!, [b!]));
    const sum = new Float32Array(DIMENSIONS);
    vectors.addRow(sum, b!, 2);
    expect([...sum]).toEqual([...new Float32Array(Array.from({ length: DIMENSIONS }, (_, d) => (raw[b! * DIMENSIONS + d]! * 2) / SCALE))]);
  });
});
