/**
 * How to find a named day in a year: a fixed date (Christmas, Victory Day), the n-th weekday of
 * a month (Thanksgiving, Memorial Day, US Election Day) or days counted from Easter, Western or
 * Orthodox (Good Friday, Orthodox Easter). The names are the language's (src/lang/en/times.ts);
 * holidays of lunar calendars (Ramadan, Eid, Hanukkah) and country-specific ones written alike
 * ("Independence Day") are left out: their date cannot be told from the name.
 */
import { easter, fromDays, isoWeekday, nthWeekday, orthodoxEaster, toDays, type Ymd } from './calendar.js';

/** How to find a holiday's day in a year (the language's table names each holiday's rule). */
export type HolidayRule =
  | { fixed: [month: number, day: number] }
  /** n-th ISO weekday of a month (n = -1: the last), plus `after` days. */
  | { nth: [month: number, weekday: number, n: number]; after?: number }
  | { easter: number; orthodox?: boolean };

/** The day of a holiday in year y. */
export function holidayDate(rule: HolidayRule, y: number): Ymd {
  if ('fixed' in rule) return { y, m: rule.fixed[0], d: rule.fixed[1] };
  if ('nth' in rule) {
    const [m, weekday, n] = rule.nth;
    const day = n > 0 ? nthWeekday(y, m, weekday, n) : lastWeekday(y, m, weekday);
    return rule.after ? fromDays(toDays(day.y, day.m, day.d) + rule.after) : day;
  }
  const e = rule.orthodox ? orthodoxEaster(y) : easter(y);
  return rule.easter ? fromDays(toDays(e.y, e.m, e.d) + rule.easter) : e;
}

/** Whether the holiday falls on the same day every year (its day can be given without the year). */
export function isFixedHoliday(rule: HolidayRule): boolean {
  return 'fixed' in rule;
}

function lastWeekday(y: number, m: number, weekday: number): Ymd {
  const last = (m === 12 ? toDays(y + 1, 1, 1) : toDays(y, m + 1, 1)) - 1;
  return fromDays(last - ((isoWeekday(last) - weekday + 7) % 7));
}
