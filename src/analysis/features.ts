import { PositionIndex } from '../annotate/ranges.js';
import type { Analysis, Claim, Entity, Stance } from '../doc/types.js';
import { en } from '../lang/index.js';
import { answered, ANSWER_WINDOW, ECHO, NAMED_REACH } from './answers.js';
import { blameOf, isParty, type Blame } from '../lang/en/blame.js';
import { bluffOf, standingOf } from '../lang/en/standings.js';
import { electionsOfTheArticle, sideOfStatelessSpeakers, standingAsVoice, threatsCalledBluffs, type VoicedStanding } from './standings.js';
import { contentTokens } from '../lang/en/token.js';
import { MILITARY } from './propositions.js';
import { accidentCause, disownedPlan, hasVerb, innerBelief, opensWithPronoun, readWords, rejectsAThing, rowsOf, subjectOf } from './content-words.js';
import type { Reference, Token } from '../lang/en/references.js';

/** An event reported in a claim's content, with entity ids as arguments. */
export interface EventSig {
  type: string;
  actor: string | null;
  target: string | null;
  place: string | null;
  time: string | null;
  quantity: number | null;
  planned: boolean;
  /** Told as not having happened: "no civilians were killed", "troops never entered the town". */
  denied: boolean;
}

/**
 * What a claim is about, reduced to what can be compared across articles: the entities and
 * events in its content, its content words (negation and end/continue predicates left out so
 * "has ended" and "continues" still match), and which way it points. A content that refers to
 * something said ("denied the report") is read by references.ts and linked to the claim it answers.
 */
export interface ClaimFeatures {
  entities: string[];
  /** The events of the claim's main type (that of its first event). */
  events: EventSig[];
  words: string[];
  /** Each word's row in the shipped word vectors (−1 unknown), in the order of `words`: what it means, and how much it tells (meaning.ts). */
  rows?: number[];
  numbers: number[];
  dates: string[];
  /** +1 when the content says something ended or was concluded, −1 when it says it goes on, 0 otherwise. */
  predicate: number;
  negated: boolean;
  /** A negation anywhere in the content (not only in its opening words). */
  negation: boolean;
  /** Country of each actor and place, so "Russia" and "Kursk Oblast", or a ministry and its state, can agree. */
  countries: Record<string, string>;
  /** Those of the events' places that are whole countries: sharing one alone says little of which event it is. */
  wide: string[];
  /** Order words before the claim: "initially" (early), "later" (late), "now". */
  order: 'early' | 'late' | 'now' | null;
  /** The content refers to something said: −1 it disputes it ("denied the report"), +1 it bears it out, 0 it says something itself. */
  refers: -1 | 0 | 1;
  /** A reference that names something said without saying what ("the report", "claims of fraud"): its words are a topic, not a statement. */
  topic: boolean;
  /** The claim of the same article that a reference answers: its id. */
  answers: string | null;
  /** A refusal ("declined to comment") or a negated cue ("has not confirmed"): no side on anything. */
  refusal: boolean;
  /**
   * An attack in one place narrower than a country told as another side's deed ("the army blamed Bolivian artillery for
   * the strike" on a town): whom it accuses, by voice and entity, and where. Two sides accusing each other of one attack
   * dispute who made it.
   */
  accuses?: { voice: string; actor: string; place: string } | null;
  /**
   * The act of a plan it disowns, as stems of its first words: a planning word under a denial ("denied preparing to
   * declare martial law") or right after a negation ("no plans to close the border"). Absent when none.
   */
  disownedPlan?: string[];
  /** The content states something (a verb, an event, or a reference), not just names a thing ("his tax records"). */
  statement: boolean;
  /** The content (or what it says was said) opens with a personal pronoun: "he was never an insider" is about whoever "he" is. */
  pronounSubject: boolean;
  /** A retort ("countered", "retorted"): an answer with another statement, not a denial of the same one. */
  retort: boolean;
  /**
   * A denial's things denied, each as stems ("denied smuggling timber or blocking harbours": smuggl
   * timber; block harbour): it restates an accusation in fewer words. Undefined for any other claim.
   */
  denies?: string[][];
  /** Who speaks, as one voice: a state's capital, government bodies and the state itself are one ("Kyiv", "Ukraine", its General Staff). */
  voice: string;
  /** Rare words said of the subject right after it ("impartial" in "the League is impartial"): what the statement says of it. */
  rare: string[];
  /** The content opens with a belief the speaker denies holding ("did not think X"): X is held false, whatever the stance. */
  disbelief: boolean;
  /** Who the content is about: the entity opening it (a pronoun opening reported speech stands for the speaker), or null. */
  subject: string | null;
  /** Who the content holds responsible for what ("the League provoked the war"), the party as a voice; null when it blames no one. */
  blame: Blame | null;
  /** The state a speaker speaks for, as a voice (a minister, a ministry, the capital: its state), else the voice. */
  camp: string;
  /** A standing question of the war the content answers for a party (standings.ts), the party as a voice and the answer as the speaker holds it. */
  standing: VoicedStanding | null;
}

/** A claim with the facts about it that the analysis shows. */
export interface ClaimInfo {
  article: string;
  claim: string;
  speaker: string | null;
  speakerKey: string;
  stance: Stance;
  content: string;
  said: string | null;
  published: string | null;
  source: string | null;
  features: ClaimFeatures;
}

const { isRefusal, readReference } = en.references;
const { WHOLE_WAR, LIBERATING } = en.events;
const { EARLY, LATE, NOW, NEG_RAISING, RETORTING, DENYING, UPHOLDING, NONE_THERE, PERFORMATIVES } = en.contents;
/** A negation turns a content round for near-identical wording only in a short statement, not deep in a long quotation. */
export const SHORT_STATEMENT = 15;
/** Stances that tell a deed as done: an accusation, a statement, a confirmation. */
const ACCUSING: ReadonlySet<string> = new Set(['assert', 'condemn', 'confirm']);
/** Speakers that speak for their state. */
const STATE_SUBTYPES = new Set(['military', 'intelligence', 'ministry', 'government', 'country', 'capital']);

/** Features of every claim of an analysed article, by claim id. */
export function claimFeatures(analysis: Analysis): Map<string, ClaimFeatures> {
  const { article, entities, events, quantities, times, claims } = analysis;
  const text = article.text;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const countryOf = new Map(entities.filter((e) => e.country).map((e) => [e.id, e.country!]));
  const voiceOf = (id: string): string => {
    const e = byId.get(id);
    return e?.country && (e.type === 'GPE' || (e.type === 'FAC' && e.country) || STATE_SUBTYPES.has(e.subtype ?? '')) ? `state:${e.country}` : id;
  };
  const mentions = entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e.id }))).sort((a, b) => a.start - b.start);
  const out = new Map<string, ClaimFeatures>();
  const ordered = [...claims].sort((a, b) => a.content.start - b.content.start);
  // Looked up by position, not scanned per claim: linear in the article's length.
  const mentionsAt = new PositionIndex(mentions, (m) => m.start);
  const triggersAt = new PositionIndex(events, (e) => e.trigger.start);
  const quantitiesAt = new PositionIndex(quantities, (q) => q.start);
  const timesAt = new PositionIndex(times, (t) => t.start);
  const eventsOf = new Map<string, number[]>();
  events.forEach((e, i) => e.claims.forEach((id) => eventsOf.set(id, [...(eventsOf.get(id) ?? []), i])));
  const references = new Map<string, Reference>();
  const warMaker = warMakerOf(events, byId);
  const isPartyId = (id: string) => isParty(byId.get(id));
  // With no war maker given by the events, the one the article's claims blame for the war is taken
  // for a war blamed without naming its maker ("a war chosen by one man"): read once all are read.
  const blamed: Blame[] = [];
  const unblamed: [Claim, Token[]][] = [];
  const bluffs: [string, 1 | -1][] = [];
  const facts: ArticleFacts = { text, byId, countryOf, voiceOf, mentionsAt, triggersAt, quantitiesAt, timesAt, eventsOf, events, warMaker, isPartyId, partnerOf: partners(claims) };
  // One function per claim and one per word walk, not one loop body: V8 then optimises each on its
  // own, in a fraction of the time the whole took, and a branch first taken late recompiles only its part.
  for (const c of ordered) {
    const one = featuresOf(c, facts);
    if (one.reference) references.set(c.id, one.reference);
    if (one.bluff !== null) bluffs.push([c.id, one.bluff]);
    if (one.rawBlame) blamed.push(one.rawBlame);
    else if (!warMaker) unblamed.push([c, one.tokens]);
    out.set(c.id, one.features);
  }
  pronounVoices(ordered, out);
  sideOfStatelessSpeakers(out);
  electionsOfTheArticle(out);
  threatsCalledBluffs(out, bluffs, ordered);
  const maker = warMaker ?? mostBlamed(blamed);
  if (maker && !warMaker) {
    for (const [c, tokens] of unblamed) {
      const b = blameOf(tokens, c.cue?.lemma ?? null, isPartyId, maker);
      if (b) out.get(c.id)!.blame = blameAsVoice(b, byId, voiceOf);
    }
  }
  // What a claim answers lies within reach of it: the claims around it, not the whole article.
  const starts = new PositionIndex(ordered, (x) => x.content.start);
  const longest = ordered.reduce((n, x) => Math.max(n, x.content.end - x.content.start), 0);
  const around = (c: Claim) => starts.between(c.content.start - ANSWER_WINDOW - longest, c.content.end + NAMED_REACH + 1).map((i) => ordered[i]!);
  for (const c of ordered) {
    const f = out.get(c.id)!;
    const reference = references.get(c.id);
    if (reference) {
      f.answers = answered(around(c), c, reference, out, voiceOf, text);
      // "defended the remark" disputes the criticism it answers, but holds a statement it answers ("defended his earlier
      // statement that no talks were under way").
      const held = f.answers !== null && UPHOLDING.has(c.cue?.lemma ?? '') ? ordered.find((x) => x.id === f.answers) : undefined;
      if (held && held.stance !== 'condemn') f.refers = 1;
    }
    // The grammar says what it answers ("argued for a tribunal, something Vale opposes").
    else if (answersByGrammar(c)) f.answers = c.refersTo!;
    // A denial that says what it denies ("Trump denied that he mocked the reporter") answers the
    // claim it echoes, if the article has one.
    // So does one read from the content's own negation ("has not seen any sign the rebels are preparing to …").
    // So does a content saying the thing is not there at all ("There is no blockade").
    else if ((c.stance === 'deny' || (f.negated && NONE_THERE.test(c.content.text))) && !f.refusal) f.answers = answered(around(c), c, ECHO, out, voiceOf, text);
  }
  return out;
}

/** What claimFeatures reads once per article, for each of its claims. */
interface ArticleFacts {
  text: string;
  byId: ReadonlyMap<string, Entity>;
  countryOf: ReadonlyMap<string, string>;
  voiceOf: (id: string) => string;
  mentionsAt: PositionIndex<{ start: number; end: number; entity: string }>;
  triggersAt: PositionIndex<Analysis['events'][number]>;
  quantitiesAt: PositionIndex<Analysis['quantities'][number]>;
  timesAt: PositionIndex<Analysis['times'][number]>;
  eventsOf: ReadonlyMap<string, number[]>;
  events: Analysis['events'];
  warMaker: string | null;
  isPartyId: (id: string) => boolean;
  /** For each of two parties said to accuse each other (claims/mutual.ts), the other party. */
  partnerOf: ReadonlyMap<string, string>;
}

/** One claim's features, with what the article-wide steps after need of it. */
function featuresOf(c: Claim, a: ArticleFacts): { features: ClaimFeatures; reference: Reference | null; bluff: 1 | -1 | null; rawBlame: Blame | null; tokens: Token[] } {
  const { text, byId, countryOf, voiceOf, mentionsAt, triggersAt, quantitiesAt, timesAt, eventsOf, events, warMaker, isPartyId } = a;
  const { start, end } = c.content;
  const inside = (s: { start: number; end: number }) => s.start >= start && s.end <= end;
  const tokens = contentTokens(c.content.text, start, mentionsAt.within(start, end, inside));
  const reference = readReference(tokens, c.stance);
  // What a reference says was said ("the claim that X": X) is its content; a bare one has none of its own.
  // "she did not think the League was acting impartially": a belief of the speaker's, denied,
  // opening the content — what it is about starts after it, held false.
  const belief = reference ? null : innerBelief(tokens);
  const from = reference ? (reference.said >= 0 ? reference.said : tokens.length) : (belief?.end ?? 0);
  const to = reference && reference.said >= 0 ? reference.saidEnd : tokens.length;
  const ents = new Set<string>();
  for (let k = from; k < to; k++) if (tokens[k]!.entity) ents.add(tokens[k]!.entity!);
  // A claim is about its first event ("sent troops to fight in Kursk" is about the sending):
  // only events of that type describe it.
  const near = from < to ? [...new Set([...(eventsOf.get(c.id) ?? []), ...triggersAt.between(start, end)])].sort((a, b) => a - b) : [];
  // The war named as a whole ("since Russia invaded Ukraine", "the invasion") says which war, not
  // what of it — unless placed more narrowly than a country, or still a plan ("plans to invade").
  const wholeWar = (e: (typeof events)[number]) => WHOLE_WAR.has(e.trigger.text.toLowerCase()) && e.status !== 'planned' && (!e.place || isCountry(byId.get(e.place)));
  // Loops, not chained map and filter: see PositionIndex.within.
  const own: (typeof events)[number][] = [];
  for (const i of near) {
    const e = events[i]!;
    if ((e.claims.includes(c.id) || inside(e.trigger)) && !wholeWar(e)) own.push(e);
  }
  own.sort((a, b) => a.trigger.start - b.trigger.start);
  const sigs: EventSig[] = [];
  // Another war event in the same place is the same happening told by another word: "a missile strike on the town
  // killed 12 civilians" is about the strike and the dead, and meets a denial of either.
  const main = own[0]?.type ?? '';
  const warPlaces = MILITARY.has(main) ? new Set(own.flatMap((e) => (e.type === main && e.place !== null && !isCountry(byId.get(e.place)) ? [e.place] : []))) : null;
  const told = (e: (typeof own)[number]) => e.type === main || (e.place !== null && MILITARY.has(e.type) && warPlaces?.has(e.place) === true);
  for (const e of own) {
    if (!told(e)) continue;
    const denied = e.status === 'denied' || e.status === 'disputed';
    // A war event on a town ("shelled Villazon") happened there: its place, as "an attack in Villazon" gives it.
    const place = e.place ?? (MILITARY.has(e.type) && e.target !== null && isTown(byId.get(e.target)) ? e.target : null);
    sigs.push({ type: e.type, actor: e.actor, target: e.target, place, time: e.time, quantity: e.quantity, planned: e.status === 'planned', denied });
    // Forces withdrawn from a town leave it to the other side, and a town "liberated" is taken: both tell of the town's
    // capture ("withdrew from Cobija" confirms "the army liberated Cobija"), the withdrawal without saying by whom.
    const taken = e.type === 'withdraw' || (e.type === 'military_operation' && LIBERATING.has(e.trigger.text.toLowerCase()));
    if (taken && e.place !== null && !isCountry(byId.get(e.place))) sigs.push({ type: 'capture', actor: e.type === 'withdraw' ? null : e.actor, target: null, place: e.place, time: e.time, quantity: null, planned: e.status === 'planned', denied });
  }
  // "A fire at the depot near Uyuni was caused by a short circuit": no attack there, whatever else is said of it; "the crash
  // near Uyuni was caused by an engine fault": no shooting-down.
  const caused = accidentCause(tokens, from, to);
  const accident = caused !== null && !sigs.some((e) => e.type === caused) ? [...ents].find((id) => isTown(byId.get(id))) : undefined;
  if (accident) sigs.push({ type: caused!, actor: null, target: null, place: accident, time: null, quantity: null, planned: false, denied: true });
  const countries: Record<string, string> = {};
  for (const s of sigs) for (const id of [s.place, s.actor]) if (id && countryOf.has(id)) countries[id] = countryOf.get(id)!;
  const wide = [...new Set(sigs.flatMap((s) => (s.place && isCountry(byId.get(s.place)) ? [s.place] : [])))];
  const read = readWords(tokens, from, to);
  let { negated, negation } = read;
  const { ends, goesOn, words, parts } = read;
  // "declared martial law": the act is the verb with its object, as a denial of plans "to declare martial law" names it.
  const lemma = c.cue?.lemma ?? '';
  const performed = PERFORMATIVES.has(lemma) && !reference && !sigs.length && !hasVerb(tokens, from, to);
  if (performed) words.set(en.words.stem(lemma), lemma);
  // "does not believe the general would have control": the speaker holds the content false.
  if (c.negated && NEG_RAISING.has(c.cue?.lemma ?? '')) negated = !negated;
  if (belief?.negated) {
    negated = !negated;
    negation = true;
  }
  // A denial read from the content's own words ("said there is no safety reason"): its
  // negation is the denial, not a second turn.
  if (c.stance === 'deny' && !DENYING.has(c.cue?.lemma ?? '') && !RETORTING.has(c.cue?.lemma ?? '')) negated = false;
  // An accident given as the cause turns the attack round.
  if (accident && c.stance !== 'deny') {
    negated = true;
    negation = true;
  }
  const stems = [...words.keys()].sort();
  const camp = campOf(c.speaker?.entity ? byId.get(c.speaker.entity) : undefined, voiceOf, c, a);
  const bluff = bluffOf(tokens);
  const rawBlame = blameOf(tokens, c.cue?.lemma ?? null, isPartyId, warMaker);
  // The speaker holds the content false: denied by the cue ("rejected claims that …"), or a belief it denies holding.
  const turned = (c.stance === 'deny' && DENYING.has(c.cue?.lemma ?? '')) || belief?.negated === true || (c.negated === true && NEG_RAISING.has(c.cue?.lemma ?? ''));
  // "ended" and "continue" speak of an event only when the content names one. A place taken is one where the fighting
  // is over: "had taken control of the village" meets "were still fighting in the village" (soldiers captured there do not).
  const placeTaken = !goesOn && sigs.some((e) => e.type === 'capture' && e.target === null && !e.denied && !e.planned && e.place !== null && !wide.includes(e.place));
  const predicate = ends !== goesOn && sigs.length ? (ends ? 1 : -1) : placeTaken ? 1 : 0;
  // A standing is a party's answer or one said of a party by someone named: not the article's own "there are fears that …".
  const standing = c.speaker?.entity ? standingAsVoice(standingOf(tokens.slice(from, to), (id) => isParty(byId.get(id)), (id) => byId.get(id)?.type === 'GPE' || voiceOf(id).startsWith('state:')), { camp, voice: voiceOf(c.speaker.entity) }, byId, voiceOf, turned) : null;
  const about = subjectOf(tokens, from, to, c);
  const plan = disownedPlan(tokens, from, to, turned);
  // An attack's place is the town it struck, if that is all it names (see the signatures above). "Peru and Bolivia
  // accused each other of shelling the town": who each accuses is the other.
  const partner = a.partnerOf.get(c.id);
  const maker = (e: EventSig) => e.actor ?? partner ?? null;
  const deed = !reference && !negated && !c.negated && ACCUSING.has(c.stance) ? sigs.find((e) => e.type === 'attack' && maker(e) !== null && e.place !== null && !wide.includes(e.place) && !e.planned) : undefined;
  const accused = deed ? voiceOf(maker(deed)!) : null;
  // Every field written, in one order, none spread in: every claim's features then share one shape (see PositionIndex.within).
  const features: ClaimFeatures = {
    entities: [...ents].sort(),
    events: sigs,
    words: stems,
    rows: rowsOf(stems, words),
    subject: about.subject,
    rare: about.said,
    disbelief: belief?.negated === true,
    numbers: quantitiesAt.within(start, end, inside).map((q) => q.value),
    dates: timesAt.within(start, end, (t) => inside(t) && t.type === 'DATE' && /^\d{4}/.test(t.value)).map((t) => t.value),
    predicate,
    negated,
    negation,
    countries,
    wide,
    order: orderWord(text, c),
    refers: reference?.direction ?? 0,
    topic: reference !== null && !reference.clause,
    answers: null,
    // A negated cue takes no side — except a verb of thinking, whose negation denies the content ("do not believe X": X is not so).
    refusal: (c.negated === true && !NEG_RAISING.has(c.cue?.lemma ?? '')) || isRefusal(tokens, c.stance, c.cue?.lemma ?? null) || (c.stance === 'deny' && !reference && !answersByGrammar(c) && !sigs.length && !standing && rejectsAThing(tokens)),
    accuses: deed && accused !== null && accused !== camp ? { voice: accused, actor: maker(deed)!, place: deed.place! } : null,
    // (Absent when none, as in features stored before it: most claims disown nothing, and JSON leaves it out.)
    disownedPlan: plan.length ? plan : undefined,
    statement: performed || reference !== null || sigs.length > 0 || hasVerb(tokens, from, to),
    pronounSubject: opensWithPronoun(tokens, from, to),
    retort: RETORTING.has(c.cue?.lemma ?? ''),
    denies: c.stance === 'deny' && DENYING.has(c.cue?.lemma ?? '') ? parts.filter((p) => p.length).map((p) => [...new Set(p)].sort()) : undefined,
    voice: c.speaker?.entity ? voiceOf(c.speaker.entity) : c.speaker ? `text:${c.speaker.text.toLowerCase()}` : 'article',
    camp,
    standing,
    blame: blameAsVoice(rawBlame, byId, voiceOf),
  };
  return { features, reference, bluff, rawBlame, tokens };
}

/** Each of two claims whose parties accuse each other (one cue, one content, two speakers), mapped to the other's speaker. */
function partners(claims: readonly Claim[]): Map<string, string> {
  const out = new Map<string, string>();
  const byContent = new Map<string, Claim[]>();
  for (const c of claims) {
    if (!c.speaker?.entity || !en.claims.MUTUAL.test(c.content.text)) continue;
    const key = `${c.content.start}|${c.cue?.start ?? -1}`;
    byContent.set(key, [...(byContent.get(key) ?? []), c]);
  }
  for (const [a, b, ...more] of byContent.values()) {
    if (!b || more.length || a!.speaker!.entity === b.speaker!.entity) continue;
    out.set(a!.id, b.speaker!.entity!);
    out.set(b.id, a!.speaker!.entity!);
  }
  return out;
}

/** Voices of speakers that are only a pronoun ("It", "they", "he"), tied to no entity. */
const PRONOUN_VOICES: ReadonlySet<string> = new Set([...en.claims.PERSONAL_PRONOUNS, ...en.claims.NEUTER_PRONOUNS, ...en.claims.PLURAL_PRONOUNS].map((p) => `text:${p}`));

/**
 * A pronoun speaker the claims layer tied to no entity ("It put the number of dead at four" after "the defence ministry
 * said …") speaks with the voice of the claim before it, not as one voice "it" with every other article's "it".
 */
function pronounVoices(ordered: readonly Claim[], features: ReadonlyMap<string, ClaimFeatures>): void {
  let last: ClaimFeatures | null = null;
  for (const c of ordered) {
    const f = features.get(c.id)!;
    if (!PRONOUN_VOICES.has(f.voice)) {
      if (f.voice !== 'article') last = f;
      continue;
    }
    if (!last) continue;
    if (f.camp === f.voice) f.camp = last.camp;
    f.voice = last.voice;
  }
}

/**
 * The party the article has make its war: the actor it gives most often to the war named as a
 * whole ("Russia's invasion", "since Russia invaded"), if one party does.
 */
function warMakerOf(events: Analysis['events'], byId: ReadonlyMap<string, Entity>): string | null {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (!e.actor || e.status === 'planned' || !WHOLE_WAR.has(e.trigger.text.toLowerCase()) || !isParty(byId.get(e.actor))) continue;
    counts.set(e.actor, (counts.get(e.actor) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  return ranked[0] && ranked[0][1] > (ranked[1]?.[1] ?? 0) ? ranked[0][0] : null;
}

/** The party the most claims blame for the war, if one party is blamed more than any other. */
function mostBlamed(blames: readonly Blame[]): string | null {
  const counts = new Map<string, number>();
  for (const b of blames) if (b.outcome === 'war' && b.direction > 0) counts.set(b.target, (counts.get(b.target) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  return ranked[0] && ranked[0][1] > (ranked[1]?.[1] ?? 0) ? ranked[0][0] : null;
}

/** The side a speaker is on: its state when it is a person holding an office of one, else its voice. */
function campOf(e: Entity | undefined, voiceOf: (id: string) => string, c: Claim, a: Pick<ArticleFacts, 'byId' | 'mentionsAt'>): string {
  if (e?.type === 'PERSON' && e.country && e.mentions.some((m) => m.role)) return `state:${e.country}`;
  // "A spokesman for the Bolivian army, Colonel Luis Quiroga,": a person the speaker's words describe as speaking for a
  // body is of the body's camp.
  if (e?.type === 'PERSON' && c.speaker) {
    const { start, end } = c.speaker;
    const inSpan = a.mentionsAt.within(start, end, (m) => m.start >= start && m.end <= end);
    const person = inSpan.find((m) => m.entity === e.id);
    const body = person && inSpan.find((m) => m.end <= person.start && a.byId.get(m.entity)?.type !== 'PERSON');
    if (body) return voiceOf(body.entity);
  }
  return e ? voiceOf(e.id) : c.speaker ? `text:${c.speaker.text.toLowerCase()}` : 'article';
}

/**
 * A blame's party as a voice: a state and its bodies are one; a person who holds an office of a
 * state stands for it when blamed for what a state does (a war).
 */
function blameAsVoice(b: Blame | null, byId: ReadonlyMap<string, Entity>, voiceOf: (id: string) => string): Blame | null {
  if (!b) return null;
  const e = byId.get(b.target);
  const asState = e?.type === 'PERSON' && e.country && b.outcome === 'war' && e.mentions.some((m) => m.role);
  const target = asState ? `state:${e.country}` : voiceOf(b.target);
  // A state is named by the country itself where the article names it (its capital blamed: the country).
  const state = target.startsWith('state:') ? [...byId.values()].find((x) => x.type === 'GPE' && x.subtype === 'country' && x.country === target.slice(6)) : undefined;
  // Every field in one order, none spread in: every blame then has one shape (see PositionIndex.within).
  return { target, name: state?.name ?? e?.name ?? b.target, with: b.with.map(voiceOf), outcome: b.outcome, direction: b.direction };
}

/** A cue set off after what was just said, as its answer ("…, something Vale opposes"): the claim it answers is known. */
function answersByGrammar(c: Claim): boolean {
  return c.explain?.rule === 'appositive' && c.refersTo !== undefined;
}

/** The order word in the few words before a claim's content (within its sentence). */
function orderWord(text: string, c: Claim): ClaimFeatures['order'] {
  const to = c.content.start;
  let from = Math.max(0, Math.min(to, c.speaker?.start ?? to, c.cue?.start ?? to) - 40);
  const stop = Math.max(text.lastIndexOf('. ', to - 1), text.lastIndexOf('\n', to - 1));
  if (stop >= from) from = stop + 1;
  const before = text.slice(from, to);
  if (EARLY.test(before)) return 'early';
  if (LATE.test(before)) return 'late';
  if (NOW.test(before)) return 'now';
  return null;
}

/** A place narrower than a country: a town, a city, a region, a site. */
function isTown(e: Entity | undefined): boolean {
  return e !== undefined && (e.type === 'LOC' || e.type === 'FAC' || (e.type === 'GPE' && e.subtype !== 'country'));
}

function isCountry(e: Entity | undefined): boolean {
  return e !== undefined && e.type === 'GPE' && e.subtype === 'country';
}

/**
 * Which way a claim points on its proposition: +1 affirms, −1 denies, 0 takes no side (a question,
 * a refusal). A reference points with or against the claim it answers (`referent`, that claim's
 * position); otherwise a denial, a negated content and a "goes on" predicate each turn it round.
 */
export function positionOf(stance: Stance, f: ClaimFeatures, referent?: number): number {
  if (stance === 'question' || f.refusal) return 0;
  // A standing's answer is read with its negations and the speaker's denial (standingAsVoice).
  if (f.standing) return f.standing.direction;
  if (f.refers && referent !== undefined) return f.refers * referent;
  // An accusation affirms its charge, whatever words it holds ("blamed him for not doing more").
  if (stance === 'condemn') return f.disbelief ? -1 : 1;
  let p = stance === 'deny' || f.refers < 0 ? -1 : 1;
  if (f.negated) p = -p;
  if (f.predicate) p *= f.predicate;
  return p;
}

export function speakerKey(c: Claim): string {
  return c.speaker?.entity ?? (c.speaker ? `text:${c.speaker.text.toLowerCase()}` : 'article');
}
