import { dateMiddle } from './format.js';

/** Least distance between two steps on the axis (as a share of it), so none hides another. */
const GAP = 0.08;

/**
 * Where each step sits on the axis, 0…1: dated steps by date (a week or month at its middle, so
 * "2024-W44" sits between October and 5 November); undated ones between their dated
 * neighbours in story order (the story is already in the order the claims were made). Steps on
 * the same date are pushed apart just enough to be seen.
 */
export function axisPositions(steps: { placed: string | null }[]): number[] {
  const t = steps.map((s) => dateMiddle(s.placed));
  const dated = t.filter((x): x is number => x !== null);
  if (!dated.length) return steps.map((_, i) => (steps.length === 1 ? 0.5 : i / (steps.length - 1)));
  const min = Math.min(...dated);
  const span = Math.max(...dated) - min;
  const pos = t.map((x) => (x === null ? null : span ? (x - min) / span : 0.5));
  const filled = pos.map((p, i) => {
    if (p !== null) return p;
    let before = i - 1;
    while (before >= 0 && pos[before] === null) before--;
    let after = i + 1;
    while (after < pos.length && pos[after] === null) after++;
    const lo = before >= 0 ? pos[before]! : 0;
    const hi = after < pos.length ? pos[after]! : 1;
    return lo + ((hi - lo) * (i - before)) / (after - before);
  });
  for (let i = 1; i < filled.length; i++) filled[i] = Math.max(filled[i]!, filled[i - 1]! + GAP);
  const last = filled[filled.length - 1]!;
  return last > 1 ? filled.map((p) => p / last) : filled;
}

/**
 * The row (0…rows-1) of each label on the axis, so labels never overlap: a label takes the first
 * row whose last label ends before it starts. `x` are label centres and `widths` their widths,
 * in one unit; labels are placed in order.
 */
export function labelRows(x: readonly number[], widths: readonly number[], rows: number): number[] {
  const ends: number[] = Array.from({ length: rows }, () => -Infinity);
  return x.map((cx, i) => {
    const left = cx - widths[i]! / 2;
    let row = ends.findIndex((end) => end <= left);
    // Crowded beyond every row: the row whose last label ends first.
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = cx + widths[i]! / 2;
    return row;
  });
}
