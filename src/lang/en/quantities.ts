/** English words of amounts: the word tables of the quantities layer, keyed by lower-cased token. */

/** Currency symbols before an amount, and the ISO 4217 code each stands for. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₽', 'RUB'], ['₴', 'UAH'], ['₩', 'KRW'], ['₹', 'INR'], ['₪', 'ILS'],
]);
/** Letters written before "$": C$ 10, US$ 5. */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['c', 'CAD'], ['ca', 'CAD'], ['a', 'AUD'], ['au', 'AUD'], ['hk', 'HKD'], ['nz', 'NZD'], ['s', 'SGD'],
]);
/** Currency words and codes after (or, for codes, before) an amount. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['rouble', 'RUB'], ['roubles', 'RUB'], ['ruble', 'RUB'],
  ['rubles', 'RUB'], ['hryvnia', 'UAH'], ['hryvnias', 'UAH'], ['hryvnya', 'UAH'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['yen', 'JPY'],
  ['rupee', 'INR'], ['rupees', 'INR'], ['shekel', 'ILS'], ['shekels', 'ILS'], ['rial', 'IRR'], ['rials', 'IRR'], ['lira', 'TRY'],
  ['usd', 'USD'], ['eur', 'EUR'], ['gbp', 'GBP'], ['rub', 'RUB'], ['uah', 'UAH'], ['cny', 'CNY'], ['jpy', 'JPY'], ['krw', 'KRW'],
  ['chf', 'CHF'], ['inr', 'INR'],
]);

/** Articles that count one before a scale word ("a million", "a dozen"). */
export const ARTICLES: readonly string[] = ['a', 'an'];

/** Vague plurals of scale words: "dozens of", "hundreds of" — approximate, valued at their least (two of them). */
export const VAGUE_SCALES: ReadonlyMap<string, number> = new Map([
  ['dozens', 24], ['scores', 40], ['hundreds', 200], ['thousands', 2000], ['millions', 2e6], ['billions', 2e9], ['tens', 20],
]);

/** Words before an amount that make it approximate or a bound. */
export const APPROXIMATORS = new Set([
  'about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'over', 'under', 'estimated', 'circa', 'ca.',
  'approx.', 'upwards', 'reportedly', 'perhaps', 'maybe', 'possibly', 'potentially',
]);
/** Two-word approximators, as "first second". */
export const APPROXIMATORS2 = new Set([
  'more than', 'less than', 'fewer than', 'up to', 'at least', 'at most', 'as many', 'as much', 'close to', 'just over', 'just under',
  'well over', 'nearly all', 'no more', 'no fewer', 'no less', 'in excess', 'an estimated',
]);

/** Words before a number that make it a label, not a count: "Article 4", "No. 1", "page 12". */
export const LABEL_WORDS = new Set([
  'no.', 'nos.', 'number', '#', 'article', 'section', 'chapter', 'page', 'pages', 'paragraph', 'clause', 'resolution', 'version',
  'level', 'grade', 'route', 'highway', 'road', 'room', 'flight', 'line', 'platform', 'gate', 'category', 'phase', 'stage',
  'p.', 'pp.', 'vol.', 'art.', 'sec.', 'para.', 'item', 'point', 'rule', 'model', 'type', 'block', 'building', 'unit', 'brigade',
  'division', 'battalion', 'regiment', 'corps', 'squadron', 'district', 'precinct', 'ward', 'amendment', 'week', 'day', 'round',
  'game', 'season', 'episode', 'part', 'step', 'tier', 'class', 'bill', 'act', 'order', 'decree', 'code', 'protocol',
]);

/**
 * Words that end the counted noun phrase after a number: function words, auxiliaries and the
 * like. What is left is read as the noun phrase ("1,500 special forces soldiers" → "special
 * forces soldiers").
 */
export const STOP_WORDS = new Set(
  (
    'a an the this that these those his her its their our my your them they he she it we you i who whom whose which what ' +
    'and or but nor so yet if than then as of to in on at by for from with without into onto over under about against ' +
    'between among through during before after since until till per via near across along around behind beyond inside ' +
    'outside within upon toward towards amid despite is are was were be been being am has have had do does did will would ' +
    'shall should can could may might must not no nor also only just even still already more most less least very too ' +
    'all each every both either neither some any many much few several such other another own same there here where when ' +
    'while how why whether because although though unless however including included according said says say told reported ' +
    'say-so whereas thus hence plus minus up down out off away back again ago later earlier now today yesterday tomorrow ' +
    'percent per cent times s \'s ’s'
  ).split(' '),
);

/** Plural nouns that do not end in "s": "people", "personnel". */
export const IRREGULAR_PLURALS = new Set([
  'people', 'men', 'women', 'children', 'personnel', 'police', 'staff', 'cattle', 'aircraft', 'equipment', 'infantry', 'militia',
  'livestock', 'feet', 'teeth', 'mice', 'geese', 'data', 'media', 'crew', 'artillery', 'ammunition', 'military', 'army', 'navy',
  'fish', 'sheep', 'deer', 'offspring', 'spacecraft', 'hovercraft', 'watercraft', 'youth', 'clergy', 'faculty', 'kin', 'folk',
  'militiamen', 'servicemen', 'servicewomen', 'policemen', 'gunmen', 'firemen', 'fishermen', 'tribesmen', 'countrymen', 'kinsmen',
]);

/** Unit abbreviations that can stand alone after a number ("100 km", "5 kg") or stick to it ("100km"). */
export const UNIT_ABBREVIATIONS = new Set(['km', 'kg', 'mm', 'cm', 'm', 't', 'mph', 'kph', 'kmh', 'km/h', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'ha', 'ft', 'lb', 'lbs', 'oz', 'mi', 'nm', 'bbl', 'kt']);
/** Scale suffixes stuck to a number after a currency: "$3.5bn", "€200m". */
export const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['bn', 1e9], ['b', 1e9], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['k', 1e3], ['tn', 1e12], ['trn', 1e12],
]);

/** Words after a bare count that report what befell the people counted before: "12 wounded". */
export const CASUALTY_WORDS = new Set(['wounded', 'injured', 'killed', 'dead', 'missing', 'hurt', 'captured', 'detained', 'arrested', 'evacuated', 'displaced', 'rescued', 'hospitalized', 'hospitalised']);

/** Words before "one" that make it a pronoun: "no one", "the one who", "each one". */
export const ONE_PRONOUN = new Set(['no', 'the', 'this', 'that', 'any', 'every', 'each', 'which', 'someone', 'anyone', 'everyone']);
