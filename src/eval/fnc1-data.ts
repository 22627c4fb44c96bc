/**
 * FNC-1 (../shared/eval/fnc1): headline–body pairs labelled agree / disagree / discuss / unrelated,
 * read at run time, and the body-disjoint split that the training script and the eval share.
 */
import { readFileSync } from 'node:fs';
import { STANCE_LABELS, type StanceLabel } from '../contract/values.js';
import { sharedPath } from './shared.js';
import { InputError } from '../errors.js';

export interface Fnc1Pair {
  claim: string;
  body: number;
  stance: StanceLabel;
}

export interface Fnc1 {
  bodies: Map<number, string>;
  pairs: Fnc1Pair[];
}

/** Percentage of bodies held out from training: the challenge baseline's 20 %. */
export const HELD_OUT_PERCENT = 20;

/**
 * Whether a body belongs to the held-out part. A hash of its id, so the split is the same on every
 * machine and run and never depends on file order; all pairs of a body fall on one side.
 */
export function heldOut(body: number): boolean {
  return bucket(`fnc1:${body}`) < HELD_OUT_PERCENT;
}

/** A stable number in [0, 100) for a key (FNV-1a). */
export function bucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 100;
}

const BODY_FILE = 'eval/fnc1/train_bodies.csv';

/** The training bodies by id. */
export function readFnc1Bodies(): Map<number, string> {
  const bodies = new Map<number, string>();
  const bodyFile = sharedPath(BODY_FILE);
  for (const [k, row] of parseCsv(readFileSync(bodyFile, 'utf8')).entries()) {
    if (k === 0) continue;
    const [id, text] = row;
    if (id === undefined || text === undefined) throw new InputError(bodyFile, `row ${k + 1} has ${row.length} fields`);
    bodies.set(Number(id), text);
  }
  return bodies;
}

export function readFnc1(): Fnc1 {
  const bodies = readFnc1Bodies();
  const bodyFile = sharedPath(BODY_FILE);
  const pairs: Fnc1Pair[] = [];
  const stanceFile = sharedPath('eval/fnc1/train_stances.csv');
  for (const [k, row] of parseCsv(readFileSync(stanceFile, 'utf8')).entries()) {
    if (k === 0) continue;
    const [claim, id, stance] = row;
    if (claim === undefined || id === undefined || !(STANCE_LABELS as readonly string[]).includes(stance ?? '')) throw new InputError(stanceFile, `row ${k + 1} is not headline,body,stance`);
    if (!bodies.has(Number(id))) throw new InputError(stanceFile, `row ${k + 1} names body ${id}, which ${bodyFile} lacks`);
    pairs.push({ claim, body: Number(id), stance: stance as StanceLabel });
  }
  return { bodies, pairs };
}

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. Fields are slices of the source (flat strings, no per-character concatenation). */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    let field: string;
    if (source[i] === '"') {
      const parts: string[] = [];
      let from = ++i;
      for (;;) {
        const q = source.indexOf('"', i);
        if (q < 0) throw new InputError('CSV', `a quoted field opened at ${from - 1} never closes`);
        if (source[q + 1] === '"') {
          parts.push(source.slice(from, q + 1));
          from = i = q + 2;
          continue;
        }
        parts.push(source.slice(from, q));
        i = q + 1;
        break;
      }
      field = parts.join('');
    } else {
      let end = i;
      while (end < n && source[end] !== ',' && source[end] !== '\n' && source[end] !== '\r') end++;
      field = source.slice(i, end);
      i = end;
    }
    row.push(field);
    if (source[i] === ',') {
      i++;
      if (i === n) row.push('');
      continue;
    }
    if (source[i] === '\r') i++;
    if (source[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
}

export interface Fnc1Scores {
  /** The challenge's weighted accuracy as a share of the best possible total. */
  fnc: number;
  macroF1: number;
  f1: Record<StanceLabel, number>;
  /** confusion[gold][predicted], in STANCE_LABELS order. */
  confusion: number[][];
  accuracy: number;
}

/** Scores predicted labels against gold ones, as the challenge did (README there). */
export function scoreFnc1(gold: readonly StanceLabel[], predicted: readonly StanceLabel[]): Fnc1Scores {
  const idx = (l: StanceLabel) => STANCE_LABELS.indexOf(l);
  const confusion = STANCE_LABELS.map(() => STANCE_LABELS.map(() => 0));
  let score = 0;
  let best = 0;
  let right = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    confusion[idx(g)]![idx(p)]!++;
    if (g === p) right++;
    const related = (l: StanceLabel) => l !== 'unrelated';
    best += related(g) ? 1 : 0.25;
    if (g === p) score += related(g) ? 1 : 0.25;
    else if (related(g) && related(p)) score += 0.25;
  });
  const f1 = Object.fromEntries(
    STANCE_LABELS.map((l, k) => {
      const tp = confusion[k]![k]!;
      const fp = confusion.reduce((a, row, g) => a + (g === k ? 0 : row[k]!), 0);
      const fn = confusion[k]!.reduce((a, v, p) => a + (p === k ? 0 : v), 0);
      return [l, tp ? (2 * tp) / (2 * tp + fp + fn) : 0];
    }),
  ) as Record<StanceLabel, number>;
  const macroF1 = STANCE_LABELS.reduce((a, l) => a + f1[l], 0) / STANCE_LABELS.length;
  return { fnc: best ? score / best : 0, macroF1, f1, confusion, accuracy: gold.length ? right / gold.length : 0 };
}
