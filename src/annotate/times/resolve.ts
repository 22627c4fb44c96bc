/**
 * From what an expression says to its TIMEX3 value: the parsed meaning ({@link Sem}) is
 * resolved against the document creation time (the anchor) and, where the text leaves the
 * direction open ("Friday", "in October"), the tense of the sentence.
 *
 * Without an anchor, relative expressions keep what the text gives and mark the rest unknown,
 * as TIMEX3 does: "27 April" → XXXX-04-27, "Friday" → XXXX-WXX-5, "yesterday" → XXXX-XX-XX,
 * "last year" → XXXX.
 */
import { addMonths, dayValue, daysInMonth, fromDays, isoWeekday, monthValue, toDays, weekValue, yearValue, type Ymd } from './calendar.js';
import { holidayDate, isFixedHoliday, type HolidayRule } from './holidays.js';
import { SEASON_START, type Unit } from './timex.js';

/** Direction the sentence gives an expression that does not place itself ("on Friday"). */
export type Direction = 'past' | 'future';

export interface Context {
  /** The document creation time. */
  anchor: Ymd | null;
  /** From the tense of the sentence; null when it gives no cue. */
  dir: Direction | null;
  /** The last quarter the document named before this expression ("2025-Q1"), for "the quarter", "a year earlier". */
  quarter: string | null;
  /** The last calendar date (day, month or year) the document named before this expression. */
  reference: string | null;
}

export type Sem =
  /** Calendar fields the text gives; `shift` for "last April" (-1), "this April" (0), "next April" (1). */
  | { k: 'cal'; y: number | null; m: number | null; d: number | null; shift?: number; dow?: number; yearShift?: number | undefined; weekOf?: boolean }
  /** A weekday; `fromStory` counts "the previous Friday" from the last day the text named. */
  | { k: 'weekday'; dow: number; shift: number | null; fromStory?: boolean }
  /** n units from the anchor at that unit's granularity: yesterday = day -1, last week = week -1. */
  | { k: 'offset'; unit: Unit; n: number }
  | { k: 'season'; s: string; y: number | null; shift: number | null }
  /** Quarter (Q1–Q4) or half (H1–H2) of a year, the year given or relative to the anchor ("last year's"). */
  | { k: 'part'; p: 'Q' | 'H'; n: number; y: number | null; yearShift: number | null }
  /** A holiday (the rule of its day), or the week or weekend it falls in. */
  | { k: 'holiday'; rule: HolidayRule; y: number | null; part?: 'week' | 'weekend' }
  /** "the weekend": the latest one, or the coming one in a future sentence. */
  | { k: 'weekend' }
  /**
   * The quarter under report ("the quarter", years 0) or the one a year before it ("a year
   * earlier", "the year-ago quarter", years -1), from the last quarter the text named; without
   * one, the latest completed quarter, or simply last year.
   */
  | { k: 'quarterRef'; years: number; part?: number | null; year?: number }
  /** "the next day", "the previous year": n units from the last date the text named, else from the anchor. */
  | { k: 'narrative'; unit: Unit; n: number }
  /** A value that needs no anchor: durations, sets, PRESENT_REF, decades, explicit years. */
  | { k: 'value'; value: string };

/** True when the meaning names one day (a time of day may attach to it). */
export function isDay(sem: Sem): boolean {
  return (sem.k === 'cal' && sem.d !== null) || sem.k === 'weekday' || (sem.k === 'holiday' && !sem.part) || (sem.k === 'offset' && sem.unit === 'day');
}

export function resolve(sem: Sem, ctx: Context): string {
  const { anchor, dir } = ctx;
  switch (sem.k) {
    case 'value':
      return sem.value;
    case 'cal': {
      const value = resolveCal(sem, anchor, dir);
      // "the week of March 6"
      if (!sem.weekOf) return value;
      const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return day ? weekValue(toDays(Number(day[1]), Number(day[2]), Number(day[3]))) : 'XXXX-WXX';
    }
    case 'weekday': {
      const day = sem.fromStory && ctx.reference ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx.reference) : null;
      const from = day ? { y: Number(day[1]), m: Number(day[2]), d: Number(day[3]) } : anchor;
      return resolveWeekday(sem.dow, sem.shift, from, dir ?? 'past');
    }
    case 'offset':
      return resolveOffset(sem.unit, sem.n, anchor);
    case 'season':
      return resolveSeason(sem.s, sem.y, sem.shift, anchor, dir ?? 'past');
    case 'part':
      return resolvePart(sem.p, sem.n, sem.y, sem.yearShift, anchor, dir ?? 'past');
    case 'holiday':
      return resolveHoliday(sem.rule, sem.y, sem.part, anchor, dir);
    case 'weekend': {
      if (!anchor) return 'XXXX-WXX-WE';
      const weekday = isoWeekday(toDays(anchor.y, anchor.m, anchor.d));
      return resolveOffset('weekend', dir === 'future' || weekday >= 6 ? 0 : -1, anchor);
    }
    case 'quarterRef':
      return resolveQuarterRef(sem.years, sem.part ?? null, sem.year ?? null, ctx);
    case 'narrative':
      return resolveNarrative(sem.unit, sem.n, ctx);
  }
}

function resolveNarrative(unit: Unit, n: number, ctx: Context): string {
  const ref = ctx.reference ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(ctx.reference) : null;
  const y = ref ? Number(ref[1]) : null;
  const m = ref?.[2] ? Number(ref[2]) : null;
  const d = ref?.[3] ? Number(ref[3]) : null;
  // "that day" after "in October 2024": a day of that month, which the text does not say.
  if (n === 0 && y !== null && (unit === 'day' || unit === 'month') && (m === null || (unit === 'day' && d === null))) {
    return `${yearValue(y)}-${m === null ? 'XX' : pad(m)}${unit === 'day' ? '-XX' : ''}`;
  }
  // The reference must be as fine as the unit: "the next day" needs a day.
  if (y !== null && (unit === 'year' || (m !== null && (unit === 'month' || (d !== null))))) {
    return resolveOffset(unit, n, { y, m: m ?? 1, d: d ?? 1 });
  }
  return resolveOffset(unit, n, ctx.anchor);
}

function resolveQuarterRef(years: number, part: number | null, year: number | null, ctx: Context): string {
  const ref = ctx.quarter ? /^(\d{4})-Q(\d)$/.exec(ctx.quarter) : null;
  // "the 1988 period": that year's quarter under report, or the year when no quarter is.
  if (year !== null) return ref ? `${yearValue(year)}-Q${ref[2]}` : yearValue(year);
  if (ref) return `${yearValue(Number(ref[1]) + years)}-Q${part ?? ref[2]}`;
  if (!ctx.anchor) return years === 0 ? 'XXXX-QX' : 'XXXX';
  if (part !== null) return `${yearValue(ctx.anchor.y + years)}-Q${part}`;
  return years === 0 ? resolveOffset('quarter', -1, ctx.anchor) : yearValue(ctx.anchor.y + years);
}

/**
 * A month or a day without a year: the sentence's tense picks the latest or the next one; without
 * a cue, the latest one unless the next one is close ahead — deadlines and schedules are what
 * news dates forward ("payable Jan. 2" in November is next January; "on 27 April" in late April
 * is this year's; "in October" in April is last October).
 */
const FORWARD_DAYS = 90;
const FORWARD_MONTHS = 2;

function resolveCal(sem: { y: number | null; m: number | null; d: number | null; shift?: number; dow?: number; yearShift?: number | undefined }, anchor: Ymd | null, dir: Direction | null): string {
  const { m, d } = sem;
  let y = sem.y;
  if (m === null) return y === null ? 'XXXX' : yearValue(y);
  // "January this year", "May 3rd of last year"
  if (y === null && anchor && sem.yearShift !== undefined) y = anchor.y + sem.yearShift;
  if (y === null) {
    if (!anchor) return d === null ? `XXXX-${pad(m)}` : `XXXX-${pad(m)}-${pad(d)}`;
    y = anchor.y;
    // "Saturday, April 25": the year in which that day is a Saturday, if one is near.
    const dow = sem.dow;
    const fits = d !== null && dow !== undefined ? [anchor.y, anchor.y - 1, anchor.y + 1].filter((c) => d <= daysInMonth(c, m) && isoWeekday(toDays(c, m, d)) === dow) : [];
    if (fits.length) y = fits[0]!;
    else if (sem.shift !== undefined) {
      // last April: the latest April before this month; next April: the first after it;
      // last Oct. 23: the latest Oct. 23 before today.
      const diff = d === null ? m - anchor.m : toDays(anchor.y, m, Math.min(d, daysInMonth(anchor.y, m))) - toDays(anchor.y, anchor.m, anchor.d);
      if (sem.shift < 0 && diff >= 0) y--;
      else if (sem.shift > 0 && diff <= 0) y++;
    } else if (d === null) {
      const diff = m - anchor.m;
      if (diff > 0 && (dir === 'past' || (dir === null && diff > FORWARD_MONTHS))) y--;
      else if (diff < 0 && (dir === 'future' || (dir === null && diff + 12 <= FORWARD_MONTHS))) y++;
    } else {
      const diff = toDays(anchor.y, m, Math.min(d, daysInMonth(anchor.y, m))) - toDays(anchor.y, anchor.m, anchor.d);
      if (diff > 0 && (dir === 'past' || (dir === null && diff > FORWARD_DAYS))) y--;
      else if (diff < 0 && (dir === 'future' || (dir === null && diff + 365 <= FORWARD_DAYS))) y++;
    }
  }
  return d === null ? monthValue(y, m) : dayValue({ y, m, d });
}

function resolveWeekday(dow: number, shift: number | null, anchor: Ymd | null, dir: Direction): string {
  if (!anchor) return `XXXX-WXX-${dow}`;
  const today = toDays(anchor.y, anchor.m, anchor.d);
  const wd = isoWeekday(today);
  let day: number;
  if (shift === 0) day = today + (dow - wd);
  else if (shift === -1) day = today - (((wd - dow + 6) % 7) + 1);
  else if (shift === 1) day = today + (((dow - wd + 6) % 7) + 1);
  else if (dir === 'future') day = today + ((dow - wd + 7) % 7);
  else day = today - ((wd - dow + 7) % 7);
  return dayValue(fromDays(day));
}

function resolveOffset(unit: Unit, n: number, anchor: Ymd | null): string {
  if (!anchor) {
    switch (unit) {
      case 'year':
        return 'XXXX';
      case 'month':
        return 'XXXX-XX';
      case 'week':
      case 'weekend':
        return unit === 'week' ? 'XXXX-WXX' : 'XXXX-WXX-WE';
      case 'quarter':
        return 'XXXX-QX';
      case 'decade':
        return 'XXX';
      case 'century':
        return 'XX';
      default:
        return 'XXXX-XX-XX';
    }
  }
  const today = toDays(anchor.y, anchor.m, anchor.d);
  switch (unit) {
    case 'year':
      return yearValue(anchor.y + n);
    case 'month': {
      const { y, m } = addMonths(anchor.y, anchor.m, n);
      return monthValue(y, m);
    }
    case 'week':
      return weekValue(today + 7 * n);
    case 'weekend': {
      // The weekend of the current week is Saturday–Sunday of this ISO week.
      return weekValue(today + 7 * n) + '-WE';
    }
    case 'quarter': {
      const k = anchor.y * 4 + Math.floor((anchor.m - 1) / 3) + n;
      return `${yearValue(Math.floor(k / 4))}-Q${(k % 4) + 1}`;
    }
    case 'decade':
      return String(Math.floor(anchor.y / 10) + n);
    case 'century':
      return String(Math.floor(anchor.y / 100) + n);
    default:
      // Days, and hours or minutes away (which name a day at best).
      return dayValue(fromDays(today + (unit === 'day' ? n : 0)));
  }
}

function resolveSeason(s: string, year: number | null, shift: number | null, anchor: Ymd | null, dir: Direction): string {
  if (year !== null) return `${yearValue(year)}-${s}`;
  if (!anchor) return `XXXX-${s}`;
  const start = SEASON_START[s]!;
  // Which season is running now; winter runs from December into the next year's February.
  let y = anchor.y;
  const inWinterTail = s === 'WI' && anchor.m <= 2;
  if (inWinterTail) y--;
  const started = inWinterTail || start <= anchor.m;
  const ended = !inWinterTail && start + 3 <= anchor.m;
  if (shift === -1) y = ended ? y : y - 1;
  else if (shift === 1) y = started ? y + 1 : y;
  else if (shift === null) {
    if (dir === 'past' && !started) y--;
    else if (dir === 'future' && ended) y++;
  }
  return `${yearValue(y)}-${s}`;
}

function resolvePart(p: 'Q' | 'H', n: number, year: number | null, yearShift: number | null, anchor: Ymd | null, dir: Direction): string {
  if (year !== null) return `${yearValue(year)}-${p}${n}`;
  if (!anchor) return `XXXX-${p}${n}`;
  if (yearShift !== null) return `${yearValue(anchor.y + yearShift)}-${p}${n}`;
  // The latest such quarter that has begun (news reports on quarters past), or the next one.
  const current = p === 'Q' ? Math.floor((anchor.m - 1) / 3) + 1 : anchor.m <= 6 ? 1 : 2;
  let y = anchor.y;
  if (dir === 'past' && n > current) y--;
  else if (dir === 'future' && n < current) y++;
  return `${yearValue(y)}-${p}${n}`;
}

function resolveHoliday(rule: HolidayRule, year: number | null, part: 'week' | 'weekend' | undefined, anchor: Ymd | null, dir: Direction | null): string {
  const days = (y: number) => {
    const h = holidayDate(rule, y);
    return toDays(h.y, h.m, h.d);
  };
  let y: number;
  if (year !== null) y = year;
  else if (!anchor) {
    if (part) return part === 'week' ? 'XXXX-WXX' : 'XXXX-WXX-WE';
    const fixed = holidayDate(rule, 2001);
    return isFixedHoliday(rule) ? `XXXX-${pad(fixed.m)}-${pad(fixed.d)}` : 'XXXX-XX-XX';
  } else {
    // The nearest one, unless the sentence's tense points the other way.
    y = anchor.y;
    const diff = days(y) - toDays(anchor.y, anchor.m, anchor.d);
    if (diff > 0 && (dir === 'past' || (dir === null && diff >= 183))) y--;
    else if (diff < 0 && (dir === 'future' || (dir === null && diff < -183))) y++;
  }
  // "Easter week", "Thanksgiving weekend": the ISO week the day falls in, or its weekend.
  if (part) return weekValue(days(y)) + (part === 'weekend' ? '-WE' : '');
  return dayValue(holidayDate(rule, y));
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}
