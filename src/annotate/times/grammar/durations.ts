/**
 * Counts of units and durations: "two years", "a week", "several months", "3 1/2 hours", "for
 * years", "the year ended June 30", "$5 million a year" (a set); and their ISO 8601 values.
 */
import { TIME_UNITS, UNIT_LETTER, type Unit } from '../timex.js';
import { dayMonth, monthLed, spelledYear } from './dates.js';
import { isCapitalized, type Match, type Scanner } from './scanner.js';

/** "two years", "a week", "several months", "3 1/2 hours", "two more weeks", "a few days". */
export function countLed(g: Scanner, i: number): Match | null {
  const lower = g.lower;
  let n: number | null;
  let j: number;
  const w = lower[i]!;
  if (w === 'a' || w === 'an') {
    const next = g.w(i + 1);
    if (next === 'few' || next === 'couple') {
      const vague = countLed(g, i + 1);
      return vague && g.withStart(vague, i);
    }
    // "for a while"; "at a later date", "an earlier date"
    if (next === 'while' && g.w(i - 1) === 'for') return g.make(i, i + 2, 'DURATION', { k: 'value', value: 'PXX' });
    if ((next === 'later' || next === 'earlier') && g.w(i + 2) === 'date') return g.make(i, i + 3, 'DATE', { k: 'value', value: next === 'later' ? 'FUTURE_REF' : 'PAST_REF' });
    if (next === 'half') {
      // "a half hour"
      const u = g.lex.UNITS.get(g.w(i + 2));
      return u ? g.make(i, i + 3, 'DURATION', { k: 'value', value: durationValue(0.5, u) }) : null;
    }
    if (!g.lex.UNITS.has(next) && !(g.lex.COUNT_ADJECTIVES.has(next) && g.lex.UNITS.has(g.w(i + 2)))) {
      const read = g.num.readNumber(g.t, i, Math.min(g.n, i + 8));
      if (!read) return null;
      n = read.value;
      j = read.end;
    } else {
      n = 1;
      j = i + 1;
    }
    const unit = g.lex.UNITS.get(g.w(j));
    // "a second" is an ordinal, "a quarter" a fraction.
    if (n === 1 && (unit === 'second' || unit === 'quarter')) return null;
    // "a year" after an amount is a rate: "$5 million a year" (but "$5 million a year ago").
    const after = g.w(j + 1);
    if (unit && isRateContext(g, i) && after !== 'ago' && after !== 'earlier') return g.make(i, j + 1, 'SET', { k: 'value', value: durationValue(1, unit) });
  } else if (w === 'several' || w === 'few' || w === 'many' || w === 'couple') {
    n = w === 'couple' ? 2 : null;
    j = i + 1;
    if (w === 'couple' && g.w(j) === 'of') j++;
    if (w === 'couple' && g.w(i - 1) !== 'a') return null;
  } else if (w === 'half') {
    // "half an hour", "half a century"
    const art = g.w(i + 1);
    const u = g.lex.UNITS.get(g.w(i + 2));
    if ((art === 'a' || art === 'an') && u) return g.make(i, i + 3, 'DURATION', { k: 'value', value: durationValue(0.5, u) });
    return null;
  } else {
    const read = g.num.readNumber(g.t, i, Math.min(g.n, i + 8));
    if (!read) {
      // "nineteen ninety-seven"
      return spelledYear(g, i);
    }
    n = read.value;
    j = read.end;
    const sy = spelledYear(g, i);
    if (sy) return sy;
  }
  if (n !== null && g.w(j) === 'and' && g.w(j + 1) === 'a' && g.w(j + 2) === 'half') {
    n += 0.5;
    j += 3;
  }
  if (g.lex.COUNT_ADJECTIVES.has(g.w(j)) && g.lex.UNITS.has(g.w(j + 1))) j++;
  const unit = g.lex.UNITS.get(g.w(j));
  // "60 Minutes" is a title; "52 years old" an age.
  if (!unit || (isCapitalized(g.words[j]!) && !isCapitalized(g.words[i]!)) || g.w(j + 1) === 'old') return null;
  j++;
  if (n !== null && g.w(j) === 'and' && g.w(j + 1) === 'a' && g.w(j + 2) === 'half') {
    n += 0.5;
    j += 3;
  }
  // "will one day be": some day to come.
  if (w === 'one' && unit === 'day' && j === i + 2 && g.lex.ONE_DAY_MODALS.has(g.w(i - 1))) return g.make(i, j, 'DATE', { k: 'value', value: 'FUTURE_REF' });
  const m = g.make(i, j, 'DURATION', { k: 'value', value: durationValue(n, unit) });
  m.count = { n, unit };
  return m;
}

/** Token i follows an amount ("$5 million a year", "twice a week", "three times a day"). */
function isRateContext(g: Scanner, i: number): boolean {
  const prev = g.w(i - 1);
  if (prev === 'twice' || prev === 'once' || prev === 'times' || prev === 'thrice') return true;
  if (!prev) return false;
  const c = prev.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  return prev === 'million' || prev === 'billion' || prev === 'dollars' || prev === 'euros' || prev === 'percent' || prev === '%';
}

/**
 * A unit word without a number: "for years", "within weeks", "the weeks ahead" (vague
 * durations); "for the year", "in the quarter" (the current year, the quarter under report);
 * "the year ended June 30" (a fiscal year, P1Y); "the end of the month".
 */
export function bareUnit(g: Scanner, i: number): Match | null {
  const w = g.lower[i]!;
  const prev = g.w(i - 1);
  const unit = g.lex.UNITS.get(w)!;
  if (isCapitalized(g.words[i]!)) return null;
  if (w.endsWith('s')) {
    if (prev === 'for' || prev === 'within' || (prev === 'in' && w !== 'years')) return g.make(i, i + 1, 'DURATION', { k: 'value', value: durationValue(null, unit) });
    if (prev === 'the' && g.w(i + 1) === 'ahead') return g.make(i, i + 2, 'DURATION', { k: 'value', value: durationValue(null, unit) });
    // "over the years", "in the years that followed"
    const lead = g.w(i - 2);
    if (w === 'years' && prev === 'the' && (lead === 'over' || lead === 'through' || lead === 'throughout' || lead === 'during' || lead === 'in')) {
      return g.make(i - 1, i + 1, 'DURATION', { k: 'value', value: 'PXY' });
    }
    return null;
  }
  const next = g.w(i + 1);
  // "the year two thousand"
  if (unit === 'year' && prev === 'the' && next === 'two' && g.w(i + 2) === 'thousand') return g.make(i - 1, i + 3, 'DATE', { k: 'cal', y: 2000, m: null, d: null });
  // "by year end", "by year's end"
  if (unit === 'year' && (next === 'end' || ((next === "'s" || next === '’s') && g.w(i + 2) === 'end'))) {
    return g.make(i, next === 'end' ? i + 2 : i + 3, 'DATE', { k: 'offset', unit: 'year', n: 0 }, null, 'END');
  }
  // "the week of March 6": the week that day falls in.
  if (unit === 'week' && prev === 'the' && next === 'of') {
    const j = i + 2;
    const date = g.monthAt(j) > 0 ? monthLed(g, j, true) : g.dayAt(j) > 0 ? dayMonth(g, j, g.dayAt(j)) : null;
    if (date?.sem?.k === 'cal' && date.sem.d !== null) return g.make(i - 1, date.end, 'DATE', { ...date.sem, weekOf: true });
  }
  // "the year", "the full year", "the current fiscal year", "the latest fiscal year"
  let k = i - 1;
  const fiscal = unit === 'year' && g.w(k) === 'fiscal';
  if (fiscal) k--;
  const adjective = g.w(k);
  if (adjective === 'full' || adjective === 'current' || (adjective === 'latest' && unit === 'year')) k--;
  if (g.w(k) !== 'the') return null;
  const lead = g.w(k - 1);
  // "earlier in the day", "later in the day": the day the story is on.
  if (unit === 'day') return lead === 'in' && (g.w(k - 2) === 'earlier' || g.w(k - 2) === 'later') ? g.make(i, i + 1, 'DATE', { k: 'narrative', unit, n: 0 }) : null;
  if (!g.lex.BARE_UNIT_LEADS.has(lead)) return null;
  // "the year ended June 30", "the year to March": a fiscal year; "rose in the quarter to $2 billion" is the quarter.
  if (next === 'ended' || next === 'ending' || (next === 'to' && (g.monthAt(i + 2) > 0 || g.dayAt(i + 2) > 0))) {
    return unit === 'year' ? g.make(k + 1, i + 1, 'DURATION', { k: 'value', value: 'P1Y' }) : null;
  }
  // "the quarter a year ago": the one compared with the quarter under report.
  if (unit === 'quarter' && next === 'a' && g.w(i + 2) === 'year' && (g.w(i + 3) === 'ago' || g.w(i + 3) === 'earlier')) return g.make(i, i + 4, 'DATE', { k: 'quarterRef', years: -1 });
  if (next === 'of' || next === 'before' || next === 'after' || next === 'earlier' || next === 'later') return null;
  if (unit === 'year') return g.make(k + 1, i + 1, 'DATE', { k: 'offset', unit, n: adjective === 'latest' ? -1 : 0 });
  if (unit === 'weekend') return g.make(i, i + 1, 'DATE', { k: 'weekend' });
  if (unit === 'quarter') return g.make(k + 1, i + 1, 'DATE', { k: 'quarterRef', years: 0 });
  // "the end of the month", "the end of the week"
  if ((unit === 'month' || unit === 'week') && lead === 'of' && (g.w(k - 2) === 'end' || g.w(k - 2) === 'beginning' || g.w(k - 2) === 'start' || g.w(k - 2) === 'middle')) {
    return g.make(i, i + 1, 'DATE', { k: 'offset', unit, n: 0 });
  }
  return null;
}

/** The ISO 8601 duration of n units (n null: some number of them). */
export function durationValue(n: number | null, unit: Unit): string {
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
