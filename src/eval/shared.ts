import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UnavailableError } from '../errors.js';

/** The project root (where package.json is). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A path inside the shared evaluation data (../shared next to the checkout, or $CLAIMTRAIL_SHARED).
 * The data is third-party text read at run time, never copied into the project.
 */
export function sharedPath(...parts: string[]): string {
  const base = process.env.CLAIMTRAIL_SHARED ?? resolve(ROOT, '../shared');
  const path = resolve(base, ...parts);
  if (!existsSync(path)) throw new UnavailableError(`${path}: evaluation data not found (set CLAIMTRAIL_SHARED to the shared folder)`);
  return path;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/**
 * Offsets in the shared sets count Unicode code points; JavaScript strings count UTF-16 units.
 * Returns a function mapping a code-point offset in `text` to its UTF-16 offset.
 */
export function codePointToUtf16(text: string): (offset: number) => number {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (offset) => map[offset] ?? u;
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts (0 where undefined). */
export function prf(tp: number, fp: number, fn: number): Scores {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Print rows as an aligned table; numbers in [0, 1] shown with three decimals. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(3)) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  for (const [k, r] of cells.entries()) {
    console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}
