/**
 * The time grammar: finds date, time, duration and set expressions in the token arrays and
 * says what each means (`Sem`, resolve.ts), leaving resolution against the publication date to
 * resolve.ts. A hand-written scanner rather than chrono-node: chrono parses about 330k words/s
 * on the PolNeAR texts (the budget for times and quantities together is 650k) and has no bare
 * years, month or week granularity, durations, sets or TIMEX3 values.
 *
 * The scan looks each token up once in a trigger table (or checks its first character for a
 * digit); only triggers start a match, so most tokens cost one Map miss. Each family of
 * expressions has its file: calendar dates (dates.ts), what opens with a digit (digits.ts, which
 * reads the others, so no two files read each other), clock times and parts of the day
 * (clock.ts), counts and durations (durations.ts), hyphenated words (hyphenated.ts), days
 * relative to the text (relative.ts), seasons, quarters and holidays (periods.ts), sets
 * (sets.ts), and the modifiers around any of them (modifiers.ts). The words are the language's
 * (src/lang/en/times.ts, numbers.ts).
 */
import type { Tokens } from '../../../doc/tokenize.js';
import type { Language } from '../../../lang/language.js';
import { dayRange, apostropheDecade, monthLed, yearRange } from './dates.js';
import { digitLed } from './digits.js';
import { countLed, bareUnit } from './durations.js';
import { hyphenated } from './hyphenated.js';
import { extend } from './modifiers.js';
import { holiday, ordinalLed, partWithYear, seasonLed } from './periods.js';
import { anaphoric, anchorLed, relativeLed, weekdayLed } from './relative.js';
import { everyLed } from './sets.js';
import { isCapitalized, Scanner, type HolidayName, type Match } from './scanner.js';

export type { Match } from './scanner.js';

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

/** What a language's words of time start, built once per language. */
interface Tables {
  triggers: ReadonlyMap<string, K>;
  holidays: ReadonlyMap<string, readonly HolidayName[]>;
}

const TABLES = new WeakMap<Language, Tables>();

function tables(language: Language): Tables {
  let t = TABLES.get(language);
  if (t) return t;
  const lex = language.times;
  const holidays = new Map<string, HolidayName[]>();
  for (const [name, rule] of lex.HOLIDAYS) {
    const words = name.split(' ');
    const list = holidays.get(words[0]!) ?? [];
    list.push({ words, rule });
    holidays.set(words[0]!, list);
  }
  for (const list of holidays.values()) list.sort((a, b) => b.words.length - a.words.length);
  const triggers = new Map<string, K>();
  const all = (words: Iterable<string>, k: K) => {
    for (const w of words) triggers.set(w, k);
  };
  const words = lex.TRIGGER_WORDS;
  all(lex.MONTHS.keys(), K.Month);
  all(lex.WEEKDAYS.keys(), K.Weekday);
  all(lex.WEEKDAY_PLURALS.keys(), K.WeekdayPlural);
  all([...language.numbers.COUNT_WORDS, ...words.number], K.Number);
  all(words.article, K.Article);
  all(lex.RELATIVE.keys(), K.Relative);
  all(words.anchor, K.Anchor);
  all(lex.REFS.keys(), K.Ref);
  all(lex.SETS.keys(), K.Set);
  all(words.every, K.Every);
  all(lex.SEASONS.keys(), K.Season);
  all(words.ordinal, K.Ordinal);
  all(words.quarter, K.Quarter);
  all(words.noon, K.Noon);
  all(words.vague, K.Vague);
  all(lex.DECADE_WORDS.keys(), K.Decade);
  // A holiday's first word that starts nothing else ("May" is a month first: "May Day" is read from there).
  for (const w of holidays.keys()) if (!triggers.has(w)) triggers.set(w, K.Holiday);
  all(words.these, K.These);
  all(words.future, K.Future);
  all(words.present, K.Present);
  all(words.unit, K.Unit);
  all(words.term, K.Term);
  all(words.fiscal, K.Fiscal);
  all(words.that, K.That);
  all(words.soon, K.Soon);
  t = { triggers, holidays };
  TABLES.set(language, t);
  return t;
}

/** All time expressions of the tokens, in text order, without overlaps. */
export function scanTimes(tokens: Tokens, language: Language): Match[] {
  const { triggers, holidays } = tables(language);
  const g = new Scanner(tokens, language, holidays);
  const out: Match[] = [];
  const lower = g.lower;
  for (let i = 0; i < g.n; i++) {
    const w = lower[i]!;
    const c = w.charCodeAt(0);
    let m: Match | null = null;
    if (c >= 48 && c <= 57 && ((w.length >= 7 && w[4] === '-') || (w.length <= 5 && w.length >= 3 && w.includes('-')))) {
      const range = w[4] === '-' ? yearRange(g, i) : dayRange(g, i);
      if (range) {
        out.push(...range);
        g.floor = range[1]!.end;
        i = g.floor - 1;
        continue;
      }
    }
    if (c >= 48 && c <= 57) m = digitLed(g, i);
    else {
      const k = triggers.get(w);
      if (k !== undefined) m = triggered(g, k, i);
      else if (w.length > 4 && w.includes('-')) m = hyphenated(g, i);
      else if ((c === 39 || c === 0x2019) && i + 1 < g.n) m = apostropheDecade(g, i);
    }
    if (!m) continue;
    m = extend(g, m);
    out.push(m);
    g.floor = m.end;
    i = m.end - 1;
  }
  return out;
}

function triggered(g: Scanner, k: K, i: number): Match | null {
  const w = g.lower[i]!;
  switch (k) {
    case K.Month:
      // "May Day"
      return (g.holidays.has(w) ? holiday(g, i) : null) ?? monthLed(g, i, false);
    case K.Weekday:
      return weekdayLed(g, i);
    case K.WeekdayPlural:
      if (!isCapitalized(g.words[i]!)) return null;
      return g.make(i, i + 1, 'SET', { k: 'value', value: `XXXX-WXX-${g.lex.WEEKDAY_PLURALS.get(w)}` });
    case K.Number:
    case K.Article:
    case K.Vague:
      return countLed(g, i);
    case K.Relative:
      return relativeLed(g, i);
    case K.Anchor:
      // "USA Today" is a newspaper.
      return g.inName(i) ? null : anchorLed(g, i);
    case K.Ref:
      return g.make(i, i + 1, 'DATE', { k: 'value', value: g.lex.REFS.get(w)! });
    case K.Set:
      // Not in names ("JoongAng Daily") or after one ("the Party daily").
      if (g.inName(i) || (i > 0 && isCapitalized(g.words[i - 1]!) && g.sameSentence(i - 1, i) && g.t.sentence[i - 2] === g.t.sentence[i])) return null;
      return g.make(i, i + 1, 'SET', { k: 'value', value: g.lex.SETS.get(w)! });
    case K.Every:
      return everyLed(g, i);
    case K.Season:
      return seasonLed(g, i);
    case K.Ordinal:
      return ordinalLed(g, i);
    case K.Quarter: {
      const n = Number(w[1]);
      return partWithYear(g, i, i + 1, w[0] === 'q' ? 'Q' : 'H', n);
    }
    case K.Noon: {
      // "High Noon", "high noon" (a showdown)
      if (g.inName(i) || g.w(i - 1) === 'high') return null;
      const tod = w === 'midnight' ? 'T24:00' : 'T12:00';
      return g.make(i, i + 1, 'TIME', null, tod);
    }
    case K.Decade:
      if (g.w(i - 1) !== 'the' && g.w(i - 1) !== 'mid' && g.w(i - 1) !== 'early' && g.w(i - 1) !== 'late') return null;
      return g.make(i, i + 1, 'DATE', { k: 'value', value: `19${g.lex.DECADE_WORDS.get(w)}` });
    case K.Holiday:
      return holiday(g, i);
    case K.These:
      return g.w(i + 1) === 'days' ? g.make(i, i + 2, 'DATE', { k: 'value', value: 'PRESENT_REF' }) : null;
    case K.Future:
      // "the future", "the near future", "in future"; not "future talks".
      if (g.w(i - 1) === 'the' || g.w(i - 1) === 'near' || (g.w(i - 1) === 'in' && g.w(i + 1) !== 'of')) {
        if (g.w(i + 1) === 'of' && g.w(i - 1) !== 'near') return null;
        return g.make(i, i + 1, 'DATE', { k: 'value', value: 'FUTURE_REF' });
      }
      return null;
    case K.Present:
      // "at present", "at the moment"
      if (w === 'present' ? g.w(i - 1) === 'at' : g.w(i - 1) === 'the' && g.w(i - 2) === 'at') {
        return g.make(i, i + 1, 'DATE', { k: 'value', value: 'PRESENT_REF' });
      }
      return null;
    case K.Unit:
      return bareUnit(g, i);
    case K.Soon:
      // "as soon as possible"; a bare "soon" is left out (see index.ts).
      return g.w(i - 1) === 'as' && i - 1 >= g.floor && g.w(i + 1) === 'as' && g.w(i + 2) === 'possible' ? g.make(i - 1, i + 3, 'DATE', { k: 'value', value: 'FUTURE_REF' }) : null;
    case K.That:
      // "that year", "the same day", "the corresponding period last year".
      return w === 'that' || g.w(i - 1) === 'the' ? anaphoric(g, i) : null;
    case K.Term:
      // "in the near term", "over the short term"
      return (g.w(i - 1) === 'near' || g.w(i - 1) === 'short') && g.w(i - 2) === 'the' ? g.make(i - 1, i + 1, 'DATE', { k: 'value', value: 'FUTURE_REF' }) : null;
    case K.Fiscal: {
      let j = i + 1;
      if (g.w(j) === 'year') j++;
      const y = g.yearAt(j);
      return y > 0 ? g.make(i, j + 1, 'DATE', { k: 'value', value: String(y) }) : null;
    }
    default:
      return null;
  }
}