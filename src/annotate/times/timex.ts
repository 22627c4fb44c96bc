/** TIMEX3 codes of the time grammar's units and seasons, whatever the language names them. */

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** Unit letters of ISO 8601 durations; time units go after "T". */
export const UNIT_LETTER: Record<Unit, string> = {
  second: 'S', minute: 'M', hour: 'H', day: 'D', week: 'W', weekend: 'WE', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE',
};
export const TIME_UNITS = new Set<Unit>(['second', 'minute', 'hour']);

/** First month of each season (northern meteorological seasons). */
export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
