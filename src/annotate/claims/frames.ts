import { TAG } from '../pos/tags.js';
import type { Context } from './context.js';
import type { CueEntry } from './lexicon.js';
import { isMedia } from './contents.js';

/** A token range [first, last). */
export type Range = [number, number];

/** How a claim was found; the eval breaks results down by these. */
export type RuleName =
  | 'quote-before'
  | 'clause-before'
  | 'interrupted'
  | 'complement'
  | 'quote-after'
  | 'participial'
  | 'gerund'
  | 'infinitive'
  | 'coordinated'
  | 'according-to'
  | 'noun'
  | 'passive'
  | 'speaker-label'
  | 'quote-continued';

/** A claim in the making, in token ranges; claims/index.ts turns it into a Claim. */
export interface Draft {
  rule: RuleName;
  entry: CueEntry;
  /** The cue words, and the head word the lexicon matched. */
  cue: Range;
  head: number;
  /** The speaker as written here ("A spokesperson", "he", "The Post"), or null. */
  source: Range | null;
  /** The noun phrase inside `source` that names the speaker (without an appositive or a relative pronoun's clause). */
  sourceHead: Range | null;
  /** For "who"/"that" speakers: the noun phrase the pronoun stands for. */
  antecedent: Range | null;
  /**
   * The speaker is that of another claim of the sentence ("…, describing …"; "… and announced
   * …"); `source` then holds the subject of the sentence's first verb, for when no claim has one.
   */
  inherits: boolean;
  /** A paragraph of quotes with no cue of its own: the claim whose speaker goes on talking in it. */
  continues?: Draft;
  /** Content pieces, in text order. */
  parts: Range[];
  /** Where content after the cue begins (−1 when the content comes before the cue). */
  rightFrom: number;
  /**
   * Token where this claim's own clause begins when it is attached to a sentence that already
   * says something ("…, stating that", "…, according to", "… and announced"): an earlier claim's
   * content ends before it. −1 when the claim is not such an attachment.
   */
  boundary: number;
  /** Relayed through (according to state media), set when claims are assembled. */
  via: Range | null;
  /** The stance entry when a participle after a noun cue decides it ("a statement praising"). */
  stanceEntry: CueEntry | null;
  /** How many other drafts were dropped because their cue lies in this one's content. */
  nests: number;
  /** The cue answers the claim just before it ("— claims North Korea dismissed as …"). */
  refersBack: boolean;
}

const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be', "'s", "'re", 'am']);
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  (
    'issue issued issues issuing release released releases make made makes making express expressed expresses expressing ' +
    'voice voiced voices voicing raise raised raises raising give gave given gives giving deliver delivered delivers ' +
    'offer offered offers send sent sends post posted posts publish published publishes share shared shares reiterate ' +
    'reiterated renew renewed echo echoed register registered air aired signal signaled signalled convey conveyed extend extended ' +
    'take took taken takes taking provide provided provides providing lodge lodged lodges lodging level leveled levelled levels leveling ' +
    'launch launched launches launching mount mounted mounts mounting unleash unleashed unleashes unleashing lend lent lends lending'
  ).split(' '),
);
/** Nouns that refer back to claims reported just before ("— claims Pyongyang dismissed as …"). */
export const REFER_BACK: ReadonlySet<string> = new Set(['claims', 'claim', 'allegations', 'allegation', 'accusations', 'reports', 'charges', 'assertions', 'rumors', 'rumours', 'suggestions']);
/** Words a title keeps lower-case ("Face the Nation", "State of the Union"). */
const TITLE_SMALL_WORDS = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'at', 'with', 'by']);
/** Quote marks that open a paragraph of a quotation running over paragraphs. */
const PARAGRAPH_QUOTES = new Set(['"', '“']);
/** Particles that belong to an object cue ("called for", "pointed to", "talked about"). */
const PARTICLES = new Set(['for', 'on', 'about', 'out', 'against', 'to', 'at', 'into', 'of', 'up', 'upon']);
/** Verbs whose "about"-phrase is their content ("reported to Putin about the liberation"). */
const ABOUT_TAKERS = new Set(['report', 'tell', 'ask', 'warn', 'inform', 'speak', 'talk', 'write', 'tweet', 'post', 'complain', 'remind', 'brief', 'testify', 'joke', 'boast', 'think', 'know', 'worry', 'hear', 'learn', 'explain']);
/** Prepositions of a short phrase between a speaker and the cue ("Stumpf in an interview said"). */
const PP_BETWEEN = new Set(['in', 'at', 'on', 'during', 'from', 'with']);
/** Subordinators of time or reason: after a cue they open no content ("said as he left"). */
const TEMPORAL = new Set(['as', 'when', 'while', 'because', 'since', 'until']);
/** Cues whose object is the person addressed, not the content ("…, she told reporters."). */
const ADDRESSEES = new Set(['tell', 'ask', 'inform', 'assure', 'remind', 'warn', 'answer', 'reply', 'write', 'email', 'tweet', 'urge']);
/** Subordinators that open a clause of its own after a comma (", where he acknowledged"). */
const CLAUSE_OPENERS = new Set(['where', 'when', 'while', 'as', 'after', 'before', 'because', 'although', 'though', 'since', 'whereas', 'but', 'and', 'yet', 'so']);
/** Prepositions before a time ("on Friday", "in October"). */
const TIME_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'since', 'by', 'last', 'this', 'early', 'late', 'earlier']);

/** Nouns of polls and their averages: "in the latest poll" names what shows the content. */
export const SURVEYS: ReadonlySet<string> = new Set(['poll', 'polls', 'survey', 'surveys', 'average', 'averages', 'polling']);

/** Words joining what qualifies a venue ("an interview with CNN", "a statement carried by KCNA"). */
const VENUE_LINKS = new Set(['with', 'by', 'on', 'to', 'via', 'at', 'in']);

/** Nouns naming outlets that relay what others said ("according to North Korean state media"). */
export const RELAYS = new Set(['media', 'agency', 'news', 'outlet', 'outlets', 'newspaper', 'newspapers', 'paper', 'broadcaster', 'television', 'tv', 'radio', 'channel', 'network', 'wire', 'daily', 'press', 'reports', 'kcna', 'tass', 'xinhua']);

/** Platforms a statement is posted on ("wrote on Telegram"). */
const PLATFORMS = new Set(['telegram', 'twitter', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'truth', 'weibo', 'vk']);

/** Prepositions that open the occasion of a judgement, not its object ("praised X during a rally"). */
const OCCASIONS = new Set(['during', 'since', 'amid', 'following', 'throughout']);
const VENUE_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'over']);
/** Where things are said: a phrase of these after an object names the occasion or medium ("in an interview", "on Twitter"). */
const VENUES = new Set(
  (
    'interview interviews statement statements speech speeches remarks address tweet tweets post posts message messages letter letters ' +
    'article articles op-ed column editorial editorials book memoir memo essay report blog podcast video videos ad ads advertisement ' +
    'rally rallies debate debates hearing hearings conference briefing briefings event events appearance appearances show broadcast ' +
    'program programme episode segment twitter facebook instagram telegram youtube tiktok website site television tv radio ' +
    'newspaper magazine outlet channel network meeting summit session ceremony forum gathering'
  ).split(' '),
);
/** Words that open a clause whose subject follows ("two days after his chief of staff, …, declared"). */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'as', 'because', 'once', 'while', 'when', 'although', 'though', 'if', 'unless', 'whereas']);

/** Prepositions before a gerund cue ("in saying", "of calling for", "without mentioning"). */
const GERUND_PREPOSITIONS = new Set(['in', 'of', 'for', 'from', 'without', 'after', 'before', 'about', 'at', 'upon']);

/** Verbs whose object does what the infinitive after it says ("prompted NATO to order …"). */
const CAUSATIVES = new Set(
  'prompt prompts prompted prompting force forces forced forcing allow allows allowed allowing lead leads led leading persuade persuades persuaded persuading convince convinces convinced convincing get gets got getting cause causes caused causing enable enables enabled enabling help helps helped helping pressure pressures pressured pressuring need needs needed expect expects expected expecting challenge challenges challenged challenging dare dares dared daring'.split(' '),
);

/** Nouns of backing: who gives it speaks for whom it goes to. */
const BACKING = new Set(['support', 'backing', 'endorsement', 'endorsements']);
/** Verbs of receiving backing ("earned the support of", "received support from"). */
const RECEIVING = new Set(
  'receive received receives receiving earn earned earns earning win won wins winning enjoy enjoyed enjoys enjoying has have had having get got gets getting draw drew drawn draws gain gained gains garner garnered garners attract attracted attracts command commanded commands consolidate consolidated consolidates secure secured secures'.split(' '),
);

/**
 * Verbs of trying, agreeing and declining: with an infinitive or an object they tell what their
 * subject does ("sought to expand", "agreed to a ceasefire", "declined to comment"), not what it said.
 * (Wanting, hoping and planning stay cues: attribution corpora count a stated intention.)
 */
const OWN_DEEDS = new Set(['seek', 'decline', 'agree']);
/** Verbs of feeling and realising: claims only with a clause ("feel that …"), not with a state felt or a thing imagined ("feel buoyed"). */
const KNOWING = new Set(['feel', 'imagine', 'realize']);
/** Verbs of directing: acts unless someone is told to act ("ordered a mobilisation", not "ordered troops to withdraw"). */
const DOING = new Set(['order', 'push', 'press', 'encourage', 'invite', 'direct', 'instruct']);

/** Nouns of documents whose author ("a report by the agency") is who says what they say. */
const AUTHORED = new Set(['report', 'study', 'analysis', 'assessment', 'survey', 'statement', 'readout', 'review', 'investigation', 'update', 'estimate', 'estimates', 'briefing']);

/** Possessive determiners: the speaker of the noun cue they stand before ("his promise to …"). */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Words before a participle whose "be" is left out ("when asked", "as reported by"). */
const ELLIPSIS = new Set(['when', 'as', 'if', 'once', 'after', 'before', 'until', 'unless']);

/** Relative pronouns that open a clause inside a subject ("officials who spoke …"). */
const RELATIVES = new Set(['who', 'whose', 'that', 'whom']);

/** Whether a verb form is a past participle ("surveyed", "polled", "told"). */
function isParticiple(w: string): boolean {
  return w.endsWith('ed') || IRREGULAR_PARTICIPLES.has(w);
}

/** Past participles that do not end in -ed. */
const IRREGULAR_PARTICIPLES = new Set(['said', 'told', 'known', 'seen', 'thought', 'found', 'shown', 'written', 'felt', 'understood', 'sought', 'given', 'made']);

export interface Candidate {
  head: number;
  entry: CueEntry;
  /** lexicon: a cue word; according: "according to"; poll: "in the latest poll"; label: "NAME: text" opening a line. */
  kind: 'lexicon' | 'according' | 'poll' | 'label';
}

/** Words that open a line "Word: …" without naming a speaker. */
const NOT_SPEAKERS = new Set(
  'update updated clarification note photo photos source sources related read watch video image images correction disclosure warning editor editors credit credits caption file advertisement ad sponsored listen see more also breaking exclusive analysis opinion q a question answer transcript full text contact email follow subscribe'.split(' '),
);

/** Builds drafts from cue candidates. One instance per doc. */
export class Frames {
  private readonly drafts: Draft[] = [];

  constructor(private readonly ctx: Context) {}

  analyze(c: Candidate): Draft | null {
    const d = c.kind === 'according' ? this.according(c) : c.kind === 'poll' ? this.poll(c) : c.kind === 'label' ? this.label(c) : c.entry.noun ? this.noun(c) : this.verb(c);
    if (!d) return null;
    // "“…,” he continued", "the sign read: “…”" — these verbs report only quoted words.
    if (c.entry.frame === 'quote' && !d.parts.every(([a]) => this.ctx.opensQuote(a))) return null;
    if (c.kind === 'lexicon' && !c.entry.noun && this.tellsADeed(c.entry, d)) return null;
    if (d.inherits && !d.source) this.mainSubject(d);
    if (c.kind === 'lexicon' && !c.entry.noun) d.via = this.viaOf(d);
    this.drafts.push(d);
    return d;
  }

  /**
   * Whether a verb reads here as something its subject does rather than says: "sought to
   * expand", "refused to condemn", "agreed to host", "declined to comment", "ordered a
   * mobilisation", "backed the resolution". Such verbs attribute only with a clause or a quote
   * ("agreed that …", "ordered troops to withdraw", "backed the claim that …").
   */
  private tellsADeed(entry: CueEntry, d: Draft): boolean {
    const { ctx } = this;
    if (d.rightFrom < 0 || !d.parts.length) return false;
    const first = d.rightFrom;
    if (ctx.opensQuote(first) || ctx.lower[first - 1] === 'that' || ctx.lower[first - 1] === ':' || this.opensFiniteClause(d.parts[0]!)) return false;
    if (OWN_DEEDS.has(entry.lemma)) return true;
    // "feel buoyed", "imagine a world": a state felt or a thing imagined states nothing.
    if (KNOWING.has(entry.lemma)) return true;
    if (!DOING.has(entry.lemma)) return false;
    // Wanting or directing that someone else act is a demand: "wants Kyiv to recognise …",
    // "ordered troops to withdraw" — not "wants to build", "ordered a mobilisation".
    const [a, b] = d.parts[0]!;
    if (ctx.lower[a] === 'to') return true;
    for (let k = a + 1; k < Math.min(b, a + 12); k++) if (ctx.lower[k] === 'to' && ctx.isVerb(k + 1)) return false;
    return true;
  }

  /** Does a content open with a subject and its finite verb ("she should share …", "the talks had failed")? */
  private opensFiniteClause([a, b]: Range): boolean {
    const { ctx } = this;
    if (!ctx.startsNp(a)) return false;
    const end = ctx.npRight(a, b, false);
    if (end <= a || end >= b) return false;
    const v = ctx.skipAdverbsRight(end, b);
    return ctx.isVerb(v) && !ctx.lower[v]!.endsWith('ing') && ctx.lower[v - 1] !== 'to';
  }

  /**
   * For an attached clause, the subject of the sentence's first verb ("Dean, a former party
   * chairman, poked at Trump …, tweeting …"): the speaker when no claim before it has one.
   */
  private mainSubject(d: Draft): void {
    const { ctx } = this;
    const sf = ctx.sentFirst(d.head);
    // The first verb with a subject: an opening participle ("Asked about the reports, Putin …") has none.
    for (let k = sf; k < d.head; k++) {
      if (!ctx.isVerb(k) || ctx.quotes.of[k]! >= 0) continue;
      if (this.subject(d, ctx.skipBetweenLeft(k - 1, sf), sf)) return;
    }
  }

  /**
   * An outlet named between the cue and its content ("told state TV that …") or, for content
   * before the cue, after the cue and its speaker ("…,” he told Ukrainian television.").
   */
  private viaOf(d: Draft): Range | null {
    const { ctx } = this;
    const sl = ctx.sentLast(d.head);
    let from = d.cue[1];
    if (d.source && d.source[0] >= from) from = d.source[1];
    const to = d.rightFrom >= 0 ? d.rightFrom : d.parts.some(([a]) => a >= from) ? Math.min(...d.parts.filter(([a]) => a >= from).map(([a]) => a)) : sl;
    return from < to ? this.relayBetween(from, to) : null;
  }

  /** The drafts made so far, in the order analysed (text order). */
  get all(): readonly Draft[] {
    return this.drafts;
  }

  private draft(rule: RuleName, c: Candidate, cue: Range): Draft {
    return {
      rule,
      entry: c.entry,
      cue,
      head: c.head,
      source: null,
      sourceHead: null,
      antecedent: null,
      inherits: false,
      parts: [],
      rightFrom: -1,
      boundary: -1,
      via: null,
      stanceEntry: null,
      nests: 0,
      refersBack: false,
    };
  }

  // ---- verbs -------------------------------------------------------------------------------

  private verb(c: Candidate): Draft | null {
    const { ctx } = this;
    const { lower, tags } = ctx;
    const i = c.head;
    const sf = ctx.sentFirst(i);
    const sl = ctx.sentLast(i);
    const before = ctx.skipBetweenLeft(i - 1, sf);
    // Attributive uses are no cues: "the expected result", "a so-called expert".
    if (before >= sf && (tags[before] === TAG.DET || tags[before] === TAG.POSS) && before === i - 1 && ctx.quotes.of[before]! < 0) return null;
    let cueEnd = i + 1;
    const frame = c.entry.frame;
    if (frame === 'object' && cueEnd < sl && PARTICLES.has(lower[cueEnd]!) && !(lower[cueEnd] === 'to' && ctx.isVerb(cueEnd + 1))) cueEnd++;

    // Passive: "was asked", "is expected to", "were appointed by".
    const beforeAux = this.auxBefore(i, sf);
    if (beforeAux >= 0 && isParticiple(lower[i]!)) return this.passive(c, beforeAux, cueEnd, sl);
    // Without "be": "when asked about …", "As reported by …", "Asked whether …, she said".
    if (isParticiple(lower[i]!) && (i === sf || ELLIPSIS.has(lower[i - 1]!)) && c.entry.frame !== 'think') return this.elliptical(c, sl);

    // Participle after a comma: "…, describing their mission as …" speaks for the main clause.
    const w = lower[i]!;
    if (w.endsWith('ing') && before >= sf && (ctx.isComma(before) || ctx.isDash(before) || lower[before] === 'and' || lower[before] === 'while' || lower[before] === 'by')) {
      const d = this.draft('participial', c, [i, cueEnd]);
      d.inherits = true;
      d.boundary = lower[before] === 'and' && before > sf && ctx.isComma(before - 1) ? before - 1 : before;
      this.right(d, cueEnd, sl);
      return d.parts.length ? d : null;
    }
    // Coordinated verb: "praised the soldiers and announced plans" shares the subject.
    if (before >= sf && (lower[before] === 'and' || lower[before] === 'but' || lower[before] === 'yet') && this.verbBefore(before, sf)) {
      const d = this.draft('coordinated', c, [i, cueEnd]);
      d.inherits = true;
      // Coordinated with a cue ("praised … and announced"), it attaches to the sentence; so does a
      // verb of saying ("confirmed that Ukraine held them and said …") or one after a comma
      // ("…, and called on"). Coordinated with another verb ("reported that Pyongyang deployed …
      // and planned …") it may be reported speech.
      const verb = this.nearestVerb(before, sf);
      const comma = before > sf && ctx.isComma(before - 1);
      const main = (verb >= 0 && ctx.cueEntries(verb)?.some((e) => !e.noun)) || (!c.entry.learned && (c.entry.frame === 'speech' || comma) && this.cueBefore(before, sf));
      if (main) d.boundary = comma ? before - 1 : before;
      this.right(d, cueEnd, sl);
      return d.parts.length ? d : null;
    }
    // A gerund after a preposition or a verb ("erred in saying", "stopped short of calling for",
    // "avoided directly criticizing"): its speaker is the sentence's.
    if (w.endsWith('ing') && before >= sf && (GERUND_PREPOSITIONS.has(lower[before]!) || (ctx.isVerb(before) && !BE.has(lower[before]!)))) {
      if (ctx.isVerb(before) && tags[before] === TAG.AUX) return null;
      const d = this.draft('gerund', c, [i, cueEnd]);
      d.inherits = true;
      this.right(d, cueEnd, sl);
      return d.parts.length ? d : null;
    }
    // An infinitive shares the subject of the verb it depends on ("took to Twitter to accuse …").
    if (
      before >= sf &&
      lower[before] === 'to' &&
      before - 1 >= sf &&
      (c.entry.lemma === w || !ctx.cueEntries(i)) &&
      lower[before - 1] !== 'according' &&
      !ctx.cueEntries(before - 1)?.some((e) => e.frame === 'intend' || e.frame === 'direct')
    ) {
      // "simplistic to say", "important to note": an impersonal remark, nobody's claim.
      if (tags[before - 1] === TAG.ADJ) return null;
      const d = this.draft('infinitive', c, [i, cueEnd]);
      this.infinitiveSubject(d, before - 1, sf);
      this.right(d, cueEnd, sl);
      return d.parts.length ? d : null;
    }

    const d = this.draft('complement', c, [i, cueEnd]);
    const speakerFound = this.subject(d, before, sf);
    const inversion = frame === 'speech' || frame === 'quote' || frame === 'think' || frame === 'evidence';
    // Inverted speaker: "…, said Brian Baker, an adviser".
    let tail = cueEnd;
    if (!speakerFound && inversion && cueEnd < sl && ctx.startsNp(cueEnd) && !BE.has(lower[cueEnd]!)) {
      const end = ctx.npRight(cueEnd, sl, true);
      // The speaker ends its clause: "…, said the minister.", "Said Ellis: …" — not "declared the
      // Kursk region fully retaken".
      const closes = end > 0 && (end >= sl || ctx.isPunct(end) || ctx.isComma(end - 1) || ctx.opensQuote(end) || this.isTail(end, sl, false));
      if (closes) {
        d.source = [cueEnd, end];
        d.sourceHead = [cueEnd, this.headEnd(cueEnd, end)];
        tail = end;
      }
    }
    if (!d.source) return null;
    // "Said Ellis: “…”" — an inverted speaker before a colon or a quote.
    if (!speakerFound && tail < sl && (ctx.words[tail] === ':' || (ctx.isComma(tail) && ctx.opensQuote(tail + 1)))) {
      this.right(d, tail, sl);
      return d.parts.length ? d : null;
    }
    const leftEnd = speakerFound ? d.source[0] - 1 : i - 1;
    // A quote right before the speaker is the content unless a complement follows the cue.
    const quoteBefore =
      leftEnd > sf &&
      ctx.words[leftEnd - 1] !== '.' &&
      (ctx.closesQuote(leftEnd) || (ctx.isComma(leftEnd) && ctx.closesQuote(leftEnd - 1))) &&
      !this.isTitle(ctx.quotes.of[ctx.closesQuote(leftEnd) ? leftEnd : leftEnd - 1]!);
    if (inversion && quoteBefore && !this.complementFollows(tail, sl)) return this.left(d, leftEnd, tail, sl);
    // "The bridge, the mayor said, would open …": the attribution interrupts its content.
    let after = tail;
    while (after < sl && ctx.timeOf[after]! >= 0) after++;
    if (inversion && !quoteBefore && leftEnd > sf && ctx.isComma(leftEnd) && after + 1 < sl && ctx.isComma(after) && !this.attachedAt(after)) {
      const left = this.left(d, leftEnd, tail, sl);
      // "Radiation levels were normal, he said, and he called on …": what follows is not the content.
      if (left && left.parts.length === 1 && this.continues(after + 1, sl)) {
        left.rule = 'interrupted';
        left.parts.push([after + 1, sl]);
        left.rightFrom = after + 1;
      }
      return left;
    }
    // "In her book, Clinton noted the clot's existence": an object after the cue is its content.
    const object = tail === cueEnd && tail < sl && ctx.startsNp(tail) && ctx.timeOf[tail]! < 0 && !ADDRESSEES.has(c.entry.lemma);
    // (A quote closed after a full stop ends a sentence of its own: "… “Go home.” He continued to fight.")
    // (“…!” and “…?” before their speaker are split off by the sentence splitter, but not closed.)
    const closedSentence = ctx.closesQuote(leftEnd) && ctx.words[leftEnd - 1] === '.' && leftEnd === sf - 1;
    if (inversion && !object && leftEnd >= 0 && !closedSentence && ctx.endsClauseBefore(leftEnd) && this.isTail(tail, sl, tail === cueEnd)) return this.left(d, leftEnd, tail, sl);
    if (!inversion && frame !== 'object' && frame !== 'intend' && frame !== 'direct') return null;
    if (tail !== cueEnd) return null; // "said X" with content after: not an inversion after all
    this.right(d, cueEnd, sl);
    this.markClause(d, sf);
    // "called an emergency meeting" names no judgement; "called the attacks reckless" does.
    if (c.entry.lemma === 'call' && cueEnd === i + 1 && d.parts.length && !this.secondComplement(d.parts[0]!)) return null;
    return d.parts.length ? d : null;
  }

  /**
   * The subject of an infinitive cue: the object of a verb that makes someone do it ("prompted
   * NATO to order"), else the subject of the verb it hangs on ("Stumpf appeared to blame").
   */
  private infinitiveSubject(d: Draft, j: number, sf: number): void {
    const { ctx } = this;
    const { tags } = ctx;
    if (ctx.isNounHead(j) && ctx.timeOf[j]! < 0) {
      const s = ctx.npLeft(j, sf);
      // Only a verb that makes someone act hands its object the infinitive ("prompted NATO to
      // order"); after others it says what for ("called an emergency meeting to discuss").
      const v = s - 1;
      if (s > sf && tags[v] === TAG.VERB && (CAUSATIVES.has(ctx.lower[v]!) || ctx.cueEntries(v)?.some((e) => e.frame === 'direct' || e.frame === 'intend'))) {
        d.source = [s, j + 1];
        d.sourceHead = d.source;
        return;
      }
    }
    let k = j;
    while (k >= sf && (ctx.isVerb(k) || tags[k] === TAG.ADV || tags[k] === TAG.PART)) k--;
    if (k < j && k >= sf && this.subject(d, k, sf)) return;
    d.inherits = true;
  }

  /** Index of a form of "be" right before the cue (adverbs skipped), or −1. */
  private auxBefore(i: number, sf: number): number {
    let k = i - 1;
    while (k >= sf && (this.ctx.tags[k] === TAG.ADV || this.ctx.tags[k] === TAG.PART)) k--;
    return k >= sf && BE.has(this.ctx.lower[k]!) ? k : -1;
  }

  /** The nearest verb (outside quotes) before token `k` in the sentence, or −1. */
  private nearestVerb(k: number, sf: number): number {
    for (let j = k - 1; j >= sf; j--) if (this.ctx.tags[j] === TAG.VERB && this.ctx.quotes.of[j]! < 0) return j;
    return -1;
  }

  /** Is there a lexicon verb cue (outside quotes) between the sentence start and token `k`? */
  private cueBefore(k: number, sf: number): boolean {
    const { ctx } = this;
    for (let j = k - 1; j >= sf; j--) if (ctx.isVerb(j) && ctx.quotes.of[j]! < 0 && ctx.cueEntries(j)?.some((e) => !e.noun)) return true;
    return false;
  }

  /** Is there a verb (outside quotes) between the sentence start and token `k`? */
  private verbBefore(k: number, sf: number): boolean {
    for (let j = k - 1; j >= sf; j--) if ((this.ctx.tags[j] === TAG.VERB || this.ctx.tags[j] === TAG.AUX) && this.ctx.quotes.of[j]! < 0) return true;
    return false;
  }

  /**
   * The speaker left of a verb: pronoun, relative pronoun (with its antecedent), a noun phrase,
   * or a noun phrase with an appositive between commas. Sets d.source; returns whether found.
   */
  private subject(d: Draft, before: number, sf: number): boolean {
    const { ctx } = this;
    const { lower, tags } = ctx;
    if (before < sf) return false;
    if (tags[before] === TAG.WH || (lower[before] === 'that' && before > sf && ctx.isNounHead(before - 1))) {
      if (lower[before] !== 'who' && lower[before] !== 'that' && lower[before] !== 'which') return false;
      d.source = [before, before + 1];
      d.sourceHead = d.source;
      let a = before - 1;
      if (a >= sf && ctx.isComma(a)) a--;
      const s = ctx.npLeft(a, sf);
      if (s >= 0) d.antecedent = [s, a + 1];
      return true;
    }
    if (ctx.isComma(before) || ctx.isDash(before)) return this.setOffSubject(d, before, sf);
    // "those surveyed said", "A study released Monday said": a participle after its noun.
    if (tags[before] === TAG.VERB && before > sf && isParticiple(lower[before]!) && ctx.isNounHead(before - 1)) {
      const np = ctx.npLeft(before - 1, sf);
      if (np >= 0) {
        d.source = [np, before + 1];
        d.sourceHead = [np, before];
        return true;
      }
    }
    // "Officials who spoke on condition of anonymity said": a relative clause inside the subject.
    for (let k = before - 1; k > sf && k >= before - 10; k--) {
      if (ctx.isPunct(k) || ctx.quotes.of[k]! >= 0) break;
      if (!RELATIVES.has(lower[k]!) || !ctx.isNounHead(k - 1) || !this.hasVerbBetween(k + 1, before + 1)) continue;
      const np = ctx.npLeft(k - 1, sf);
      if (np < 0) break;
      d.source = [np, before + 1];
      d.sourceHead = [np, k];
      return true;
    }
    let s = ctx.npLeft(before, sf);
    if (s < 0) return false;
    // "— claims North Korea initially dismissed as …": the noun refers back; the name speaks.
    if (s < before && REFER_BACK.has(ctx.lower[s]!) && (tags[s + 1] === TAG.PROPN || tags[s + 1] === TAG.DET || tags[s + 1] === TAG.PRON)) {
      s++;
      d.refersBack = true;
    }
    // "Roe in a radio interview appeared to …": the name before a short phrase speaks.
    if (s - 2 >= sf && PP_BETWEEN.has(ctx.lower[s - 1]!) && (tags[s - 2] === TAG.PROPN || tags[s - 2] === TAG.PRON) && before - s < 5) {
      const name = ctx.npLeft(s - 2, sf);
      if (name >= 0) {
        d.source = [name, before + 1];
        d.sourceHead = [name, s - 1];
        return true;
      }
    }
    d.source = [s, before + 1];
    d.sourceHead = d.source;
    return true;
  }

  /**
   * The speaker before a phrase set off by commas or dashes right before the cue: "Scott Pruitt,
   * the attorney general of Oklahoma, one of the states suing, said", "Cruz, as he has in the
   * past, opposed", "The other candidates -- Bush, Kasich and Paul -- hoped". The noun phrase
   * must open its clause (sentence start, after a conjunction, a subordinator or a closing
   * quote); failing that, the nearest one after a comma. Sets d.source; returns whether found.
   */
  private setOffSubject(d: Draft, before: number, sf: number): boolean {
    const { ctx } = this;
    const dash = ctx.isDash(before);
    let head = -1;
    let first = -1;
    for (let j = before - 2; j > sf && j >= before - 40; j--) {
      const w = ctx.words[j]!;
      // (A period before a comma closes an abbreviation: "Lindsey Graham, R-S.C., a candidate, said".)
      if ((w === '.' && !ctx.isComma(j + 1)) || w === ';' || w === ':' || ctx.closesQuote(j)) break;
      if (!(dash ? ctx.isDash(j) : ctx.isComma(j))) continue;
      // ", said Obama," is an inverted attribution, not a phrase set off after a speaker.
      if (ctx.tags[j + 1] === TAG.AUX || (ctx.tags[j + 1] === TAG.VERB && !/(?:ing|ed)$/.test(ctx.lower[j + 1]!))) continue;
      const s = ctx.npLeft(j - 1, sf);
      if (s < 0 || ctx.tags[j - 1] === TAG.NUM) continue;
      if (this.opensClause(s, sf)) {
        [head, first] = [j, s];
      } else if (head < 0 && ctx.isComma(s - 1)) {
        [head, first] = [j, s];
      }
    }
    if (head < 0) return false;
    d.source = [first, before + 1];
    d.sourceHead = [first, head];
    return true;
  }

  /** Is there a verb in tokens [from, to)? */
  private hasVerbBetween(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.ctx.isVerb(k)) return true;
    return false;
  }

  /** Does a noun phrase starting at s open its clause? */
  private opensClause(s: number, sf: number): boolean {
    const { ctx } = this;
    if (s === sf) return true;
    const p = s - 1;
    const t = ctx.tags[p];
    if (t === TAG.CCONJ || t === TAG.SCONJ || t === TAG.WH || ctx.closesQuote(p) || ctx.lower[p] === 'that' || SUBORDINATORS.has(ctx.lower[p]!)) return true;
    // "Even the party's loudest critics, …": an adverb opening the sentence.
    return t === TAG.ADV && p === sf;
  }

  /** End of the name part of "Brian Baker, a longtime adviser" (before the appositive's comma). */
  private headEnd(first: number, end: number): number {
    for (let k = first; k < end; k++) if (this.ctx.isComma(k)) return k;
    return end;
  }

  /**
   * Is the rest of the sentence from `from` only the attribution's tail — times, places, media,
   * short titles in quotes — and no clause of its own? (", he said in an interview on Monday.")
   */
  private isTail(from: number, sl: number, afterCue = true): boolean {
    const { ctx } = this;
    let wh = false;
    for (let k = from; k < sl; k++) {
      const w = ctx.lower[k]!;
      // "explains why …", "asked whether …": a complement, not a tail ("said when asked" is one).
      if (afterCue && k === from && (ctx.tags[k] === TAG.WH || w === 'whether' || w === 'if') && !TEMPORAL.has(w)) return false;
      // "said a member who supports Trump", "said Jane Doe, director of a union that …": a relative clause.
      if (!afterCue && w === 'that' && k > 0 && ctx.isNounHead(k - 1)) {
        wh = true;
        continue;
      }
      if (ctx.opensQuote(k)) {
        // "shouted “Get back!”": a quote right after the cue is what was said, unless it is a title.
        if (k === from && !this.isTitle(ctx.quotes.of[k]!)) return false;
        if (ctx.quoteLength(k) > 8) return k > from && ctx.isComma(k - 1); // split quote: "…,” he said, “…”
        k = ctx.quotes.list[ctx.quotes.of[k]!]!.close;
        continue;
      }
      if (ctx.isComma(k) && k + 1 < sl && (ctx.lower[k + 1]!.endsWith('ing') || ctx.lower[k + 1] === 'according' || this.agencyTail(k + 1, sl))) return true;
      // "…, the Pentagon said on Monday, more than tripling the figure …"
      if (ctx.isComma(k) && ctx.lower[k + 1] === 'more' && ctx.lower[k + 2] === 'than' && ctx.lower[k + 3]?.endsWith('ing')) return true;
      // "…, the agency said on Friday, the first time Seoul has …": an appositive to the sentence.
      if (ctx.isComma(k) && k > from && ctx.tags[k + 1] === TAG.DET && !POSSESSIVES.has(ctx.lower[k + 1]!)) return true;
      if (w === 'that' || w === ':' || w === ';') return false;
      if (ctx.tags[k] === TAG.WH) wh = true;
      if (ctx.tags[k] === TAG.VERB && !wh && ctx.timeOf[k]! < 0) return false;
    }
    return true;
  }

  /** Is [k, sl) an outlet saying it relays the sentence ("Meridian Wire has learned", "the agency reported")? */
  private agencyTail(k: number, sl: number): boolean {
    const { ctx } = this;
    if (!ctx.startsNp(k)) return false;
    const np = ctx.npRight(k, sl, false);
    if (np < 0 || np - k > 4 || !isMedia(ctx, [k, np])) return false;
    let v = np;
    while (v < sl && (ctx.tags[v] === TAG.AUX || ctx.tags[v] === TAG.ADV)) v++;
    const w = ctx.lower[v];
    if (w !== 'learned' && w !== 'learnt' && w !== 'reports' && w !== 'reported') return false;
    for (let e = v + 1; e < sl; e++) if (!ctx.isPunct(e)) return false;
    return true;
  }

  /** Is [start, sl) only "speaker cue" closing the sentence ("he said.", "said the minister.")? */
  private attributionTail(start: number, sl: number): boolean {
    const { ctx } = this;
    if (start === 0 || !ctx.isComma(start - 1)) return false;
    let k = start;
    const np = ctx.startsNp(k) ? ctx.npRight(k, sl, false) : -1;
    if (np > 0 && np - k <= 4) k = np;
    while (k < sl && (ctx.tags[k] === TAG.ADV || ctx.tags[k] === TAG.AUX)) k++;
    if (k >= sl || !ctx.cueEntries(k)?.some((e) => e.frame === 'speech' && !e.noun)) return false;
    if (np < 0 && k === start) {
      const after = ctx.npRight(k + 1, sl, true);
      return after > 0 && this.isTail(after, sl, false);
    }
    return np > 0 && this.isTail(k + 1, sl);
  }

  /** Is quote q a title ("on “Fox News Sunday,”"): a few words, every one capitalised? */
  private isTitle(q: number): boolean {
    const { ctx } = this;
    const quote = ctx.quotes.list[q]!;
    let words = 0;
    for (let k = quote.open + 1; k < quote.close; k++) {
      if (ctx.isPunct(k)) continue;
      const c = ctx.words[k]!.charCodeAt(0);
      // "Face the Nation", "Meet the Press": small words inside a title stay lower-case.
      if (!(c >= 65 && c <= 90) && !(c >= 48 && c <= 57) && !(words > 0 && TITLE_SMALL_WORDS.has(ctx.lower[k]!))) return false;
      words++;
    }
    return words > 0 && words <= 6;
  }

  /** Does an object ("the attacks") come with a second complement ("reckless", "a disaster", a quote)? */
  private secondComplement([a, b]: Range): boolean {
    const { ctx } = this;
    const { tags } = ctx;
    // A quoted name for it ("called the plan “a disgrace”") or a relative object ("what he called …").
    for (let k = a; k < b; k++) if (ctx.quotes.of[k]! >= 0 || ctx.words[k] === '‘') return true;
    if (tags[a] === TAG.WH) return true;
    // The object, then any "of"/"in" phrases.
    let np = ctx.npCore(a, b);
    while (np > 0 && np < b && tags[np] === TAG.ADP && ctx.lower[np] !== 'as') np = ctx.npCore(np + 1, b);
    if (np < 0 || np >= b) return false;
    const w = ctx.words[np]!;
    return ctx.startsNp(np) || ctx.quotes.of[np]! >= 0 || w === '‘' || w === "'" || ctx.lower[np] === 'as';
  }

  /**
   * Does the text after an interrupting attribution go on with the interrupted clause ("The
   * museum, he said, would …")? Not when it opens an appositive ("…, the first time …") or a
   * clause of its own ("…, he said, and he called on …").
   */
  private continues(k: number, sl: number): boolean {
    const { ctx } = this;
    if (ctx.tags[k] === TAG.DET && !POSSESSIVES.has(ctx.lower[k]!)) return false;
    if (ctx.tags[k] !== TAG.CCONJ || !ctx.startsNp(k + 1)) return true;
    const end = ctx.npRight(k + 1, sl, false);
    return !(end > 0 && end < sl && ctx.isVerb(ctx.skipAdverbsRight(end, sl)));
  }

  /** Does another attribution attach at the comma k (", adding …", ", according to …")? */
  private attachedAt(k: number): boolean {
    const next = this.ctx.lower[k + 1];
    return next !== undefined && (next.endsWith('ing') || next === 'according' || this.ctx.opensQuote(k + 1));
  }

  /** Does a that-clause, colon or quote follow the cue (times and commas skipped)? */
  private complementFollows(k: number, sl: number): boolean {
    const { ctx } = this;
    while (k < sl && (ctx.timeOf[k]! >= 0 || ctx.isComma(k))) k++;
    return k < sl && (ctx.lower[k] === 'that' || ctx.words[k] === ':' || (ctx.opensQuote(k) && ctx.quoteLength(k) > 4));
  }

  /** Content before the cue: the quote or clause ending at `leftEnd`. */
  private left(d: Draft, leftEnd: number, tail: number, sl: number): Draft | null {
    const { ctx } = this;
    // "…, a source said": an earlier cue's content ends where this attribution begins.
    d.boundary = leftEnd;
    let end = leftEnd;
    if (!ctx.closesQuote(end) && ctx.words[end] !== ',' && end > 0 && ctx.closesQuote(end - 1)) end--;
    if (ctx.words[end] === ',' && end > 0 && ctx.closesQuote(end - 1)) end--;
    // A quoted phrase closing a clause of the article's words ("… to reopen the ferry “by spring”,
    // the minister said") is part of that clause: the clause is the content.
    const fragment = ctx.closesQuote(end) && this.quotedTail(ctx.quotes.list[ctx.quotes.of[end]!]!.open);
    if (ctx.closesQuote(end) && !fragment) {
      const q = ctx.quotes.list[ctx.quotes.of[end]!]!;
      d.rule = 'quote-before';
      for (const [a, b] of q.pieces) d.parts.push([a, b + 1]);
    } else {
      d.rule = 'clause-before';
      // A clause-before content runs from the sentence start (cues inside it are nested in it).
      const first = ctx.sentFirst(d.head);
      if (end <= first) return null;
      let e = end;
      while (e > first && (ctx.isComma(e) || ctx.isDash(e) || ctx.words[e] === ':')) e--;
      if (e < first) return null;
      d.parts.push([first, e + 1]);
    }
    // A split quote: "“…,” he said, “…”" — the second half follows the tail.
    for (let k = tail; k < sl && !(ctx.isVerb(k) && ctx.quotes.of[k]! < 0); k++) {
      if (ctx.opensQuote(k) && ctx.quoteLength(k) > 2 && k > tail && (ctx.isComma(k - 1) || (ctx.tags[k - 1] === TAG.CCONJ && ctx.isComma(k - 2)))) {
        const q = ctx.quotes.list[ctx.quotes.of[k]!]!;
        for (const [a, b] of q.pieces) d.parts.push([a, b + 1]);
        break;
      }
      if (ctx.isComma(k) && k + 1 < sl && (ctx.lower[k + 1]!.endsWith('ing') || ctx.lower[k + 1] === 'according')) break;
    }
    return d;
  }

  /**
   * Does the quote opening at token `open` close a clause of unquoted words — several words
   * before it in its sentence, the last no punctuation ("expects the ferry to reopen “by spring”")?
   */
  private quotedTail(open: number): boolean {
    const { ctx } = this;
    const sf = ctx.sentFirst(open);
    if (open - sf < 4 || ctx.isPunct(open - 1)) return false;
    for (let k = sf; k < open; k++) if (ctx.quotes.of[k]! >= 0) return false;
    return true;
  }

  /** Content after the cue, from `from` to the sentence end (cut later at attached clauses). */
  private right(d: Draft, from: number, sl: number): void {
    const { ctx } = this;
    const { lower, tags } = ctx;
    let start = from;
    const frame = d.entry.frame;
    if (frame === 'speech' || frame === 'quote' || frame === 'think' || frame === 'evidence' || frame === 'direct') {
      // "He told his audience, to applause:" — what follows the colon is the content.
      const colon = lower[sl - 1] === ':' && sl - from < 20 && !lower.slice(from, sl).includes('that') ? sl : -1;
      if (colon > 0) start = colon;
      // Skip what stands between the cue and its complement: "told reporters on Monday that".
      for (let k = from; colon < 0 && k < sl && k < from + 16; k++) {
        // A date is passed whole ("on 3 May 2025 that": its "May" is no verb).
        if (ctx.timeOf[k]! >= 0) continue;
        const w = lower[k]!;
        if (w === 'that' && tags[k + 1] !== TAG.AUX && tags[k + 1] !== TAG.VERB) {
          start = k + 1;
          break;
        }
        if (w === ':') {
          start = k + 1;
          break;
        }
        if (ctx.opensQuote(k)) {
          // "says voter fraud “would be one hell of a way to lose”": the words before the quote are its subject.
          const subject = k > from && !ctx.isPunct(k - 1) && !ADDRESSEES.has(d.entry.lemma) && ctx.startsNp(from) && ctx.npRight(from, k + 1, false) === k;
          if (!subject && (ctx.quoteLength(k) > 4 || k === from || (k === from + 1 && ctx.isComma(from)))) start = k;
          break;
        }
        if (w === 'about' && ABOUT_TAKERS.has(d.entry.lemma)) {
          start = k + 1;
          break;
        }
        // "said in a statement carried by KCNA that", "said in a meeting shown on state television that"
        const venue = this.venueEnd(k, sl);
        if (venue > 0) {
          k = venue - 1;
          continue;
        }
        if (ctx.isVerb(k) || tags[k] === TAG.WH || w === 'whether' || w === 'if' || w === 'to' || ctx.isPunct(k)) break;
      }
      // "told state TV the talks had failed", "told reporters how …": past the one addressed.
      if (start === from && ADDRESSEES.has(d.entry.lemma) && ctx.startsNp(from) && ctx.timeOf[from]! < 0) {
        let np = ctx.npCore(from, sl);
        // "told MSNBC’s “Morning Joe” on Friday that …", "told the host on Thursday how …": a
        // programme's quoted name and a time may follow the one addressed.
        if (np < 0) {
          let poss = from + 1;
          while (poss < from + 6 && poss < sl && tags[poss] !== TAG.POSS) poss++;
          if (tags[poss] === TAG.POSS && ctx.opensQuote(poss + 1)) np = poss + 1;
        }
        let past = np;
        if (past > from && ctx.opensQuote(past) && ctx.quoteLength(past) <= 6) past += ctx.quoteLength(past);
        while (past > from && past < sl && (ctx.timeOf[past]! >= 0 || (TIME_PREPOSITIONS.has(lower[past]!) && ctx.timeOf[past + 1]! >= 0))) past++;
        if (past > np && past < sl && (lower[past] === 'that' || tags[past] === TAG.WH || lower[past] === 'whether')) np = past;
        if (np > from && np < sl && lower[np] === 'that') start = np + 1;
        else if (np > from && np < sl && (ctx.startsNp(np) || tags[np] === TAG.WH || lower[np] === 'whether' || lower[np] === 'to' || ctx.opensQuote(np))) start = np;
      }
      while (start < sl && (ctx.timeOf[start]! >= 0 || ctx.isComma(start) || (TIME_PREPOSITIONS.has(lower[start]!) && ctx.timeOf[start + 1]! >= 0))) {
        // "tweeted Friday, saying …": the participle is an attribution of its own.
        if (ctx.isComma(start) && !ctx.opensQuote(start + 1) && this.attachedAt(start)) return;
        start++;
      }
    } else if (frame === 'object' && lower[start] === 'as') start++;
    if (start >= sl) {
      // "She said:" at the end of a paragraph introduces the next one.
      if (lower[sl - 1] === ':' && sl < ctx.count) {
        const end = ctx.lineLast(sl);
        d.rightFrom = sl;
        d.parts.push([sl, end]);
        d.rule = ctx.opensQuote(sl) ? 'quote-after' : d.rule;
      }
      return;
    }
    // "… are continuing, he said": what follows is another attribution's tail, not this content.
    if (this.attributionTail(start, sl)) return;
    // "said as he entered the talks", "said Friday as he …": no content follows.
    // (Not after a comma: "cautioned, as did the campaign, that …" goes on to its content.)
    const adjacent = lower.slice(from, start).every((_, k) => ctx.timeOf[from + k]! >= 0 || TIME_PREPOSITIONS.has(lower[from + k]!));
    if (adjacent && (frame === 'speech' || frame === 'think') && TEMPORAL.has(lower[start]!) && lower[start + 1] !== 'much' && lower[start + 1] !== 'well') return;
    d.rightFrom = start;
    if (ctx.opensQuote(start) && d.rule === 'complement') d.rule = 'quote-after';
    d.parts.push([start, frame === 'object' || frame === 'intend' || frame === 'direct' ? this.objectEnd(start, sl) : sl]);
  }

  /**
   * Where the content of a judging or naming verb ends: at the end of its clause — the first
   * comma, semicolon or dash outside quotes, or "and" before another verb ("praised the soldiers'
   * actions and announced …") — not at the end of the sentence.
   */
  private objectEnd(start: number, sl: number): number {
    const { ctx } = this;
    for (let k = start + 1; k < sl; k++) {
      if (ctx.quotes.of[k]! >= 0) continue;
      // "the new levies, including the fuel duty": still the object.
      if (ctx.isComma(k) && ctx.lower[k + 1] === 'including') continue;
      if (ctx.isComma(k) || ctx.words[k] === ';' || ctx.isDash(k)) return k;
      const w = ctx.lower[k]!;
      if ((w === 'and' || w === 'but') && ctx.isVerb(k + 1)) return k;
      if (OCCASIONS.has(w) || this.venueAt(k, sl)) return k;
    }
    return sl;
  }

  /** Does a phrase naming where something was said start at k ("in an interview", "on Twitter")? */
  private venueAt(k: number, sl: number): boolean {
    const { ctx } = this;
    if (!VENUE_PREPOSITIONS.has(ctx.lower[k]!) || !ctx.startsNp(k + 1)) return false;
    const end = ctx.npRight(k + 1, sl, false, true);
    return end > 0 && VENUES.has(ctx.lower[end - 1]!);
  }

  /**
   * One past a phrase naming where something was said, with what qualifies it ("in a statement
   * carried by the state news agency KCNA", "in an interview with CNN on Monday", "on
   * Telegram"), or −1 when none starts at k.
   */
  private venueEnd(k: number, sl: number): number {
    const { ctx } = this;
    if (!this.venueAt(k, sl)) return -1;
    let end = ctx.npRight(k + 1, sl, false, true);
    for (let steps = 0; steps < 4 && end < sl; steps++) {
      const w = ctx.lower[end]!;
      if (ctx.timeOf[end]! >= 0) {
        while (end < sl && ctx.timeOf[end]! >= 0) end++;
      } else if (ctx.tags[end] === TAG.VERB && isParticiple(w)) end++;
      else if (VENUE_LINKS.has(w) && ctx.startsNp(end + 1) && ctx.timeOf[end + 1]! < 0) {
        const e = ctx.npRight(end + 1, sl, false, true);
        if (e < 0) break;
        end = e;
      } else break;
    }
    return end;
  }

  /**
   * The outlet or platform that carried a claim, named between its cue and its content or in the
   * tail after it: "told state TV", "in a statement carried by KCNA", "wrote on Telegram".
   */
  relayBetween(from: number, to: number): Range | null {
    const { ctx } = this;
    const { start, end } = ctx.doc.tokens;
    for (let k = from; k < to; k++) {
      if (!ctx.startsNp(k) || ctx.quotes.of[k]! >= 0 || (k > from && ctx.startsNp(k - 1) && ctx.tags[k - 1] !== TAG.VERB)) continue;
      const e = ctx.npRight(k, to, false, true);
      if (e < 0) continue;
      const head = ctx.lower[e - 1]!;
      const media = ctx.doc.mentionsIn(start[k]!, end[e - 1]!).some((m) => m.entity.subtype === 'media');
      if (RELAYS.has(head) || PLATFORMS.has(head) || media) return [k, e];
      k = e - 1;
    }
    return null;
  }

  /**
   * A claim whose speaker opens a clause of its own after a comma, semicolon or dash
   * (", where he acknowledged", "; Smith said", "— claims Pyongyang dismissed as …") is attached
   * to the sentence, not part of an earlier content.
   */
  private markClause(d: Draft, sf: number): void {
    if (!d.source) return;
    const { ctx } = this;
    let k = d.source[0] - 1;
    if (k >= sf && (CLAUSE_OPENERS.has(ctx.lower[k]!) || REFER_BACK.has(ctx.lower[k]!))) k--;
    if (k >= sf && (ctx.isComma(k) || ctx.isDash(k) || ctx.words[k] === ';')) d.boundary = k;
    // "…,” while 73 percent said …": the comma sits inside the closing mark.
    else if (k > sf && k < d.source[0] - 1 && ctx.closesQuote(k) && ctx.isComma(k - 1)) d.boundary = k + 1;
    // "… delayed the audit and the opposition accused …": a new speaker after "and".
    else if (k + 1 === d.source[0] - 1 && ctx.tags[k + 1] === TAG.CCONJ && ctx.tags[d.source[1] - 1] !== TAG.PRON) d.boundary = k + 1;
  }

  private passive(c: Candidate, aux: number, cueEnd: number, sl: number): Draft | null {
    const { ctx } = this;
    const { lower } = ctx;
    const sf = ctx.sentFirst(c.head);
    const d = this.draft('passive', c, [aux, cueEnd]);
    let k = cueEnd;
    // "were described to him by a reporter": a short phrase before the agent.
    for (let j = k; j < sl && j < k + 4 && !ctx.isPunct(j); j++) {
      if (lower[j] === 'by' && ctx.tags[k] === TAG.ADP && j > k) {
        k = j;
        break;
      }
    }
    if (k < sl && lower[k] === 'by') {
      const end = ctx.npRight(k + 1, sl, false);
      if (end < 0) return null;
      d.source = [k + 1, end];
      d.sourceHead = d.source;
      k = end;
    }
    const subjectEnd = ctx.skipBetweenLeft(aux - 1, sf);
    const subjectStart = subjectEnd >= sf ? ctx.npLeft(subjectEnd, sf) : -1;
    const expletive = subjectStart >= 0 && subjectStart === subjectEnd && lower[subjectStart] === 'it';
    // "Kim was quoted as saying that …": the one quoted is the speaker.
    if (!d.source && subjectStart >= 0 && !expletive && lower[k] === 'as' && lower[k + 1]!.endsWith('ing') && ctx.cueEntries(k + 1)?.some((e) => e.frame === 'speech')) {
      d.cue = [aux, k + 2];
      d.stanceEntry = ctx.cueEntries(k + 1)!.find((e) => e.frame === 'speech')!;
      d.source = [subjectStart, subjectEnd + 1];
      d.sourceHead = d.source;
      let from = k + 2;
      if (lower[from] === 'that' || lower[from] === ':' || ctx.isComma(from)) from++;
      if (from >= sl) return null;
      d.rightFrom = from;
      d.parts.push([from, sl]);
      return d;
    }
    // "was asked about the strategy", "was asked whether …": the question, not the one asked.
    const question = k < sl && (lower[k] === 'about' || ctx.tags[k] === TAG.WH || lower[k] === 'whether' || lower[k] === 'if') && !TEMPORAL.has(lower[k]!);
    const complement = question || (k < sl && (lower[k] === 'to' || lower[k] === 'that' || lower[k] === 'as'));
    if (!complement && !d.source) return null;
    if (subjectStart >= 0 && !expletive && !question) d.parts.push([subjectStart, subjectEnd + 1]);
    if (complement) {
      d.rightFrom = lower[k] === 'about' || lower[k] === 'that' ? k + 1 : k;
      if (d.rightFrom < sl) d.parts.push([d.rightFrom, sl]);
    }
    return d.parts.length ? d : null;
  }

  /**
   * A participle with its "be" left out: "As reported by the Coast Gazette, there are …",
   * "…, he said when asked how …", "Asked about the polls, Smith said …". The content is the
   * question asked, or for "as reported by" the clause it introduces.
   */
  private elliptical(c: Candidate, sl: number): Draft | null {
    const { ctx } = this;
    const { lower } = ctx;
    const i = c.head;
    const sf = ctx.sentFirst(i);
    const d = this.draft('passive', c, [i, i + 1]);
    let k = i + 1;
    if (k < sl && lower[k] === 'by') {
      const end = ctx.npRight(k + 1, sl, false);
      if (end < 0) return null;
      d.source = [k + 1, end];
      d.sourceHead = d.source;
      k = end;
    }
    while (k < sl && (ctx.timeOf[k]! >= 0 || ctx.tags[k] === TAG.ADV)) k++;
    const w = lower[k];
    if (w === 'about' || w === 'whether' || w === 'if' || (ctx.tags[k] === TAG.WH && !TEMPORAL.has(w!)) || w === 'to') {
      d.rightFrom = w === 'about' ? k + 1 : k;
      d.parts.push([d.rightFrom, this.objectEnd(d.rightFrom, sl)]);
      return d.rightFrom < sl ? d : null;
    }
    // "As reported by X, …" opens the sentence; "…, as reported by X" closes it.
    if (lower[i - 1] !== 'as' || !d.source) return null;
    if (i - 1 === sf && ctx.isComma(k) && k + 1 < sl) {
      d.rightFrom = k + 1;
      d.parts.push([k + 1, sl]);
      return d;
    }
    let e = i - 2;
    if (e > sf && ctx.isComma(e)) {
      d.boundary = e;
      while (e > sf && ctx.isComma(e)) e--;
      d.parts.push([sf, e + 1]);
      return d;
    }
    return null;
  }

  // ---- speaker labels ---------------------------------------------------------------------------

  /**
   * A line opening with a name and a colon or dash says what that speaker said: transcripts
   * ("PENCE: …"), headlines ("Pence: …"), lists of reactions ("Jane Doe ― “…”").
   */
  static labelAt(ctx: Context, first: number): number {
    const { words, lower, tags } = ctx;
    const end = ctx.lineLast(first);
    if (NOT_SPEAKERS.has(lower[first]!)) return -1;
    // "“…” ― Jane Doe": a quote signed at the end of its line.
    if (ctx.opensQuote(first)) {
      const q = ctx.quotes.list[ctx.quotes.of[first]!]!;
      const dash = q.close + 1;
      if (q.closed && dash + 1 < end && end - dash <= 7 && ctx.isDash(dash) && Frames.names(ctx, dash + 1, end)) return dash;
    }
    // A transcript quoted paragraph by paragraph ("“PENCE: …"): the label follows the quote mark,
    // which may pair as the close of the paragraph before.
    if (PARAGRAPH_QUOTES.has(words[first]!)) return first + 2 < end ? Frames.labelAt(ctx, first + 1) : -1;
    for (let k = first; k < end && k < first + 7; k++) {
      const w = words[k]!;
      if (w === ':' || w === '―' || w === '—' || w === '–') {
        if (k === first || k + 2 >= end || !Frames.names(ctx, first, k)) return -1;
        return k;
      }
      const c = w.charCodeAt(0);
      const capital = c >= 65 && c <= 90;
      if (!(capital || tags[k] === TAG.POSS || (w === '.' && k > first) || (k > first && (lower[k] === 'of' || lower[k] === 'the')))) return -1;
    }
    return -1;
  }

  /** Do tokens [first, end) name someone: in capitals (a transcript), or holding an entity mention? */
  private static names(ctx: Context, first: number, end: number): boolean {
    // A transcript's speaker: one or two words in capitals before a colon ("PENCE:").
    if (end - first <= 2 && ctx.words[end] === ':' && ctx.words.slice(first, end).every((w) => w.length > 1 && w === w.toUpperCase())) return true;
    // A headline's speaker: a capitalised word or two before a colon on a short line ("Sanders: …").
    if (end - first <= 2 && ctx.words[end] === ':' && ctx.lineLast(end) - end <= 20 && ctx.tags[first] === TAG.PROPN && ctx.tags[end - 1] === TAG.PROPN) return true;
    const { start, end: ends } = ctx.doc.tokens;
    return ctx.doc.mentionsIn(start[first]!, ends[end - 1]!).some((m) => m.entity.type !== 'MISC' && m.entity.type !== 'EVENT' && m.entity.type !== 'LAW');
  }

  private label(c: Candidate): Draft | null {
    const { ctx } = this;
    const mark = c.head;
    let first = this.lineFirst(mark);
    const end = ctx.lineLast(mark);
    const quote = ctx.opensQuote(first) ? ctx.quotes.list[ctx.quotes.of[first]!]! : null;
    if (quote?.closed && quote.close < mark) {
      // "“…” ― Jane Doe"
      const d = this.draft('speaker-label', c, [mark, mark + 1]);
      d.source = [mark + 1, end];
      d.sourceHead = d.source;
      d.parts.push([first, mark]);
      return d;
    }
    // "“PENCE: …": a paragraph's opening quote mark is no part of the label.
    if (PARAGRAPH_QUOTES.has(ctx.words[first]!)) first++;
    const d = this.draft('speaker-label', c, [mark, mark + 1]);
    d.source = [first, mark];
    d.sourceHead = d.source;
    const last = ctx.isDash(end - 1) ? end - 1 : end;
    if (last <= mark + 1) return null;
    d.rightFrom = mark + 1;
    d.parts.push([mark + 1, last]);
    return d;
  }

  private lineFirst(i: number): number {
    let k = i;
    while (k > 0 && !this.ctx.doc.tokens.lineStart[k]) k--;
    return k;
  }

  // ---- according to --------------------------------------------------------------------------

  private according(c: Candidate): Draft | null {
    const { ctx } = this;
    const i = c.head;
    const sf = ctx.sentFirst(i);
    const sl = ctx.sentLast(i);
    let end = ctx.npRight(i + 2, sl, true);
    if (end < 0) return null;
    const d = this.draft('according-to', c, [i, i + 2]);
    // "according to a report by the World Food Programme": the report's author speaks.
    let author: Range | null = null;
    if (AUTHORED.has(ctx.lower[end - 1]!) && (ctx.lower[end] === 'by' || ctx.lower[end] === 'from') && ctx.startsNp(end + 1)) {
      const by = ctx.npRight(end + 1, sl, false);
      if (by > end + 1) {
        author = [end + 1, by];
        end = by;
      }
    }
    d.source = [i + 2, end];
    d.sourceHead = author ?? [i + 2, this.headEnd(i + 2, end)];
    let open = i - 1;
    while (open >= sf && (ctx.tags[open] === TAG.CCONJ || ctx.tags[open] === TAG.ADV)) open--;
    let after = end;
    while (after < sl && (ctx.isComma(after) || ctx.isDash(after))) after++;
    if (open < sf || ctx.opensQuote(open)) {
      // "According to X, …"
      if (after >= sl) return null;
      d.rightFrom = after;
      d.parts.push([after, sl]);
      return d;
    }
    // "…, according to X[, …]"
    let e = i - 1;
    if (ctx.isComma(e) || ctx.isDash(e) || ctx.words[e] === '(') d.boundary = e;
    while (e >= sf && (ctx.isComma(e) || ctx.isDash(e) || ctx.words[e] === '(')) e--;
    if (e < sf) return null;
    d.parts.push([sf, e + 1]);
    if (after < sl && ctx.lower[end]! === ',' && !ctx.isPunct(after)) {
      d.rightFrom = after;
      d.parts.push([after, sl]);
    }
    return d;
  }

  /**
   * A poll as the source of what it shows: "In the latest CNN poll released Wednesday, Trump
   * leads by 5 points", "Clinton stays well ahead in the polls".
   */
  private poll(c: Candidate): Draft | null {
    const { ctx } = this;
    const i = c.head;
    const sf = ctx.sentFirst(i);
    const sl = ctx.sentLast(i);
    const np = ctx.npRight(i + 1, sl, false, true);
    if (np < 0 || !SURVEYS.has(ctx.lower[np - 1]!)) return null;
    const d = this.draft('according-to', c, [i, i + 1]);
    let open = i - 1;
    while (open >= sf && (ctx.tags[open] === TAG.CCONJ || ctx.tags[open] === TAG.ADV)) open--;
    if (open < sf) {
      // "In the latest poll released Wednesday, …": the source runs to the comma.
      let comma = np;
      while (comma < sl && comma < np + 10 && !ctx.isComma(comma) && !(ctx.isVerb(comma) && !isParticiple(ctx.lower[comma]!))) comma++;
      if (!ctx.isComma(comma) || comma + 1 >= sl) return null;
      d.source = [i + 1, comma];
      d.sourceHead = [i + 1, np];
      d.rightFrom = comma + 1;
      d.parts.push([comma + 1, sl]);
      return d;
    }
    // "… ahead in the polls.": the phrase closes the sentence.
    let after = np;
    while (after < sl && (ctx.isPunct(after) || ctx.timeOf[after]! >= 0)) after++;
    if (after < sl) return null;
    let e = i - 1;
    while (e > sf && (ctx.isComma(e) || ctx.isDash(e))) e--;
    if (e <= sf) return null;
    d.source = [i + 1, np];
    d.sourceHead = d.source;
    d.parts.push([sf, e + 1]);
    return d;
  }

  // ---- nouns -------------------------------------------------------------------------------

  /**
   * "Trump earned the support of nearly four in ten voters", "Clinton received support from
   * black voters": whoever gives the support (after of/from/among) backs the subject of the
   * receiving verb.
   */
  private backing(c: Candidate, verb: number, sf: number, sl: number): Draft | null {
    const { ctx } = this;
    const n = c.head;
    const by = ctx.lower[n + 1];
    if (by !== 'of' && by !== 'from' && by !== 'among') return null;
    // "of about three in 10 residents"
    let first = n + 2;
    while (first < sl && ctx.tags[first] === TAG.ADV) first++;
    const end = ctx.npRight(first, sl, false);
    if (end < 0) return null;
    const subjectEnd = ctx.skipBetweenLeft(verb - 1, sf);
    const subjectStart = subjectEnd >= sf ? ctx.npLeft(subjectEnd, sf) : -1;
    if (subjectStart < 0) return null;
    const d = this.draft('noun', c, [verb, n + 2]);
    d.source = [n + 2, end];
    d.sourceHead = d.source;
    d.parts.push([subjectStart, subjectEnd + 1]);
    return d;
  }

  private noun(c: Candidate): Draft | null {
    const { ctx } = this;
    const { lower, tags } = ctx;
    const n = c.head;
    const sf = ctx.sentFirst(n);
    const sl = ctx.sentLast(n);
    if (n + 1 >= sl) return null;
    // Left edge of the noun's phrase: determiners, adjectives, possessors, names.
    let k = n - 1;
    let possessor = -1;
    while (k >= sf && (tags[k] === TAG.ADJ || tags[k] === TAG.DET || tags[k] === TAG.NUM || tags[k] === TAG.ADV)) {
      if (POSSESSIVES.has(lower[k]!)) possessor = k;
      k--;
    }
    // "in a statement", "during an interview": the noun only qualifies another cue.
    if (k >= sf && (lower[k] === 'in' || lower[k] === 'during' || lower[k] === 'on' || lower[k] === 'with') && (possessor < 0 || VENUES.has(lower[n]!))) return null;

    // "Trump earned the support of four in ten voters": the backers speak, about the one backed.
    if (BACKING.has(lower[n]!) && k >= sf && RECEIVING.has(lower[k]!)) return this.backing(c, k, sf, sl);
    // The complement says where the content is; "criticism from Roe about …" names the speaker first.
    let next = lower[n + 1]!;
    let agent: Range | null = null;
    if (next === 'from' && ctx.startsNp(n + 2)) {
      const end = ctx.npRight(n + 2, sl, false, true);
      if (end < 0 || end >= sl) return null;
      agent = [n + 2, end];
      next = lower[end]!;
    }
    const after = agent ? agent[1] : n + 1;
    let from = -1;
    let cueEnd = n + 1;
    let stanceEntry: CueEntry | null = null;
    const participle = next.endsWith('ing') ? ctx.cueEntries(n + 1)?.find((e) => !e.noun) : undefined;
    // "concern that raising the tariff …" opens a clause; "the statement that was issued" a relative one.
    if (next === 'that' && tags[after + 1] !== TAG.AUX && !(tags[after + 1] === TAG.VERB && !lower[after + 1]!.endsWith('ing')) && tags[after + 1] !== TAG.ADV) from = after + 1;
    else if (participle && !agent) {
      cueEnd = n + 2;
      from = n + 2;
      stanceEntry = participle;
    } else if (next === 'of' || next === 'about' || next === 'over' || next === 'regarding' || next === 'against' || next === 'for' || next === 'on') from = after + 1;
    else if (next === 'to' && ctx.isVerb(after + 1)) from = after;
    // "threw their support behind Cruz", "lent his backing to the plan"
    else if ((next === 'behind' || next === 'to') && BACKING.has(lower[n]!)) from = after + 1;
    if (from < 0 || from >= sl) return null;

    const d = this.draft('noun', c, [n, cueEnd]);
    d.stanceEntry = stanceEntry;
    // Speaker: the subject of a light verb ("issued a statement"), a possessor ("Trump's claim",
    // "his promise"), a name ("a Times report"), or who it came from ("warnings from experts").
    if (agent) {
      d.source = agent;
      d.sourceHead = agent;
    } else if (k >= sf && LIGHT_VERBS.has(lower[k]!)) {
      d.cue = [k, cueEnd];
      const aux = ctx.skipBetweenLeft(k - 1, sf);
      if (aux >= sf && (lower[aux] === 'and' || lower[aux] === 'but') && this.verbBefore(aux, sf)) {
        d.inherits = true;
        d.boundary = aux;
      } else if (aux >= sf && (ctx.isComma(aux) || lower[aux] === 'and') && lower[k]!.endsWith('ing')) {
        d.inherits = true;
        d.boundary = aux;
      } else if (!this.subject(d, aux, sf)) return null;
    } else if (k >= sf && tags[k] === TAG.POSS) {
      const s = ctx.npLeft(k - 1, sf);
      if (s < 0) return null;
      d.source = [s, k];
      d.sourceHead = d.source;
    } else if (k >= sf && tags[k] === TAG.PROPN) {
      const s = ctx.npLeft(k, sf);
      d.source = [s, k + 1];
      d.sourceHead = d.source;
    } else if (possessor >= 0) {
      d.source = [possessor, possessor + 1];
      d.sourceHead = d.source;
    } else if (next !== 'that' && !participle) return null;
    d.rightFrom = from;
    d.parts.push([from, sl]);
    return d;
  }
}
