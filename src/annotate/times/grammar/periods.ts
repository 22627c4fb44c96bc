/**
 * Named periods: seasons ("spring 2025"), quarters and halves ("the third quarter of 1990", "Q1"),
 * holidays ("Good Friday", "Thanksgiving weekend").
 */
import type { Sem } from '../resolve.js';
import { spelledYear } from './dates.js';
import { countLed } from './durations.js';
import { isCapitalized, isLetterCode, type HolidayName, type Match, type Scanner } from './scanner.js';

export function seasonLed(g: Scanner, i: number): Match | null {
  const w = g.lower[i]!;
  const s = g.lex.SEASONS.get(w)!;
  const prev = g.w(i - 1);
  let j = i + 1;
  let y = g.yearAt(j);
  if (y < 0 && g.w(j) === 'of' && (g.yearAt(j + 1) > 0 || spelledYear(g, j + 1))) {
    y = g.yearAt(j + 1) > 0 ? g.yearAt(j + 1) : (spelledYear(g, j + 1)!.sem as { y: number }).y;
    j += g.yearAt(j + 1) > 0 ? 1 : 2;
  }
  if (y > 0) return g.make(i, j + 1, 'DATE', { k: 'season', s, y, shift: null });
  // Bare seasons need a temporal cue; "the fall of Kabul" and "a spring" are no seasons.
  if (!g.lex.TEMPORAL_PREPOSITIONS.has(prev) || prev === 'and' || prev === 'or' || prev === 'to' || prev === 'as') return null;
  if (g.w(i + 1) === 'of' || (w === 'fall' || w === 'spring') && prev !== 'the' && prev !== 'last' && prev !== 'this' && prev !== 'next' && prev !== 'early' && prev !== 'late' && prev !== 'in') return null;
  if (prev === 'the' && (w === 'fall' || w === 'spring') && !g.lex.TEMPORAL_PREPOSITIONS.has(g.w(i - 2))) return null;
  return g.make(i, i + 1, 'DATE', { k: 'season', s, y: null, shift: null });
}

/** "third quarter", "the first half", "the first nine months". */
export function ordinalLed(g: Scanner, i: number): Match | null {
  const n = g.lex.ORDINALS.get(g.lower[i]!)!;
  const next = g.w(i + 1);
  if (next === 'quarter' && n <= 4) return partWithYear(g, i, i + 2, 'Q', n);
  if (next === 'half' && n <= 2) return partWithYear(g, i, i + 2, 'H', n);
  if (next === 'quarters' && n <= 4) return g.make(i, i + 2, 'SET', { k: 'value', value: `XXXX-Q${n}` });
  // "the first nine months"
  if (g.w(i - 1) === 'the' && g.startsCount(i + 1)) {
    const count = countLed(g, i + 1);
    if (count && count.type === 'DURATION') return g.withStart(count, i);
  }
  return null;
}

/** A quarter or half, with the year before ("the 1988 second quarter", "this year's") or after ("of 1990"). */
export function partWithYear(g: Scanner, start: number, end: number, p: 'Q' | 'H', n: number): Match {
  let y: number | null = null;
  let yearShift: number | null = null;
  let s = start;
  let e = end;
  if ((g.w(e) === 'of' || g.w(e) === ',') && g.yearAt(e + 1) > 0) {
    y = g.yearAt(e + 1);
    e += 2;
  } else if (g.yearAt(e) > 0 && g.w(e - 1) !== 'quarter') {
    y = g.yearAt(e);
    e++;
  } else if (s - 1 >= g.floor && g.yearAt(s - 1) > 0) {
    y = g.yearAt(s - 1);
    s--;
    if (g.w(s - 1) === 'fiscal' && s - 1 >= g.floor) s--;
  } else if (s - 3 >= g.floor && g.w(s - 2) === 'year' && (g.w(s - 1) === "'s" || g.w(s - 1) === '’s')) {
    const rel = g.w(s - 3);
    if (rel === 'this' || rel === 'last' || rel === 'next') {
      yearShift = rel === 'this' ? 0 : rel === 'last' ? -1 : 1;
      s -= 3;
    }
  }
  return g.make(s, e, 'DATE', { k: 'part', p, n, y, yearShift });
}

/** An ordinal quarter or half at token i: "third quarter", "third-quarter", "first half". */
export function partAt(g: Scanner, i: number): { p: 'Q' | 'H'; n: number; end: number } | null {
  const w = g.w(i);
  const ord = g.lex.ORDINALS.get(w);
  if (ord !== undefined && ord <= 4) {
    const next = g.w(i + 1);
    if (next === 'quarter') return { p: 'Q', n: ord, end: i + 2 };
    if (next === 'half' && ord <= 2) return { p: 'H', n: ord, end: i + 2 };
    return null;
  }
  if (w === 'last' && g.w(i + 1) === 'half') return { p: 'H', n: 2, end: i + 2 };
  const dash = w.indexOf('-');
  if (dash < 0) return null;
  const o = g.lex.ORDINALS.get(w.slice(0, dash));
  const rest = w.slice(dash + 1);
  if (o !== undefined && o <= 4 && rest === 'quarter') return { p: 'Q', n: o, end: i + 1 };
  if (o !== undefined && o <= 2 && rest === 'half') return { p: 'H', n: o, end: i + 1 };
  return null;
}

/** "Christmas", "Election Day", "Good Friday 2024", "Easter week", "Thanksgiving weekend". */
export function holiday(g: Scanner, i: number): Match | null {
  if (!isCapitalized(g.words[i]!)) return null;
  let found: HolidayName | null = null;
  for (const name of g.holidays.get(g.lower[i]!) ?? []) {
    const { words } = name;
    let k = 1;
    for (; k < words.length; k++) {
      const w = g.w(i + k);
      const want = words[k]!;
      const same = w === want || (want === "'s" && w === '’s') || (want === "'" && w === '’');
      // Names are capitalized: "Election Day", not any "election day".
      if (!same || (isLetterCode(w.charCodeAt(0)) && !isCapitalized(g.words[i + k]!))) break;
    }
    if (k === words.length) {
      found = name;
      break;
    }
  }
  if (!found) return null;
  let j = i + found.words.length;
  // "the Good Friday agreement", "the Easter Rising", "Christmas Island" are names.
  const next = g.w(j);
  if (g.lex.NOT_AFTER_HOLIDAY.has(next) || (isCapitalized(g.words[j] ?? '') && g.sameSentence(i, j) && !g.lex.WEEKDAYS.has(next))) return null;
  let y: number | null = null;
  if (g.yearAt(j) > 0) y = g.yearAt(j++);
  let part: 'week' | 'weekend' | undefined;
  if (g.w(j) === 'week' || g.w(j) === 'weekend') part = g.w(j++) as 'week' | 'weekend';
  const sem: Sem = { k: 'holiday', rule: found.rule, y };
  if (part) sem.part = part;
  return g.make(i, j, 'DATE', sem);
}
