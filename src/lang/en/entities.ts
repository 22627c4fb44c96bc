/**
 * English words of the entities layer: what makes a name an actor, a place, an outlet or an
 * agreement, the titles and roles written before a name, and the institutions every country has.
 */
import type { Institution } from '../../annotate/entities/institutions.js';

/** Verbs and auxiliaries after a name that make it an actor ("Minsk should withdraw"). */
export const ACTOR_NEXT = new Set(
  (
    'said says say has have had is was were are will would should must could can may might wants want ' +
    'accused accuses denied denies warned warns announced announces claimed claims insisted insists rejected ' +
    'rejects responded responds plans planned agreed agrees refused refuses urged urges demanded demands ' +
    'called calls threatened threatens confirmed confirms stated states reported reports sent sends signed ' +
    'signs launched launches expressed expresses condemned condemns vowed vows hopes hoped believes believed ' +
    'did does sought seeks blamed blames ordered orders'
  ).split(' '),
);

/**
 * Nouns for a settlement: "the city" is the town or city the article named last before it, "the capital" the capital,
 * and "the Peruvian capital" the capital of the country named.
 */
export const SETTLEMENT_NOUNS = new Set(['city', 'town', 'village', 'capital']);

/** Words before a place that keep it a place ("a statue in Minsk"). */
export const PLACE_BEFORE = new Set('in at near outside inside around across into from to via through toward towards within over of'.split(' '));

/** Words before a name that make it a place rather than a person of that name. */
export const PLACE_ONLY_BEFORE = new Set(['in', 'near', 'outside', 'around', 'across', 'over', 'into']);

/** Of those, the words that place something beside a place, never in a language, a season or an event ("in English"). */
export const NEAR_PLACE = new Set(['near', 'outside', 'around']);

/** Words before a name that make it an actor ("talks with Pyongyang", "between Washington and Seoul"). */
export const ACTOR_BEFORE = new Set('with between by against and nor neither urged told accused warned'.split(' '));

/** Words after a region's name: "Sumy and Kharkiv oblasts". */
export const REGION_WORDS = new Set(['oblast', 'oblasts', 'region', 'regions', 'province', 'provinces', 'krai']);

/** What may follow a lower-case institution word for it to be the institution ("Japanese intelligence said"). */
export const AFTER_LOWER_HEAD = new Set(['officials', 'sources', 'chiefs', 'agency', 'said', 'says', 'and', 'that', 'of']);

/**
 * Head nouns of organisation names that a definite description may use for the organisation:
 * "the commission" for the Central Military Commission, "the ministry", "the party". Entries of
 * the gazetteer may add their own nouns ("the alliance" for NATO).
 */
export const DESCRIBED_HEADS = new Set(
  (
    'commission ministry agency council committee department service party alliance bloc union office bureau ' +
    'directorate court tribunal parliament assembly army navy corps brigade regiment battalion group movement ' +
    'organisation organization federation league association coalition company network broadcaster'
  ).split(' '),
);

/**
 * Last words that make a name an organisation's, not a person's, when the tagger read it as a
 * person ("Southmark Refugee Council", "Amnesty International"): the heads above that are nobody's
 * surname, and the words that end the names of rights groups and think tanks.
 */
export const ORG_NAME_HEADS = new Set(
  (
    'commission ministry agency council committee department party alliance bloc union bureau directorate ' +
    'tribunal parliament assembly corps brigade regiment battalion group movement organisation organization ' +
    'federation league association coalition network international institute foundation fund watch centre center ' +
    'initiative society forum'
  ).split(' '),
);

/** Nouns after a name that make it an agreement: "the Northern Cooperation treaty". */
export const TREATY = new Set(['treaty', 'agreement', 'accord', 'accords', 'pact', 'convention', 'protocol']);

/** "the North": a country whose name opens with the word, when the article names one. */
export const COMPASS = new Set(['north', 'south', 'east', 'west']);

/** Words around a platform's name: "on X", "via X", "an X post", "his X account". */
export const PLATFORM_BEFORE = new Set(['on', 'via']);

/** Words after a platform's name: "an X post". */
export const PLATFORM_AFTER = new Set(['post', 'posts', 'account', 'accounts', 'feed', 'user', 'users']);

/** Nouns that say a name is an outlet: "the newspaper X", "X newspaper", "state TV X", "X, a daily". */
export const OUTLET_NOUNS = new Set('newspaper daily weekly tabloid broadcaster tv television channel outlet magazine radio website wire'.split(' '));

/** Nouns that do so only after a word of news: "news agency", "wire service", "television network" (not "a security service"). */
export const NEWS_NOUNS = new Set(['agency', 'service', 'network']);

/** Words of news before such a noun. */
export const NEWS_WORDS = new Set(['news', 'wire', 'press', 'information', 'television', 'tv', 'broadcasting', 'media']);

/** Last words of outlets' names, which with a reporting word make the name an outlet ("told Meridian Wire"). */
export const OUTLET_HEADS = new Set(
  'wire news times post herald gazette journal tribune telegraph daily press agency tv television radio broadcasting channel chronicle courier dispatch bulletin magazine newspaper weekly media'.split(' '),
);

/** Words of reporting around an outlet's name: "told X", "according to X", "X reported". */
export const TOLD = new Set(['told', 'to', 'by']);

/** Verbs after an outlet's name that report. */
export const REPORTED = new Set(['reported', 'reports', 'quoted', 'cited', 'published', 'broadcast', 'aired']);

/** Particles inside names: "Anna van der Berg", "Omar bin Said". */
export const NAME_PARTICLES = new Set(['van', 'der', 'de', 'den', 'von', 'al', 'bin', 'ibn', 'da', 'du', 'del', 'la', 'le', 'dos', 'di', 'y', 'el']);

/** Lower-case words a name may hold: its particles and "of", "the", "and" ("Bank of the West"). */
export const NAME_LOWER_WORDS = new Set([...NAME_PARTICLES, 'of', 'the', 'and']);

/** Words a role before a person's name is made of: "President Jane Roe", "opposition leader John Doe". */
export const TITLE_WORDS = new Set(
  (
    'president vice deputy prime first minister foreign affairs defence defense interior finance economy trade farm ' +
    'agriculture justice health energy chief commander leader head spokesman spokeswoman spokesperson ' +
    'secretary state general staff ambassador envoy director chairman chairwoman chair governor mayor ' +
    'senator sen. rep. representative congressman congresswoman gov. gen. lt. col. maj. capt. adm. sgt. ' +
    'colonel major captain admiral marshal lieutenant sergeant king queen prince princess crown premier ' +
    'chancellor commissioner army navy air force forces military intelligence security service ' +
    'supreme armed joint chiefs of national council party opposition former acting incoming outgoing ' +
    'top senior special presidential pope cardinal archbishop bishop ayatollah sheikh emir dr. mr. mrs. ms. ' +
    'coach manager striker midfielder defender goalkeeper captain rebel militia spy election campaign'
  ).split(' '),
);

/** Words that can end a role (its head). */
export const ROLE_HEADS = new Set(
  (
    'president minister chief commander leader head spokesman spokeswoman spokesperson secretary ambassador affairs defence defense ' +
    'envoy director chairman chairwoman chair governor mayor senator sen. rep. representative congressman ' +
    'congresswoman gov. gen. lt. col. maj. capt. adm. sgt. colonel major captain admiral marshal lieutenant ' +
    'sergeant king queen prince princess premier chancellor commissioner general staff pope cardinal ' +
    'archbishop bishop ayatollah sheikh emir coach manager striker midfielder defender goalkeeper'
  ).split(' '),
);

/** Words a role does not start with. */
export const ROLE_NOT_FIRST = new Set(['of', 'the', 'and', 'staff', 'forces', 'force', 'service', 'council', 'party']);

/** Words for a country that own its institutions after "the": "the army's general staff", "the country's defence ministry". */
export const GENERIC_OWNERS = new Set(['army', 'military', 'country', 'nation', 'government']);

/** Institutions every country has, named from the country (src/annotate/entities/institutions.ts). */
export const INSTITUTIONS: readonly Institution[] = [
  { heads: ['general staff'], name: (c) => `General Staff of the Armed Forces of ${c}`, subtype: 'military', lower: true, definite: true, member: (n) => /\bGeneral Staff\b/i.test(n) },
  {
    heads: ['defence ministry', 'defense ministry', 'ministry of defence', 'ministry of defense'],
    name: (c) => `Ministry of Defence of ${c}`,
    subtype: 'ministry',
    lower: true,
    definite: true,
    member: (n) => /\bDefen[cs]e\b/i.test(n),
  },
  { heads: ['foreign ministry', 'ministry of foreign affairs'], name: (c) => `Ministry of Foreign Affairs of ${c}`, subtype: 'ministry', lower: true, definite: true, member: (n) => /\b(Foreign|State Department|Department of State)\b/i.test(n) },
  {
    heads: ['interior ministry', 'ministry of interior', 'ministry of internal affairs'],
    name: (c) => `Ministry of Internal Affairs of ${c}`,
    subtype: 'ministry',
    lower: true,
    definite: true,
    member: (n) => /\b(Interior|Internal Affairs|Home Office)\b/i.test(n),
  },
  { heads: ['security service'], name: (c) => `Security Service of ${c}`, subtype: 'intelligence', lower: false, definite: false, member: (n) => /\bSecurity Service\b/i.test(n) },
  {
    heads: ['intelligence', 'intelligence service', 'intelligence services', 'intelligence agency', 'spy agency', 'spy service'],
    name: (_c, d) => `${d} intelligence`,
    subtype: 'intelligence',
    lower: true,
    definite: false,
    member: () => true,
  },
  {
    heads: ['armed forces', 'military', 'army'],
    name: (c) => `Armed Forces of ${c}`,
    subtype: 'military',
    lower: true,
    definite: false,
    member: (n) => /\b(Armed Forces|Defen[cs]e Forces|People's Army|Liberation Army)\b/i.test(n) && !/\b(General Staff|Chiefs of Staff)\b/i.test(n),
  },
  { heads: ['air force'], name: (c) => `Air Force of ${c}`, subtype: 'military', lower: true, definite: true, member: (n) => /\bAir Force\b/i.test(n) },
  { heads: ['navy'], name: (c) => `Navy of ${c}`, subtype: 'military', lower: true, definite: true, member: (n) => /\bNavy\b/i.test(n) },
  { heads: ['government', 'authorities'], name: (c) => `Government of ${c}`, subtype: 'government', lower: true, definite: false, member: null },
  { heads: ['state media'], name: (_c, d) => `${d} state media`, subtype: 'media', lower: true, definite: false, member: null },
];
