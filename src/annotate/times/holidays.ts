/**
 * Named days and how to find them in a year: fixed dates (Christmas, Victory Day), the n-th
 * weekday of a month (Thanksgiving, Memorial Day, US Election Day) and days counted from Easter,
 * Western or Orthodox (Good Friday, Orthodox Easter). Holidays of lunar calendars (Ramadan, Eid,
 * Hanukkah) and country-specific ones written alike ("Independence Day") are left out: their
 * date cannot be told from the name.
 */
import { easter, fromDays, isoWeekday, nthWeekday, orthodoxEaster, toDays, type Ymd } from './calendar.js';

type Rule =
  | { fixed: [month: number, day: number] }
  /** n-th ISO weekday of a month (n = -1: the last), plus `after` days. */
  | { nth: [month: number, weekday: number, n: number]; after?: number }
  | { easter: number; orthodox?: boolean };

/** Holiday names as lower-case token sequences ("'s" and "’s" written "'s"), with their rule. */
const TABLE: [string, Rule][] = [
  ['christmas', { fixed: [12, 25] }],
  ['christmas day', { fixed: [12, 25] }],
  ['christmas eve', { fixed: [12, 24] }],
  ["new year 's day", { fixed: [1, 1] }],
  ["new year 's eve", { fixed: [12, 31] }],
  ['halloween', { fixed: [10, 31] }],
  ["valentine 's day", { fixed: [2, 14] }],
  ['boxing day', { fixed: [12, 26] }],
  ['may day', { fixed: [5, 1] }],
  ["international women 's day", { fixed: [3, 8] }],
  ["women 's day", { fixed: [3, 8] }],
  ['victory day', { fixed: [5, 9] }],
  ['bastille day', { fixed: [7, 14] }],
  ['veterans day', { fixed: [11, 11] }],
  ["veterans ' day", { fixed: [11, 11] }],
  ['armistice day', { fixed: [11, 11] }],
  ['remembrance day', { fixed: [11, 11] }],
  ['orthodox christmas', { fixed: [1, 7] }],
  ['thanksgiving', { nth: [11, 4, 4] }],
  ['thanksgiving day', { nth: [11, 4, 4] }],
  ['memorial day', { nth: [5, 1, -1] }],
  ['labor day', { nth: [9, 1, 1] }],
  ['martin luther king day', { nth: [1, 1, 3] }],
  ['martin luther king jr. day', { nth: [1, 1, 3] }],
  ["presidents ' day", { nth: [2, 1, 3] }],
  ['presidents day', { nth: [2, 1, 3] }],
  ["mother 's day", { nth: [5, 7, 2] }],
  ["father 's day", { nth: [6, 7, 3] }],
  // The Tuesday after the first Monday of November.
  ['election day', { nth: [11, 1, 1], after: 1 }],
  ['easter', { easter: 0 }],
  ['easter sunday', { easter: 0 }],
  ['easter monday', { easter: 1 }],
  ['good friday', { easter: -2 }],
  ['palm sunday', { easter: -7 }],
  ['ash wednesday', { easter: -46 }],
  ['pentecost', { easter: 49 }],
  ['orthodox easter', { easter: 0, orthodox: true }],
];

const RULES: ReadonlyMap<string, Rule> = new Map(TABLE);

/** Holiday names by their first word, longest first, as token arrays. */
export const HOLIDAY_NAMES: ReadonlyMap<string, readonly string[][]> = (() => {
  const byFirst = new Map<string, string[][]>();
  for (const [name] of TABLE) {
    const words = name.split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push(words);
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
})();

/** The day of the holiday `name` (a key of the table) in year y. */
export function holidayDate(name: string, y: number): Ymd {
  const rule = RULES.get(name);
  if (!rule) throw new Error(`times: unknown holiday "${name}"`);
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
export function isFixedHoliday(name: string): boolean {
  const rule = RULES.get(name);
  return rule !== undefined && 'fixed' in rule;
}

function lastWeekday(y: number, m: number, weekday: number): Ymd {
  const last = (m === 12 ? toDays(y + 1, 1, 1) : toDays(y, m + 1, 1)) - 1;
  return fromDays(last - ((isoWeekday(last) - weekday + 7) % 7));
}
