/**
 * Days and periods told relative to the text: "last week", "next Friday", "yesterday", "the
 * following day", "that year", "the same period last year".
 */
import { daysInMonth } from '../calendar.js';
import type { Sem } from '../resolve.js';
import { partOfDay } from './clock.js';
import { dayMonth, monthLed } from './dates.js';
import { countLed, durationValue } from './durations.js';
import { partAt, partWithYear } from './periods.js';
import { isCapitalized, isLetterCode, type Match, type Scanner } from './scanner.js';

export function relativeLed(g: Scanner, i: number): Match | null {
  const w = g.lower[i]!;
  const shift = g.lex.RELATIVE.get(w)!;
  let j = i + 1;
  const next = g.w(j);
  if (w === 'last' && next === 'half') return partWithYear(g, i, i + 2, 'H', 2);
  // "the past" alone: PAST_REF; "in recent years": a vague duration.
  if (w === 'past' && (g.w(i - 1) === 'the') && !g.lex.UNITS.has(next) && !g.startsCount(j) && !g.lex.VAGUE_COUNTS.has(next) && g.lex.MONTHS.get(next) === undefined && !g.lex.WEEKDAYS.has(next) && !g.lex.SEASONS.has(next)) {
    return g.make(i, i + 1, 'DATE', { k: 'value', value: 'PAST_REF' });
  }
  // "the past few weeks", "the next several days", "recent years", "coming months"
  if (g.lex.VAGUE_COUNTS.has(next)) {
    let k = j + 1;
    if (next === 'couple' && g.w(k) === 'of') k++;
    const unit = g.lex.UNITS.get(g.w(k));
    if (!unit || !g.w(k).endsWith('s')) return null;
    return g.make(i, k + 1, 'DURATION', { k: 'value', value: durationValue(next === 'couple' ? 2 : null, unit) });
  }
  const unit = g.lex.UNITS.get(next);
  if (unit) {
    // ABC's "This Week" is a title: a unit word is capitalized only in names.
    if (isCapitalized(g.words[j]!)) return null;
    const plural = next.endsWith('s') && next !== 'hrs';
    if (plural) {
      // "recent years" (vague), "past years" (PAST_REF), "the coming weeks"
      if (w === 'recent' || w === 'coming' || w === 'past' || w === 'last' || w === 'next') {
        if (w === 'past' && g.w(i - 1) !== 'the') return g.make(i, j + 1, 'DATE', { k: 'value', value: 'PAST_REF' });
        return g.make(i, j + 1, 'DURATION', { k: 'value', value: durationValue(null, unit) });
      }
      return null;
    }
    if (w === 'recent' || (w === 'latest' && unit !== 'quarter')) return null;
    if (unit === 'day' && (w === 'this' || w === 'that')) return null;
    // "the next day", "the following year": counted from the last date the story gave.
    if (g.w(i - 1) === 'the' && (w === 'next' || w === 'following' || w === 'previous' || w === 'preceding') && (unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year')) {
      return g.make(i, j + 1, 'DATE', { k: 'narrative', unit, n: shift });
    }
    // "the past decade" is the last ten years, not the 2010s.
    if ((unit === 'decade' || unit === 'century') && shift < 0) return g.make(i, j + 1, 'DURATION', { k: 'value', value: durationValue(1, unit) });
    // "this year's third quarter", "last year's first half"
    if (unit === 'year' && (g.w(j + 1) === "'s" || g.w(j + 1) === '’s') && (w === 'this' || w === 'last' || w === 'next')) {
      const part = partAt(g, j + 2);
      if (part) return g.make(i, part.end, 'DATE', { k: 'part', p: part.p, n: part.n, y: null, yearShift: shift });
      // "last year's quarter": the one compared with the quarter under report.
      const after = g.w(j + 2);
      if (w === 'last' && (after === 'quarter' || after === 'period')) return g.make(i, j + 3, 'DATE', { k: 'quarterRef', years: -1 });
    }
    if (unit === 'quarter' && w === 'latest') return g.make(i, j + 1, 'DATE', { k: 'quarterRef', years: 0 });
    return g.make(i, j + 1, 'DATE', { k: 'offset', unit, n: shift });
  }
  // "the latest period" in an earnings report is the quarter reported.
  if (w === 'latest' && next === 'period' && g.w(i - 1) === 'the') return g.make(i, j + 1, 'DATE', { k: 'quarterRef', years: 0 });
  const pod = g.lex.PARTS_OF_DAY.get(next);
  if (pod) {
    // "the next morning", "the previous night": from the day the story is on.
    if (g.w(i - 1) === 'the' && (w === 'next' || w === 'following' || w === 'previous' || w === 'preceding') && i - 1 >= g.floor) {
      return g.make(i - 1, j + 1, 'TIME', { k: 'narrative', unit: 'day', n: shift }, 'T' + pod);
    }
    if (w === 'this') return g.make(i, j + 1, 'TIME', { k: 'offset', unit: 'day', n: 0 }, 'T' + pod);
    if (w === 'last' && next === 'night') return g.make(i, j + 1, 'TIME', { k: 'offset', unit: 'day', n: -1 }, 'TNI');
    return null;
  }
  // "current" before a noun is the present ("its current position", "current market conditions"),
  // "then current" a past one; "current account" and "current affairs" are terms of their own.
  if (w === 'current' && !isCapitalized(g.words[i]!) && isLetterCode(next.charCodeAt(0)) && !g.lex.CURRENT_TERMS.has(next) && next !== 'fiscal' && !g.lex.UNITS.has(next) && g.sameSentence(i, j)) {
    return g.w(i - 1) === 'then' && i - 1 >= g.floor ? g.make(i - 1, i + 1, 'DATE', { k: 'value', value: 'PAST_REF' }) : g.make(i, i + 1, 'DATE', { k: 'value', value: 'PRESENT_REF' });
  }
  if (w === 'recent' || w === 'latest' || w === 'current' || w === 'preceding' || w === 'upcoming') return null;
  // "the following Monday"; a bare "Following Monday's debate" is a preposition.
  if ((w === 'following' || w === 'previous' || w === 'preceding') && g.w(i - 1) !== 'the') return null;
  const dow = g.lex.WEEKDAYS.get(next);
  if (dow !== undefined && isCapitalized(g.words[j]!)) {
    const sem: Sem = { k: 'weekday', dow, shift: w === 'this' ? 0 : shift < 0 ? -1 : 1 };
    // "the previous Friday", "the following Monday": counted from the day the story is on.
    const fromStory = g.w(i - 1) === 'the' && i - 1 >= g.floor && w !== 'this' && w !== 'last' && w !== 'next';
    if (fromStory) sem.fromStory = true;
    return partOfDay(g, g.make(fromStory ? i - 1 : i, j + 1, 'DATE', sem));
  }
  const month = g.monthAt(j);
  if (month > 0 && (w === 'last' || w === 'this' || w === 'next' || w === 'past' || w === 'coming')) {
    // "last Oct. 23": the latest such day.
    const d = g.dayAt(j + 1);
    const day = d > 0 && d <= daysInMonth(2000, month) && g.sameSentence(j, j + 1);
    return g.make(i, day ? j + 2 : j + 1, 'DATE', { k: 'cal', y: null, m: month, d: day ? d : null, shift: w === 'this' ? 0 : shift });
  }
  const season = g.lex.SEASONS.get(next);
  if (season) return g.make(i, j + 1, 'DATE', { k: 'season', s: season, y: null, shift: w === 'this' ? 0 : shift });
  // "the past two months", "the next 14 months", "the last three years"
  if (g.startsCount(j)) {
    const count = countLed(g, j);
    if (count && count.type === 'DURATION') return g.withStart(count, i);
  }
  return null;
}

/** today, yesterday, tomorrow, tonight, overnight (+ "morning", …). */
export function anchorLed(g: Scanner, i: number): Match | null {
  const w = g.lower[i]!;
  if (w === 'tonight') return g.make(i, i + 1, 'TIME', { k: 'offset', unit: 'day', n: 0 }, 'TNI');
  // Attacks "overnight" are reported the morning after: the night before the publication day.
  if (w === 'overnight') return g.make(i, i + 1, 'TIME', { k: 'offset', unit: 'day', n: -1 }, 'TNI');
  const n = w === 'today' ? 0 : w === 'yesterday' ? -1 : 1;
  return partOfDay(g, g.make(i, i + 1, 'DATE', { k: 'offset', unit: 'day', n }));
}

export function weekdayLed(g: Scanner, i: number): Match | null {
  if (!isCapitalized(g.words[i]!)) return null;
  // The weekday of a holiday's name that was not read as one ("the Good Friday agreement").
  if (i > 0 && g.holidays.has(g.lower[i - 1]!) && isCapitalized(g.words[i - 1]!)) return null;
  const dow = g.lex.WEEKDAYS.get(g.lower[i]!)!;
  // "Saturday, April 25" and "Friday 27 April" name the date itself.
  let j = i + 1;
  if (g.w(j) === ',') j++;
  const date = g.monthAt(j) > 0 ? monthLed(g, j, true) : g.dayAt(j) > 0 ? dayMonth(g, j, g.dayAt(j)) : null;
  if (date && date.sem?.k === 'cal' && date.sem.d !== null) {
    date.start = i;
    date.sem.dow = dow;
    return date;
  }
  // "Tuesday nights", "Monday and Tuesday nights": every such night.
  const plural = g.lex.PLURAL_PARTS.get(g.w(i + 1)) ?? (g.w(i + 1) === 'and' && g.lex.WEEKDAYS.has(g.w(i + 2)) ? g.lex.PLURAL_PARTS.get(g.w(i + 3)) : undefined);
  if (plural) return g.make(i, g.lex.PLURAL_PARTS.has(g.w(i + 1)) ? i + 2 : i + 1, 'SET', { k: 'value', value: `XXXX-WXX-${dow}T${plural}` });
  return partOfDay(g, g.make(i, i + 1, 'DATE', { k: 'weekday', dow, shift: null }));
}

/** "that year", "that same day", "that morning", "the same week": the last date the story named. */
export function anaphoric(g: Scanner, i: number): Match | null {
  // "the same period last year", "the corresponding quarter a year ago": the year-ago quarter.
  const period = g.w(i + 1);
  if (g.lower[i] !== 'that' && (period === 'period' || period === 'quarter')) {
    const e = i + 2;
    if (g.w(e) === 'last' && g.w(e + 1) === 'year') return g.make(i, e + 2, 'DATE', { k: 'quarterRef', years: -1 });
    if (g.w(e) === 'a' && g.w(e + 1) === 'year' && (g.w(e + 2) === 'ago' || g.w(e + 2) === 'earlier')) return g.make(i, e + 3, 'DATE', { k: 'quarterRef', years: -1 });
    if (g.w(e) === 'of' && g.yearAt(e + 1) > 0) return g.make(i, e + 2, 'DATE', { k: 'quarterRef', years: 0, year: g.yearAt(e + 1) });
  }
  if (g.lower[i] !== 'that' && g.lower[i] !== 'same') return null;
  let j = i + 1;
  if (g.lower[i] === 'that' && g.w(j) === 'same') j++;
  const w = g.w(j);
  const unit = g.lex.UNITS.get(w);
  if (unit === 'day' || unit === 'week' || unit === 'weekend' || unit === 'month' || unit === 'year') {
    // "day care", "day trader", "year-end" are other words.
    if (g.lex.DAY_COMPOUNDS.has(g.w(j + 1))) return null;
    return g.make(i, j + 1, 'DATE', { k: 'narrative', unit, n: 0 });
  }
  if (unit === 'quarter') return g.make(i, j + 1, 'DATE', { k: 'quarterRef', years: 0 });
  const pod = g.lex.PARTS_OF_DAY.get(w);
  if (pod && w !== 'overnight') return g.make(i, j + 1, 'TIME', { k: 'narrative', unit: 'day', n: 0 }, 'T' + pod);
  return null;
}

/** A day-level expression starting at token j (for "noon Thursday"), without consuming it elsewhere. */
export function dayLedAt(g: Scanner, j: number): Match | null {
  const w = g.w(j);
  if (g.lex.WEEKDAYS.has(w)) return weekdayLed(g, j);
  if (w === 'today' || w === 'yesterday' || w === 'tomorrow') return anchorLed(g, j);
  if (g.monthAt(j) > 0) {
    const m = monthLed(g, j, true);
    return m && m.sem?.k === 'cal' && m.sem.d !== null ? m : null;
  }
  return null;
}
