/**
 * English numbers written in digits or words, read off the token arrays: "1,500", "3.5 million",
 * "twenty-four", "two hundred and fifty", "a dozen", "5 1/2". Read by the times layer ("two
 * years", "nineteen ninety-seven") and the quantities layer. No regular expressions: this runs
 * on every digit or number-word token of every article.
 */
import type { Tokens } from '../../doc/tokenize.js';

/** zero … nineteen, and the tens. */
const SMALL: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);
/** Number words that start a count: one … nineteen and the tens. */
export const COUNT_WORDS: readonly string[] = [...[...SMALL.keys()].filter((w) => w !== 'zero'), ...TENS.keys()];

/** Multipliers after a number: "3.5 million", "two hundred", "$2bn". */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mln', 1e6], ['mn', 1e6], ['bln', 1e9], ['bn', 1e9], ['tn', 1e12],
]);

/** Value of one number word ("two", "twenty", "twenty-four"), or -1. */
export function wordValue(lower: string): number {
  const v = SMALL.get(lower) ?? TENS.get(lower);
  if (v !== undefined) return v;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const tens = TENS.get(lower.slice(0, dash));
    const unit = SMALL.get(lower.slice(dash + 1));
    if (tens !== undefined && unit !== undefined && unit > 0 && unit < 10) return tens + unit;
  }
  return -1;
}

/** True for the tens words, which may be followed by a unit word ("twenty four"). */
export function isTens(lower: string): boolean {
  return TENS.has(lower);
}

/**
 * Value of a token written in digits: "12", "1,500", "3.5", "12,000,000"; NaN for anything else
 * (including "1990s", "F-16", "3-2"). Thousands separators must come in groups of three.
 */
export function digitValue(word: string): number {
  const n = word.length;
  if (n === 0 || n > 24) return NaN;
  let sawDot = false;
  let groupLen = 0;
  let sawComma = false;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      groupLen++;
      continue;
    }
    if (c === 44 /* , */ && !sawDot) {
      if (groupLen === 0 || (sawComma && groupLen !== 3) || (!sawComma && groupLen > 3)) return NaN;
      sawComma = true;
      groupLen = 0;
      continue;
    }
    if (c === 46 /* . */ && !sawDot && i > 0 && i < n - 1) {
      if (sawComma && groupLen !== 3) return NaN;
      sawDot = true;
      continue;
    }
    return NaN;
  }
  if (sawComma && !sawDot && groupLen !== 3) return NaN;
  return Number(sawComma ? word.replaceAll(',', '') : word);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export interface NumberRead {
  value: number;
  /** One past the last token read. */
  end: number;
  /** Written in words ("two") rather than digits ("2"). */
  words: boolean;
}

/** Two tokens touch when no space separates them ("5" "/" "2" in "5/2"). */
function touching(t: Tokens, a: number, b: number): boolean {
  return t.end[a] === t.start[b];
}

/**
 * The number starting at token i, read as far as it goes within [i, limit): digits with an
 * optional fraction ("5 1/2") and scale ("3.5 million"), or words ("two hundred and fifty",
 * "a hundred thirty million", "twenty four", "a dozen", "two dozen"). Null when token i starts
 * no number. "a"/"an" count as one only before a scale or "dozen".
 */
export function readNumber(t: Tokens, i: number, limit: number): NumberRead | null {
  const lower = t.lower;
  const first = lower[i]!;
  if (isDigit(first.charCodeAt(0))) {
    const v = digitValue(first);
    if (Number.isNaN(v)) return null;
    // "9/11", "24/7", "3-2" are not counts.
    if (i + 1 < limit && touching(t, i, i + 1) && (lower[i + 1] === '/' || lower[i + 1] === ':')) return null;
    if (i > 0 && touching(t, i - 1, i) && (lower[i - 1] === '/' || lower[i - 1] === ':')) return null;
    let value = v;
    let end = i + 1;
    // "5 1/2"
    if (end + 2 < limit && lower[end + 1] === '/' && touching(t, end, end + 1) && touching(t, end + 1, end + 2)) {
      const num = digitValue(lower[end]!);
      const den = digitValue(lower[end + 2]!);
      if (num > 0 && den > num && den <= 16 && Number.isInteger(v)) {
        value += num / den;
        end += 3;
      }
    }
    const scale = end < limit ? SCALES.get(lower[end]!) : undefined;
    if (scale !== undefined && scale >= 1e3) {
      value *= scale;
      end++;
    }
    return { value: round(value), end, words: false };
  }
  return readWords(t, i, limit);
}

function readWords(t: Tokens, i: number, limit: number): NumberRead | null {
  const lower = t.lower;
  let total = 0;
  let current = 0;
  let any = false;
  let j = i;
  let lastWasSmall = false;
  let lastTens = false;
  while (j < limit) {
    const w = lower[j]!;
    const small = wordValue(w);
    if (small >= 0) {
      // "twenty four" joins; "two three" does not.
      if (lastWasSmall && !(lastTens && small > 0 && small < 10 && !w.includes('-'))) break;
      current += small;
      any = true;
      lastWasSmall = true;
      lastTens = isTens(w);
      j++;
      continue;
    }
    if ((w === 'a' || w === 'an') && !any && j + 1 < limit) {
      const next = lower[j + 1]!;
      if (SCALES.has(next) || next === 'dozen') {
        current = 1;
        any = true;
        lastWasSmall = false;
        j++;
        continue;
      }
      break;
    }
    if (!any) break;
    if (w === 'dozen') {
      current = (current || 1) * 12;
      lastWasSmall = false;
      j++;
      continue;
    }
    const scale = SCALES.get(w);
    if (scale !== undefined && w.length > 3) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      lastWasSmall = false;
      lastTens = false;
      j++;
      continue;
    }
    // "two hundred and fifty": "and" joins only after a scale and before a number word.
    if (w === 'and' && !lastWasSmall && j + 1 < limit && wordValue(lower[j + 1]!) >= 0 && j > i) {
      j++;
      continue;
    }
    break;
  }
  if (!any) return null;
  return { value: total + current, end: j, words: true };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
