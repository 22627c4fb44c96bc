/**
 * English words of time: the word tables of the time grammar (src/annotate/times/grammar),
 * keyed by lower-cased token as the tokenizer gives it; the names of holidays; and the verb
 * forms that tell the tense a date hangs on (src/annotate/times/tense.ts).
 */
import type { HolidayRule } from '../../annotate/times/holidays.js';
import type { Unit } from '../../annotate/times/timex.js';

/** Month names and their abbreviations, with and without the period, and their numbers. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan.', 1], ['feb.', 2], ['mar.', 3], ['apr.', 4], ['jun.', 6], ['jul.', 7], ['aug.', 8], ['sep.', 9], ['sept.', 9],
  ['oct.', 10], ['nov.', 11], ['dec.', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Month words that are also common English words: accepted only with a day, a year or a temporal cue. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** ISO weekday numbers (1 = Monday). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
]);

export const WEEKDAY_PLURALS: ReadonlyMap<string, number> = new Map([
  ['mondays', 1], ['tuesdays', 2], ['wednesdays', 3], ['thursdays', 4], ['fridays', 5], ['saturdays', 6], ['sundays', 7],
]);

export const UNITS: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ['second', 'second'], ['seconds', 'second'], ['minute', 'minute'], ['minutes', 'minute'], ['min', 'minute'], ['mins', 'minute'],
  ['hour', 'hour'], ['hours', 'hour'], ['hrs', 'hour'], ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'],
  ['weekend', 'weekend'], ['weekends', 'weekend'], ['month', 'month'], ['months', 'month'], ['quarter', 'quarter'],
  ['quarters', 'quarter'], ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'],
  ['century', 'century'], ['centuries', 'century'], ['fortnight', 'week'],
]);

export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['autumn', 'FA'], ['fall', 'FA'], ['winter', 'WI'],
]);

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

/** Trigger words of the time grammar by what they start (the tables above and the count words add theirs). */
export const TRIGGER_WORDS = {
  number: ['hundred', 'half'],
  article: ['a', 'an'],
  anchor: ['today', 'yesterday', 'tomorrow', 'tonight', 'overnight'],
  every: ['every', 'each'],
  ordinal: ['first', 'second', 'third', 'fourth'],
  quarter: ['q1', 'q2', 'q3', 'q4', 'h1', 'h2'],
  noon: ['noon', 'midnight', 'midday'],
  vague: ['several', 'few', 'couple', 'many'],
  these: ['these'],
  future: ['future'],
  present: ['present', 'moment'],
  unit: ['years', 'year', 'quarter', 'month', 'week', 'weekend', 'days', 'decades', 'centuries', 'months', 'weeks', 'day'],
  term: ['term'],
  fiscal: ['fiscal'],
  that: ['that', 'same', 'corresponding', 'comparable'],
  soon: ['soon'],
} as const;

/** Words after a holiday's name that make it part of another name: "the Good Friday agreement". */
export const NOT_AFTER_HOLIDAY = new Set(['agreement', 'accord', 'accords', 'island', 'islands', 'rising', 'uprising']);

/** "last", "this", "next" … and the shift each gives a unit ("last week" = -1). */
export const RELATIVE: ReadonlyMap<string, number> = new Map([
  ['last', -1], ['past', -1], ['previous', -1], ['preceding', -1], ['this', 0], ['current', 0], ['next', 1], ['coming', 1],
  ['following', 1], ['upcoming', 1], ['recent', -1], ['latest', -1],
]);

/** Words after which a bare month, season or year is temporal ("in May", "since 1991"). */
export const TEMPORAL_PREPOSITIONS = new Set([
  'in', 'since', 'until', 'till', 'by', 'before', 'after', 'during', 'from', 'through', 'between', 'early', 'late', 'mid',
  'of', 'to', 'and', 'or', 'last', 'next', 'this', 'that', 'on', 'for', 'around', 'circa', 'throughout', 'into', 'as',
  'year', 'fiscal', 'spring', 'summer', 'autumn', 'fall', 'winter', 'the', 'mid-', 'end', 'beginning', 'start', 'middle',
]);

/** Words after a number that make it money, a share or an identifier, not a year. */
export const NOT_AFTER_YEAR = new Set(['%', 'percent', 'per', 'pct', 'people', 'troops', 'soldiers', 'men', 'women', 'children', 'dollars', 'euros', 'pounds', 'km', 'miles', 'kilometers', 'kilometres', 'metres', 'meters', 'feet', 'tons', 'tonnes', 'votes', 'points', 'shares', ':', '/', 'x', '-']);

export const NOT_BEFORE_YEAR = new Set(['$', '€', '£', '¥', '#', 'no.', 'number', 'nos.', 'us$', 'about', 'some', 'nearly', 'almost', 'than', 'approximately', 'roughly', 'over', 'under', 'just', 'only', 'additional', 'another', 'of', 'total', 'to', 'at', 'all', 'with']);

export const AM = new Set(['a.m.', 'am', 'a.m']);

export const PM = new Set(['p.m.', 'pm', 'p.m']);

/** Words before "the year" / "the quarter" that make them the period under report. */
export const BARE_UNIT_LEADS = new Set(['for', 'in', 'during', 'of', 'through', 'throughout', 'over', 'at']);

/** Words after "that day" or "that year" that make another word of it: "day care", "year earlier". */
export const DAY_COMPOUNDS = new Set(['care', 'trader', 'traders', 'trading', 'job', 'jobs', 'shift', 'earlier', 'later', 'ago', 'old']);

/** Words before "one day" that make it some day to come: "will one day", "could one day". */
export const ONE_DAY_MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'can', 'shall', "'ll", '’ll']);

/** Adjectives allowed between a count and its unit: "two more weeks", "three straight days". */
export const COUNT_ADJECTIVES = new Set(['more', 'additional', 'full', 'straight', 'consecutive', 'successive', 'whole', 'extra', 'further', 'long', 'short', 'trading', 'business', 'working']);

export const VAGUE_COUNTS = new Set(['few', 'several', 'couple']);

/** Nouns after "current" that make a term, not a time: "current account", "current affairs". */
export const CURRENT_TERMS = new Set(['account', 'accounts', 'affairs', 'assets', 'liabilities', 'events', 'and', 'or', 'of', 'in', 'is', 'was']);

/** Parts of the day in the plural, after a weekday: "Friday nights". */
export const PLURAL_PARTS: ReadonlyMap<string, string> = new Map([['mornings', 'MO'], ['afternoons', 'AF'], ['evenings', 'EV'], ['nights', 'NI']]);

/** Holiday names as lower-case token sequences ("'s" and "’s" written "'s"), with the rule that finds their day. */
export const HOLIDAYS: readonly (readonly [string, HolidayRule])[] = [
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

/** Modals of the future ("would" is the future of reported speech: "said it would vote Friday"). */
export const FUTURE_MODALS = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would']);

export const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did', "'d", '’d']);

/** Future unless a past auxiliary comes just before: "is scheduled" but "had been scheduled". */
export const FUTURE_PARTICIPLES = new Set(['scheduled', 'expected', 'planned', 'slated', 'due', 'poised', 'billed']);

/** Modals that leave the time open: "could meet Friday", "may vote in May". */
export const OPEN_MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'should', 'ca']);

/** Verbs of intent before "to": what follows is still to come ("plans to meet Friday", "was going to vote"). */
export const INTENT = new Set([
  'plan', 'plans', 'planned', 'planning', 'expect', 'expects', 'expected', 'intend', 'intends', 'intended', 'want', 'wants', 'wanted',
  'hope', 'hopes', 'hoped', 'aim', 'aims', 'aimed', 'going', 'set', 'due', 'poised', 'scheduled', 'slated', 'prepare', 'prepares',
  'prepared', 'preparing', 'promise', 'promised', 'promises', 'vow', 'vowed', 'vows', 'pledge', 'pledged', 'threaten', 'threatened',
  'threatens', 'likely', 'ready', 'seek', 'seeks', 'sought', 'is', 'are', 'am',
]);

/** Irregular past tenses (forms that are not also the base form: "read", "put", "set", "hit" are left out). */
export const IRREGULAR_PAST = new Set((
  'said told came went took made began met held left gave saw won lost fell rose sent spent struck fought brought bought thought ' +
  'caught built shot led fled ran sat stood spoke broke chose drove flew grew knew threw wrote became got paid heard kept felt sold ' +
  'found meant stole swore tore woke wore froze forgot arose drew withdrew underwent undertook upheld withheld overtook overcame ' +
  'sought sank sang shook slid slept sped spun sprang stuck swept swung taught understood wept hung hid laid lent lit fed bled dealt ' +
  'forbade blew bit dug drank rode strode strove swam'
).split(' '));

/** Base forms in "-eed" ("succeed", "need"); "agreed", "freed", "guaranteed" are pasts. */
export function isPastForm(w: string): boolean {
  if (IRREGULAR_PAST.has(w)) return true;
  if (w.length <= 4 || !w.endsWith('ed')) return false;
  if (w.endsWith('eed')) {
    const c = w[w.length - 4];
    return c === 'r' || c === 't';
  }
  return true;
}

/** Time words that point one way when no verb decides: "ago", "next", "yesterday". */
export const FUTURE_WORDS = new Set(['tomorrow', 'next', 'upcoming', 'coming']);

export const PAST_WORDS = new Set(['ago', 'last', 'yesterday', 'earlier', 'previously']);

/** Prepositions of deadlines: "extended to Nov. 16", "by 15 May" say nothing of the tense of the date. */
export const DEADLINES = new Set(['to', 'through', 'by', 'before', 'record']);

/** Words after which a date is still to come: "until Tuesday", "effective Feb. 1", "payable Jan. 2". */
export const AHEAD = new Set(['until', 'till', 'effective', 'payable']);
