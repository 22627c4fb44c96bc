import type { Tokens } from '../../../doc/tokenize.js';
import type { TimeType } from '../../../doc/types.js';
import type { Language } from '../../../lang/language.js';
import type { HolidayRule } from '../holidays.js';
import type { Sem } from '../resolve.js';
import type { Unit } from '../timex.js';

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

/** A holiday's name as tokens, with the rule of its day. */
export interface HolidayName {
  words: readonly string[];
  rule: HolidayRule;
}

export function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 191 && c !== 0x201c && c !== 0x2018 && c !== 0x2014 && c !== 0x2013);
}

export function isCapitalized(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/**
 * One scan of a document's tokens: what every family of expressions reads — the tokens, the
 * language's words of time and numbers, and the token before which lookbehind may not reach.
 */
export class Scanner {
  readonly lower: string[];
  readonly words: string[];
  readonly n: number;
  readonly lex: Language['times'];
  readonly num: Language['numbers'];
  /** Holiday names by their first word, longest first. */
  readonly holidays: ReadonlyMap<string, readonly HolidayName[]>;
  /** Token before which lookbehind may not reach (end of the previous match). */
  floor = 0;

  constructor(
    readonly t: Tokens,
    language: Language,
    holidays: ReadonlyMap<string, readonly HolidayName[]>,
  ) {
    this.lower = t.lower;
    this.words = t.words;
    this.n = t.count;
    this.lex = language.times;
    this.num = language.numbers;
    this.holidays = holidays;
  }

  w(i: number): string {
    return i >= 0 && i < this.n ? this.lower[i]! : '';
  }

  touching(a: number, b: number): boolean {
    return this.t.end[a] === this.t.start[b];
  }

  sameSentence(a: number, b: number): boolean {
    return b < this.n && a >= 0 && this.t.sentence[a] === this.t.sentence[b];
  }

  make(start: number, end: number, type: TimeType, sem: Sem | null, tod: string | null = null, mod: string | null = null): Match {
    return { start, end, type, sem, tod, mod };
  }

  /** "1959": four digits from 1000 to 2099. */
  isYearWord(w: string): boolean {
    const v = this.num.digitValue(w);
    return w.length === 4 && v >= 1000 && v <= 2099 && Number.isInteger(v);
  }

  /** A year written in digits at token i (1000–2099), or -1. */
  yearAt(i: number): number {
    const w = this.w(i);
    if (w.length !== 4 || !this.sameSentence(i - 1, i)) return -1;
    const c = w.charCodeAt(0);
    if (c !== 49 && c !== 50) return -1;
    const v = this.num.digitValue(w);
    return v >= 1000 && v <= 2099 && Number.isInteger(v) ? v : -1;
  }

  /** Day of month at token i: "27", "27th", "1st"; -1 if none. */
  dayAt(i: number): number {
    const w = this.w(i);
    if (!w || w.length > 4) return -1;
    let v: number;
    if (w.length > 2 && (w.endsWith('st') || w.endsWith('nd') || w.endsWith('rd') || w.endsWith('th'))) v = this.num.digitValue(w.slice(0, -2));
    else v = this.num.digitValue(w);
    if (!(v >= 1 && v <= 31) || !Number.isInteger(v)) return -1;
    // "10:35" is a clock time, "3/4" a fraction; "April 25:" is a date.
    const next = this.w(i + 1);
    if ((next === ':' || next === '/') && this.touching(i, i + 1) && i + 2 < this.n && this.touching(i + 1, i + 2)) return -1;
    return v;
  }

  /** A capitalized word inside a sentence is part of a name or title ("High Noon", ABC's "This Week"). */
  inName(i: number): boolean {
    return isCapitalized(this.words[i]!) && i > 0 && this.sameSentence(i - 1, i) && isLetterCode(this.lower[i - 1]!.charCodeAt(0));
  }

  monthAt(i: number): number {
    const m = this.lex.MONTHS.get(this.w(i));
    return m !== undefined && isCapitalized(this.words[i]!) ? m : -1;
  }

  /** Does token i start a number ("two", "14", "a")? */
  startsCount(i: number): boolean {
    const w = this.w(i);
    if (!w) return false;
    const c = w.charCodeAt(0);
    return (c >= 48 && c <= 57) || this.num.wordValue(w) >= 0;
  }

  withStart(m: Match, start: number): Match {
    m.start = start;
    return m;
  }
}
