/**
 * Expressions that open with a digit: dates ("27 April", "2025-04-27"), clock times, years with
 * a quarter ("2024 Q3"), hyphenated compounds and counts. It reads the date, duration and period
 * grammars, so it sits above them: dates.ts reads none of those, and durations and periods may
 * read dates without a cycle.
 */
import { clock } from './clock.js';
import { dayMonth, isYear, numericDate, rangeDay } from './dates.js';
import { countLed } from './durations.js';
import { hyphenated } from './hyphenated.js';
import { partAt } from './periods.js';
import type { Match, Scanner } from './scanner.js';

/** A date, time, year or count from a token that opens with a digit (or an ordinal day). */
export function digitLed(g: Scanner, i: number): Match | null {
  const w = g.lower[i]!;
  const numeric = numericDate(g, w);
  if (numeric) return g.make(i, i + 1, 'DATE', { k: 'cal', ...numeric });
  if (w.includes('-')) return hyphenated(g, i);
  const last = w.charCodeAt(w.length - 1);
  if (last === 115 /* s */) {
    // "1990s" → 199
    if (w.length === 5 && g.num.digitValue(w.slice(0, 4)) >= 1000 && w.charCodeAt(3) === 48) return g.make(i, i + 1, 'DATE', { k: 'value', value: w.slice(0, 3) });
    return null;
  }
  if (!(last >= 48 && last <= 57)) {
    // Ordinals: "27th April", "27th of April", "20th century".
    const d = g.dayAt(i);
    if (d < 0 || !(w.endsWith('th') || w.endsWith('st') || w.endsWith('nd') || w.endsWith('rd'))) return null;
    if (g.w(i + 1) === 'century') return g.make(i, i + 2, 'DATE', { k: 'value', value: String(d - 1).padStart(2, '0') });
    return dayMonth(g, i, d);
  }
  const time = clock(g, i);
  if (time) return time;
  const d = g.dayAt(i);
  if (d > 0) {
    const dm = dayMonth(g, i, d) ?? rangeDay(g, i, d);
    if (dm) return dm;
  }
  const y = g.yearAt(i);
  if (y > 0 && isYear(g, i, y)) {
    // "the 1988 period", "the 1988 quarter": the quarter under report in that year.
    if (g.w(i - 1) === 'the' && (g.w(i + 1) === 'period' || g.w(i + 1) === 'quarter')) return g.make(i, i + 2, 'DATE', { k: 'quarterRef', years: 0, year: y });
    const part = partAt(g, i + 1);
    if (part) return g.make(i, part.end, 'DATE', { k: 'part', p: part.p, n: part.n, y, yearShift: null });
    return g.make(i, i + 1, 'DATE', { k: 'cal', y, m: null, d: null });
  }
  return countLed(g, i);
}
