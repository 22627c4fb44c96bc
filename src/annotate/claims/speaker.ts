import type { LocatedMention } from '../../doc/doc.js';
import type { Entity, EntityType } from '../../doc/types.js';
import { TAG } from '../pos/tags.js';
import type { Context } from './context.js';
import type { Range } from './frames/index.js';


/** How many mentions back a description of an office looks for its holder (bounded: long pages). */
const DESCRIBED_REACH = 400;


/** Kinds of entity that can bring out a document (not a place, law or event). */
const PRODUCERS: ReadonlySet<EntityType> = new Set(['ORG', 'GPE', 'PERSON', 'NORP', 'MISC']);

const NAME_WORDS = new WeakMap<Entity, Set<string>>();

/** The lower-cased words of an entity's name ("Central Military Commission" → central, military, commission). */
function nameWords(e: Entity): Set<string> {
  let words = NAME_WORDS.get(e);
  if (!words) NAME_WORDS.set(e, (words = new Set(e.name.toLowerCase().split(/[^\p{L}\p{N}]+/u))));
  return words;
}

/**
 * What "it" can stand for as a speaker: a body, a state or its capital ("Moscow … It said"), not a person, a town, a region
 * or a building, which do not speak ("It put the number of dead at nine" after a strike on a town is the ministry).
 */
function canSpeakAsIt(e: Entity): boolean {
  if (e.type === 'GPE') return !e.subtype || e.subtype === 'country' || e.subtype === 'capital';
  return e.type !== 'PERSON' && e.type !== 'LOC' && e.type !== 'FAC' && e.type !== 'EVENT';
}

/** Index of the last mention (sorted by start) that starts before `offset`, or −1. */
function lastBefore(mentions: readonly LocatedMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.mention.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** What the resolver remembers of earlier claims: their speakers, the cue's head word and where they were. */
export interface Said {
  entity: Entity | null;
  head: string;
  token: number;
  /** The speaker was someone unnamed speaking for an organisation ("a spokesperson"). */
  spokesperson?: boolean;
}

/**
 * Resolves a claim's speaker span to an entity: a name in the span, else a pronoun or a
 * description ("the spokesperson", "the commission", "the statement") resolved against the
 * speakers of earlier claims and the entities mentioned before.
 */
export class SpeakerResolver {
  private readonly history: Said[] = [];

  constructor(private readonly ctx: Context) {}

  /** The organisation a relay span names ("the state news agency KCNA", "CNN"), or null ("Ukrainian television"). */
  outlet(range: Range): Entity | null {
    const { start, end } = this.ctx.doc.tokens;
    const orgs = this.ctx.doc.mentionsIn(start[range[0]]!, end[range[1] - 1]!).filter((m) => m.entity.type === 'ORG');
    return this.headMention(orgs)?.entity ?? null;
  }

  /** Record a claim's speaker so later pronouns and descriptions can refer to it. */
  remember(entry: Said): void {
    this.history.push(entry);
  }

  resolve(head: Range, antecedent: Range | null, contentFirst = -1): Entity | null {
    const { ctx } = this;
    const doc = ctx.doc;
    const range = antecedent ?? head;
    const from = doc.tokens.start[range[0]]!;
    const to = doc.tokens.end[range[1] - 1]!;
    const last = ctx.lower[range[1] - 1]!;
    // Whom a description stands for was named before the claim, not in what it says ("Russia shelled the town,
    // officials said": not Russia's officials). A pronoun's antecedent is the nearest, even inside the quote before it,
    // and so is a possessive's ("…, his top aide said").
    const pronoun = (range[1] - range[0] === 1 && ctx.tags[range[0]] === TAG.PRON) || ctx.lex.SPEAKER_POSSESSIVES.has(ctx.lower[range[0]]!);
    const before = !pronoun && contentFirst >= 0 && contentFirst < range[0] ? doc.tokens.start[contentFirst]! : from;
    // "its diplomats (at the United Nations)", "his office": someone speaking for whoever the possessive names.
    const owner = ctx.lower[range[0]]!;
    let own = range[0] + 1;
    while (own < range[1] && (ctx.tags[own] === TAG.NOUN || ctx.tags[own] === TAG.ADJ)) own++;
    const ownHead = ctx.lower[own - 1]!;
    if (own - range[0] >= 2 && this.ctx.lex.SPEAKER_POSSESSIVES.has(owner) && (this.ctx.lex.SPOKESPEOPLE.has(ownHead) || this.ctx.lex.AGENTS.has(ownHead))) {
      const found = owner === 'his' || owner === 'her' ? this.person(before) : this.recent(before, (e) => e.type === 'ORG' || e.type === 'GPE' || e.type === 'NORP');
      if (found) return found;
    }
    const described = this.describedPerson(range, before);
    if (described) return described;
    // "Jane Roe's government", "the premier's administration": the state the person governs.
    if (this.ctx.lex.STATE_BODIES.has(last) && range[1] - range[0] >= 3 && (ctx.lower[range[1] - 2] === "'s" || ctx.lower[range[1] - 2] === '’s')) {
      const owner = this.headMention(doc.mentionsIn(from, doc.tokens.end[range[1] - 3]!));
      const state = owner?.entity.type === 'PERSON' && owner.entity.country ? doc.entities.find((e) => e.type === 'GPE' && e.subtype === 'country' && e.country === owner.entity.country) : undefined;
      if (state) return state;
    }
    // "Peru's ambassador to the United Nations": the envoy speaks for who sent it, not where it was sent.
    let sender = to;
    for (let k = range[0] + 1; k < range[1]; k++) if (ctx.lower[k] === 'to' && ctx.lex.ENVOYS.has(ctx.lower[k - 1]!)) sender = doc.tokens.end[k - 1]!;
    const named = this.headMention(doc.mentionsIn(from, sender));
    if (named) return named.entity;
    const producer = this.producer(range);
    if (producer) return producer;
    if (range[1] - range[0] === 1) {
      if (this.ctx.lex.PERSONAL_PRONOUNS.has(last)) return this.spokesperson(before) ?? this.person(before);
      if (this.ctx.lex.NEUTER_PRONOUNS.has(last)) return this.afterUnnamedBody(before) ? null : this.recent(before, canSpeakAsIt);
      if (this.ctx.lex.PLURAL_PRONOUNS.has(last)) return this.recent(before, (e) => e.type === 'ORG' || e.type === 'GPE' || e.type === 'NORP');
    }
    const two = range[1] - range[0] >= 2 ? `${ctx.lower[range[1] - 2]} ${last}` : '';
    if (this.ctx.lex.SPOKESPEOPLE.has(last) || this.ctx.lex.SPOKESPEOPLE.has(two) || this.ctx.lex.DOCUMENTS.has(last)) {
      // An unnamed spokesperson speaks for a body or a state, not for the town the story last named ("an army spokesman"
      // after shelling in a town); one said to be local ("local officials") for that town.
      let local = false;
      for (let k = range[0]; k < range[1] - 1; k++) local ||= this.ctx.lex.LOCAL_BODIES.has(ctx.lower[k]!);
      const voice = local ? (e: Entity) => e.type === 'GPE' && e.subtype !== 'country' : (e: Entity) => e.type === 'ORG' || (e.type === 'GPE' && e.subtype === 'country');
      return this.recent(before, voice, this.ctx.lex.DOCUMENTS.has(last) ? last : null, !this.ctx.lex.DOCUMENTS.has(last));
    }
    // "the commission", "the ministry": the last organisation whose name has that word; else, for
    // a word naming an organisation ("the agency" after the National Intelligence Service spoke),
    // the organisation that spoke last.
    if (ctx.lower[range[0]] === 'the' && range[1] - range[0] <= 3) {
      const mentions = doc.mentions();
      for (let k = lastBefore(mentions, before); k >= 0; k--) {
        const e = mentions[k]!.entity;
        if ((e.type === 'ORG' || e.type === 'GPE') && nameWords(e).has(last)) return e;
      }
      // Only a bare word: "the defence ministry" after a rebel front spoke is no word for the front.
      if (this.ctx.lex.BODIES.has(last) && range[1] - range[0] === 2) return this.recentSpeaker(before, (e) => e.type === 'ORG');
    }
    return null;
  }

  /**
   * Who brought out the document a speaker span names: the agent of "a report published by the
   * agency", or the subject of "the agency released a report", "the ministry issued a statement".
   * A document speaks for its producer; null when the text says no producer.
   */
  private producer(range: Range): Entity | null {
    const { ctx } = this;
    const doc = ctx.doc;
    const { start, end } = doc.tokens;
    // The document's word after its determiner and modifiers ("a new study on Monday").
    let w = range[0];
    while (w < range[1] && (ctx.tags[w] === TAG.DET || ctx.tags[w] === TAG.ADJ || ctx.tags[w] === TAG.PROPN) && !this.isDocument(w)) w++;
    if (w >= range[1] || !this.isDocument(w)) return null;
    // Not a place that only locates ("the museum in Washington released …"); a body's name may be
    // typed as another name ("the World Food Programme"), which still names the producer.
    const isProducer = (m: LocatedMention) => PRODUCERS.has(m.entity.type) && !this.ctx.lex.LOCATING.has(ctx.lower[doc.tokenAt(m.mention.start) - 1] ?? '');
    const after = w + 1;
    if (after + 1 < ctx.count && this.ctx.lex.PUBLISHING.has(ctx.lower[after]!) && ctx.lower[after + 1] === 'by') {
      // The agent: the noun phrase right after "by" ("by the World Food Programme (WFP)").
      let a = after + 2;
      if (ctx.lower[a] === 'the') a++;
      const agent = doc.mentionsIn(start[a]!, end[Math.min(a + 6, ctx.count - 1)]!).find((m) => m.mention.start === start[a] && isProducer(m));
      if (agent) return agent.entity;
    }
    // "the agency released a report": a determiner and modifiers back to a verb of publishing, then its subject.
    let k = range[0] - 1;
    if (!this.ctx.lex.PUBLISHING.has(ctx.lower[k] ?? '')) return null;
    const first = ctx.sentFirst(range[0]);
    k--;
    while (k >= first && (ctx.tags[k] === TAG.ADV || ctx.lower[k] === 'has' || ctx.lower[k] === 'have' || ctx.lower[k] === 'had')) k--;
    if (k < first) return null;
    const subject = doc.mentionsIn(start[ctx.sentFirst(k)]!, end[k]!).filter((m) => m.mention.end === end[k] && isProducer(m));
    return this.headMention(subject)?.entity ?? null;
  }

  /** Whether token k is a word for a document ("statement", "report"). */
  private isDocument(k: number): boolean {
    return this.ctx.lex.DOCUMENTS.has(this.ctx.lower[k]!) || this.ctx.lex.PUBLISHED_WORKS.has(this.ctx.lower[k]!);
  }

  /**
   * The person a description of their office names: "the head of state", "the Russian
   * president", "Ukraine's prime minister", "the general" — the person of the article who holds
   * that office (by the title or appositive given at a name), of that country where one is said,
   * preferring the one who spoke last. Null when the span names a person or describes no office.
   */
  private describedPerson(range: Range, before: number): Entity | null {
    const { ctx } = this;
    const doc = ctx.doc;
    const [a] = range;
    const lower = ctx.lower;
    const { start, end } = doc.tokens;
    // "the mayor of the town, a city near the border,": the description ends at its appositive.
    let to = range[1];
    for (let k = a + 2; k < to; k++) if (ctx.isComma(k)) to = k;
    const inside = doc.mentionsIn(start[a]!, end[to - 1]!);
    // "the mayor of Eastburg", "the governor of the region": an office of the place or body after "of".
    const of = lower.indexOf('of', a + 1);
    const heldIn = of > a + 1 && of < to - 1 && lower[of - 1] !== 'head' && this.ctx.lex.OFFICES.has(lower[of - 1]!);
    const where = heldIn ? inside.filter((m) => m.mention.start >= end[of]! && m.entity.type !== 'PERSON') : [];
    const b = where.length ? of : to;
    const office = b - a >= 3 && lower[b - 2] === 'of' && lower[b - 3] === 'head' && (lower[b - 1] === 'state' || lower[b - 1] === 'government') ? 'head' : lower[b - 1]!;
    // "a spokesman" is someone unnamed; "the spokesman" someone named before.
    if (!this.ctx.lex.OFFICES.has(office) || lower[a] === 'a' || lower[a] === 'an') return null;
    // A person or another body named in the description is who it describes, not an office holder.
    if (inside.some((m) => !where.includes(m) && (m.entity.type === 'PERSON' || (m.entity.type === 'ORG' && m.entity.subtype !== null && m.entity.subtype !== 'government')))) return null;
    // Only determiners, possessors, nationalities and portfolio words before the office.
    for (let k = a; k < b - 1; k++) {
      const w = lower[k]!;
      if (w === 'the' || w === "'s" || w === '’s' || w === 'of' || w === 'head' || w === 'state' || w === 'government' || this.ctx.lex.PORTFOLIO.has(w)) continue;
      if (inside.some((m) => m.mention.start <= start[k]! && m.mention.end >= end[k]!)) continue;
      return null;
    }
    const countries = new Set(inside.map((m) => m.entity.country).filter((c): c is string => Boolean(c)));
    const portfolio = lower.slice(a, b - 1).filter((w) => this.ctx.lex.PORTFOLIO.has(w) && !this.ctx.lex.GRADES.has(w));
    const fits = (e: Entity) => {
      if (e.type !== 'PERSON') return false;
      if (countries.size && !this.countriesOf(e).some((c) => countries.has(c))) return false;
      const roles = this.rolesOf(e);
      const holds = office === 'head' || office === 'leader' ? [...roles].some((r) => this.ctx.lex.LEADERS.has(r)) : roles.has(office);
      return holds && portfolio.every((w) => roles.has(w));
    };
    const sentence = ctx.sentence[doc.tokenAt(before)] ?? 0;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (sentence - ctx.sentence[h.token]! > 12) break;
      if (h.entity && fits(h.entity)) return h.entity;
    }
    const mentions = doc.mentions();
    const last = lastBefore(mentions, before);
    for (let k = last; k >= 0 && last - k < DESCRIBED_REACH; k--) if (fits(mentions[k]!.entity)) return mentions[k]!.entity;
    // No title says who holds the office: the person who spoke just before, if of that country;
    // else, for an office of a named country, its known office holder named last ("the Ruritanian
    // president" after the president's surname alone).
    const h = this.history[this.history.length - 1];
    if (h?.entity?.type === 'PERSON' && sentence - ctx.sentence[h.token]! <= 2 && (!countries.size || this.countriesOf(h.entity).some((c) => countries.has(c)))) return h.entity;
    if (countries.size && this.ctx.lex.LEADERS.has(office === 'head' ? 'leader' : office)) {
      for (let k = last; k >= 0 && last - k < DESCRIBED_REACH; k--) {
        const e = mentions[k]!.entity;
        if (e.type === 'PERSON' && e.kb && e.country && countries.has(e.country)) return e;
      }
    }
    return null;
  }

  private readonly roles = new Map<Entity, Set<string>>();
  private readonly countries = new Map<Entity, string[]>();

  /**
   * The words of a person's offices in this article: titles before a name ("President Jane
   * Roe") and appositives beside it ("Jane Roe, the foreign minister," / "the foreign
   * minister, Jane Roe,").
   */
  private rolesOf(e: Entity): Set<string> {
    let roles = this.roles.get(e);
    if (roles) return roles;
    roles = new Set();
    const { ctx } = this;
    const doc = ctx.doc;
    for (const m of e.mentions) {
      for (const w of (m.role ?? '').toLowerCase().split(/\s+/)) if (w) roles.add(w);
      const first = doc.tokenAt(m.start);
      const last = doc.tokenAt(m.end - 1);
      for (const [from, step] of [
        [last + 1, 1],
        [first - 1, -1],
      ] as const) {
        if (!ctx.isComma(from)) continue;
        // Up to the next comma (or the sentence's edge), a few words away.
        for (let k = from + step, n = 0; n < 8 && k >= 0 && k < ctx.count && !ctx.isComma(k) && ctx.words[k] !== '.'; k += step, n++) {
          if (this.ctx.lex.OFFICES.has(ctx.lower[k]!) || this.ctx.lex.PORTFOLIO.has(ctx.lower[k]!)) roles.add(ctx.lower[k]!);
        }
      }
    }
    this.roles.set(e, roles);
    return roles;
  }

  /** The countries a person is of: the entity's own, and those named in the title or appositive at its mentions. */
  private countriesOf(e: Entity): string[] {
    let out = this.countries.get(e);
    if (out) return out;
    const { ctx } = this;
    const doc = ctx.doc;
    const found = new Set<string>(e.country ? [e.country] : []);
    for (const m of e.mentions) {
      const first = doc.tokenAt(m.start);
      const from = m.role ? doc.tokenAt(m.start) - 6 : first - 3;
      const around = doc.mentionsIn(doc.tokens.start[Math.max(0, from)]!, m.start);
      for (const x of around) if (x.entity.country && (x.entity.type === 'GPE' || x.mention.label === 'NORP')) found.add(x.entity.country);
    }
    out = [...found];
    this.countries.set(e, out);
    return out;
  }

  /** The organisation or person that spoke last within a few sentences, if it fits. */
  private recentSpeaker(before: number, fits: (e: Entity) => boolean): Entity | null {
    const { ctx } = this;
    const sentence = ctx.sentence[ctx.doc.tokenAt(before)] ?? 0;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (sentence - ctx.sentence[h.token]! > 4) break;
      if (h.entity && fits(h.entity)) return h.entity;
    }
    return null;
  }

  /**
   * The person "he" or "she" most likely is: the speaker of a recent claim, else the person last
   * named as the subject of a clause in this or the two sentences before ("Kim summoned the
   * ambassador, Zinoviev, … He warned …" is Kim), else the person last named.
   */
  private person(before: number): Entity | null {
    const { ctx } = this;
    const doc = ctx.doc;
    const sentence = ctx.sentence[doc.tokenAt(before)] ?? 0;
    const h = this.history[this.history.length - 1];
    if (h?.entity?.type === 'PERSON' && sentence - ctx.sentence[h.token]! <= 1) return h.entity;
    // A person speaking within the last few sentences, unless another person was named as a
    // main-clause subject since ("Kim summoned Zinoviev. He warned …").
    const speaker = this.history.findLast((x) => x.entity?.type === 'PERSON' && sentence - ctx.sentence[x.token]! <= 3);
    const mentions = doc.mentions();
    for (let k = lastBefore(mentions, before); k >= 0; k--) {
      const m = mentions[k]!;
      if (m.mention.start >= before || m.entity.type !== 'PERSON') continue;
      const t = doc.tokenAt(m.mention.start);
      if (sentence - ctx.sentence[t]! > 2) break;
      if (ctx.quotes.of[t]! >= 0) continue;
      if (speaker && t < speaker.token) break;
      if (this.subjectAt(doc.tokenAt(m.mention.end - 1)) && !this.subordinate(t)) return m.entity;
    }
    if (speaker?.entity) return speaker.entity;
    return this.recent(before, (e) => e.type === 'PERSON');
  }

  /** Does token t stand in a subordinate clause ("since the general invaded …", "when he said …")? */
  private subordinate(t: number): boolean {
    const { ctx } = this;
    const sf = ctx.sentFirst(t);
    for (let k = t - 1; k >= sf && k >= t - 6; k--) {
      if (ctx.isComma(k)) return false;
      if (this.ctx.lex.SUBORDINATING.has(ctx.lower[k]!)) return true;
    }
    return false;
  }

  /** Is the noun phrase ending at token `last` the subject of a verb after it? */
  private subjectAt(last: number): boolean {
    const { ctx } = this;
    let k = last + 1;
    if (ctx.isComma(k)) {
      // "Kim, a diplomat, said": skip an appositive.
      const close = ctx.npRight(k + 1, ctx.sentLast(last), false);
      if (close < 0 || !ctx.isComma(close)) return false;
      k = close + 1;
    }
    k = ctx.skipAdverbsRight(k, ctx.sentLast(last));
    return ctx.isVerb(k);
  }

  /** "A spokesperson said … She added …": the organisation of an unnamed speaker just before. */
  private spokesperson(before: number): Entity | null {
    const h = this.history[this.history.length - 1];
    if (!h || !h.spokesperson) return null;
    const sentence = this.ctx.sentence[this.ctx.doc.tokenAt(before)] ?? 0;
    return sentence - this.ctx.sentence[h.token]! <= 2 ? h.entity : null;
  }

  /** Whether a speaker's head word is someone speaking for an organisation ("spokesperson"). */
  speaksFor(head: string): boolean {
    return this.ctx.lex.SPOKESPEOPLE.has(head);
  }

  /**
   * The mention naming the speaker: the one ending last (the head of "Ukraine's General Staff"),
   * but not a place that only says where the speaker is ("the Institute … in Washington").
   */
  private headMention(mentions: LocatedMention[]): LocatedMention | null {
    let best: LocatedMention | null = null;
    const { ctx } = this;
    for (const m of mentions) {
      const t = ctx.doc.tokenAt(m.mention.start);
      if (best && this.ctx.lex.LOCATING.has(ctx.lower[t - 1] ?? '') && (m.entity.type === 'GPE' || m.entity.type === 'LOC')) continue;
      if (!best || m.mention.end > best.mention.end || (m.mention.end === best.mention.end && m.mention.start < best.mention.start)) best = m;
    }
    return best;
  }

  /**
   * The most recent fitting speaker of an earlier claim within a few sentences (preferring one
   * whose cue was `document`, for "the statement"), else the most recent fitting mention.
   */
  /**
   * The entity that spoke or was named last before token `before` and fits. `sided`: not one of two states its own
   * sentence names ("Peru and Bolivia held talks, two diplomats said": diplomats of either, or of neither).
   */
  private recent(before: number, fits: (e: Entity) => boolean, document: string | null = null, sided = false): Entity | null {
    const { ctx } = this;
    const sentence = ctx.sentence[ctx.doc.tokenAt(before)] ?? 0;
    let fallback: Entity | null = null;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (sentence - ctx.sentence[h.token]! > 6) break;
      if (!h.entity || !fits(h.entity)) continue;
      if (!document || h.head === document) return h.entity;
      fallback ??= h.entity;
    }
    if (fallback) return fallback;
    const mentions = ctx.doc.mentions();
    for (let k = lastBefore(mentions, before); k >= 0; k--) {
      const m = mentions[k]!;
      if (!(m.mention.start < before && fits(m.entity) && ctx.quotes.of[ctx.doc.tokenAt(m.mention.start)]! < 0)) continue;
      if (sided && isState(m.entity) && ctx.sentence[ctx.doc.tokenAt(m.mention.start)] === sentence && this.another(mentions, k, sentence, isState)) return null;
      return m.entity;
    }
    return null;
  }

  /**
   * Whether the claim just before, in this sentence or the one before, was a body's or a document's that no entity
   * names ("…, the army's general staff said. It said …", "The report said … It said …"): "it" is that body or document,
   * not a name mentioned around it.
   */
  private afterUnnamedBody(before: number): boolean {
    const h = this.history[this.history.length - 1];
    if (!h || h.entity) return false;
    const { ctx } = this;
    if (ctx.sentence[ctx.doc.tokenAt(before)]! - ctx.sentence[h.token]! > 1) return false;
    const { DESCRIBED_HEADS, INSTITUTIONS } = ctx.language.entities;
    if (ctx.lex.DOCUMENTS.has(h.head) || ctx.lex.PUBLISHED_WORKS.has(h.head)) return true;
    return ctx.lex.BODIES.has(h.head) || ctx.lex.STATE_BODIES.has(h.head) || DESCRIBED_HEADS.has(h.head) || INSTITUTIONS.some((i) => i.heads.some((w) => w.endsWith(` ${h.head}`)));
  }

  /** Whether a mention before mentions[k] in the same sentence names another entity that fits. */
  private another(mentions: readonly LocatedMention[], k: number, sentence: number, fits: (e: Entity) => boolean): boolean {
    const { ctx } = this;
    for (let j = k - 1; j >= 0 && ctx.sentence[ctx.doc.tokenAt(mentions[j]!.mention.start)] === sentence; j--) {
      if (mentions[j]!.entity !== mentions[k]!.entity && fits(mentions[j]!.entity)) return true;
    }
    return false;
  }
}

function isState(e: Entity): boolean {
  return e.type === 'GPE' && e.subtype === 'country';
}
