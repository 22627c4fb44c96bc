/**
 * Words the cross-article analysis reads in a claim's content (src/analysis/features.ts): what
 * turns it round, says something ended or goes on, orders it in time, or makes it a statement
 * rather than a name; and the cue lemmas that deny, retort or propose.
 */

/** Relative pronouns: a negation after one is in a relative clause ("voters who did not register"). */
export const RELATIVE = new Set(['who', 'which', 'whom', 'whose']);
/**
 * Auxiliaries that, after a relative clause's own words, are the main clause's ("the jet which went down near the town
 * was not shot down"): the relative clause has ended before them.
 */
export const MAIN_AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would']);
/** Verbs that open a clause of their own inside a relative clause ("who said the troops were not there"). */
export const CLAUSE_TAKING = new Set('said says say told tells claimed claims believe believes believed think thinks thought knew know knows insisted insists argued argues warned added'.split(' '));
/** Finite verbs and auxiliaries: a content without one (and without "that") names a thing, not a statement. */
export const FINITE = new Set('is are was were be been has have had did does do will would can could should may might must am isn\'t wasn\'t n\'t not'.split(' '));
/** A denial that opens with these denies that something exists ("denied any wrongdoing"). */
export const NONE_OF = new Set(['any', 'no', 'all', 'every']);
/** Words of doubt or holding back: denied ("no reason to doubt", "no hesitation", "should not be ruled out"), they affirm. */
export const DOUBT = new Set(['doubt', 'doubts', 'hesitation', 'hesitate', 'question', 'excluded', 'ruled', 'hidden', 'concealed']);
/** "not simply asked but demanded": a "not" before these contrasts two statements, it denies neither. */
export const NOT_ONLY = new Set(['simply', 'merely', 'just', 'only']);
/** Words that turn a content round: negations, and denials reported inside it ("a letter disputing …"). */
export const NEGATION = new Set(['not', 'no', 'never', "n't", 'nothing', 'neither', 'nor', 'without', 'none', 'disputing', 'denying', 'rejecting', 'refuting', 'dismissing']);
/** Words saying something ended or was concluded. */
export const END = new Set('ended concluded completed finished liberated liberation victoriously defeated ceased halted retaken recaptured'.split(' '));
/** Words saying something goes on. */
export const CONTINUE = new Set('continue continues continued continuing ongoing maintaining maintain maintains still persist persists persisting remain remains underway rages raging'.split(' '));
/** "goes on", "carry on": going on. */
export const GOING = new Set(['go', 'goes', 'going', 'went', 'carry', 'carries', 'carrying', 'carried']);
/** Order words before a claim: it was said first, later, or is said now. */
export const EARLY = /\b(?:initially|at first|originally|earlier|previously|first)\b/i;
export const LATE = /\b(?:later|subsequently|eventually|finally|since then)\b/i;
export const NOW = /\bnow\b/i;
/** Verbs of thinking whose negation is the content's ("I don't think X" means "I think not X"). */
export const NEG_RAISING = new Set(['think', 'believe', 'expect', 'suppose', 'consider', 'feel', 'reckon', 'imagine']);
/** Cues that propose rather than state: rejecting a proposal contradicts no statement. */
export const PROPOSING = new Set(['propose', 'suggest', 'offer', 'urge', 'call', 'ask', 'request', 'recommend']);
/** Cues that answer a statement with another one. */
export const RETORTING = new Set(['counter', 'retort']);
/** Personal pronouns and possessives: a content opening with one is about whoever it stands for. */
export const PERSONAL = new Set(['he', 'she', 'i', 'we', 'they', 'his', 'her', 'my', 'our', 'their']);
/** Cues that deny a statement (not "countered", "retorted", which answer with another); "does not recognise the results" denies them too. */
export const DENYING = new Set(['deny', 'dispute', 'refute', 'rebut', 'contradict', 'reject', 'dismiss', 'doubt', 'recognize', 'recognise']);
/** Auxiliaries that carry a negation before a verb of thinking ("did not think"). */
export const DO_AUX = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't"]);
/** Pronouns that, opening reported speech, are its speaker ("said it is impartial"). */
export const SELF = new Set(['it', 'he', 'she', 'they', 'we', 'i']);
/** Nouns after a state's name that speak for it ("the Chinese government"). */
export const SPEAKING_BODIES = new Set(['government', 'administration', 'authorities', 'officials', 'leadership']);

/** Words that join the things a content names ("smuggling timber or blocking harbours"). */
export const COORDINATORS = new Set(['and', 'or', 'nor']);

/**
 * Words that only say something happened ("had taken place", "occurred"), or befell the speaker ("losing any aircraft"):
 * a denial of them denies the thing named.
 */
export const HAPPENING = new Set('take takes taking took taken place happen happens happened occur occurs occurred exist exists existed held impose imposes imposed imposing lose loses losing lost loss losses'.split(' '));

/** A content saying a thing does not exist at all ("There is no blockade"): a denial of whatever names it. */
export const NONE_THERE = /^\W*there\s+(?:is|are|was|were|'s|’s|has\s+been|have\s+been)\s+no\s/i;

/** A part in a deed, denied alone ("denied any involvement", "rejects any role"): a denial of the accusation before it. */
export const INVOLVEMENT = new Set('involvement role responsibility complicity part hand link links connection'.split(' '));

/** Cues that hold what they name when it is something said ("defended his earlier statement", "reaffirmed the report"). */
export const UPHOLDING = new Set(['defend', 'uphold', 'reaffirm', 'reiterate']);

/**
 * What an accident given as the cause says did not happen: blasts and fires ("the explosions at the depot were caused by
 * …": no attack), crashes ("the crash of the jet near the town was caused by an engine fault": no shooting-down).
 */
export const ACCIDENT_OF: ReadonlyMap<string, 'attack' | 'intercept'> = new Map([
  ...'fire fires blaze blazes explosion explosions blast blasts detonation detonations'.split(' ').map((w) => [w, 'attack'] as const),
  ...'crash crashes crashed'.split(' ').map((w) => [w, 'intercept'] as const),
]);

/** Words that give a cause after them: "caused by", "due to", "the result of". */
export const CAUSE_WORDS = new Set(['caused', 'due', 'result']);

/** Causes that are no attack: "a short circuit", "a violation of fire safety rules", "careless smoking". */
export const ACCIDENTS = new Set('circuit accident accidental fault faulty malfunction negligence careless carelessness smoking safety technical lightning spontaneous wiring'.split(' '));

/** Cues whose object is the act they perform, named with the verb ("declared martial law", "proclaimed independence"). */
export const PERFORMATIVES = new Set(['declare', 'proclaim']);

/** Stems of words that put an act ahead as a plan ("no plans to close", "preparing to declare", "no intention of"). */
export const PLANNING_STEMS = new Set(['plan', 'prepar', 'intention', 'intend', 'intent']);
