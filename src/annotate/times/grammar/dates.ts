/**
 * Calendar dates: "27 April 2025", "April 27", "2025-04-27", "April 2025", bare years ("in 1991"),
 * year ranges ("2014-2016"), day ranges ("24-25 April"), spelled years ("nineteen ninety-seven")
 * and decades ("the 1990s", "'90s").
 */
import { daysInMonth } from '../calendar.js';
import { isCapitalized, type Match, type Scanner } from './scanner.js';

/** The calendar date from a month token at i: "April 27, 2025", "April 2025", "April". */
export function monthLed(g: Scanner, i: number, requireCue: boolean): Match | null {
  const m = g.monthAt(i);
  if (m < 0) return null;
  const j = i + 1;
  const d = g.dayAt(j);
  if (d > 0 && g.sameSentence(i, j)) {
    const year = yearAfter(g, j + 1);
    if (d > daysInMonth(year?.y ?? 2000, m)) return null;
    return g.make(i, year ? year.end : j + 1, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
  }
  const year = yearAfter(g, j);
  if (year) return g.make(i, year.end, 'DATE', { k: 'cal', y: year.y, m, d: null, yearShift: year.yearShift });
  // "April 24-25" is read from the day range.
  const next = g.w(j);
  if (next.length >= 3 && next.length <= 5 && next.charCodeAt(0) >= 48 && next.charCodeAt(0) <= 57 && next.includes('-')) return null;
  const w = g.w(i);
  const ambiguous = g.lex.AMBIGUOUS_MONTHS.has(w);
  if (ambiguous || requireCue) {
    // "May" and "March" are verbs too; accept them bare only after a temporal cue.
    if (w !== 'may' && w !== 'march' && !w.endsWith('.') && w.length <= 4) return null;
    if (!g.lex.TEMPORAL_PREPOSITIONS.has(g.w(i - 1))) return null;
    if (w === 'may' && (g.w(i - 1) === 'and' || g.w(i - 1) === 'or' || g.w(i - 1) === 'that' || g.w(i - 1) === 'as' || g.w(i - 1) === 'to')) return null;
  }
  return g.make(i, i + 1, 'DATE', { k: 'cal', y: null, m, d: null });
}

/** "2014-2016", "2022-23": two years in one token, each its own expression. */
export function yearRange(g: Scanner, i: number): Match[] | null {
  const w = g.lower[i]!;
  const from = g.num.digitValue(w.slice(0, 4));
  const tail = w.slice(5);
  let to = g.num.digitValue(tail);
  if (tail.length === 2) to = Math.floor(from / 100) * 100 + to;
  else if (tail.length !== 4) return null;
  if (!(from >= 1000 && from <= 2099 && to > from && to <= 2099)) return null;
  const s = g.t.start[i]!;
  const first = g.make(i, i + 1, 'DATE', { k: 'cal', y: from, m: null, d: null });
  first.chars = [s, s + 4];
  const second = g.make(i, i + 1, 'DATE', { k: 'cal', y: to, m: null, d: null });
  second.chars = [s + 5, s + 5 + tail.length];
  return [first, second];
}

/** "24-25 April", "April 24-25": a day range in one token, each day its own expression. */
export function dayRange(g: Scanner, i: number): Match[] | null {
  const w = g.lower[i]!;
  const dash = w.indexOf('-');
  const from = g.num.digitValue(w.slice(0, dash));
  const to = g.num.digitValue(w.slice(dash + 1));
  if (!(from >= 1 && to > from && to <= 31 && Number.isInteger(from) && Number.isInteger(to))) return null;
  const before = g.monthAt(i - 1) > 0 && i - 1 >= g.floor;
  const m = before ? g.monthAt(i - 1) : g.monthAt(i + 1);
  if (m < 0 || to > daysInMonth(2000, m)) return null;
  const year = yearAfter(g, before ? i + 1 : i + 2);
  const end = year ? year.end : before ? i + 1 : i + 2;
  const s = g.t.start[i]!;
  const day = (d: number, start: number, a: number, b: number): Match => {
    const match = g.make(start, end, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
    match.chars = [a, b];
    return match;
  };
  // The month and year go with the day they are written next to.
  const last = g.t.end[end - 1]!;
  return before
    ? [day(from, i - 1, g.t.start[i - 1]!, s + dash), day(to, i, s + dash + 1, year ? last : s + w.length)]
    : [day(from, i, s, s + dash), day(to, i, s + dash + 1, last)];
}

/**
 * The day of a pair that shares one month: the first of "24 and 25 April" (the second is
 * read as usual), the second of "April 24 and 25".
 */
export function rangeDay(g: Scanner, i: number, d: number): Match | null {
  const link = (w: string) => w === 'and' || w === 'or' || w === 'to' || w === 'through' || w === '-' || w === '–';
  if (link(g.w(i + 1)) && g.dayAt(i + 2) > 0 && g.monthAt(i + 3) > 0 && g.sameSentence(i, i + 3)) {
    const m = g.monthAt(i + 3);
    const year = yearAfter(g, i + 4);
    return d > daysInMonth(2000, m) ? null : g.make(i, i + 1, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
  }
  if (link(g.w(i - 1)) && g.dayAt(i - 2) > 0 && g.monthAt(i - 3) > 0 && g.sameSentence(i - 3, i)) {
    const m = g.monthAt(i - 3);
    const year = yearAfter(g, i + 1);
    return d > daysInMonth(2000, m) ? null : g.make(i, year ? year.end : i + 1, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
  }
  return null;
}

/** Is the 4-digit number at i a year rather than an amount? */
export function isYear(g: Scanner, i: number, y: number): boolean {
  const prev = g.w(i - 1);
  const next = g.w(i + 1);
  if (g.lex.NOT_AFTER_YEAR.has(next) || g.lex.NOT_BEFORE_YEAR.has(prev)) {
    // "of 2024" and "to 2025" are years; "of 2,000" would have a comma.
    if (!(prev === 'of' || prev === 'to' || prev === 'at' || prev === 'with' || prev === 'all') || g.lex.NOT_AFTER_YEAR.has(next)) return false;
  }
  if (next === ',' && g.w(i + 2).length === 3 && g.num.digitValue(g.w(i + 2)) >= 0) return false;
  // Older years need a cue: "in 1492", "since 1648".
  if (y < 1900 && !g.lex.TEMPORAL_PREPOSITIONS.has(prev)) return false;
  // "Boeing 2000", "Resolution 2024": a capitalized word before, not at the start of a sentence.
  if (i > 1 && isCapitalized(g.words[i - 1]!) && g.sameSentence(i - 2, i)) {
    if (!g.lex.MONTHS.has(prev) && !g.lex.SEASONS.has(prev) && !g.lex.TEMPORAL_PREPOSITIONS.has(prev)) return false;
  }
  return true;
}

/** "27 April (2025)", "27th of April". */
export function dayMonth(g: Scanner, i: number, d: number): Match | null {
  let j = i + 1;
  if (g.w(j) === 'of') j++;
  const m = g.monthAt(j);
  if (m < 0 || !g.sameSentence(i, j)) return null;
  const year = yearAfter(g, j + 1);
  if (d > daysInMonth(year?.y ?? 2000, m)) return null;
  const end = year ? year.end : j + 1;
  let start = i;
  if (g.w(i - 1) === 'the' && end - i > 2 && i - 1 >= g.floor) start = i - 1;
  return g.make(start, end, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
}

/**
 * The year completing a month or a date at token j: "2025", ", 2025", "of 2025", "nineteen
 * ninety-seven", "this year", "of last year".
 */
function yearAfter(g: Scanner, j: number): { y: number | null; yearShift: number | undefined; end: number } | null {
  let k = j;
  if ((g.w(k) === ',' || g.w(k) === 'of') && g.sameSentence(j, k + 1)) k++;
  const y = g.yearAt(k);
  if (y > 0) return { y, yearShift: undefined, end: k + 1 };
  const spelled = spelledYear(g, k);
  if (spelled?.sem?.k === 'cal') return { y: spelled.sem.y, yearShift: undefined, end: spelled.end };
  const rel = g.w(k);
  if (g.w(k + 1) === 'year' && (rel === 'this' || rel === 'last' || rel === 'next') && g.w(k) !== ',') {
    return { y: null, yearShift: rel === 'this' ? 0 : rel === 'last' ? -1 : 1, end: k + 2 };
  }
  return null;
}

/** "nineteen ninety-seven" → 1997, "nineteen eighty" → 1980. */
export function spelledYear(g: Scanner, i: number): Match | null {
  const first = g.w(i);
  if (first !== 'nineteen' && first !== 'eighteen') return null;
  const v = g.num.wordValue(g.w(i + 1));
  if (v < 10 || v > 99) return null;
  const century = first === 'nineteen' ? 1900 : 1800;
  return g.make(i, i + 2, 'DATE', { k: 'cal', y: century + v, m: null, d: null });
}

/** "'90s" → 199 (of the century before the 2000s, as news uses it). */
export function apostropheDecade(g: Scanner, i: number): Match | null {
  const w = g.w(i + 1);
  if (w.length !== 3 || !w.endsWith('0s') || !g.touching(i, i + 1)) return null;
  const d = w.charCodeAt(0) - 48;
  if (d < 0 || d > 9) return null;
  return g.make(i, i + 2, 'DATE', { k: 'value', value: (d >= 3 ? '19' : '20') + d });
}

/** "2025-04-28" (ISO) and "28.04.2025" (day first, as dotted dates are written in Europe). */
export function numericDate(g: Scanner, w: string): { y: number; m: number; d: number } | null {
  if (w.length !== 10) return null;
  let y: number;
  let m: number;
  let d: number;
  if (w[4] === '-' && w[7] === '-') {
    y = g.num.digitValue(w.slice(0, 4));
    m = g.num.digitValue(w.slice(5, 7));
    d = g.num.digitValue(w.slice(8));
  } else if (w[2] === '.' && w[5] === '.') {
    d = g.num.digitValue(w.slice(0, 2));
    m = g.num.digitValue(w.slice(3, 5));
    y = g.num.digitValue(w.slice(6));
  } else return null;
  return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d } : null;
}
