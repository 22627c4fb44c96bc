/** Word tables of the time grammar, keyed by lower-cased token (as the tokenizer gives it). */

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan.', 1], ['feb.', 2], ['mar.', 3], ['apr.', 4], ['jun.', 6], ['jul.', 7], ['aug.', 8], ['sep.', 9], ['sept.', 9],
  ['oct.', 10], ['nov.', 11], ['dec.', 12],
  ['jan', 1], ['feb', 2], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Month words that are also common English words: accepted only with a day, a year or a temporal cue. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sept', 'oct', 'nov', 'dec']);

/** ISO weekday numbers (1 = Monday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
]);
export const WEEKDAY_PLURALS: ReadonlyMap<string, number> = new Map([
  ['mondays', 1], ['tuesdays', 2], ['wednesdays', 3], ['thursdays', 4], ['fridays', 5], ['saturdays', 6], ['sundays', 7],
]);

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export const UNITS: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ['second', 'second'], ['seconds', 'second'], ['minute', 'minute'], ['minutes', 'minute'], ['min', 'minute'], ['mins', 'minute'],
  ['hour', 'hour'], ['hours', 'hour'], ['hrs', 'hour'], ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'],
  ['weekend', 'weekend'], ['weekends', 'weekend'], ['month', 'month'], ['months', 'month'], ['quarter', 'quarter'],
  ['quarters', 'quarter'], ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'],
  ['century', 'century'], ['centuries', 'century'], ['fortnight', 'week'],
]);

/** Unit letters of ISO 8601 durations; time units go after "T". */
export const UNIT_LETTER: Record<Unit, string> = {
  second: 'S', minute: 'M', hour: 'H', day: 'D', week: 'W', weekend: 'WE', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE',
};
export const TIME_UNITS = new Set<Unit>(['second', 'minute', 'hour']);

export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['autumn', 'FA'], ['fall', 'FA'], ['winter', 'WI'],
]);
/** First month of each season (northern meteorological seasons). */
export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Parts of the day and their TIMEX3 codes. */
export const PARTS_OF_DAY: ReadonlyMap<string, string> = new Map([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'], ['overnight', 'NI'],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14], ['fifteenth', 15],
  ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20], ['twenty-first', 21],
  ['twenty-second', 22], ['twenty-third', 23], ['twenty-fourth', 24], ['twenty-fifth', 25], ['twenty-sixth', 26],
  ['twenty-seventh', 27], ['twenty-eighth', 28], ['twenty-ninth', 29], ['thirtieth', 30], ['thirty-first', 31],
]);

/** Decades in words ("the nineties"), taken to be of the twentieth century. */
export const DECADE_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenties', 2], ['thirties', 3], ['forties', 4], ['fifties', 5], ['sixties', 6], ['seventies', 7], ['eighties', 8], ['nineties', 9],
]);


/** Modifiers before an expression and their TIMEX3 mod. */
export const PREFIX_MODS: ReadonlyMap<string, string> = new Map([
  ['early', 'START'], ['earlier', 'START'], ['late', 'END'], ['later', 'END'], ['mid', 'MID'],
  ['about', 'APPROX'], ['around', 'APPROX'], ['approximately', 'APPROX'], ['roughly', 'APPROX'], ['some', 'APPROX'],
  ['nearly', 'LESS_THAN'], ['almost', 'LESS_THAN'], ['over', 'MORE_THAN'], ['under', 'LESS_THAN'],
]);

/** Two-word modifiers ("more than two years"), by their second word then first. */
export const PREFIX_MODS2: ReadonlyMap<string, string> = new Map([
  ['more than', 'MORE_THAN'], ['less than', 'LESS_THAN'], ['fewer than', 'LESS_THAN'], ['at least', 'EQUAL_OR_MORE'],
  ['at most', 'EQUAL_OR_LESS'], ['up to', 'EQUAL_OR_LESS'], ['no more than', 'EQUAL_OR_LESS'], ['just over', 'MORE_THAN'],
  ['just under', 'LESS_THAN'], ['the end', 'END'], ['the beginning', 'START'], ['the start', 'START'], ['the middle', 'MID'],
]);

/** Time zones and "local time" after a clock time, kept in the span. */
export const TIME_ZONES = new Set(['gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'eet', 'eest', 'msk', 'kst', 'jst', 'ist']);

export const SETS: ReadonlyMap<string, string> = new Map([
  ['daily', 'P1D'], ['nightly', 'P1D'], ['weekly', 'P1W'], ['monthly', 'P1M'], ['yearly', 'P1Y'], ['annually', 'P1Y'],
  ['hourly', 'PT1H'], ['biweekly', 'P2W'], ['fortnightly', 'P2W'],
]);

/** Present, past and future references. */
export const REFS: ReadonlyMap<string, string> = new Map([
  ['now', 'PRESENT_REF'], ['currently', 'PRESENT_REF'], ['nowadays', 'PRESENT_REF'], ['presently', 'PRESENT_REF'],
  ['recently', 'PAST_REF'], ['lately', 'PAST_REF'],
]);
