/**
 * The time grammar: finds date, time, duration and set expressions in the token arrays and
 * says what each means ({@link Sem}), leaving resolution against the publication date to
 * resolve.ts. A hand-written scanner rather than chrono-node: chrono parses about 330k words/s
 * on the PolNeAR texts (the budget for times and quantities together is 650k) and has no bare
 * years, month or week granularity, durations, sets or TIMEX3 values.
 *
 * The scan looks each token up once in a trigger table (or checks its first character for a
 * digit); only triggers start a match, so most tokens cost one Map miss.
 */
import type { Tokens } from '../../doc/tokenize.js';
import type { TimeType } from '../../doc/types.js';
import { digitValue, readNumber, wordValue } from '../quantities/numbers.js';
import { clockValue, daysInMonth } from './calendar.js';
import {
  AMBIGUOUS_MONTHS, DECADE_WORDS, MONTHS, ORDINALS, PARTS_OF_DAY, PREFIX_MODS, PREFIX_MODS2, REFS, SEASONS, SETS, TIME_UNITS,
  TIME_ZONES, UNIT_LETTER, UNITS, WEEKDAY_PLURALS, WEEKDAYS, type Unit,
} from './lexicon.js';
import { HOLIDAY_NAMES } from './holidays.js';
import type { Sem } from './resolve.js';

/** Words after a holiday's name that make it part of another name: "the Good Friday agreement". */
const NOT_AFTER_HOLIDAY = new Set(['agreement', 'accord', 'accords', 'island', 'islands', 'rising', 'uprising']);

/** One expression over tokens [start, end). */
export interface Match {
  start: number;
  end: number;
  type: TimeType;
  /** What the expression names; null for a clock time that still needs its day. */
  sem: Sem | null;
  /** Time of day appended to the day's value: "T14:30", "TMO". */
  tod: string | null;
  mod: string | null;
  /** For "two years" and the like: the count and unit, so that "ago" can turn it into a date. */
  count?: { n: number | null; unit: Unit };
  /** Character offsets when the expression is part of a token ("2014" in "2014-2016"). */
  chars?: [number, number];
}

const enum K {
  Month = 1,
  Weekday,
  WeekdayPlural,
  Number,
  Article,
  Relative,
  Anchor,
  Ref,
  Set,
  Every,
  Season,
  Ordinal,
  Quarter,
  Noon,
  Vague,
  Decade,
  Holiday,
  These,
  Future,
  Present,
  Unit,
  Fiscal,
  Term,
  That,
  Soon,
}

/** "last", "this", "next" … and the shift each gives a unit ("last week" = -1). */
const RELATIVE: ReadonlyMap<string, number> = new Map([
  ['last', -1], ['past', -1], ['previous', -1], ['preceding', -1], ['this', 0], ['current', 0], ['next', 1], ['coming', 1],
  ['following', 1], ['upcoming', 1], ['recent', -1], ['latest', -1],
]);

const TRIGGERS = new Map<string, K>();
for (const w of MONTHS.keys()) TRIGGERS.set(w, K.Month);
for (const w of WEEKDAYS.keys()) TRIGGERS.set(w, K.Weekday);
for (const w of WEEKDAY_PLURALS.keys()) TRIGGERS.set(w, K.WeekdayPlural);
for (const w of ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'half'])
  TRIGGERS.set(w, K.Number);
TRIGGERS.set('a', K.Article);
TRIGGERS.set('an', K.Article);
for (const w of RELATIVE.keys()) TRIGGERS.set(w, K.Relative);
for (const w of ['today', 'yesterday', 'tomorrow', 'tonight', 'overnight']) TRIGGERS.set(w, K.Anchor);
for (const w of REFS.keys()) TRIGGERS.set(w, K.Ref);
for (const w of SETS.keys()) TRIGGERS.set(w, K.Set);
TRIGGERS.set('every', K.Every);
TRIGGERS.set('each', K.Every);
for (const w of SEASONS.keys()) TRIGGERS.set(w, K.Season);
for (const w of ['first', 'second', 'third', 'fourth']) TRIGGERS.set(w, K.Ordinal);
for (const w of ['q1', 'q2', 'q3', 'q4', 'h1', 'h2']) TRIGGERS.set(w, K.Quarter);
for (const w of ['noon', 'midnight', 'midday']) TRIGGERS.set(w, K.Noon);
for (const w of ['several', 'few', 'couple', 'many']) TRIGGERS.set(w, K.Vague);
for (const w of DECADE_WORDS.keys()) TRIGGERS.set(w, K.Decade);
for (const w of HOLIDAY_NAMES.keys()) if (!TRIGGERS.has(w)) TRIGGERS.set(w, K.Holiday);
TRIGGERS.set('these', K.These);
TRIGGERS.set('future', K.Future);
TRIGGERS.set('present', K.Present);
TRIGGERS.set('moment', K.Present);
TRIGGERS.set('years', K.Unit);
TRIGGERS.set('year', K.Unit);
TRIGGERS.set('quarter', K.Unit);
TRIGGERS.set('month', K.Unit);
TRIGGERS.set('week', K.Unit);
TRIGGERS.set('weekend', K.Unit);
TRIGGERS.set('term', K.Term);
TRIGGERS.set('days', K.Unit);
TRIGGERS.set('decades', K.Unit);
TRIGGERS.set('centuries', K.Unit);
TRIGGERS.set('months', K.Unit);
TRIGGERS.set('weeks', K.Unit);
TRIGGERS.set('fiscal', K.Fiscal);
TRIGGERS.set('day', K.Unit);
TRIGGERS.set('that', K.That);
TRIGGERS.set('same', K.That);
TRIGGERS.set('corresponding', K.That);
TRIGGERS.set('comparable', K.That);
TRIGGERS.set('soon', K.Soon);

/** Words after which a bare month, season or year is temporal ("in May", "since 1991"). */
const TEMPORAL_PREPOSITIONS = new Set([
  'in', 'since', 'until', 'till', 'by', 'before', 'after', 'during', 'from', 'through', 'between', 'early', 'late', 'mid',
  'of', 'to', 'and', 'or', 'last', 'next', 'this', 'that', 'on', 'for', 'around', 'circa', 'throughout', 'into', 'as',
  'year', 'fiscal', 'spring', 'summer', 'autumn', 'fall', 'winter', 'the', 'mid-', 'end', 'beginning', 'start', 'middle',
]);
/** Words after a number that make it money, a share or an identifier, not a year. */
const NOT_AFTER_YEAR = new Set(['%', 'percent', 'per', 'pct', 'people', 'troops', 'soldiers', 'men', 'women', 'children', 'dollars', 'euros', 'pounds', 'km', 'miles', 'kilometers', 'kilometres', 'metres', 'meters', 'feet', 'tons', 'tonnes', 'votes', 'points', 'shares', ':', '/', 'x', '-']);
const NOT_BEFORE_YEAR = new Set(['$', '€', '£', '¥', '#', 'no.', 'number', 'nos.', 'us$', 'about', 'some', 'nearly', 'almost', 'than', 'approximately', 'roughly', 'over', 'under', 'just', 'only', 'additional', 'another', 'of', 'total', 'to', 'at', 'all', 'with']);
const AM = new Set(['a.m.', 'am', 'a.m']);
const PM = new Set(['p.m.', 'pm', 'p.m']);
/** Words before "the year" / "the quarter" that make them the period under report. */
const BARE_UNIT_LEADS = new Set(['for', 'in', 'during', 'of', 'through', 'throughout', 'over', 'at']);
/** Words after "that day" or "that year" that make another word of it: "day care", "year earlier". */
const DAY_COMPOUNDS = new Set(['care', 'trader', 'traders', 'trading', 'job', 'jobs', 'shift', 'earlier', 'later', 'ago', 'old']);
/** Words before "one day" that make it some day to come: "will one day", "could one day". */
const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'can', 'shall', "'ll", '’ll']);
/** Adjectives allowed between a count and its unit: "two more weeks", "three straight days". */
const COUNT_ADJECTIVES = new Set(['more', 'additional', 'full', 'straight', 'consecutive', 'successive', 'whole', 'extra', 'further', 'long', 'short', 'trading', 'business', 'working']);
const VAGUE_COUNTS = new Set(['few', 'several', 'couple']);
/** Nouns after "current" that make a term, not a time: "current account", "current affairs". */
const CURRENT_TERMS = new Set(['account', 'accounts', 'affairs', 'assets', 'liabilities', 'events', 'and', 'or', 'of', 'in', 'is', 'was']);
/** Parts of the day in the plural, after a weekday: "Friday nights". */
const PLURAL_PARTS: ReadonlyMap<string, string> = new Map([['mornings', 'MO'], ['afternoons', 'AF'], ['evenings', 'EV'], ['nights', 'NI']]);

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 191 && c !== 0x201c && c !== 0x2018 && c !== 0x2014 && c !== 0x2013);
}

function isCapitalized(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function durationValue(n: number | null, unit: Unit): string {
  const letter = UNIT_LETTER[unit];
  const t = TIME_UNITS.has(unit) ? 'T' : '';
  // Decades and centuries in years, as TimeBank writes them ("two decades" → P20Y, "decades" → PXY).
  if (n === null) return unit === 'decade' || unit === 'century' ? 'PXY' : `P${t}X${letter}`;
  if (unit === 'decade') return `P${round(n * 10)}Y`;
  if (unit === 'century') return `P${round(n * 100)}Y`;
  if (!Number.isInteger(n)) {
    const whole = Math.floor(n);
    const frac = n - whole;
    const sub: Partial<Record<Unit, [number, string, boolean]>> = { year: [12, 'M', false], day: [24, 'H', true], hour: [60, 'M', true], minute: [60, 'S', true] };
    const s = sub[unit];
    if (s) {
      const part = Math.round(frac * s[0]);
      if (unit === 'day') return `P${whole ? whole + 'D' : ''}T${part}H`;
      return `P${t}${whole ? whole + letter : ''}${part}${s[1]}`;
    }
  }
  return `P${t}${round(n)}${letter}`;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** "2025-04-28" (ISO) and "28.04.2025" (day first, as dotted dates are written in Europe). */
function numericDate(w: string): { y: number; m: number; d: number } | null {
  if (w.length !== 10) return null;
  let y: number;
  let m: number;
  let d: number;
  if (w[4] === '-' && w[7] === '-') {
    y = digitValue(w.slice(0, 4));
    m = digitValue(w.slice(5, 7));
    d = digitValue(w.slice(8));
  } else if (w[2] === '.' && w[5] === '.') {
    d = digitValue(w.slice(0, 2));
    m = digitValue(w.slice(3, 5));
    y = digitValue(w.slice(6));
  } else return null;
  return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d } : null;
}

export class TimeGrammar {
  private readonly t: Tokens;
  private readonly lower: string[];
  private readonly words: string[];
  private readonly n: number;
  /** Token before which lookbehind may not reach (end of the previous match). */
  private floor = 0;

  constructor(tokens: Tokens) {
    this.t = tokens;
    this.lower = tokens.lower;
    this.words = tokens.words;
    this.n = tokens.count;
  }

  /** All expressions, in text order, without overlaps. */
  scan(): Match[] {
    const out: Match[] = [];
    const lower = this.lower;
    for (let i = 0; i < this.n; i++) {
      const w = lower[i]!;
      const c = w.charCodeAt(0);
      let m: Match | null = null;
      if (c >= 48 && c <= 57 && ((w.length >= 7 && w[4] === '-') || (w.length <= 5 && w.length >= 3 && w.includes('-')))) {
        const range = w[4] === '-' ? this.yearRange(i) : this.dayRange(i);
        if (range) {
          out.push(...range);
          this.floor = range[1]!.end;
          i = this.floor - 1;
          continue;
        }
      }
      if (c >= 48 && c <= 57) m = this.digitLed(i);
      else {
        const k = TRIGGERS.get(w);
        if (k !== undefined) m = this.triggered(k, i);
        else if (w.length > 4 && w.includes('-')) m = this.hyphenated(i);
        else if ((c === 39 || c === 0x2019) && i + 1 < this.n) m = this.apostropheDecade(i);
      }
      if (!m) continue;
      m = this.extend(m);
      out.push(m);
      this.floor = m.end;
      i = m.end - 1;
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private w(i: number): string {
    return i >= 0 && i < this.n ? this.lower[i]! : '';
  }

  private touching(a: number, b: number): boolean {
    return this.t.end[a] === this.t.start[b];
  }

  private sameSentence(a: number, b: number): boolean {
    return b < this.n && a >= 0 && this.t.sentence[a] === this.t.sentence[b];
  }

  private make(start: number, end: number, type: TimeType, sem: Sem | null, tod: string | null = null, mod: string | null = null): Match {
    return { start, end, type, sem, tod, mod };
  }

  /** "1959": four digits from 1000 to 2099. */
  private isYearWord(w: string): boolean {
    const v = digitValue(w);
    return w.length === 4 && v >= 1000 && v <= 2099 && Number.isInteger(v);
  }

  /** A year written in digits at token i (1000–2099), or -1. */
  private yearAt(i: number): number {
    const w = this.w(i);
    if (w.length !== 4 || !this.sameSentence(i - 1, i)) return -1;
    const c = w.charCodeAt(0);
    if (c !== 49 && c !== 50) return -1;
    const v = digitValue(w);
    return v >= 1000 && v <= 2099 && Number.isInteger(v) ? v : -1;
  }

  /** Day of month at token i: "27", "27th", "1st"; -1 if none. */
  private dayAt(i: number): number {
    const w = this.w(i);
    if (!w || w.length > 4) return -1;
    let v: number;
    if (w.length > 2 && (w.endsWith('st') || w.endsWith('nd') || w.endsWith('rd') || w.endsWith('th'))) v = digitValue(w.slice(0, -2));
    else v = digitValue(w);
    if (!(v >= 1 && v <= 31) || !Number.isInteger(v)) return -1;
    // "10:35" is a clock time, "3/4" a fraction; "April 25:" is a date.
    const next = this.w(i + 1);
    if ((next === ':' || next === '/') && this.touching(i, i + 1) && i + 2 < this.n && this.touching(i + 1, i + 2)) return -1;
    return v;
  }

  /** A capitalized word inside a sentence is part of a name or title ("High Noon", ABC's "This Week"). */
  private inName(i: number): boolean {
    return isCapitalized(this.words[i]!) && i > 0 && this.sameSentence(i - 1, i) && isLetterCode(this.lower[i - 1]!.charCodeAt(0));
  }

  private monthAt(i: number): number {
    const m = MONTHS.get(this.w(i));
    return m !== undefined && isCapitalized(this.words[i]!) ? m : -1;
  }

  /** The calendar date from a month token at i: "April 27, 2025", "April 2025", "April". */
  private monthLed(i: number, requireCue: boolean): Match | null {
    const m = this.monthAt(i);
    if (m < 0) return null;
    const j = i + 1;
    const d = this.dayAt(j);
    if (d > 0 && this.sameSentence(i, j)) {
      const year = this.yearAfter(j + 1);
      if (d > daysInMonth(year?.y ?? 2000, m)) return null;
      return this.make(i, year ? year.end : j + 1, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
    }
    const year = this.yearAfter(j);
    if (year) return this.make(i, year.end, 'DATE', { k: 'cal', y: year.y, m, d: null, yearShift: year.yearShift });
    // "April 24-25" is read from the day range.
    const next = this.w(j);
    if (next.length >= 3 && next.length <= 5 && next.charCodeAt(0) >= 48 && next.charCodeAt(0) <= 57 && next.includes('-')) return null;
    const w = this.w(i);
    const ambiguous = AMBIGUOUS_MONTHS.has(w);
    if (ambiguous || requireCue) {
      // "May" and "March" are verbs too; accept them bare only after a temporal cue.
      if (w !== 'may' && w !== 'march' && !w.endsWith('.') && w.length <= 4) return null;
      if (!TEMPORAL_PREPOSITIONS.has(this.w(i - 1))) return null;
      if (w === 'may' && (this.w(i - 1) === 'and' || this.w(i - 1) === 'or' || this.w(i - 1) === 'that' || this.w(i - 1) === 'as' || this.w(i - 1) === 'to')) return null;
    }
    return this.make(i, i + 1, 'DATE', { k: 'cal', y: null, m, d: null });
  }

  // ---------------------------------------------------------------- dispatch

  private triggered(k: K, i: number): Match | null {
    const w = this.lower[i]!;
    switch (k) {
      case K.Month:
        // "May Day"
        return (HOLIDAY_NAMES.has(w) ? this.holiday(i) : null) ?? this.monthLed(i, false);
      case K.Weekday:
        return this.weekdayLed(i);
      case K.WeekdayPlural:
        if (!isCapitalized(this.words[i]!)) return null;
        return this.make(i, i + 1, 'SET', { k: 'value', value: `XXXX-WXX-${WEEKDAY_PLURALS.get(w)}` });
      case K.Number:
      case K.Article:
      case K.Vague:
        return this.countLed(i);
      case K.Relative:
        return this.relativeLed(i);
      case K.Anchor:
        // "USA Today" is a newspaper.
        return this.inName(i) ? null : this.anchorLed(i);
      case K.Ref:
        return this.make(i, i + 1, 'DATE', { k: 'value', value: REFS.get(w)! });
      case K.Set:
        // Not in names ("JoongAng Daily") or after one ("the Party daily").
        if (this.inName(i) || (i > 0 && isCapitalized(this.words[i - 1]!) && this.sameSentence(i - 1, i) && this.t.sentence[i - 2] === this.t.sentence[i])) return null;
        return this.make(i, i + 1, 'SET', { k: 'value', value: SETS.get(w)! });
      case K.Every:
        return this.everyLed(i);
      case K.Season:
        return this.seasonLed(i);
      case K.Ordinal:
        return this.ordinalLed(i);
      case K.Quarter: {
        const n = Number(w[1]);
        return this.partWithYear(i, i + 1, w[0] === 'q' ? 'Q' : 'H', n);
      }
      case K.Noon: {
        // "High Noon", "high noon" (a showdown)
        if (this.inName(i) || this.w(i - 1) === 'high') return null;
        const tod = w === 'midnight' ? 'T24:00' : 'T12:00';
        return this.make(i, i + 1, 'TIME', null, tod);
      }
      case K.Decade:
        if (this.w(i - 1) !== 'the' && this.w(i - 1) !== 'mid' && this.w(i - 1) !== 'early' && this.w(i - 1) !== 'late') return null;
        return this.make(i, i + 1, 'DATE', { k: 'value', value: `19${DECADE_WORDS.get(w)}` });
      case K.Holiday:
        return this.holiday(i);
      case K.These:
        return this.w(i + 1) === 'days' ? this.make(i, i + 2, 'DATE', { k: 'value', value: 'PRESENT_REF' }) : null;
      case K.Future:
        // "the future", "the near future", "in future"; not "future talks".
        if (this.w(i - 1) === 'the' || this.w(i - 1) === 'near' || (this.w(i - 1) === 'in' && this.w(i + 1) !== 'of')) {
          if (this.w(i + 1) === 'of' && this.w(i - 1) !== 'near') return null;
          return this.make(i, i + 1, 'DATE', { k: 'value', value: 'FUTURE_REF' });
        }
        return null;
      case K.Present:
        // "at present", "at the moment"
        if (w === 'present' ? this.w(i - 1) === 'at' : this.w(i - 1) === 'the' && this.w(i - 2) === 'at') {
          return this.make(i, i + 1, 'DATE', { k: 'value', value: 'PRESENT_REF' });
        }
        return null;
      case K.Unit:
        return this.bareUnit(i);
      case K.Soon:
        // "as soon as possible"; a bare "soon" is left out (see index.ts).
        return this.w(i - 1) === 'as' && i - 1 >= this.floor && this.w(i + 1) === 'as' && this.w(i + 2) === 'possible' ? this.make(i - 1, i + 3, 'DATE', { k: 'value', value: 'FUTURE_REF' }) : null;
      case K.That:
        // "that year", "the same day", "the corresponding period last year".
        return w === 'that' || this.w(i - 1) === 'the' ? this.anaphoric(i) : null;
      case K.Term:
        // "in the near term", "over the short term"
        return (this.w(i - 1) === 'near' || this.w(i - 1) === 'short') && this.w(i - 2) === 'the' ? this.make(i - 1, i + 1, 'DATE', { k: 'value', value: 'FUTURE_REF' }) : null;
      case K.Fiscal: {
        let j = i + 1;
        if (this.w(j) === 'year') j++;
        const y = this.yearAt(j);
        return y > 0 ? this.make(i, j + 1, 'DATE', { k: 'value', value: String(y) }) : null;
      }
      default:
        return null;
    }
  }

  /**
   * A unit word without a number: "for years", "within weeks", "the weeks ahead" (vague
   * durations); "for the year", "in the quarter" (the current year, the quarter under report);
   * "the year ended June 30" (a fiscal year, P1Y); "the end of the month".
   */
  private bareUnit(i: number): Match | null {
    const w = this.lower[i]!;
    const prev = this.w(i - 1);
    const unit = UNITS.get(w)!;
    if (isCapitalized(this.words[i]!)) return null;
    if (w.endsWith('s')) {
      if (prev === 'for' || prev === 'within' || (prev === 'in' && w !== 'years')) return this.make(i, i + 1, 'DURATION', { k: 'value', value: durationValue(null, unit) });
      if (prev === 'the' && this.w(i + 1) === 'ahead') return this.make(i, i + 2, 'DURATION', { k: 'value', value: durationValue(null, unit) });
      // "over the years", "in the years that followed"
      const lead = this.w(i - 2);
      if (w === 'years' && prev === 'the' && (lead === 'over' || lead === 'through' || lead === 'throughout' || lead === 'during' || lead === 'in')) {
        return this.make(i - 1, i + 1, 'DURATION', { k: 'value', value: 'PXY' });
      }
      return null;
    }
    const next = this.w(i + 1);
    // "the year two thousand"
    if (unit === 'year' && prev === 'the' && next === 'two' && this.w(i + 2) === 'thousand') return this.make(i - 1, i + 3, 'DATE', { k: 'cal', y: 2000, m: null, d: null });
    // "by year end", "by year's end"
    if (unit === 'year' && (next === 'end' || ((next === "'s" || next === '’s') && this.w(i + 2) === 'end'))) {
      return this.make(i, next === 'end' ? i + 2 : i + 3, 'DATE', { k: 'offset', unit: 'year', n: 0 }, null, 'END');
    }
    // "the week of March 6": the week that day falls in.
    if (unit === 'week' && prev === 'the' && next === 'of') {
      const j = i + 2;
      const date = this.monthAt(j) > 0 ? this.monthLed(j, true) : this.dayAt(j) > 0 ? this.dayMonth(j, this.dayAt(j)) : null;
      if (date?.sem?.k === 'cal' && date.sem.d !== null) return this.make(i - 1, date.end, 'DATE', { ...date.sem, weekOf: true });
    }
    // "the year", "the full year", "the current fiscal year", "the latest fiscal year"
    let k = i - 1;
    const fiscal = unit === 'year' && this.w(k) === 'fiscal';
    if (fiscal) k--;
    const adjective = this.w(k);
    if (adjective === 'full' || adjective === 'current' || (adjective === 'latest' && unit === 'year')) k--;
    if (this.w(k) !== 'the') return null;
    const lead = this.w(k - 1);
    // "earlier in the day", "later in the day": the day the story is on.
    if (unit === 'day') return lead === 'in' && (this.w(k - 2) === 'earlier' || this.w(k - 2) === 'later') ? this.make(i, i + 1, 'DATE', { k: 'narrative', unit, n: 0 }) : null;
    if (!BARE_UNIT_LEADS.has(lead)) return null;
    // "the year ended June 30", "the year to March": a fiscal year; "rose in the quarter to $2 billion" is the quarter.
    if (next === 'ended' || next === 'ending' || (next === 'to' && (this.monthAt(i + 2) > 0 || this.dayAt(i + 2) > 0))) {
      return unit === 'year' ? this.make(k + 1, i + 1, 'DURATION', { k: 'value', value: 'P1Y' }) : null;
    }
    // "the quarter a year ago": the one compared with the quarter under report.
    if (unit === 'quarter' && next === 'a' && this.w(i + 2) === 'year' && (this.w(i + 3) === 'ago' || this.w(i + 3) === 'earlier')) return this.make(i, i + 4, 'DATE', { k: 'quarterRef', years: -1 });
    if (next === 'of' || next === 'before' || next === 'after' || next === 'earlier' || next === 'later') return null;
    if (unit === 'year') return this.make(k + 1, i + 1, 'DATE', { k: 'offset', unit, n: adjective === 'latest' ? -1 : 0 });
    if (unit === 'weekend') return this.make(i, i + 1, 'DATE', { k: 'weekend' });
    if (unit === 'quarter') return this.make(k + 1, i + 1, 'DATE', { k: 'quarterRef', years: 0 });
    // "the end of the month", "the end of the week"
    if ((unit === 'month' || unit === 'week') && lead === 'of' && (this.w(k - 2) === 'end' || this.w(k - 2) === 'beginning' || this.w(k - 2) === 'start' || this.w(k - 2) === 'middle')) {
      return this.make(i, i + 1, 'DATE', { k: 'offset', unit, n: 0 });
    }
    return null;
  }

  /** "that year", "that same day", "that morning", "the same week": the last date the story named. */
  private anaphoric(i: number): Match | null {
    // "the same period last year", "the corresponding quarter a year ago": the year-ago quarter.
    const period = this.w(i + 1);
    if (this.lower[i] !== 'that' && (period === 'period' || period === 'quarter')) {
      const e = i + 2;
      if (this.w(e) === 'last' && this.w(e + 1) === 'year') return this.make(i, e + 2, 'DATE', { k: 'quarterRef', years: -1 });
      if (this.w(e) === 'a' && this.w(e + 1) === 'year' && (this.w(e + 2) === 'ago' || this.w(e + 2) === 'earlier')) return this.make(i, e + 3, 'DATE', { k: 'quarterRef', years: -1 });
      if (this.w(e) === 'of' && this.yearAt(e + 1) > 0) return this.make(i, e + 2, 'DATE', { k: 'quarterRef', years: 0, year: this.yearAt(e + 1) });
    }
    if (this.lower[i] !== 'that' && this.lower[i] !== 'same') return null;
    let j = i + 1;
    if (this.lower[i] === 'that' && this.w(j) === 'same') j++;
    const w = this.w(j);
    const unit = UNITS.get(w);
    if (unit === 'day' || unit === 'week' || unit === 'weekend' || unit === 'month' || unit === 'year') {
      // "day care", "day trader", "year-end" are other words.
      if (DAY_COMPOUNDS.has(this.w(j + 1))) return null;
      return this.make(i, j + 1, 'DATE', { k: 'narrative', unit, n: 0 });
    }
    if (unit === 'quarter') return this.make(i, j + 1, 'DATE', { k: 'quarterRef', years: 0 });
    const pod = PARTS_OF_DAY.get(w);
    if (pod && w !== 'overnight') return this.make(i, j + 1, 'TIME', { k: 'narrative', unit: 'day', n: 0 }, 'T' + pod);
    return null;
  }

  // ---------------------------------------------------------------- digits

  private digitLed(i: number): Match | null {
    const w = this.lower[i]!;
    const numeric = numericDate(w);
    if (numeric) return this.make(i, i + 1, 'DATE', { k: 'cal', ...numeric });
    if (w.includes('-')) return this.hyphenated(i);
    const last = w.charCodeAt(w.length - 1);
    if (last === 115 /* s */) {
      // "1990s" → 199
      if (w.length === 5 && digitValue(w.slice(0, 4)) >= 1000 && w.charCodeAt(3) === 48) return this.make(i, i + 1, 'DATE', { k: 'value', value: w.slice(0, 3) });
      return null;
    }
    if (!(last >= 48 && last <= 57)) {
      // Ordinals: "27th April", "27th of April", "20th century".
      const d = this.dayAt(i);
      if (d < 0 || !(w.endsWith('th') || w.endsWith('st') || w.endsWith('nd') || w.endsWith('rd'))) return null;
      if (this.w(i + 1) === 'century') return this.make(i, i + 2, 'DATE', { k: 'value', value: String(d - 1).padStart(2, '0') });
      return this.dayMonth(i, d);
    }
    const clock = this.clock(i);
    if (clock) return clock;
    const d = this.dayAt(i);
    if (d > 0) {
      const dm = this.dayMonth(i, d) ?? this.rangeDay(i, d);
      if (dm) return dm;
    }
    const y = this.yearAt(i);
    if (y > 0 && this.isYear(i, y)) {
      // "the 1988 period", "the 1988 quarter": the quarter under report in that year.
      if (this.w(i - 1) === 'the' && (this.w(i + 1) === 'period' || this.w(i + 1) === 'quarter')) return this.make(i, i + 2, 'DATE', { k: 'quarterRef', years: 0, year: y });
      const part = this.partAt(i + 1);
      if (part) return this.make(i, part.end, 'DATE', { k: 'part', p: part.p, n: part.n, y, yearShift: null });
      return this.make(i, i + 1, 'DATE', { k: 'cal', y, m: null, d: null });
    }
    return this.countLed(i);
  }

  /** "2014-2016", "2022-23": two years in one token, each its own expression. */
  private yearRange(i: number): Match[] | null {
    const w = this.lower[i]!;
    const from = digitValue(w.slice(0, 4));
    const tail = w.slice(5);
    let to = digitValue(tail);
    if (tail.length === 2) to = Math.floor(from / 100) * 100 + to;
    else if (tail.length !== 4) return null;
    if (!(from >= 1000 && from <= 2099 && to > from && to <= 2099)) return null;
    const s = this.t.start[i]!;
    const first = this.make(i, i + 1, 'DATE', { k: 'cal', y: from, m: null, d: null });
    first.chars = [s, s + 4];
    const second = this.make(i, i + 1, 'DATE', { k: 'cal', y: to, m: null, d: null });
    second.chars = [s + 5, s + 5 + tail.length];
    return [first, second];
  }

  /** "24-25 April", "April 24-25": a day range in one token, each day its own expression. */
  private dayRange(i: number): Match[] | null {
    const w = this.lower[i]!;
    const dash = w.indexOf('-');
    const from = digitValue(w.slice(0, dash));
    const to = digitValue(w.slice(dash + 1));
    if (!(from >= 1 && to > from && to <= 31 && Number.isInteger(from) && Number.isInteger(to))) return null;
    const before = this.monthAt(i - 1) > 0 && i - 1 >= this.floor;
    const m = before ? this.monthAt(i - 1) : this.monthAt(i + 1);
    if (m < 0 || to > daysInMonth(2000, m)) return null;
    const year = this.yearAfter(before ? i + 1 : i + 2);
    const end = year ? year.end : before ? i + 1 : i + 2;
    const s = this.t.start[i]!;
    const day = (d: number, start: number, a: number, b: number): Match => {
      const match = this.make(start, end, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
      match.chars = [a, b];
      return match;
    };
    // The month and year go with the day they are written next to.
    const last = this.t.end[end - 1]!;
    return before
      ? [day(from, i - 1, this.t.start[i - 1]!, s + dash), day(to, i, s + dash + 1, year ? last : s + w.length)]
      : [day(from, i, s, s + dash), day(to, i, s + dash + 1, last)];
  }

  /**
   * The day of a pair that shares one month: the first of "24 and 25 April" (the second is
   * read as usual), the second of "April 24 and 25".
   */
  private rangeDay(i: number, d: number): Match | null {
    const link = (w: string) => w === 'and' || w === 'or' || w === 'to' || w === 'through' || w === '-' || w === '–';
    if (link(this.w(i + 1)) && this.dayAt(i + 2) > 0 && this.monthAt(i + 3) > 0 && this.sameSentence(i, i + 3)) {
      const m = this.monthAt(i + 3);
      const year = this.yearAfter(i + 4);
      return d > daysInMonth(2000, m) ? null : this.make(i, i + 1, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
    }
    if (link(this.w(i - 1)) && this.dayAt(i - 2) > 0 && this.monthAt(i - 3) > 0 && this.sameSentence(i - 3, i)) {
      const m = this.monthAt(i - 3);
      const year = this.yearAfter(i + 1);
      return d > daysInMonth(2000, m) ? null : this.make(i, year ? year.end : i + 1, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
    }
    return null;
  }

  /** Is the 4-digit number at i a year rather than an amount? */
  private isYear(i: number, y: number): boolean {
    const prev = this.w(i - 1);
    const next = this.w(i + 1);
    if (NOT_AFTER_YEAR.has(next) || NOT_BEFORE_YEAR.has(prev)) {
      // "of 2024" and "to 2025" are years; "of 2,000" would have a comma.
      if (!(prev === 'of' || prev === 'to' || prev === 'at' || prev === 'with' || prev === 'all') || NOT_AFTER_YEAR.has(next)) return false;
    }
    if (next === ',' && this.w(i + 2).length === 3 && digitValue(this.w(i + 2)) >= 0) return false;
    // Older years need a cue: "in 1492", "since 1648".
    if (y < 1900 && !TEMPORAL_PREPOSITIONS.has(prev)) return false;
    // "Boeing 2000", "Resolution 2024": a capitalized word before, not at the start of a sentence.
    if (i > 1 && isCapitalized(this.words[i - 1]!) && this.sameSentence(i - 2, i)) {
      if (!MONTHS.has(prev) && !SEASONS.has(prev) && !TEMPORAL_PREPOSITIONS.has(prev)) return false;
    }
    return true;
  }

  /** "27 April (2025)", "27th of April". */
  private dayMonth(i: number, d: number): Match | null {
    let j = i + 1;
    if (this.w(j) === 'of') j++;
    const m = this.monthAt(j);
    if (m < 0 || !this.sameSentence(i, j)) return null;
    const year = this.yearAfter(j + 1);
    if (d > daysInMonth(year?.y ?? 2000, m)) return null;
    const end = year ? year.end : j + 1;
    let start = i;
    if (this.w(i - 1) === 'the' && end - i > 2 && i - 1 >= this.floor) start = i - 1;
    return this.make(start, end, 'DATE', { k: 'cal', y: year?.y ?? null, m, d, yearShift: year?.yearShift });
  }

  /**
   * The year completing a month or a date at token j: "2025", ", 2025", "of 2025", "nineteen
   * ninety-seven", "this year", "of last year".
   */
  private yearAfter(j: number): { y: number | null; yearShift: number | undefined; end: number } | null {
    let k = j;
    if ((this.w(k) === ',' || this.w(k) === 'of') && this.sameSentence(j, k + 1)) k++;
    const y = this.yearAt(k);
    if (y > 0) return { y, yearShift: undefined, end: k + 1 };
    const spelled = this.spelledYear(k);
    if (spelled?.sem?.k === 'cal') return { y: spelled.sem.y, yearShift: undefined, end: spelled.end };
    const rel = this.w(k);
    if (this.w(k + 1) === 'year' && (rel === 'this' || rel === 'last' || rel === 'next') && this.w(k) !== ',') {
      return { y: null, yearShift: rel === 'this' ? 0 : rel === 'last' ? -1 : 1, end: k + 2 };
    }
    return null;
  }

  /** "10:35 a.m.", "10 p.m.", "7:15", "1430 GMT", "4 in the morning", "5 o'clock". */
  private clock(i: number): Match | null {
    const w = this.lower[i]!;
    let h = digitValue(w);
    let min = 0;
    let j = i + 1;
    let strong = false;
    if (this.w(j) === ':' && this.touching(i, j) && this.touching(j, j + 1)) {
      const mm = this.w(j + 1);
      const v = digitValue(mm);
      if (mm.length !== 2 || !(v >= 0 && v < 60) || !(h >= 0 && h <= 24)) return null;
      min = v;
      j += 2;
    } else if (w.length >= 4 && w.length <= 5 && w[w.length - 3] === '.' && (AM.has(this.w(j)) || PM.has(this.w(j)))) {
      // British style "5.30 p.m."
      h = digitValue(w.slice(0, -3));
      min = digitValue(w.slice(-2));
      if (!(h >= 1 && h <= 12 && min < 60)) return null;
    } else if (w.length === 4 && TIME_ZONES.has(this.w(j)) && h >= 0 && h <= 2400) {
      // Military style "1430 GMT".
      min = h % 100;
      h = Math.floor(h / 100);
      if (min > 59 || h > 24) return null;
      strong = true;
    } else if (!(h >= 1 && h <= 12 && Number.isInteger(h))) return null;
    const next = this.w(j);
    if (AM.has(next) || PM.has(next)) {
      if (h < 1 || h > 12) return null;
      if (PM.has(next) && h < 12) h += 12;
      if (AM.has(next) && h === 12) h = 0;
      j++;
      strong = true;
    } else if (next === "o'clock") {
      j++;
      strong = true;
    } else if (next === 'in' && this.w(j + 1) === 'the' && PARTS_OF_DAY.has(this.w(j + 2)) && j === i + 1) {
      const part = this.w(j + 2);
      if (part !== 'morning' && h < 12) h += 12;
      j += 3;
      strong = true;
    }
    if (TIME_ZONES.has(this.w(j))) {
      j++;
      strong = true;
    } else if (this.w(j) === 'local' && this.w(j + 1) === 'time') {
      j += 2;
      strong = true;
    }
    if (!strong) {
      // A bare "7:15" needs "at", "by", "around"…
      if (j === i + 1) return null;
      const prev = this.w(i - 1);
      if (prev !== 'at' && prev !== 'by' && prev !== 'around' && prev !== 'until' && prev !== 'before' && prev !== 'after' && prev !== 'about' && prev !== 'since') return null;
    }
    return this.make(i, j, 'TIME', null, clockValue(h, min));
  }

  // ---------------------------------------------------------------- counts and durations

  /** "two years", "a week", "several months", "3 1/2 hours", "two more weeks", "a few days". */
  private countLed(i: number): Match | null {
    const lower = this.lower;
    let n: number | null;
    let j: number;
    const w = lower[i]!;
    if (w === 'a' || w === 'an') {
      const next = this.w(i + 1);
      if (next === 'few' || next === 'couple') {
        const vague = this.countLed(i + 1);
        return vague && this.withStart(vague, i);
      }
      // "for a while"; "at a later date", "an earlier date"
      if (next === 'while' && this.w(i - 1) === 'for') return this.make(i, i + 2, 'DURATION', { k: 'value', value: 'PXX' });
      if ((next === 'later' || next === 'earlier') && this.w(i + 2) === 'date') return this.make(i, i + 3, 'DATE', { k: 'value', value: next === 'later' ? 'FUTURE_REF' : 'PAST_REF' });
      if (next === 'half') {
        // "a half hour"
        const u = UNITS.get(this.w(i + 2));
        return u ? this.make(i, i + 3, 'DURATION', { k: 'value', value: durationValue(0.5, u) }) : null;
      }
      if (!UNITS.has(next) && !(COUNT_ADJECTIVES.has(next) && UNITS.has(this.w(i + 2)))) {
        const read = readNumber(this.t, i, Math.min(this.n, i + 8));
        if (!read) return null;
        n = read.value;
        j = read.end;
      } else {
        n = 1;
        j = i + 1;
      }
      const unit = UNITS.get(this.w(j));
      // "a second" is an ordinal, "a quarter" a fraction.
      if (n === 1 && (unit === 'second' || unit === 'quarter')) return null;
      // "a year" after an amount is a rate: "$5 million a year" (but "$5 million a year ago").
      const after = this.w(j + 1);
      if (unit && this.isRateContext(i) && after !== 'ago' && after !== 'earlier') return this.make(i, j + 1, 'SET', { k: 'value', value: durationValue(1, unit) });
    } else if (w === 'several' || w === 'few' || w === 'many' || w === 'couple') {
      n = w === 'couple' ? 2 : null;
      j = i + 1;
      if (w === 'couple' && this.w(j) === 'of') j++;
      if (w === 'couple' && this.w(i - 1) !== 'a') return null;
    } else if (w === 'half') {
      // "half an hour", "half a century"
      const art = this.w(i + 1);
      const u = UNITS.get(this.w(i + 2));
      if ((art === 'a' || art === 'an') && u) return this.make(i, i + 3, 'DURATION', { k: 'value', value: durationValue(0.5, u) });
      return null;
    } else {
      const read = readNumber(this.t, i, Math.min(this.n, i + 8));
      if (!read) {
        // "nineteen ninety-seven"
        return this.spelledYear(i);
      }
      n = read.value;
      j = read.end;
      const sy = this.spelledYear(i);
      if (sy) return sy;
    }
    if (n !== null && this.w(j) === 'and' && this.w(j + 1) === 'a' && this.w(j + 2) === 'half') {
      n += 0.5;
      j += 3;
    }
    if (COUNT_ADJECTIVES.has(this.w(j)) && UNITS.has(this.w(j + 1))) j++;
    const unit = UNITS.get(this.w(j));
    // "60 Minutes" is a title; "52 years old" an age.
    if (!unit || (isCapitalized(this.words[j]!) && !isCapitalized(this.words[i]!)) || this.w(j + 1) === 'old') return null;
    j++;
    if (n !== null && this.w(j) === 'and' && this.w(j + 1) === 'a' && this.w(j + 2) === 'half') {
      n += 0.5;
      j += 3;
    }
    // "will one day be": some day to come.
    if (w === 'one' && unit === 'day' && j === i + 2 && MODALS.has(this.w(i - 1))) return this.make(i, j, 'DATE', { k: 'value', value: 'FUTURE_REF' });
    const m = this.make(i, j, 'DURATION', { k: 'value', value: durationValue(n, unit) });
    m.count = { n, unit };
    return m;
  }

  private withStart(m: Match, start: number): Match {
    m.start = start;
    return m;
  }

  /** Token i follows an amount ("$5 million a year", "twice a week", "three times a day"). */
  private isRateContext(i: number): boolean {
    const prev = this.w(i - 1);
    if (prev === 'twice' || prev === 'once' || prev === 'times' || prev === 'thrice') return true;
    if (!prev) return false;
    const c = prev.charCodeAt(0);
    if (c >= 48 && c <= 57) return true;
    return prev === 'million' || prev === 'billion' || prev === 'dollars' || prev === 'euros' || prev === 'percent' || prev === '%';
  }

  /** "nineteen ninety-seven" → 1997, "nineteen eighty" → 1980. */
  private spelledYear(i: number): Match | null {
    const first = this.w(i);
    if (first !== 'nineteen' && first !== 'eighteen') return null;
    const v = wordValue(this.w(i + 1));
    if (v < 10 || v > 99) return null;
    const century = first === 'nineteen' ? 1900 : 1800;
    return this.make(i, i + 2, 'DATE', { k: 'cal', y: century + v, m: null, d: null });
  }

  // ---------------------------------------------------------------- relative expressions

  private relativeLed(i: number): Match | null {
    const w = this.lower[i]!;
    const shift = RELATIVE.get(w)!;
    let j = i + 1;
    const next = this.w(j);
    if (w === 'last' && next === 'half') return this.partWithYear(i, i + 2, 'H', 2);
    // "the past" alone: PAST_REF; "in recent years": a vague duration.
    if (w === 'past' && (this.w(i - 1) === 'the') && !UNITS.has(next) && !this.startsCount(j) && !VAGUE_COUNTS.has(next) && MONTHS.get(next) === undefined && !WEEKDAYS.has(next) && !SEASONS.has(next)) {
      return this.make(i, i + 1, 'DATE', { k: 'value', value: 'PAST_REF' });
    }
    // "the past few weeks", "the next several days", "recent years", "coming months"
    if (VAGUE_COUNTS.has(next)) {
      let k = j + 1;
      if (next === 'couple' && this.w(k) === 'of') k++;
      const unit = UNITS.get(this.w(k));
      if (!unit || !this.w(k).endsWith('s')) return null;
      return this.make(i, k + 1, 'DURATION', { k: 'value', value: durationValue(next === 'couple' ? 2 : null, unit) });
    }
    const unit = UNITS.get(next);
    if (unit) {
      // ABC's "This Week" is a title: a unit word is capitalized only in names.
      if (isCapitalized(this.words[j]!)) return null;
      const plural = next.endsWith('s') && next !== 'hrs';
      if (plural) {
        // "recent years" (vague), "past years" (PAST_REF), "the coming weeks"
        if (w === 'recent' || w === 'coming' || w === 'past' || w === 'last' || w === 'next') {
          if (w === 'past' && this.w(i - 1) !== 'the') return this.make(i, j + 1, 'DATE', { k: 'value', value: 'PAST_REF' });
          return this.make(i, j + 1, 'DURATION', { k: 'value', value: durationValue(null, unit) });
        }
        return null;
      }
      if (w === 'recent' || (w === 'latest' && unit !== 'quarter')) return null;
      if (unit === 'day' && (w === 'this' || w === 'that')) return null;
      // "the next day", "the following year": counted from the last date the story gave.
      if (this.w(i - 1) === 'the' && (w === 'next' || w === 'following' || w === 'previous' || w === 'preceding') && (unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year')) {
        return this.make(i, j + 1, 'DATE', { k: 'narrative', unit, n: shift });
      }
      // "the past decade" is the last ten years, not the 2010s.
      if ((unit === 'decade' || unit === 'century') && shift < 0) return this.make(i, j + 1, 'DURATION', { k: 'value', value: durationValue(1, unit) });
      // "this year's third quarter", "last year's first half"
      if (unit === 'year' && (this.w(j + 1) === "'s" || this.w(j + 1) === '’s') && (w === 'this' || w === 'last' || w === 'next')) {
        const part = this.partAt(j + 2);
        if (part) return this.make(i, part.end, 'DATE', { k: 'part', p: part.p, n: part.n, y: null, yearShift: shift });
        // "last year's quarter": the one compared with the quarter under report.
        const after = this.w(j + 2);
        if (w === 'last' && (after === 'quarter' || after === 'period')) return this.make(i, j + 3, 'DATE', { k: 'quarterRef', years: -1 });
      }
      if (unit === 'quarter' && w === 'latest') return this.make(i, j + 1, 'DATE', { k: 'quarterRef', years: 0 });
      return this.make(i, j + 1, 'DATE', { k: 'offset', unit, n: shift });
    }
    // "the latest period" in an earnings report is the quarter reported.
    if (w === 'latest' && next === 'period' && this.w(i - 1) === 'the') return this.make(i, j + 1, 'DATE', { k: 'quarterRef', years: 0 });
    const pod = PARTS_OF_DAY.get(next);
    if (pod) {
      // "the next morning", "the previous night": from the day the story is on.
      if (this.w(i - 1) === 'the' && (w === 'next' || w === 'following' || w === 'previous' || w === 'preceding') && i - 1 >= this.floor) {
        return this.make(i - 1, j + 1, 'TIME', { k: 'narrative', unit: 'day', n: shift }, 'T' + pod);
      }
      if (w === 'this') return this.make(i, j + 1, 'TIME', { k: 'offset', unit: 'day', n: 0 }, 'T' + pod);
      if (w === 'last' && next === 'night') return this.make(i, j + 1, 'TIME', { k: 'offset', unit: 'day', n: -1 }, 'TNI');
      return null;
    }
    // "current" before a noun is the present ("its current position", "current market conditions"),
    // "then current" a past one; "current account" and "current affairs" are terms of their own.
    if (w === 'current' && !isCapitalized(this.words[i]!) && isLetterCode(next.charCodeAt(0)) && !CURRENT_TERMS.has(next) && next !== 'fiscal' && !UNITS.has(next) && this.sameSentence(i, j)) {
      return this.w(i - 1) === 'then' && i - 1 >= this.floor ? this.make(i - 1, i + 1, 'DATE', { k: 'value', value: 'PAST_REF' }) : this.make(i, i + 1, 'DATE', { k: 'value', value: 'PRESENT_REF' });
    }
    if (w === 'recent' || w === 'latest' || w === 'current' || w === 'preceding' || w === 'upcoming') return null;
    // "the following Monday"; a bare "Following Monday's debate" is a preposition.
    if ((w === 'following' || w === 'previous' || w === 'preceding') && this.w(i - 1) !== 'the') return null;
    const dow = WEEKDAYS.get(next);
    if (dow !== undefined && isCapitalized(this.words[j]!)) {
      const sem: Sem = { k: 'weekday', dow, shift: w === 'this' ? 0 : shift < 0 ? -1 : 1 };
      // "the previous Friday", "the following Monday": counted from the day the story is on.
      const fromStory = this.w(i - 1) === 'the' && i - 1 >= this.floor && w !== 'this' && w !== 'last' && w !== 'next';
      if (fromStory) sem.fromStory = true;
      return this.partOfDay(this.make(fromStory ? i - 1 : i, j + 1, 'DATE', sem));
    }
    const month = this.monthAt(j);
    if (month > 0 && (w === 'last' || w === 'this' || w === 'next' || w === 'past' || w === 'coming')) {
      // "last Oct. 23": the latest such day.
      const d = this.dayAt(j + 1);
      const day = d > 0 && d <= daysInMonth(2000, month) && this.sameSentence(j, j + 1);
      return this.make(i, day ? j + 2 : j + 1, 'DATE', { k: 'cal', y: null, m: month, d: day ? d : null, shift: w === 'this' ? 0 : shift });
    }
    const season = SEASONS.get(next);
    if (season) return this.make(i, j + 1, 'DATE', { k: 'season', s: season, y: null, shift: w === 'this' ? 0 : shift });
    // "the past two months", "the next 14 months", "the last three years"
    if (this.startsCount(j)) {
      const count = this.countLed(j);
      if (count && count.type === 'DURATION') return this.withStart(count, i);
    }
    return null;
  }

  /** An ordinal quarter or half at token i: "third quarter", "third-quarter", "first half". */
  private partAt(i: number): { p: 'Q' | 'H'; n: number; end: number } | null {
    const w = this.w(i);
    const ord = ORDINALS.get(w);
    if (ord !== undefined && ord <= 4) {
      const next = this.w(i + 1);
      if (next === 'quarter') return { p: 'Q', n: ord, end: i + 2 };
      if (next === 'half' && ord <= 2) return { p: 'H', n: ord, end: i + 2 };
      return null;
    }
    if (w === 'last' && this.w(i + 1) === 'half') return { p: 'H', n: 2, end: i + 2 };
    const dash = w.indexOf('-');
    if (dash < 0) return null;
    const o = ORDINALS.get(w.slice(0, dash));
    const rest = w.slice(dash + 1);
    if (o !== undefined && o <= 4 && rest === 'quarter') return { p: 'Q', n: o, end: i + 1 };
    if (o !== undefined && o <= 2 && rest === 'half') return { p: 'H', n: o, end: i + 1 };
    return null;
  }

  /** Does token i start a number ("two", "14", "a")? */
  private startsCount(i: number): boolean {
    const w = this.w(i);
    if (!w) return false;
    const c = w.charCodeAt(0);
    return (c >= 48 && c <= 57) || wordValue(w) >= 0;
  }

  /** today, yesterday, tomorrow, tonight, overnight (+ "morning", …). */
  private anchorLed(i: number): Match | null {
    const w = this.lower[i]!;
    if (w === 'tonight') return this.make(i, i + 1, 'TIME', { k: 'offset', unit: 'day', n: 0 }, 'TNI');
    // Attacks "overnight" are reported the morning after: the night before the publication day.
    if (w === 'overnight') return this.make(i, i + 1, 'TIME', { k: 'offset', unit: 'day', n: -1 }, 'TNI');
    const n = w === 'today' ? 0 : w === 'yesterday' ? -1 : 1;
    return this.partOfDay(this.make(i, i + 1, 'DATE', { k: 'offset', unit: 'day', n }));
  }

  /** A part of the day right after a day: "Friday morning", "yesterday afternoon". */
  private partOfDay(m: Match): Match {
    const next = this.w(m.end);
    const pod = PARTS_OF_DAY.get(next);
    if (pod && next !== 'overnight') {
      m.end++;
      m.type = 'TIME';
      m.tod = 'T' + pod;
    }
    return m;
  }

  private weekdayLed(i: number): Match | null {
    if (!isCapitalized(this.words[i]!)) return null;
    // The weekday of a holiday's name that was not read as one ("the Good Friday agreement").
    if (i > 0 && HOLIDAY_NAMES.has(this.lower[i - 1]!) && isCapitalized(this.words[i - 1]!)) return null;
    const dow = WEEKDAYS.get(this.lower[i]!)!;
    // "Saturday, April 25" and "Friday 27 April" name the date itself.
    let j = i + 1;
    if (this.w(j) === ',') j++;
    const date = this.monthAt(j) > 0 ? this.monthLed(j, true) : this.dayAt(j) > 0 ? this.dayMonth(j, this.dayAt(j)) : null;
    if (date && date.sem?.k === 'cal' && date.sem.d !== null) {
      date.start = i;
      date.sem.dow = dow;
      return date;
    }
    // "Tuesday nights", "Monday and Tuesday nights": every such night.
    const plural = PLURAL_PARTS.get(this.w(i + 1)) ?? (this.w(i + 1) === 'and' && WEEKDAYS.has(this.w(i + 2)) ? PLURAL_PARTS.get(this.w(i + 3)) : undefined);
    if (plural) return this.make(i, PLURAL_PARTS.has(this.w(i + 1)) ? i + 2 : i + 1, 'SET', { k: 'value', value: `XXXX-WXX-${dow}T${plural}` });
    return this.partOfDay(this.make(i, i + 1, 'DATE', { k: 'weekday', dow, shift: null }));
  }

  /** "every week", "each July", "every other day", "every two years", "each Thursday". */
  private everyLed(i: number): Match | null {
    let j = i + 1;
    let n = 1;
    if (this.w(j) === 'other') {
      n = 2;
      j++;
    } else if (this.startsCount(j) && this.w(j) !== 'one') {
      const read = readNumber(this.t, j, Math.min(this.n, j + 4));
      if (!read) return null;
      n = read.value;
      j = read.end;
    }
    const w = this.w(j);
    const unit = UNITS.get(w);
    if (unit) return this.make(i, j + 1, 'SET', { k: 'value', value: durationValue(n, unit) });
    const dow = WEEKDAYS.get(w);
    if (dow !== undefined) return this.make(i, j + 1, 'SET', { k: 'value', value: `XXXX-WXX-${dow}` });
    const m = MONTHS.get(w);
    if (m !== undefined && isCapitalized(this.words[j]!)) return this.make(i, j + 1, 'SET', { k: 'value', value: `XXXX-${m < 10 ? '0' + m : m}` });
    const s = SEASONS.get(w);
    if (s) return this.make(i, j + 1, 'SET', { k: 'value', value: `XXXX-${s}` });
    const pod = PARTS_OF_DAY.get(w);
    if (pod) return this.make(i, j + 1, 'SET', { k: 'value', value: `XXXX-XX-XXT${pod}` });
    return null;
  }

  private seasonLed(i: number): Match | null {
    const w = this.lower[i]!;
    const s = SEASONS.get(w)!;
    const prev = this.w(i - 1);
    let j = i + 1;
    let y = this.yearAt(j);
    if (y < 0 && this.w(j) === 'of' && (this.yearAt(j + 1) > 0 || this.spelledYear(j + 1))) {
      y = this.yearAt(j + 1) > 0 ? this.yearAt(j + 1) : (this.spelledYear(j + 1)!.sem as { y: number }).y;
      j += this.yearAt(j + 1) > 0 ? 1 : 2;
    }
    if (y > 0) return this.make(i, j + 1, 'DATE', { k: 'season', s, y, shift: null });
    // Bare seasons need a temporal cue; "the fall of Kabul" and "a spring" are no seasons.
    if (!TEMPORAL_PREPOSITIONS.has(prev) || prev === 'and' || prev === 'or' || prev === 'to' || prev === 'as') return null;
    if (this.w(i + 1) === 'of' || (w === 'fall' || w === 'spring') && prev !== 'the' && prev !== 'last' && prev !== 'this' && prev !== 'next' && prev !== 'early' && prev !== 'late' && prev !== 'in') return null;
    if (prev === 'the' && (w === 'fall' || w === 'spring') && !TEMPORAL_PREPOSITIONS.has(this.w(i - 2))) return null;
    return this.make(i, i + 1, 'DATE', { k: 'season', s, y: null, shift: null });
  }

  /** "third quarter", "the first half", "the first nine months". */
  private ordinalLed(i: number): Match | null {
    const n = ORDINALS.get(this.lower[i]!)!;
    const next = this.w(i + 1);
    if (next === 'quarter' && n <= 4) return this.partWithYear(i, i + 2, 'Q', n);
    if (next === 'half' && n <= 2) return this.partWithYear(i, i + 2, 'H', n);
    if (next === 'quarters' && n <= 4) return this.make(i, i + 2, 'SET', { k: 'value', value: `XXXX-Q${n}` });
    // "the first nine months"
    if (this.w(i - 1) === 'the' && this.startsCount(i + 1)) {
      const count = this.countLed(i + 1);
      if (count && count.type === 'DURATION') return this.withStart(count, i);
    }
    return null;
  }

  /** A quarter or half, with the year before ("the 1988 second quarter", "this year's") or after ("of 1990"). */
  private partWithYear(start: number, end: number, p: 'Q' | 'H', n: number): Match {
    let y: number | null = null;
    let yearShift: number | null = null;
    let s = start;
    let e = end;
    if ((this.w(e) === 'of' || this.w(e) === ',') && this.yearAt(e + 1) > 0) {
      y = this.yearAt(e + 1);
      e += 2;
    } else if (this.yearAt(e) > 0 && this.w(e - 1) !== 'quarter') {
      y = this.yearAt(e);
      e++;
    } else if (s - 1 >= this.floor && this.yearAt(s - 1) > 0) {
      y = this.yearAt(s - 1);
      s--;
      if (this.w(s - 1) === 'fiscal' && s - 1 >= this.floor) s--;
    } else if (s - 3 >= this.floor && this.w(s - 2) === 'year' && (this.w(s - 1) === "'s" || this.w(s - 1) === '’s')) {
      const rel = this.w(s - 3);
      if (rel === 'this' || rel === 'last' || rel === 'next') {
        yearShift = rel === 'this' ? 0 : rel === 'last' ? -1 : 1;
        s -= 3;
      }
    }
    return this.make(s, e, 'DATE', { k: 'part', p, n, y, yearShift });
  }

  /** "Christmas", "Election Day", "Good Friday 2024", "Easter week", "Thanksgiving weekend". */
  private holiday(i: number): Match | null {
    if (!isCapitalized(this.words[i]!)) return null;
    let found: readonly string[] | null = null;
    for (const words of HOLIDAY_NAMES.get(this.lower[i]!) ?? []) {
      let k = 1;
      for (; k < words.length; k++) {
        const w = this.w(i + k);
        const want = words[k]!;
        const same = w === want || (want === "'s" && w === '’s') || (want === "'" && w === '’');
        // Names are capitalized: "Election Day", not any "election day".
        if (!same || (isLetterCode(w.charCodeAt(0)) && !isCapitalized(this.words[i + k]!))) break;
      }
      if (k === words.length) {
        found = words;
        break;
      }
    }
    if (!found) return null;
    let j = i + found.length;
    // "the Good Friday agreement", "the Easter Rising", "Christmas Island" are names.
    const next = this.w(j);
    if (NOT_AFTER_HOLIDAY.has(next) || (isCapitalized(this.words[j] ?? '') && this.sameSentence(i, j) && !WEEKDAYS.has(next))) return null;
    let y: number | null = null;
    if (this.yearAt(j) > 0) y = this.yearAt(j++);
    let part: 'week' | 'weekend' | undefined;
    if (this.w(j) === 'week' || this.w(j) === 'weekend') part = this.w(j++) as 'week' | 'weekend';
    const sem: Sem = { k: 'holiday', name: found.join(' '), y };
    if (part) sem.part = part;
    return this.make(i, j, 'DATE', sem);
  }

  /** "'90s" → 199 (of the century before the 2000s, as news uses it). */
  private apostropheDecade(i: number): Match | null {
    const w = this.w(i + 1);
    if (w.length !== 3 || !w.endsWith('0s') || !this.touching(i, i + 1)) return null;
    const d = w.charCodeAt(0) - 48;
    if (d < 0 || d > 9) return null;
    return this.make(i, i + 2, 'DATE', { k: 'value', value: (d >= 3 ? '19' : '20') + d });
  }

  /** Tokens with hyphens: "10-year", "two-year-old", "mid-November", "third-quarter", "year-earlier". */
  private hyphenated(i: number): Match | null {
    const w = this.lower[i]!;
    const parts = w.split('-');
    const head = parts[0]!;
    const rest = parts.slice(1).join('-');
    // "post-1959 politics", "pre-2014 borders": the year itself.
    if ((head === 'post' || head === 'pre') && rest.length === 4 && this.isYearWord(rest)) return this.make(i, i + 1, 'DATE', { k: 'cal', y: digitValue(rest), m: null, d: null });
    if (head === 'mid' || head === 'early' || head === 'late') {
      const mod = head === 'mid' ? 'MID' : head === 'early' ? 'START' : 'END';
      const m = MONTHS.get(rest);
      if (m !== undefined && !rest.endsWith('.')) {
        const y = this.yearAt(i + 1);
        return y > 0 ? this.make(i, i + 2, 'DATE', { k: 'cal', y, m, d: null }, null, mod) : this.make(i, i + 1, 'DATE', { k: 'cal', y: null, m, d: null }, null, mod);
      }
      const v = digitValue(rest);
      if (rest.length === 4 && v >= 1000 && v <= 2099) return this.make(i, i + 1, 'DATE', { k: 'cal', y: v, m: null, d: null }, null, mod);
      if (rest.length === 5 && rest.endsWith('0s') && digitValue(rest.slice(0, 4)) >= 1000) return this.make(i, i + 1, 'DATE', { k: 'value', value: rest.slice(0, 3) }, null, mod);
      const pod = PARTS_OF_DAY.get(rest);
      if (pod) return this.partOfDayAnchored(i, pod, mod);
      const s = SEASONS.get(rest);
      if (s) return this.make(i, i + 1, 'DATE', { k: 'season', s, y: null, shift: null }, null, mod);
      return null;
    }
    if (head === 'year' || head === 'month' || head === 'week' || head === 'day' || head === 'decade') {
      if ((rest === 'earlier' || rest === 'ago') && head === 'year') {
        // "the year-ago quarter", "the year-earlier third quarter": compared with the quarter under report.
        let e = i + 1;
        // "the year-earlier nine months" is the period itself.
        if (this.startsCount(e)) {
          const count = this.countLed(e);
          if (count?.type === 'DURATION') return this.withStart(count, i);
        }
        const part = this.partAt(e);
        if (part) e = part.end;
        else if (this.w(e) === 'quarter' || this.w(e) === 'period') e++;
        return this.make(i, e, 'DATE', { k: 'quarterRef', years: -1, part: part ? part.n : null });
      }
      if (rest === 'earlier' || rest === 'ago') return this.make(i, i + 1, 'DATE', { k: 'offset', unit: head as Unit, n: -1 });
      if (rest === 'end' && head === 'year') return this.make(i, i + 1, 'DATE', { k: 'offset', unit: 'year', n: 0 }, null, 'END');
      if (rest === 'long') return this.make(i, i + 1, 'DURATION', { k: 'value', value: durationValue(1, head as Unit) });
      return null;
    }
    if (rest === 'long' && (head === 'years' || head === 'decades' || head === 'months' || head === 'weeks' || head === 'days')) {
      return this.make(i, i + 1, 'DURATION', { k: 'value', value: durationValue(null, UNITS.get(head)!) });
    }
    const ord = ORDINALS.get(head);
    if (ord !== undefined && ord <= 4 && (rest === 'quarter' || (rest === 'half' && ord <= 2))) return this.partWithYear(i, i + 1, rest === 'quarter' ? 'Q' : 'H', ord);
    // "10-year", "five-day", "52-week", "twenty-four-hour"; not ages ("6-year-old") or fractions ("three-quarters").
    for (let k = parts.length - 1; k >= 1; k--) {
      const unit = UNITS.get(parts[k]!);
      if (!unit) continue;
      if (parts[k]!.endsWith('s') || (k + 1 < parts.length && parts[k + 1] !== 'long')) return null;
      const num = parts.slice(0, k).join('-');
      let v = digitValue(num);
      if (Number.isNaN(v)) v = wordValue(num);
      if (!(v > 0)) return null;
      return this.make(i, i + 1, 'DURATION', { k: 'value', value: durationValue(v, unit) });
    }
    return null;
  }

  /** "mid-afternoon" with the day it belongs to ("mid-afternoon yesterday") or the anchor. */
  private partOfDayAnchored(i: number, pod: string, mod: string): Match {
    const next = this.w(i + 1);
    if (next === 'yesterday' || next === 'today' || next === 'tomorrow') {
      return this.make(i, i + 2, 'TIME', { k: 'offset', unit: 'day', n: next === 'today' ? 0 : next === 'yesterday' ? -1 : 1 }, 'T' + pod, mod);
    }
    return this.make(i, i + 1, 'TIME', null, 'T' + pod, mod);
  }

  // ---------------------------------------------------------------- extension

  /** Add what surrounds a core match: a day after a clock time, "ago", "or so", modifiers, "the". */
  private extend(m: Match): Match {
    // "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 9", "midnight Friday"
    if (m.type === 'TIME' && m.sem === null) {
      let j = m.end;
      if (this.w(j) === ',') j++;
      const next = this.dayLedAt(j);
      if (next && next.sem) {
        m.sem = next.sem;
        m.end = next.end;
      }
    }
    // "ten days ago", "two weeks from now", "a year earlier" name a point; "three days later"
    // counts from a point the text gave before, so it stays a duration.
    if (m.count) {
      // "a week or so ago"
      if (this.w(m.end) === 'or' && this.w(m.end + 1) === 'so' && this.w(m.end + 2) === 'ago') {
        m.end += 2;
        m.mod = 'APPROX';
      }
      const after = this.w(m.end);
      const { n, unit } = m.count;
      const ago = after === 'ago';
      const ahead = (after === 'from' && this.w(m.end + 1) === 'now') || after === 'hence';
      const yearEarlier = after === 'earlier' && unit === 'year' && n === 1;
      if (ago || ahead || yearEarlier) {
        m.end += after === 'from' ? 2 : 1;
        m.type = 'DATE';
        if (n === null || !Number.isInteger(n)) m.sem = { k: 'value', value: ago ? 'PAST_REF' : 'FUTURE_REF' };
        else if (unit === 'year' && n === 1 && !ahead) m.sem = { k: 'quarterRef', years: -1 };
        else if (TIME_UNITS.has(unit)) m.sem = { k: 'offset', unit: 'day', n: 0 };
        else if (unit === 'decade' || unit === 'century') m.sem = { k: 'offset', unit: 'year', n: (ago ? -n : n) * (unit === 'decade' ? 10 : 100) };
        else m.sem = { k: 'offset', unit, n: ago ? -n : n };
      }
    }
    const after = this.w(m.end);
    if (after === 'or' && this.w(m.end + 1) === 'so') {
      m.end += 2;
      m.mod = 'APPROX';
    } else if ((after === 'and' && this.w(m.end + 1) === 'beyond') || (after === 'or' && this.w(m.end + 1) === 'later')) {
      m.end += 2;
      m.mod = 'ON_OR_AFTER';
    } else if (after === 'or' && this.w(m.end + 1) === 'earlier') {
      m.end += 2;
      m.mod = 'ON_OR_BEFORE';
    }
    this.prefix(m);
    return m;
  }

  /** A day-level expression starting at token j (for "noon Thursday"), without consuming it elsewhere. */
  private dayLedAt(j: number): Match | null {
    const w = this.w(j);
    if (WEEKDAYS.has(w)) return this.weekdayLed(j);
    if (w === 'today' || w === 'yesterday' || w === 'tomorrow') return this.anchorLed(j);
    if (this.monthAt(j) > 0) {
      const m = this.monthLed(j, true);
      return m && m.sem?.k === 'cal' && m.sem.d !== null ? m : null;
    }
    return null;
  }

  /** Modifiers and determiners before a match: "the", "early", "about", "more than", "the end of". */
  private prefix(m: Match): void {
    let s = m.start;
    const kind = m.sem?.k;
    const isCount = m.type === 'DURATION' || (kind === 'offset' && this.startsCount(m.start));
    const at = (k: number) => (k >= this.floor && this.sameSentence(k, m.start) ? this.lower[k]! : '');
    // "the past two months", "the third quarter", "the 1990s", "the weekend"
    const absorb = at(s - 1) === 'the' && kind !== 'cal' && kind !== 'weekday' && m.type !== 'TIME' && !REFS.has(this.lower[m.start]!) && !(kind === 'value' && this.lower[m.start] === 'current');
    if (absorb) s--;
    const definite = absorb || this.lower[s] === 'the';
    // "over the past several quarters": "over" is a preposition here, not "more than".
    const w1 = definite && at(s - 1) !== 'of' ? '' : at(s - 1);
    const w2 = at(s - 2);
    const two = PREFIX_MODS2.get(`${w2} ${w1}`);
    const isPointLike = m.type === 'DATE' || m.type === 'TIME';
    if (w1 === 'of' && (w2 === 'end' || w2 === 'beginning' || w2 === 'start' || w2 === 'middle') && isPointLike) {
      const mod = PREFIX_MODS2.get(`the ${w2}`)!;
      s -= at(s - 3) === 'the' ? 3 : 2;
      m.mod = mod;
    } else if (two && (isCount || m.type === 'TIME') && (w2 === 'more' || w2 === 'less' || w2 === 'fewer' || w2 === 'at' || w2 === 'up' || w2 === 'just')) {
      s -= 2;
      m.mod = two;
      if (at(s - 1) === 'no' && w2 === 'more') s--;
    } else if (w1) {
      const mod = PREFIX_MODS.get(w1);
      if (mod) {
        const temporal = mod === 'START' || mod === 'END' || mod === 'MID';
        // "early 1990", "late Friday", "earlier this year" modify points; "about two years" counts.
        if ((temporal && isPointLike && !(w1 === 'earlier' || w1 === 'later') && kind !== 'value') || ((w1 === 'earlier' || w1 === 'later') && isPointLike && kind !== 'value' && kind !== 'cal') || (!temporal && (isCount || m.type === 'TIME'))) {
          s--;
          m.mod = mod;
        }
      } else if (w1 === 'right' && kind === 'value' && (m.sem as { value: string }).value === 'PRESENT_REF') s--;
    }
    m.start = s;
  }
}
