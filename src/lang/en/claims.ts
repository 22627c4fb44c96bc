/**
 * English words of the claims layer (src/annotate/claims): cue inflections, the words around
 * cues, speakers and contents that the frames read, and the wordings that give a stance.
 */
import { BE } from './words.js';

export { TIME_PREPOSITIONS } from './words.js';
export { NAME_PARTICLES } from './entities.js';

/** "be" and its clitics after a subject ("he's expected", "they're said"). */
export const BE_OR_CLITIC: ReadonlySet<string> = new Set([...BE, "'s", "'re"]);

/** Auxiliaries of something already done or going on ("has said", "had denounced", "is saying"). */
export const PERFECT_OR_BE: ReadonlySet<string> = new Set([...BE_OR_CLITIC, 'has', 'have', 'had', "'ve", 'did']);

/** Words that open a subordinate clause: at a sentence's start, or before a subject ("two days after his chief of staff, …, declared"). */
export const SUBORDINATORS: ReadonlySet<string> = new Set(['after', 'before', 'since', 'until', 'as', 'because', 'once', 'while', 'when', 'although', 'though', 'if', 'unless', 'whereas']);

// Cue inflections (lexicon.ts).

/** Regular English inflections of a verb: -s, -ed, -ing (irregular verbs list their forms). */
export function verbForms(lemma: string): string[] {
  const sibilant = /(?:s|x|z|ch|sh)$/.test(lemma);
  const consonantY = /[^aeiou]y$/.test(lemma);
  const stem = consonantY ? lemma.slice(0, -1) : lemma;
  const third = sibilant ? `${lemma}es` : consonantY ? `${stem}ies` : `${lemma}s`;
  const past = lemma.endsWith('e') ? `${lemma}d` : consonantY ? `${stem}ied` : `${lemma}ed`;
  const ing = lemma.endsWith('e') && !lemma.endsWith('ee') ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [lemma, third, past, ing];
}

/** A noun and its plural. */
export function nounForms(lemma: string): string[] {
  if (/(?:s|x|ch|sh)$/.test(lemma)) return [lemma, `${lemma}es`];
  if (/[^aeiou]y$/.test(lemma)) return [lemma, `${lemma.slice(0, -1)}ies`];
  return [lemma, `${lemma}s`];
}

// Frames: the constructions around a cue (src/annotate/claims/frames).

export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  (
    'issue issued issues issuing release released releases make made makes making express expressed expresses expressing ' +
    'voice voiced voices voicing raise raised raises raising give gave given gives giving deliver delivered delivers ' +
    'offer offered offers send sent sends post posted posts publish published publishes share shared shares reiterate ' +
    'reiterated renew renewed echo echoed register registered air aired signal signaled signalled convey conveyed extend extended ' +
    'take took taken takes taking provide provided provides providing lodge lodged lodges lodging level leveled levelled levels leveling ' +
    'launch launched launches launching mount mounted mounts mounting unleash unleashed unleashes unleashing lend lent lends lending ' +
    'trade traded trades trading'
  ).split(' '),
);

/**
 * Words the cue model learnt from reporting that are deeds, moods or sequence, not ways of saying
 * anything ("voted on the resolution", "sparked protests", "enjoys support", "follows similar
 * moves", "keen to sway"): never cues of their own.
 */
export const NOT_SAYING: ReadonlySet<string> = new Set(
  'acquiesced avoided distinguish enjoys follows keen passed passing presented presenting sparked voted warrant dismay dismayed'.split(' '),
);

/**
 * States a cue verb can ascribe without reporting speech: "dozens reported dead", "two soldiers confirmed killed",
 * "three feared missing" are reduced passives (a headline's "were" dropped), not anyone saying anything.
 */
export const ASCRIBED_STATES: ReadonlySet<string> = new Set('dead killed missing wounded injured alive safe hurt drowned'.split(' '));

/**
 * Verbs that state a count when their object is a count and a number follows the preposition: "officials put the death
 * toll at 14", "medics placed the number of dead at 21", "the ministry revised its tally to 30". Form → lemma and
 * preposition; alone they say nothing.
 */
export const COUNT_VERBS: ReadonlyMap<string, { lemma: string; before: 'at' | 'to' }> = new Map(
  (['put put puts putting', 'place places placed placing', 'revise revises revised revising', 'raise raises raised raising', 'lower lowers lowered lowering'] as const).flatMap((line) => {
    const [lemma, ...forms] = line.split(' ') as [string, ...string[]];
    const before = lemma === 'put' || lemma === 'place' ? 'at' : 'to';
    return forms.map((f): [string, { lemma: string; before: 'at' | 'to' }] => [f, { lemma, before }]);
  }),
);

/** Heads of a count of the dead or hurt ("the death toll", "its tally", "civilian casualties"): revised "to" a number, a count is stated. */
export const COUNTS: ReadonlySet<string> = new Set('toll tolls tally count casualties dead losses'.split(' '));

/** Heads that are a count only when put "at" a number ("the number of dead", "the figure"): "raised the number of troops to" is a deed. */
export const ESTIMATED: ReadonlySet<string> = new Set('number figure figures total'.split(' '));

/** Words between a count's preposition and its number: "at more than 40", "to at least 12", "at about 30". */
export const COUNT_APPROXIMATORS: ReadonlySet<string> = new Set('more than less fewer over under about around nearly almost roughly some least at'.split(' '));

/** What a source asks not to be ("who asked not to be named"): the condition it spoke on, no demand. */
export const UNNAMED: ReadonlySet<string> = new Set(['named', 'identified', 'quoted', 'cited']);

/** Nouns that refer back to claims reported just before ("— claims Pyongyang dismissed as …"). */
export const REFER_BACK: ReadonlySet<string> = new Set(['claims', 'claim', 'allegations', 'allegation', 'accusations', 'reports', 'charges', 'assertions', 'rumors', 'rumours', 'suggestions']);

/**
 * Words of a span of time before "after"/"before": "confirming the loss of the town four days after denying it" dates
 * the speaker's act, not what is confirmed.
 */
export const SPAN_OF_TIME: ReadonlySet<string> = new Set('a an few several hours days weeks months years hour day week month year just only'.split(' '));

/** Cues that after "which" answer the whole clause before ("…, which the rebels denied"); a thing rejected is a whole content anyway. */
export const DENYING_STATEMENTS: ReadonlySet<string> = new Set(['deny', 'refute', 'rebut', 'contradict', 'dispute', 'reject', 'dismiss']);

/** Nouns for something just said that a cue after them answers ("…, a claim Osterlich denies"). */
export const ANSWERED: ReadonlySet<string> = new Set(['claim', 'allegation', 'accusation', 'charge', 'assertion', 'suggestion', 'notion', 'idea', 'version', 'account', 'view', 'position', 'proposal', 'move', 'step']);

export * from './frames.js';

/** Words that open a line "Word: …" without naming a speaker. */
export const NOT_SPEAKERS = new Set(
  'update updated clarification note photo photos source sources related read watch video image images correction disclosure warning editor editors credit credits caption file advertisement ad sponsored listen see more also breaking exclusive analysis opinion q a question answer transcript full text contact email follow subscribe'.split(' '),
);

// Noun phrases and what stands between a speaker and the cue (context.ts).

/** Words that may stand between a speaker and the cue ("has also repeatedly said"). */
export const BETWEEN = new Set(
  (
    "also has have had is was were are be been will would could can may might must should did does do not n't n’t never neither " +
    'reportedly previously initially later again repeatedly publicly privately recently often frequently ' +
    'once first then now still already further only even just long quickly immediately separately subsequently ' +
    'specifically explicitly directly openly formally officially personally clearly flatly strongly firmly ' +
    'widely simply essentially effectively likewise similarly however apparently allegedly falsely correctly ' +
    'angrily bluntly sharply loudly quietly softly forcefully emphatically insistently proudly confidently ' +
    'jokingly tersely curtly frankly candidly cautiously since'
  ).split(' '),
);

/** Nouns for people or bodies that act for a place or an organisation named after them ("experts at the site"). */
export const ROLES = new Set(
  (
    'experts expert officials official spokesman spokeswoman spokesperson representative representatives staff team inspectors ' +
    'management leadership head chief director directors members member leaders leader sources source analysts researchers ' +
    'diplomats diplomat envoy ambassador lawyers lawyer employees workers authorities commanders commander'
  ).split(' '),
);

/** Works that speak for their authors ("a study by the Council found"). */
export const WORKS = new Set(['study', 'studies', 'report', 'reports', 'poll', 'polls', 'survey', 'surveys', 'analysis', 'review', 'audit', 'investigation', 'letter', 'memo', 'article', 'ad', 'ads', 'video', 'book', 'statement', 'paper', 'estimate', 'estimates', 'assessment']);

/** Adverbial phrases between a speaker and the cue: "for the first time", "in turn", "at least". */
export const ADVERBIAL_HEADS = new Set(['time', 'turn', 'fact', 'part', 'least', 'response', 'return', 'addition', 'contrast', 'private', 'public', 'particular', 'effect', 'short', 'person', 'writing']);

export const ADVERBIAL_PREPOSITIONS = new Set(['for', 'at', 'in', 'by', 'on']);

/** Quantifiers that float between a plural subject and its verb. */
export const FLOATING = new Set(['both', 'all', 'each']);

/** Prepositions that continue a noun phrase to the right when a name follows ("Secretary of State"). */
export const NP_JOINERS = new Set(['of', 'for', 'at', 'on']);

// Cue candidates (cues.ts).

/** Pronouns that point back at what was just said ("That's according to …"). */
export const DEMONSTRATIVES = new Set(['that', 'this']);

/** Objects of a cue that point back at a claim already made ("said this in a comment", "said so"). */
export const POINTING = new Set(['this', 'that', 'so', 'these', 'those']);

/** Plurals without -s. */
export const PLURALS_WITHOUT_S = new Set(['people', 'police', 'men', 'women', 'children', 'staff', 'media', 'personnel', 'clergy', 'public', 'military', 'government', 'us', 'they']);

// Contents made whole (contents.ts).

/** Words that, after a comma, open a clause that reported content usually leaves out. */
export const TRAILING_CLAUSES = new Set(['which', 'who', 'but', 'while', 'whereas']);

/** Cues with which an outlet passes on someone's words: "the agency quoted the minister as saying that …". */
export const QUOTING_CUES = new Set(['quote', 'cite']);

/** Cues with which an outlet says it relays what others said ("…, the agency has learned"). */
export const RELAY_CUES = new Set(['learn', 'report']);

// Negated cues (negation.ts).

export const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'cannot', 'neither', 'nor']);

/** Auxiliaries and adverbs that may stand between a negator and its cue ("has not yet publicly confirmed"). */
export const BRIDGE = new Set(
  'has have had is was were are be been will would could can may might must should did does do wo ca yet publicly officially formally explicitly directly immediately independently ever also still'.split(' '),
);

/** Subjects that say nobody did it, and how far from the sentence start the cue may then be. */
export const NO_ONE = new Set(['neither', 'nobody', 'none']);

/** Verbs whose gerund object is left undone ("avoided naming", "refrained from confirming"). */
export const WITHHOLD = /^(?:avoid|avoids|avoided|avoiding|refrain|refrains|refrained|refraining)$/;

// Speakers: pronouns, descriptions and offices (speaker.ts).

/** Nouns for what an organisation publishes: "the statement" speaks for whoever issued it. */
export const DOCUMENTS = new Set(['statement', 'message', 'letter', 'communique', 'communiqué', 'release', 'announcement', 'memo', 'decree', 'post', 'tweet', 'notice', 'document', 'declaration', 'resolution', 'case', 'indictment', 'lawsuit', 'complaint']);

/** Nouns for who or what a report cites as its source, besides spokespeople, documents and works: "citing hospital sources". */
export const CITED_SOURCES = new Set('source sources witness witnesses resident residents data figures documents records filings officers doctors medics police military army intelligence'.split(' '));

/** Works a body publishes, which speak for it: "a report published by the agency", "the institute released a study". */
export const PUBLISHED_WORKS = new Set(['report', 'study', 'assessment', 'analysis', 'survey', 'review', 'paper', 'readout', 'findings']);

/** Verbs of bringing out a document, whose subject or "by" agent is its producer. */
export const PUBLISHING = new Set(['published', 'released', 'issued', 'produced', 'compiled', 'prepared', 'commissioned', 'publishes', 'releases', 'issues', 'publish', 'release', 'issue']);

/** People who speak for an organisation: "a spokesperson" speaks for it. */
export const SPOKESPEOPLE = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'spokesmen', 'official', 'officials', 'representative', 'representatives', 'envoy', 'diplomat', 'diplomats', 'aide', 'aides', 'press secretary']);

/** Words before a spokesperson's word that make them speak for a town or region ("local officials", "a regional spokesman"). */
export const LOCAL_BODIES = new Set(['local', 'regional', 'city', 'town', 'municipal', 'provincial', 'district', 'village', 'county']);

/** Pronouns for a person, possessives too: "in his view", "in her words" speak for whom they stand for. */
export const PERSONAL_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his']);

/** Words for an organisation that "the …" names when its name does not have them ("the agency"). */
export const BODIES = new Set(['agency', 'ministry', 'service', 'office', 'commission', 'committee', 'department', 'council', 'bureau', 'authority', 'command', 'administration', 'organisation', 'organization', 'company', 'group', 'embassy', 'alliance', 'body', 'watchdog', 'regulator']);

export const SPEAKER_POSSESSIVES = new Set(['his', 'her', 'its', 'their']);

/** Who acts for someone: "his office", "their lawyers". */
export const AGENTS = new Set(['office', 'campaign', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'team', 'staff', 'government', 'administration', 'ministry', 'embassy', 'delegation', 'camp', 'allies', 'supporters', 'advisers', 'advisors', 'adviser', 'advisor']);

export const NEUTER_PRONOUNS = new Set(['it', 'its']);

export const PLURAL_PRONOUNS = new Set(['they', 'them', 'we']);

/** Offices a description of a person ends with ("the president", "the foreign minister", "the head of state"). */
export const OFFICES = new Set(
  'president minister leader premier chancellor general commander chief head pontiff pope king queen prince ambassador envoy mayor governor ceo chairman chairwoman secretary senator lawmaker warlord founder spokesman spokeswoman spokesperson diplomat'.split(' '),
);

/** Words of an office that narrow it ("foreign minister", "former president"). */
export const PORTFOLIO = new Set('foreign defence defense prime interior finance economy trade justice health energy deputy vice former acting top senior chief'.split(' '));

/** Grades rather than portfolios: they need not be in the title given at the name. */
export const GRADES = new Set(['former', 'acting', 'top', 'senior', 'chief', 'deputy', 'vice']);

/** Offices that lead a state or government ("the head of state", "the leader"). */
export const LEADERS = new Set(['president', 'premier', 'chancellor', 'king', 'queen', 'leader', 'prime', 'pope', 'emir', 'sheikh']);

/** Words opening a subordinate clause: its subject is rarely what a later "he" stands for. */
export const SUBORDINATING = new Set(['since', 'when', 'after', 'before', 'because', 'as', 'while', 'although', 'though', 'if', 'until', 'that', 'whether']);

/** A person's body that speaks for the state they lead ("the president's government"). */
export const STATE_BODIES = new Set(['government', 'administration', 'cabinet']);

/** Prepositions that place a speaker somewhere ("the institute in Washington"). */
export const LOCATING = new Set(['in', 'at', 'from', 'near']);

/**
 * What a source knows, after the noun that names it: "officials familiar with the talks", "a source close to the
 * delegation", "diplomats briefed on the plan" speak, not the talks. Each word with the preposition after it.
 */
export const SOURCE_KNOWS: ReadonlyMap<string, string> = new Map([
  ['familiar', 'with'],
  ['close', 'to'],
  ['briefed', 'on'],
  ['involved', 'in'],
  ['knowledgeable', 'about'],
  ['privy', 'to'],
  ['knowledge', 'of'],
]);

// Stance: the wordings that make a claim a denial, a demand, a promise … (stance.ts).

/** Wording of a plan announced ("announced plans to build …"). */
export const PLAN = /^(?:plans?|intentions?|an? (?:plan|intention|decision|pledge|promise)) to\b|^to\b/i;

/** A plan among what is announced ("announced new ferries and a plan to …"). */
export const PLAN_AMONG = /\b(?:a|its|their|his|her|new) plans? to\b/i;

/**
 * Saying that something is false or did not happen ("That is simply untrue", "there is no
 * evidence", "nothing of the sort", "No, we did not", "the claims are baseless").
 */
export const DENIAL = [
  /\b(?:is|was|are|were|'s|’s)\s+(?:absolutely |completely |totally |simply |entirely |just )?(?:not true|untrue|false|wrong|a lie|lies|a fabrication|fabricated|fake|nonsense|baseless|groundless|unfounded|absurd|ridiculous|a myth|fiction|a fantasy|a fairy[- ]?tale|a hoax|slander|disinformation)\b/i,
  // "It is pure fiction", "This is another invention of …", "These reports are fabrications" (not "The drone is an invention").
  /\b(?:is|was|are|were|'s|’s)\s+(?:nothing but|pure|utter|outright|blatant|(?:yet )?another)\s+(?:an?\s+)?(?:lies?|fabrications?|fiction|inventions?|myths?|hoax(?:es)?|slander|fakes?)\b|^\W*(?:this|that|it|these|those)\s+(?:is|was|are|were|'s|’s)\s+(?:an?\s+)?(?:fabrications?|inventions?|hoax(?:es)?)\b|\b(?:are|were)\s+(?:fabrications|inventions|hoaxes|fakes)\b/i,
  /^\W*(?:this|that|it|these|those|such)\b[^.?!]{0,40}\b(?:is|was|are|were|'s|’s)\s+(?:absolutely |completely |totally |simply )?(?:not the case|not so)\b/i,
  /\bnothing of the (?:kind|sort)\b/i,
  /\b(?:there (?:is|was|were|are)|we (?:have|had|see|saw)|found|finds|seen|saw)\s+(?:absolutely\s+)?no\s+(?:\w+\s+){0,2}(?:reason|evidence|proof|basis|truth|grounds|sign|trace|indication)\b/i,
  /\b(?:is|are|am|was|were)\s+not\s+(?:a\s+)?(?:part|party|parties|involved|responsible|guilty|to blame|behind)\b/i,
  /\b(?:have|has|had)\s+not\s+seen\s+(?:any\s+)?(?:\w+\s+){0,6}?(?:evidence|indication|sign|proof|reason)\b/i,
  /(?:^|[.!?]\s+)\W*no,\s/i,
  /\bno need to blame\b/i,
  /\b(?:never|not) (?:happened|took place|occurred)\b/i,
  // A purpose someone ascribes, denied: "was not aimed at the city", "is not meant to provoke".
  /\b(?:is|was|are|were|and)\s+not\s+(?:aimed|intended|meant|directed|designed)\s+(?:at|to|as|against)\b/i,
  // A deed said to have had no doer: "No one attacked the convoy", "nobody ever threatened them"
  // (with an object: "no one died in the fire" reports, it does not deny; "no one expected" is a
  // thought; "no one has captured the mood" judges, in the perfect).
  /(?:^|[.!?:;]\s+)\W*(?:no one|no-one|nobody)\s+(?:ever\s+)?(?!(?:expected|wanted|believed|imagined|hoped|predicted|needed|cared|noticed|died|survived)\b)\p{L}+ed\s+(?!(?:in|from|during|after|before|when|while|since|until|as|and|or|to|for|with|by)\b)\p{L}/iu,
  // Legitimacy refused by the speaker's side: "we do not and will never recognize the annexation" (as REFUSED_BY_NEGATION for a cue).
  /\b(?:we|i|it|they|he|she)\s+(?:do|does|did|will|would|shall|can)(?:\s+not|n't|n’t|\s+never)(?:\s+and\s+(?:will|would|shall)\s+(?:not|never))?\s+(?:ever\s+)?recogni[sz]e\b/i,
  // Calling a saying wrong: "it would be simplistic and wrong to say so", "it is false to claim that".
  /\b(?:is|was|would be|'s|’s)\s+(?:\w+\s+(?:and|or)\s+)?(?:wrong|false|untrue|incorrect|misleading|a lie|absurd|nonsense)\s+to\s+(?:say|claim|suggest|assert|speak of|call)\b/i,
];

/** Doubt of what someone said denied, which confirms it: "no reason to doubt their account". ("I have no doubt that …" only insists.) */
export const CONFIRMING = /\bno (?:reason|grounds) to (?:doubt|question|disbelieve)\b/i;

/** Obligation: a demand on someone ("Minsk should withdraw …", "it is time to …", "let us act"). */
export const DEMAND =
  /\b(?:should|must|ought to|needs? to|has to|have to|had better|it is (?:high )?time|it's (?:high )?time|(?:it is|it's|what is|what's) (?:\w+ )?(?:important|necessary|essential|vital|crucial|imperative)(?! to (?:understand|note|remember|recall|stress|emphasi[sz]e|underline|say|know|realize|realise|recogni[sz]e|face|bear in mind)\b)|(?:we|i) (?:\w+ly )?(?:want|urge|demand|insist)\b(?! to\b))\b|^\W*let(?:'s| us)\b|(?:^\W*|\band\s+)the (?:need|necessity|importance) (?:for|to|of)\b/i;

/**
 * An expectation laid on a party: "expects Osterlich not to …" forbids; "expects Osterlich to win"
 * is as often a forecast. Said by the speaker of itself ("“We expect that the League will …”", "we
 * expect you to …") it asks; "we expect prices to fall" is a forecast.
 */
export const EXPECTED_OF = /^\W*(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}not\s+to\s+\p{Ll}/u;
export const WE_EXPECT = /^\W*(?:[Ww]e|I) (?:\p{Ll}+ly )?expect (?:that )?(?:[\p{Ll},]+ ){0,3}?(?:\p{Lu}|you\b|they\b|them\b|both\b|all\b)/u;

/** Verbs that, with "for", advocate what follows: "argued for a tribunal", "pressed for talks". */
export const ADVOCATING = new Set(['argue', 'press', 'push', 'plead', 'appeal', 'lobby', 'campaign']);

/**
 * An obligation whose point is a danger ahead, a warning: "should brace for a hard winter", "we
 * must prepare for floods", "must be careful not to …", and the fear something ought to cause
 * ("should worry every farmer", "that should make your hair stand on end").
 */
export const WARY =
  /\b(?:should|must|ought to|needs? to|has to|have to)\s+(?:\w+\s+)?(?:prepare|brace|be (?:careful|cautious|wary|vigilant|prepared|ready for|worried|afraid|alarmed|frightened|scared)|worry|alarm|frighten|scare|terrify|make (?:\w+\s+){1,2}(?:shudder|tremble|nervous|worried|afraid|run cold|stand on end))\b/i;

/** An act in progress: "is closing", "are sending". */
export const ANNOUNCED_ACT = /\b(?:is|are) (?:now )?\w+ing\b/i;

/** The same, told back by an announcing cue ("announced it was closing its office"); after "said", "was …ing" is as often a past scene. */
export const ANNOUNCED_ACT_PAST = /\b(?:was|were) (?:now )?\w+ing\b/i;

/** Progressive forms of thinking and trying, which announce no act ("is hoping", "are considering"). */
export const MENTAL = /\b(?:hoping|considering|thinking|seeking|trying|looking|expecting|waiting|planning|preparing|going|being|getting|facing|working)\b/i;

/**
 * "Should" of likelihood, not of duty: "this should be obvious", "the strikes should not affect …";
 * and a duty others feel, told of them ("the islanders feel that they must stay").
 */
export const EPISTEMIC = /\b(?:should|must) (?:not )?(?:be (?:obvious|clear|evident|enough|possible)|affect|change|matter)\b|\b(?:feel|feels|felt) (?:that )?(?:they|he|she) (?:must|should|ought to|have to|has to|had to|need to|needs to)\b/i;

/** First person: the speaker speaking of itself or its side. */
export const FIRST_PERSON = /^\W*(?:i|we|our \w+|my \w+)\b|\b(?:we|i)\s+(?:will|shall|'ll|’ll|would|are|am|stand|remain|intend|plan|want|won't|won’t)\b/i;

/**
 * Reported speech whose subject is the speaker's own body ("said his cabinet had decided to",
 * "stressed their readiness"): a possessive pronoun in reported speech stands for the speaker.
 */
export const OWN_SIDE = /^\W*(?:his|her|its|their) (?:own )?(?:government|country|administration|ministry|cabinet|army|forces|troops|company|side|team|office|party|willingness|readiness)\b/i;

/** A meeting ahead: "meet with the envoy", "discuss the corridor", "hold talks" (not "meet their targets"). */
const MEETING = String.raw`meet with|visit|travel|discuss|attend|hold (?:\w+ )?(?:talks|meetings?|a meeting|a call)`;

/**
 * Verbs after "will"/"would" that commit to no act: seeing, waiting, considering, what something
 * costs or takes; and a meeting ahead ("will meet with the envoy on Friday", "will discuss the
 * corridor"), which tells a schedule, not a pledge.
 */
const NOT_ACTS = String.raw`see|know|wait|consider|look|cost|mean|depend|take (?:\w+ ){0,3}(?:hours|days|weeks|months|years|time)|${MEETING}`;

/**
 * Commitments about one's own future: "will", "are ready to", "intends to", "had decided to"; in
 * reported speech "would" stands for "will" ("said he would open shelters"), but not before a verb of
 * thinking ("would expect") or "be"/"have" (a state, not an act), nor before NOT_ACTS.
 */
export const COMMITMENT = new RegExp(
  String.raw`\b(?:will(?! (?:\w+ly )?(?:${NOT_ACTS})\b)|would (?!(?:\w+ly |most |also |not |never |still )*(?:be|have(?! to)|like|prefer|expect|hope|think|say|seem|appear|need|${NOT_ACTS})\b)|shall|'ll|’ll|won't|won’t|(?:is|are|am|was|were)(?: not)? (?:going|ready|prepared|determined|committed|willing) to|(?:is|are|am|was|were) ready for|stands? ready|(?:intends?|intended|(?<!\bno )plans?|planned|decided|vows?|vowed|pledges?|pledged) to|will never|willingness|readiness)\b`,
  'i',
);

/** A commitment with the speaker's side as its subject, anywhere: "… We are ready for it." */
export const SELF_COMMITMENT = new RegExp(String.raw`\b(?:we|i)\s+(?:(?:\w+ly|also|still|now|all|jointly|together)\s+)*(?:${COMMITMENT.source})`, 'i');

/**
 * What, before a commitment, makes it somebody else's or not an act: a clause of its own ("that
 * they will"), "there will be", a hope or belief, or a consequence ("Otherwise, we will all pay"; not "decided otherwise").
 */
export const NOT_OWN_ACT = /\b(?:that|if|whether|there|which|who|when|hop\w*|expect\w*|believ\w*|think\w*)\b|(?:^|[,;:.!?–—])\W*otherwise\b/i;

/** Future or possibility: what may come ("could", "may", "threatens to", "risk of"); a meeting ahead is no danger. */
export const POSSIBLE = new RegExp(
  String.raw`\b(?:(?:could|may|might|will|would|can|shall)(?!['’]t)\b(?!\s+(?:not\s+)?(?:be\s+\w+ing|have\s+(?:been|had|done|gone|come|begun|run|won|\w+(?:ed|en|wn|ade|ent|ught|ost|id))\b|expect|like|hope|think|say|imagine|${MEETING}|be\s+(?:resolved|solved|ended|avoided|averted|prevented|stopped|eased|overcome)))|(?:cannot|can['’]t|could not|couldn['’]t) (?:rule out|exclude)|'ll|’ll|threatens? to|risks? (?:of|to)?|danger|likely|unless|otherwise)\b`,
  'i',
);

/** A condition: "if they …, …", "unless …" */
export const CONDITION = /^\W*(?:should they|in case)\b|\b(?:if|unless)\s+\p{L}|\bin (?:the face of|the event of|case of|response to)\b/iu;

/** The speaker's own side in the future, what a condition makes a threat: "our response will be …", "we would …". */
export const SELF_FUTURE = /\b(?:we|i|our \w+)\s+(?:\w+\s+)?(?:will|would|shall|'ll|’ll)\b/i;

/**
 * Formulas of a threat meant ("is not a bluff", "not bluffing", "will not hesitate
 * to", "no hesitation in sinking …") or of a penalty ("punishable by five years").
 */
export const THREAT = /\bnot\s+(?:a\s+)?bluff(?:ing)?\b|\b(?:not|never)\s+hesitate\s+to\b|\bno\s+hesitation\s+(?:in|to|about)\b|\bpunishable\s+(?:by|with)\b/i;

/** Words that, just before a harm, say it will not come ("nobody will die", "without bloodshed"). */
export const NO_HARM: ReadonlySet<string> = new Set(['no', 'not', 'nobody', 'never', 'without', 'none', "won't", 'won’t']);

/** A clause set off by commas that describes the subject (", which lost its bridge,"): not where its verb is. */
export const ASIDE = /,\s*(?:which|who|whose|where)\b[^,]*,/gi;

/** Statement openings that do not commit the speaker to an act of their own ("we believe", "we know"). */
export const BELIEF = /^\W*(?:we|i) (?:believe|think|know|see|understand|are (?:convinced|sure|certain|concerned|worried))\b/i;

/**
 * Words that judge rather than report: disapproval of what someone did or is ("illegal",
 * "brutal", "lies", "blackmail", "to blame"). A report of harm ("killed", "torture") is not a
 * judgement by itself.
 */
export const DISAPPROVAL = new Set(
  (
    'illegal illegitimate unlawful unjustified unjustifiable unprovoked unacceptable brutal brutality cruel cruelty senseless barbaric barbarism ' +
    'monstrous savage reckless irresponsible shameful shameless shamelessly outrageous disgraceful despicable hypocritical hypocrisy selfish ' +
    'cynical cowardly aggressor aggressors imperialist imperialism hegemonism hegemony lies lying liar ' +
    'liars propaganda disinformation misinformation blackmail blackmailing blackmails sham fraudulent rigged fraud blatant flagrant trampled ' +
    'trampling violation violations violated violating violates atrocities atrocity genocide terrorist occupiers ' +
    'occupier invaders puppet puppets vassal vassals fodder guilty culpable blame blamed blames blaming provoked provoking provocation provocations ' +
    'instigation instigated goad goaded arrogant arrogance contempt bullying destabilising destabilizing sabotaging ' +
    'insulted insulting demonized demonised humiliated deceived deception deceit deceitful betrayed betrayal treacherous treachery ignored disregarded futile futility slaughter fuelling fueling prolong prolongs prolonging manipulation manipulating lawless thugs bandits oppressive repressive dictator dictatorship tyranny tyrant'
  ).split(' '),
);

/**
 * A charge of hatred for a people or group: "xenophobic", "homophobia", or a people's name made
 * into one ("Francophobic" — capitalised, as a name is), not a fear of things ("germaphobe").
 */
export const PREJUDICE = /\b(?:[Xx]eno|[Hh]omo|[Tt]rans|[Ii]slam[oa]|[Jj]udeo|\p{Lu}\p{Ll}+o)phob(?:ia|ic|ics|e|es)\b/u;

/**
 * Accusing constructions: blame laid on someone ("bears full responsibility", "is to blame"),
 * overstepping a rule ("go beyond what is permissible"), a betrayal ("a stab in the back"),
 * promises broken ("the pledges were never honoured", "were not going to implement them"), making
 * things worse ("fuelling the fire"). "Is trying to" is not one: war reports say it of every advance.
 */
export const ACCUSING = /\bbeyond what is (?:permissible|permitted|allowed|lawful|legal|acceptable|justified)\b|\b(?:bears?|bore) (?:full |the |sole )?responsibility\b|\bhave it both ways\b|\bcan(?:not|'t|’t) be trusted\b|\bacts? of terror(?:ism)?\b|\bresponsibility for\b[^.]{0,60}\blies\b|\b(?:is|are|was|were) to blame\b|\bis (?:using|exploiting)\b|\bstab(?:bed)? (?:\w+ )?in the back\b|\b(?:fuel|fuels|fuelled|fueled|fan|fans|fanned|fanning|stoke|stokes|stoked|stoking) the (?:flames|fire|conflict|war|tensions?)\b|\b(?:promises?|commitments?|obligations?|pledges?|agreements?)\b[^.]{0,40}\b(?:not|never) (?:been )?(?:met|kept|honou?red|fulfilled|implemented|respected)\b|\b(?:not|never) (?:going |intending )?to (?:implement|honou?r|fulfil|fulfill|keep|respect) (?:them|it|the (?:agreements?|deal|promises?|commitments?))\b/i;

/**
 * Accusing a party, named with a capital: concern at what it does ("we are concerned about
 * Osterlich's support for …", not "about the harvest"), victims of its doing ("victims of the
 * League's blockade", not "of the war's chaos").
 */
export const AT_A_PARTY = /\b(?:are|am|is|remain|remains) (?:\p{Ll}+ly )?concerned (?:about|by|at|over) (?:the )?\p{Lu}|\bvictims? of (?:the )?(?:\p{L}+ ){0,3}?\p{Lu}[\p{L}-]*['’]s\b/u;

/**
 * Words of approval of someone or something ("brave", "warm and friendly", "welcome"). Words for
 * how talks or events went ("constructive", "productive", "fruitful", "encouraging") describe, they
 * praise nobody.
 */
export const APPROVAL = new Set(
  (
    'brave bravery courage courageous heroic heroes hero admirable admire commend commendable praiseworthy welcome welcomed welcomes grateful ' +
    'gratitude thank thanks appreciate appreciated positive friendly warm excellent outstanding remarkable successful success ' +
    'wise wisdom generous generosity trustworthy reliable valuable helpful impressive historic'
  ).split(' '),
);

/** The opening subject said to be something, and the word that says what ("we are still a reliable …" → reliable). */
export const SELF_DESCRIBED = /^\W*(?:[\p{L}'’.-]+\s+){1,3}?(?:is|are|am|was|were|remains?|remained|has been|have been)\s+(?:(?:still|always|a|an|the|very|most|truly|really)\s+)*([\p{L}-]+)/iu;

/** Harm ahead: what a warning warns of. */
export const HARM = new Set(
  (
    'war wars nuclear catastrophe catastrophic disaster hunger famine poverty starvation escalation escalate escalating crisis collapse death deaths ' +
    'die dying killed kill destroy destroyed destruction danger dangerous risk risks threat threats threaten threatens conflict attack attacks ' +
    'attacked targeted shelled bombed ' +
    'strike strikes suffer suffering loss lose losses defeat chaos instability bloodshed retaliation retaliate punish punishment consequences ' +
    'dire grave serious severe shortage shortages blackout blackouts emergency harm damage'
  ).split(' '),
);

/** Words that make a harm something done to others (a threat), not suffered. */
export const HARMING = /\b(?:destroy|strike|retaliate|respon(?:d|se)|punish|attack|crush|wipe|annihilate|fight|retake|return|strike back|hit back)\w*/i;

/** Force the speaker's side will use: a threat by itself ("use all means", "using nuclear weapons"). */
export const FORCE = /\bus(?:e|ing) (?:all (?:means|force)|(?:\w+ ){0,3}?(?:nuclear|force|weapons))\b/i;

/** Words that judge something said or proposed unfounded or unworkable. */
export const UNFOUNDED = /\b(?:false|untrue|baseless|groundless|unfounded|unsubstantiated|fabricated|fabrications?|fake|lies|a lie|nonsense|absurd|ridiculous|preposterous|propaganda|disinformation|misinformation|fiction|an? invention|invented|made[- ]up|a myth|a hoax|an? fantasy|fantasies|an? fairy[- ]?tales?|unworkable|unrealistic|impossible|a non-starter|misleading|wrong)\b/i;

/** Verbs whose object is a topic, not something held: "discussed the need for talks" takes no side on it. */
export const TOPICAL = new Set(['mention', 'discuss', 'address', 'cite', 'list', 'outline', 'detail']);

/** Words right after a cue verb that make it another verb: "called for", "called on", "called off". */
export const PARTICLES_AFTER_CUE = new Set(['for', 'on', 'off', 'up']);

/** Verbs that name or describe something, whose second complement judges it ("called the vote a sham"). */
export const JUDGING = new Set(['call', 'describe', 'characterize', 'characterise', 'portray', 'label', 'dub', 'brand', 'liken', 'compare']);

// Claims assembled (index.ts).

/** Cues of impressions rather than anyone's statement ("seems", "it is clear"). */
export const IMPERSONAL = /^(?:seem|appear|(?:clear|obvious|unclear|evident|apparent|likely|unlikely)$)/;

/** Verbs of granting legitimacy: negated, they deny it ("does not recognize the results"). */
export const REFUSED_BY_NEGATION = new Set(['recognize', 'recognise']);

/** Personal pronouns that, opening reported speech, stand for its speaker ("said it would …"). */
export const REPORTED_SELF = new Set(['he', 'she', 'it', 'they', 'we', 'i']);

/** Pronouns that, opening a quotation, are its speaker ("“We are ready …”"). */
export const QUOTED_SELF = new Set(['we', 'i', 'our', 'my']);
