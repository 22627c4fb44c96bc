/**
 * TIMEX3 values (what the times layer gives a claim or event) for readers and for ordering: a
 * week, month, season or quarter is a span of days, shown as one ("28 Oct – 3 Nov 2024",
 * "October 2024") and placed where it falls, never on 1 January. Shared by the CLI and the
 * workbench, so both say the same.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = MONTHS.map((m) => m.slice(0, 3));
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MS = 86_400_000;

/** Seasons by their TIMEX3 code: the first month and the name (northern hemisphere, as news uses them). */
const SEASONS: Record<string, [number, string]> = { SP: [3, 'spring'], SU: [6, 'summer'], FA: [9, 'autumn'], WI: [12, 'winter'] };
const REFS: Record<string, string> = { PRESENT_REF: 'now', PAST_REF: 'in the past', FUTURE_REF: 'in the future' };

/** The days a date covers, first and last inclusive, as UTC milliseconds. */
export interface DateSpan {
  start: number;
  end: number;
  /** How to say it: "27 Apr 2025", "October 2024", "28 Oct – 3 Nov 2024". */
  label: string;
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const ymd = (t: number) => {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};
const day = (t: number) => {
  const { y, m, d } = ymd(t);
  return `${d} ${SHORT[m - 1]} ${y}`;
};

/** Monday of ISO week `w` of week-year `y`. */
function isoWeekStart(y: number, w: number): number {
  const jan4 = utc(y, 1, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY_MS + (w - 1) * 7 * DAY_MS;
}

/** "28 Oct – 3 Nov 2024", "4 – 10 Nov 2024", "30 Dec 2024 – 5 Jan 2025". */
function rangeLabel(start: number, end: number): string {
  const a = ymd(start);
  const b = ymd(end);
  if (a.y !== b.y) return `${day(start)} – ${day(end)}`;
  if (a.m !== b.m) return `${a.d} ${SHORT[a.m - 1]} – ${b.d} ${SHORT[b.m - 1]} ${b.y}`;
  return `${a.d} – ${b.d} ${SHORT[b.m - 1]} ${b.y}`;
}

const span = (start: number, end: number, label: string): DateSpan => ({ start, end, label });
const monthsSpan = (y: number, m: number, months: number, label: string) => span(utc(y, m, 1), utc(y, m + months, 0), label);

/**
 * The days a TIMEX3 date covers: a day (a time of day keeps its day), ISO week or its weekend or
 * one of its days, month, quarter, half, season, year or decade. null for what names no span of
 * the calendar: an unresolved value ("XXXX-WXX-1"), a reference ("PAST_REF"), or not a date.
 */
export function dateSpan(value: string | null | undefined): DateSpan | null {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const t = utc(+m[1]!, +m[2]!, +m[3]!);
    return span(t, t, day(t));
  }
  m = /^(\d{4})-W(\d{2})(?:-(WE|[1-7]))?/.exec(value);
  if (m) {
    const monday = isoWeekStart(+m[1]!, +m[2]!);
    if (m[3] === 'WE') return span(monday + 5 * DAY_MS, monday + 6 * DAY_MS, `the weekend of ${rangeLabel(monday + 5 * DAY_MS, monday + 6 * DAY_MS)}`);
    if (m[3]) {
      const t = monday + (+m[3] - 1) * DAY_MS;
      return span(t, t, day(t));
    }
    return span(monday, monday + 6 * DAY_MS, rangeLabel(monday, monday + 6 * DAY_MS));
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return monthsSpan(+m[1]!, +m[2]!, 1, `${MONTHS[+m[2]! - 1]} ${m[1]}`);
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const [first, name] = SEASONS[m[2]!]!;
    // Winter 2024 runs from December 2024 into February 2025.
    return monthsSpan(+m[1]!, first, 3, m[2] === 'WI' ? `winter ${m[1]}–${String(+m[1]! + 1).slice(2)}` : `${name} ${m[1]}`);
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return monthsSpan(+m[1]!, (+m[2]! - 1) * 3 + 1, 3, `Q${m[2]} ${m[1]}`);
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return monthsSpan(+m[1]!, m[2] === '1' ? 1 : 7, 6, `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`);
  m = /^(\d{4})$/.exec(value);
  if (m) return monthsSpan(+m[1]!, 1, 12, m[1]!);
  m = /^(\d{3})X$/.exec(value);
  if (m) return span(utc(+m[1]! * 10, 1, 1), utc(+m[1]! * 10 + 9, 12, 31), `the ${m[1]}0s`);
  return null;
}

/**
 * A date as readers say it: `dateSpan`'s label, else words for what the text leaves open ("a
 * Monday, date not given", "October, year not given", "in the past"), else "undated".
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'undated';
  const known = dateSpan(value);
  if (known) return known.label;
  if (REFS[value]) return REFS[value]!;
  const weekday = /^XXXX-WXX-([1-7])/.exec(value);
  if (weekday) return `a ${WEEKDAYS[+weekday[1]! - 1]}, date not given`;
  const month = /^XXXX-(\d{2})/.exec(value);
  if (month && +month[1]! >= 1 && +month[1]! <= 12) return `${MONTHS[+month[1]! - 1]}, year not given`;
  return 'date not given';
}

/** Where a date sits in time for ordering and axes: the middle of its span (ms), or null. */
export function dateMiddle(value: string | null | undefined): number | null {
  const s = dateSpan(value);
  return s ? (s.start + s.end) / 2 : null;
}

/** The first day of a date's span as YYYY-MM-DD, which sorts as text; null when it has none. */
export function dateKey(value: string | null | undefined): string | null {
  const s = dateSpan(value);
  return s ? new Date(s.start).toISOString().slice(0, 10) : null;
}

/**
 * A date filter: YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day ("2024-02-30" is none).
 * The shape alone lets "2024-13-45" through, which then matches nothing without saying why.
 */
export function isDatePrefix(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}
