/**
 * English words the claim frames read (src/annotate/claims/frames): what stands around a cue —
 * venues, relays, addressees, particles, participles — and what makes a verb no cue.
 * Part of the claims lexicon (claims.ts re-exports it).
 */

/** Words a title keeps lower-case ("Face the Nation", "State of the Union"). */
export const TITLE_SMALL_WORDS = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'at', 'with', 'by']);

/** Particles that belong to an object cue ("called for", "pointed to", "talked about"). */
export const CUE_PARTICLES = new Set(['for', 'on', 'about', 'out', 'against', 'to', 'at', 'into', 'of', 'up', 'upon']);

/**
 * Verbs that are cues only with one of their particles: "lashed out at the council", "appealed to
 * the firm to stop", "appealed for calm", "critical of the plan" — not "storms lashed the coast",
 * "appealed the ruling", "critical to the effort".
 */
export const PARTICLE_ONLY: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['lash', new Set(['out'])],
  ['appeal', new Set(['to', 'for'])],
  ['critical', new Set(['of'])],
]);

/** Verbs whose "about"-phrase is their content ("reported to Putin about the liberation"). */
export const ABOUT_TAKERS = new Set(['report', 'tell', 'ask', 'warn', 'inform', 'speak', 'talk', 'write', 'tweet', 'post', 'complain', 'remind', 'brief', 'testify', 'joke', 'boast', 'think', 'know', 'worry', 'hear', 'learn', 'explain']);

/** Prepositions of a short phrase between a speaker and the cue ("Stumpf in an interview said"). */
export const PP_BETWEEN = new Set(['in', 'at', 'on', 'during', 'from', 'with']);

/** Subordinators of time or reason: after a cue they open no content ("said as he left"). */
export const TEMPORAL = new Set(['as', 'when', 'while', 'because', 'since', 'until']);

/** Words that set one time after or before another: a clause they open after an attribution tells when ("…, days after troops left"). */
export const SEQUENCE = new Set(['after', 'before']);

/** Cues whose object is the person addressed, not the content ("…, she told reporters."). */
export const ADDRESSEES = new Set(['tell', 'ask', 'inform', 'assure', 'remind', 'warn', 'answer', 'reply', 'write', 'email', 'tweet', 'urge']);

/** Subordinators that open a clause of its own after a comma (", where he acknowledged"). */
export const CLAUSE_OPENERS = new Set(['where', 'when', 'while', 'as', 'after', 'before', 'because', 'although', 'though', 'since', 'whereas', 'but', 'and', 'yet', 'so']);

/** Nouns of a view held: "In his opinion, …", "In the minister's words, …". */
export const OPINIONS: ReadonlySet<string> = new Set(['opinion', 'view', 'words', 'estimation', 'assessment', 'judgment', 'judgement']);

/** Nouns of polls and their averages: "in the latest poll" names what shows the content. */
export const SURVEYS: ReadonlySet<string> = new Set(['poll', 'polls', 'survey', 'surveys', 'average', 'averages', 'polling']);

/** Words joining what qualifies a venue ("an interview with CNN", "a statement carried by KCNA"). */
export const VENUE_LINKS = new Set(['with', 'by', 'on', 'to', 'via', 'at', 'in']);

/** Nouns naming outlets that relay what others said ("according to North Korean state media"). */
export const RELAYS = new Set(['media', 'agency', 'news', 'outlet', 'outlets', 'newspaper', 'newspapers', 'paper', 'broadcaster', 'television', 'tv', 'radio', 'channel', 'network', 'wire', 'daily', 'press', 'reports', 'kcna', 'tass', 'xinhua']);

/** Platforms a statement is posted on ("wrote on Telegram"). */
export const PLATFORMS = new Set(['telegram', 'twitter', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'truth', 'weibo', 'vk']);

/** Prepositions that open the occasion of a judgement, not its object ("praised X during a rally"). */
export const OCCASIONS = new Set(['during', 'since', 'amid', 'following', 'throughout']);

export const VENUE_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'over']);

/** Where things are said: a phrase of these after an object names the occasion or medium ("in an interview", "on Twitter"). */
export const VENUES = new Set(
  (
    'interview interviews statement statements speech speeches remarks address tweet tweets post posts message messages letter letters ' +
    'article articles op-ed column editorial editorials book memoir memo essay report blog podcast video videos ad ads advertisement ' +
    'rally rallies debate debates hearing hearings conference briefing briefings event events appearance appearances show broadcast ' +
    'program programme episode segment twitter facebook instagram telegram youtube tiktok website site television tv radio ' +
    'newspaper magazine outlet channel network meeting summit session ceremony forum gathering'
  ).split(' '),
);

/** Prepositions before a gerund cue ("in saying", "of calling for", "without mentioning"). */
export const GERUND_PREPOSITIONS = new Set(['in', 'of', 'for', 'from', 'without', 'after', 'before', 'about', 'at', 'upon']);

/** Verbs whose object does what the infinitive after it says ("prompted NATO to order …"). */
export const CAUSATIVES = new Set(
  'prompt prompts prompted prompting force forces forced forcing allow allows allowed allowing lead leads led leading persuade persuades persuaded persuading convince convinces convinced convincing get gets got getting cause causes caused causing enable enables enabled enabling help helps helped helping pressure pressures pressured pressuring need needs needed expect expects expected expecting challenge challenges challenged challenging dare dares dared daring'.split(' '),
);

/** Nouns of backing: who gives it speaks for whom it goes to. */
export const BACKING = new Set(['support', 'backing', 'endorsement', 'endorsements']);

/** Verbs of receiving backing ("earned the support of", "received support from"). */
export const RECEIVING = new Set(
  'receive received receives receiving earn earned earns earning win won wins winning enjoy enjoyed enjoys enjoying has have had having get got gets getting draw drew drawn draws gain gained gains garner garnered garners attract attracted attracts command commanded commands consolidate consolidated consolidates secure secured secures'.split(' '),
);

/**
 * Verbs of trying, agreeing and declining: with an infinitive or an object they tell what their
 * subject does ("sought to expand", "agreed to a ceasefire", "declined to comment"), not what it said.
 * (Wanting, hoping and planning stay cues: attribution corpora count a stated intention.)
 */
export const OWN_DEEDS = new Set(['seek', 'decline', 'agree']);

/** Modifiers that make a noun cue a deed of war ("an air attack", "a ground assault"), beside the words of weapons. */
export const ARMED = new Set(['air', 'ground', 'military', 'armed', 'naval', 'artillery', 'aerial', 'amphibious']);

/** Words of leave to speak: the infinitive after them is no speech ("was not authorised to discuss the talks"). */
export const PERMITTED = new Set(['authorised', 'authorized', 'allowed', 'permitted', 'cleared', 'empowered']);

/** Pronouns that make "call" name its own subject ("a group calling itself the Northern Front"): no claim. */
export const REFLEXIVES = new Set(['itself', 'themselves', 'himself', 'herself', 'ourselves', 'myself', 'yourself']);

/** Verbs whose infinitive is left undone: "declined to confirm", "refused to say whether" make no such claim. */
export const DECLINING = /^(?:decline|declines|declined|declining|refuse|refuses|refused|refusing)$/;

/** Verbs whose object may be the gathering spoken to ("addressed the session"), which says nothing. */
export const SPEAKING_TO = new Set(['address']);

/** Participles that before "to" and a verb are passive without their "be" ("an attack believed to be …"). */
export const PASSIVE_BEFORE_TO = new Set(['believed', 'thought', 'said', 'reported', 'alleged', 'known', 'rumoured', 'rumored', 'considered', 'understood', 'supposed', 'estimated', 'seen']);

/** Verbs whose passive without an agent is the writer's hedge ("is seen as", "are seen to include"). */
export const HEDGES = new Set(['see']);

/** Participles of conviction: "X is convinced (that) …" is X's belief, X its holder. */
export const CONVINCED = new Set(['convinced', 'persuaded']);

/** Verbs whose "on"-phrase names only what was spoken about ("would not comment on the talks"). */
export const TOPIC_ON = new Set(['comment']);

/** Verbs of feeling and realising: claims only with a clause ("feel that …"), not with a state felt or a thing imagined ("feel buoyed"). */
export const KNOWING = new Set(['feel', 'imagine', 'realize']);

/** Verbs of seeing: with an object they tell what was witnessed or undergone ("the crisis has seen price rises"), a claim only as a view ("sees the deal as a trap"). */
export const SEEING = new Set(['see']);

/**
 * Verbs of directing: acts unless someone is told to act ("ordered a mobilisation", not "ordered
 * troops to withdraw"; "appealed to the court", not "appealed to the firm to stop").
 */
export const DOING = new Set(['order', 'push', 'press', 'encourage', 'invite', 'direct', 'instruct', 'appeal']);

/** Nouns of documents whose author ("a report by the agency") is who says what they say. */
export const AUTHORED = new Set(['report', 'study', 'analysis', 'assessment', 'survey', 'statement', 'readout', 'review', 'investigation', 'update', 'estimate', 'estimates', 'briefing']);

/** Possessive determiners: the speaker of the noun cue they stand before ("his promise to …"). */
export const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Words before a participle whose "be" is left out ("when asked", "as reported by"). */
export const ELLIPSIS = new Set(['when', 'as', 'if', 'once', 'after', 'before', 'until', 'unless']);

/** Relative pronouns that open a clause inside a subject ("officials who spoke …"). */
export const RELATIVES = new Set(['who', 'whose', 'that', 'whom']);

/** Whether a verb form is a past participle ("surveyed", "polled", "told"). */
export function isParticiple(w: string): boolean {
  return w.endsWith('ed') || IRREGULAR_PARTICIPLES.has(w);
}

/** Past participles that do not end in -ed. */
export const IRREGULAR_PARTICIPLES = new Set(['said', 'told', 'known', 'seen', 'thought', 'found', 'shown', 'written', 'felt', 'understood', 'sought', 'given', 'made']);

/** A content opening with these tells of two parties doing it to each other ("accused each other of shelling the town"). */
export const MUTUAL = /^\W*(?:each other|one another)\b/i;

/** Roles sent to a place or a body, whose noun phrase goes on with "to" ("Peru's ambassador to the United Nations"). */
export const ENVOYS = new Set('ambassador ambassadors envoy envoys representative representatives delegate delegates delegation emissary mission'.split(' '));

/** Passives a reporter hedges another's words with: "is said to have warned", "is understood to have told aides". */
export const HEARSAY = new Set(['said', 'understood', 'reported', 'believed', 'thought', 'known', 'alleged']);
