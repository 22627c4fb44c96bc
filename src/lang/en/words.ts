/** English words that several components read: one list each. */

/** The forms of "be". */
export const BE: ReadonlySet<string> = new Set(['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being']);

/** Prepositions and determiners before a time ("on Friday", "in October", "last week", "over the weekend"). */
export const TIME_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'during', 'since', 'by', 'last', 'this', 'early', 'late', 'earlier']);

/** Words two contents share without saying the same thing: function words and verbs of saying. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an and or but of to in on at by for with from as that this these those it its is are was were be been being has have had ' +
    'will would can could should may might must shall do does did done their there they them he she his her him we our us you your ' +
    'i my me who whom which what when where why how than then so such also very more most much many some any all each other into ' +
    'about over after before under again further once here just only own same too both between through during out up down off ' +
    'said says say told according claimed stated added noted reported according while if because since until not ' +
    // Dates are compared as dates (the times layer), not as words.
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow'
  ).split(' '),
);

/** News words for one thing, folded together so outlets' wordings meet ("troops", "soldiers", "forces"). */
const SAME: ReadonlyMap<string, string> = new Map(
  Object.entries({
    troop: 'soldiers troops forces personnel servicemen units',
    fight: 'fighting fight fought combat battle battles clashes',
    attack: 'attack attacks attacked strike strikes struck hit hits shelling shelled',
    kill: 'killed deaths dead',
    send: 'sent sending send deployed deploying deploy deployment dispatched',
    // Not "plan", the stem "planes" would leave.
    aircraft: 'aircraft plane planes jet jets warplane warplanes',
  }).flatMap(([canon, forms]) => forms.split(' ').map((f) => [f, canon] as const)),
);

/**
 * Nouns of news verbs (and their irregular forms), each with its verb: a noun meets the verb's
 * stem, so "the blockade of the harbours" meets "blocking harbours" and "theft" meets "stealing". A
 * list, not a rule: "invasion" and "invade", "theft" and "steal" share no suffix to strip.
 */
const DERIVATIONS: Readonly<Record<string, string>> = {
  block: 'blockade',
  steal: 'theft stole stolen',
  seize: 'seizure',
  invade: 'invasion',
  withdraw: 'withdrawal withdrew withdrawn',
  occupy: 'occupation',
  destroy: 'destruction',
  evacuate: 'evacuation',
  annex: 'annexation',
  deport: 'deportation',
  explode: 'explosion',
  escalate: 'escalation',
  mobilise: 'mobilisation',
  mobilize: 'mobilization',
  negotiate: 'negotiation',
  violate: 'violation',
  interfere: 'interference',
  intervene: 'intervention',
  assassinate: 'assassination',
  threaten: 'threat',
  bombard: 'bombardment',
  expand: 'expansion',
  provoke: 'provocation',
  retaliate: 'retaliation',
  deliver: 'delivery',
  starve: 'starvation',
  liberate: 'liberation',
  detain: 'detention',
  fail: 'failure',
  refuse: 'refusal',
  remove: 'removal',
  reject: 'rejection',
  use: 'used using usage',
};

/** A noun's stem (as `inflected` leaves it) to its verb's. */
const DERIVED: ReadonlyMap<string, string> = new Map(
  Object.entries(DERIVATIONS).flatMap(([verb, nouns]) => nouns.split(' ').map((n) => [inflected(n), inflected(verb)] as const)),
);

/**
 * A crude suffix stripper, with news words for one thing folded together: enough to let
 * "deployed"/"deploys" and "troops"/"soldiers" meet when contents are compared. The forms of one
 * verb share a stem: a silent "e" goes ("invade", "invaded", "invading": "invad"), a doubled
 * consonant before "-ed"/"-ing" is undone ("planned": "plan"), "-ied" is "-y" ("supplied"); a
 * noun of a news verb is the verb ("seizure", "seized": "seiz").
 */
export function stem(w: string): string {
  const same = SAME.get(w);
  if (same) return same;
  const s = inflected(w);
  return DERIVED.get(s) ?? s;
}

function inflected(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return undouble(w.slice(0, -3));
  if (w.length > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ed')) return undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return silentE(w.slice(0, -1));
  return silentE(w);
}

/** "plann" (planned) is "plan"; a doubled l, s or z is the word's own ("shelled", "passed"). */
function undouble(s: string): string {
  const n = s.length;
  return n > 3 && s[n - 1] === s[n - 2] && !'lsz'.includes(s[n - 1]!) ? s.slice(0, -1) : s;
}

/** "invade" as "invad", the stem "invaded" and "invading" leave; not "ee" ("agree"), nor a short word ("use"). */
function silentE(s: string): string {
  return s.length > 3 && s.endsWith('e') && !s.endsWith('ee') ? s.slice(0, -1) : s;
}
