import { InputError } from '../../errors.js';
/**
 * Calendar arithmetic and TIMEX3 value formatting. Dates are counted in days since 1970-01-01
 * (UTC, proleptic Gregorian), which makes "three days ago" or "last Friday" one subtraction.
 */

/** A calendar day. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function toDays(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDays(days: number): Ymd {
  const date = new Date(days * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));
export const yearValue = (y: number) => (y >= 0 && y < 1000 ? String(y).padStart(4, '0') : String(y));
export const monthValue = (y: number, m: number) => `${yearValue(y)}-${pad2(m)}`;
export const dayValue = (d: Ymd) => `${yearValue(d.y)}-${pad2(d.m)}-${pad2(d.d)}`;
export const clockValue = (h: number, min: number) => `T${pad2(h)}:${pad2(min)}`;

/** ISO 8601 week of a day: "2025-W17" (the week-year may differ from the calendar year). */
export function weekValue(days: number): string {
  const thursday = days - isoWeekday(days) + 4;
  const { y } = fromDays(thursday);
  const week = Math.floor((thursday - toDays(y, 1, 1)) / 7) + 1;
  return `${yearValue(y)}-W${pad2(week)}`;
}

/** Add months to a (year, month) pair. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar (valid 1900–2099). */
export function orthodoxEaster(y: number): Ymd {
  const a = y % 4;
  const b = y % 7;
  const c = y % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return fromDays(toDays(y, month, day) + 13);
}

/** The n-th given ISO weekday of a month (US Thanksgiving: 4th Thursday of November). */
export function nthWeekday(y: number, m: number, weekday: number, n: number): Ymd {
  const first = toDays(y, m, 1);
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return fromDays(first + offset + 7 * (n - 1));
}

/**
 * The document creation time from `article.published` (ISO 8601: "2025-04-28",
 * "1998-02-13T14:26:00", "2025-04-28T10:00:00Z"); only the calendar date is used. Null when
 * there is none; an error naming the value when it is not an ISO date.
 */
export function parseAnchor(published: string | null): Ymd | null {
  if (published === null || published === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(published);
  const date = m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
  if (!date || date.m < 1 || date.m > 12 || date.d < 1 || date.d > daysInMonth(date.y, date.m)) {
    throw new InputError('article.published', `"${published}" is not an ISO 8601 date (YYYY-MM-DD…)`);
  }
  return date;
}
