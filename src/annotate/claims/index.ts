import type { Doc } from '../../doc/doc.js';
import type { Claim, ClaimKind, Entity, EntityRef, Span } from '../../doc/types.js';
import type { Language } from '../../lang/language.js';
import type { ComponentSpec } from '../pipeline.js';
import { PositionIndex } from '../ranges.js';
import { TAG } from '../pos/tags.js';
import { finishDrafts } from './contents.js';
import { Context } from './context.js';
import { continueSpeakers } from './continued.js';
import { cueCandidates } from './cues.js';
import { Frames, type Draft, type Range } from './frames/index.js';
import { CueModel } from './model.js';
import { negatedCue } from './negation.js';
import { linkReferences } from './refers.js';
import { splitMutual } from './mutual.js';
import { inheritedTime, timeOfCue } from './said.js';
import { SpeakerResolver } from './speaker.js';
import { stanceOf } from './stance.js';
import { blameOf, isParty } from '../../lang/en/blame.js';
import { contentTokens } from '../../lang/en/token.js';


/**
 * The claims layer: who said what, how, when and through whom, kept where the shipped cue model
 * agrees; the model is read when the layer first runs.
 */
export const CLAIMS: ComponentSpec = {
  name: 'claims',
  assigns: ['claims'],
  requires: ['tokens', 'sentences', 'pos', 'entities', 'times'],
  create: ({ language }) => {
    let model: CueModel | null | undefined;
    return (doc) => {
      if (model === undefined) model = CueModel.load(language.data.cueModel);
      doc.set('claims', findClaims(doc, model, language));
    };
  },
};

/** The claims the rules read in a doc, before the cue model judges them: for claims and for training. */
export interface Drafts {
  ctx: Context;
  drafts: Draft[];
  /** The drafts as the frames read them, before they were made whole (kept to finish again). */
  read: readonly Draft[];
}

/**
 * Every claim the rules read in a doc — lexicon cues and the model's learned cue words — made
 * whole: contents cut where attached clauses begin, relays made `via`, nested cues dropped,
 * quotes joined with the quoted sentences around them.
 */
export function readClaims(doc: Doc, language: Language, vocabulary: ReadonlySet<string> = NO_WORDS): Drafts {
  const ctx = new Context(doc, language);
  const frames = new Frames(ctx);
  for (const c of cueCandidates(ctx, vocabulary)) frames.analyze(c);
  return { ctx, drafts: finishDrafts(ctx, frames.all.map(copy)), read: frames.all };
}

function sameParts(a: Draft, b: Draft): boolean {
  return a.parts.length === b.parts.length && a.parts.every(([x, y], k) => x === b.parts[k]![0] && y === b.parts[k]![1]);
}

/** A draft to finish: finishing cuts and extends its parts in place. */
function copy(d: Draft): Draft {
  return { ...d, parts: d.parts.map(([a, b]): Range => [a, b]), nests: 0 };
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** The claims of a doc: what the rules read, kept where the cue model agrees (lexicon cues only without a model). */
export function findClaims(doc: Doc, model: CueModel | null, language: Language): Claim[] {
  if (!doc.tokens.count) return [];
  const { ctx, drafts: first, read } = readClaims(doc, language, model?.vocabulary);
  let drafts = first;
  if (!model) return assemble(ctx, continueSpeakers(ctx, drafts.filter((d) => !d.entry.learned)), new Map());
  let scores = new Map(drafts.map((d) => [d, model.score(ctx, d)]));
  // A negated lexicon cue stays whatever the model says: it never learnt negation, and a non-denial
  // ("did not deny them") is what an analyst needs to see.
  // A denial stays too: the training news had few, and in conflict news they are what matters most.
  const kept = (d: Draft) =>
    scores.get(d)! > (d.entry.learned ? model.threshold : model.lexiconThreshold) || (!d.entry.learned && (negatedCue(ctx, d.cue) || (d.entry.stance === 'deny' && d.entry.frame !== 'intend'))) || actorDemand(ctx, d) || actorAnnounces(ctx, d) || postedOn(ctx, d);
  // A rejected claim must not hide the claims whose cues lay in its content: finish again without it.
  const rejected = drafts.filter((d) => !kept(d));
  if (rejected.some((d) => d.nests > 0)) {
    const heads = new Set(rejected.map((d) => d.head));
    // Drafts that come out of finishing as before keep their score.
    const before = new Map(drafts.map((d) => [d.head, d]));
    drafts = finishDrafts(ctx, read.filter((d) => !heads.has(d.head)).map(copy));
    const previous = scores;
    scores = new Map(
      drafts.map((d) => {
        const old = before.get(d.head);
        return [d, old && sameParts(old, d) && old.via === d.via ? previous.get(old)! : model.score(ctx, d)];
      }),
    );
  }
  return assemble(ctx, continueSpeakers(ctx, drafts.filter(kept)), scores);
}

/** Speakers that act for a state or a body: a named organisation, state or seat of power. */
const ACTORS: ReadonlySet<string> = new Set(['ORG', 'GPE', 'FAC']);

/**
 * A state, body or official wanting another party to act ("the council wants the port to
 * reopen") states a demand: kept whatever the model says, which learnt wanting mostly as
 * people's private wishes. A person's wish, or wanting a thing, is left to the model.
 */
function actorDemand(ctx: Context, d: Draft): boolean {
  if (d.entry.learned || d.entry.frame !== 'intend' || d.entry.stance !== 'demand' || d.rule !== 'complement' || !d.sourceHead || d.rightFrom < 0) return false;
  const [a, b] = d.parts[0]!;
  const object = ctx.startsNp(a) ? ctx.npRight(a, b, false, true) : -1;
  if (object <= a || ctx.lower[object] !== 'to' || !ctx.isVerb(object + 1)) return false;
  return speaksForBody(ctx, d.sourceHead);
}

/**
 * A state, a body or an office announcing after what it says ("Troops will be sent to the border, the ministry announced
 * on Friday"; "…, the city's mayor wrote on Telegram") makes a statement: kept whatever the model says, which saw few
 * such inversions with verbs other than "said".
 */
function actorAnnounces(ctx: Context, d: Draft): boolean {
  if (d.entry.learned || d.entry.frame !== 'speech' || d.rule !== 'clause-before' || !d.sourceHead || d.parts.length !== 1) return false;
  const [a, b] = d.parts[0]!;
  let verb = false;
  for (let k = a; k < b && !verb; k++) verb = ctx.isVerb(k) && ctx.quotes.of[k]! < 0;
  return verb && speaksForOffice(ctx, d.sourceHead);
}

/**
 * A statement posted on a platform with what it says after it ("the governor wrote on Telegram that …"): officials at
 * war speak there daily, and the model, trained on campaign news where "wrote" is mostly a columnist's, doubts it.
 */
function postedOn(ctx: Context, d: Draft): boolean {
  if (d.entry.learned || d.entry.frame !== 'speech' || !d.source || d.parts.length !== 1) return false;
  const k = d.cue[1];
  const from = d.parts[0]![0];
  // What it says is a clause or a quotation right after the platform: "wrote on X that …", "posted on Telegram: “…”".
  const said = from === k + 3 ? ctx.lower[k + 2] === 'that' || ctx.lower[k + 2] === ':' : from === k + 2 && ctx.opensQuote(from);
  return ctx.lower[k] === 'on' && ctx.lex.PLATFORMS.has(ctx.lower[k + 1]!) && said;
}

/** Whether the speaker's head names an organisation, a state or a seat of power, or is a body's or spokesperson's word. */
function speaksForBody(ctx: Context, [s, e]: Range): boolean {
  const { start, end } = ctx.doc.tokens;
  const named = ctx.doc.mentionsIn(start[s]!, end[e - 1]!);
  if (named.length) return ACTORS.has(named[named.length - 1]!.entity.type);
  const head = ctx.lower[e - 1]!;
  return ctx.lex.BODIES.has(head) || ctx.lex.STATE_BODIES.has(head) || ctx.lex.SPOKESPEOPLE.has(head);
}

/** The same, or an office that speaks for one ("the city's mayor", "the regional governor"). */
function speaksForOffice(ctx: Context, r: Range): boolean {
  return speaksForBody(ctx, r) || ctx.lex.OFFICES.has(ctx.lower[r[1] - 1]!);
}

/** How a claim was read, for `explain`: rule, lexicon entry (or learned word) and the model's score. */
function explanation(ctx: Context, d: Draft, score: number | undefined): string {
  const entry = d.stanceEntry ?? d.entry;
  if (d.continues) return `a quotation with no cue of its own: the speaker of “${tokenSpan(ctx, d.continues.cue).text}” goes on`;
  const how = d.entry.learned ? 'learned cue word' : d.entry.noun ? 'noun' : d.entry.frame;
  const after = d.stanceEntry ? `, after ${d.entry.lemma}` : '';
  return `${entry.lemma} (${how}${after})${score === undefined ? '' : `; cue model ${score.toFixed(1)}`}`;
}

function assemble(ctx: Context, drafts: Draft[], scores: ReadonlyMap<Draft, number>): Claim[] {
  const doc = ctx.doc;
  const resolver = new SpeakerResolver(ctx);
  const claims: Claim[] = [];
  const speakerOf = new Map<Draft, EntityRef | null>();
  const saidOf = new Map<Draft, string | null>();
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const heads = new PositionIndex(drafts, (d) => d.head);
  for (const [at, d] of drafts.entries()) {
    const governor = d.continues ?? (d.inherits ? governing(ctx, d, heads) : null);
    // Remembered for later pronouns and descriptions: the speaker, under the noun cue's word
    // ("statement") or the speaker's head word ("spokesperson").
    let speaker: EntityRef | null = (governor && speakerOf.get(governor)) || null;
    let head = d.rule === 'noun' ? d.entry.lemma : '';
    // "it seems", "it was clear that": an impression, nobody's claim.
    if (ctx.lex.IMPERSONAL.test(d.entry.lemma)) d.source = null;
    let entity = speaker?.entity ? (entities.get(speaker.entity) ?? null) : null;
    // The body a person named in an appositive speaks for ("A spokesman for the army, Colonel Luis Quiroga, said"):
    // what the content says of "the army" is the speaker speaking of itself.
    let body: Entity | null = null;
    if (!speaker && d.source && d.sourceHead) {
      entity = resolver.resolve(d.sourceHead, d.antecedent, d.parts[0]?.[0] ?? -1);
      const person = appositivePerson(ctx, d.source, d.sourceHead);
      if (person && entities.has(person)) {
        body = entity?.type === 'PERSON' ? null : entity;
        entity = entities.get(person)!;
      }
      // "the regional governor, who said": the speaker's words reach back to the antecedent ("who" alone says nobody).
      const words: Range = d.antecedent ? [d.antecedent[0], d.source[1]] : d.source;
      speaker = { ...tokenSpan(ctx, words), entity: entity?.id ?? null };
      head ||= ctx.lower[d.sourceHead[1] - 1]!;
    }
    // A possessive ("his remarks", "in her view") names someone spoken of before: later pronouns go on from the speakers before it.
    const possessive = d.source !== null && d.source[1] - d.source[0] === 1 && ctx.lex.SPEAKER_POSSESSIVES.has(ctx.lower[d.source[0]]!);
    if (speaker && !possessive) resolver.remember({ entity, head, token: d.head, spokesperson: resolver.speaksFor(head) });
    speakerOf.set(d, speaker);

    const parts = d.parts.map((r) => tokenSpan(ctx, r));
    const content: Claim['content'] = { ...doc.span(parts[0]!.start, parts[parts.length - 1]!.end) };
    if (parts.length > 1) content.parts = parts;
    const contentText = parts.map((p) => p.text).join(' ');
    const stanceEntry = d.stanceEntry ?? d.entry;
    let said = timeOfCue(ctx, d);
    if (said === null) said = inheritedTime(ctx, d, drafts, at, speakerOf, saidOf);
    saidOf.set(d, said);
    const cue = tokenSpan(ctx, d.cue);
    let negated = negatedCue(ctx, d.cue);
    let stance = stanceOf(ctx.lex, stanceEntry, cue.text, contentText, speaksOfItself(ctx, d, entity, entities) || (body !== null && speaksOfItself(ctx, d, body, entities)));
    // Laying the war or another outcome at a party's door is an accusation, whatever the cue ("said the rebels started the war").
    if (stance.stance === 'assert') {
      const blame = blameOf(contentTokens(content.text, content.start, mentionSpans(doc, content.start, content.end)), stanceEntry.lemma, (id) => isParty(entities.get(id)));
      if (blame && blame.direction > 0) stance = { stance: 'condemn', why: `${entities.get(blame.target)?.name ?? blame.target} held responsible for the ${blame.outcome}` };
    }
    // "does not recognize the results", "will never recognise the annexation": a refusal to grant legitimacy is a denial, not a claim left unmade.
    if (negated && ctx.lex.REFUSED_BY_NEGATION.has(stanceEntry.lemma)) {
      negated = false;
      stance = { stance: 'deny', why: `not ${stanceEntry.lemma}` };
    }
    claims.push({
      id: `c${claims.length + 1}`,
      speaker,
      cue: { ...cue, lemma: stanceEntry.lemma },
      content,
      kind: kindOf(ctx, d),
      stance: stance.stance,
      said,
      via: d.via ? { ...tokenSpan(ctx, d.via), entity: resolver.outlet(d.via)?.id ?? null } : null,
      ...(negated ? { negated } : {}),
      explain: { rule: d.rule, detail: explanation(ctx, d, scores.get(d)) + (negated ? '; cue negated' : '') + (stance.why ? `; ${stance.stance} from “${stance.why}”` : '') },
    });
  }
  linkReferences(ctx, drafts, claims, entities);
  return splitMutual(ctx.lex, doc, claims);
}


/** The entity mentions within [start, end), as the token reader wants them. */
function mentionSpans(doc: Doc, start: number, end: number): { start: number; end: number; entity: string }[] {
  return doc.mentionsIn(start, end).map((m) => ({ start: m.mention.start, end: m.mention.end, entity: m.entity.id }));
}

/** Kinds of organisation that act for their state. */
const STATE_ORGS = new Set(['government', 'ministry', 'military', 'intelligence']);


/**
 * The person an appositive after a description names ("A spokesman for the army, Colonel Luis Quiroga,"), else null: the
 * appositive is the name alone, after at most a title, and the head names no person itself ("O'Donnell, who said …").
 */
function appositivePerson(ctx: Context, source: Range, head: Range): string | null {
  if (head[1] >= source[1] || !ctx.isComma(head[1])) return null;
  const { start, end } = ctx.doc.tokens;
  if (ctx.doc.mentionsIn(start[head[0]]!, end[head[1] - 1]!).some((m) => m.entity.type === 'PERSON')) return null;
  let last = source[1] - 1;
  while (last > head[1] && ctx.isPunct(last)) last--;
  if (last <= head[1]) return null;
  const mentions = ctx.doc.mentionsIn(start[head[1] + 1]!, end[last]!);
  const person = mentions.length === 1 && mentions[0]!.entity.type === 'PERSON' ? mentions[0]! : null;
  if (!person || person.mention.end !== end[last]!) return null;
  // At most a title of capitalised words before the name ("Colonel", "Major General").
  const first = ctx.doc.tokenAt(person.mention.start);
  if (first - (head[1] + 1) > APPOSITIVE_TITLE) return null;
  for (let k = head[1] + 1; k < first; k++) if (ctx.tags[k] !== TAG.PROPN) return null;
  return person.entity.id;
}

/** How many title words may stand before the name in a speaker's appositive. */
const APPOSITIVE_TITLE = 3;

/**
 * Whether a claim's content opens with its speaker or the speaker's side as subject: a pronoun
 * ("said it will provide", "“We are ready …”"), the speaker named again, a body speaking of "the
 * alliance", or the speaker's country ("Osterlich is not going to …" said by its president).
 */
function speaksOfItself(ctx: Context, d: Draft, speaker: Entity | null, entities: ReadonlyMap<string, Entity>): boolean {
  let a = d.parts[0]![0];
  const quoted = ctx.opensQuote(a);
  while (a < ctx.count && ctx.isPunct(a)) a++;
  const w = ctx.lower[a]!;
  if ((quoted ? ctx.lex.QUOTED_SELF : ctx.lex.REPORTED_SELF).has(w)) return true;
  if (!speaker) return false;
  const { start, end } = ctx.doc.tokens;
  // "the alliance would not …", "the military alliance …" said for a body: the body itself (a
  // named one, "the Defence Ministry", is read by its name below).
  if (w === 'the' && speaker.type === 'ORG') {
    const noun = ctx.lex.BODIES.has(ctx.lower[a + 1]!) ? a + 1 : a + 2;
    if (ctx.lex.BODIES.has(ctx.lower[noun]!) && ctx.doc.mentionsIn(start[a + 1]!, end[noun]!).length === 0) return true;
  }
  // "the palace is ready …": the name after the article is the subject.
  if (w === 'the' && a + 1 < ctx.count) a++;
  const first = ctx.doc.mentionsIn(start[a]!, end[a]!)[0];
  if (!first) return false;
  const named = entities.get(first.entity.id);
  if (!named) return false;
  // The speaker's state, its seat or one of its bodies ("the palace is ready …" said by that state's minister).
  const ofState = named.type === 'GPE' || named.type === 'FAC' || (named.type === 'ORG' && STATE_ORGS.has(named.subtype ?? ''));
  return named.id === speaker.id || (ofState && named.country != null && named.country === speaker.country);
}

function tokenSpan(ctx: Context, r: Range): Span {
  return ctx.doc.span(ctx.doc.tokens.start[r[0]]!, ctx.doc.tokens.end[r[1] - 1]!);
}

/** The claim of the same sentence whose speaker an attached clause shares: the nearest one before it. */
function governing(ctx: Context, d: Draft, heads: PositionIndex<Draft>): Draft | null {
  let best: Draft | null = null;
  for (const i of heads.between(ctx.sentFirst(d.head), d.head + 1)) {
    const o = heads.items[i]!;
    if (o === d || ctx.sentence[o.head] !== ctx.sentence[d.head] || o.head > d.head || o.rule === 'according-to') continue;
    if (!best || o.head > best.head) best = o;
  }
  return best;
}

/** direct: the content is quoted; mixed: it contains a partial quote; indirect: no quote. */
function kindOf(ctx: Context, d: Draft): ClaimKind {
  const quoted = d.parts.every(([a, b]) => ctx.opensQuote(a) && ctx.closesQuote(b - 1));
  if (quoted) return 'direct';
  for (const [a, b] of d.parts) for (let k = a; k < b; k++) if (ctx.quotes.of[k]! >= 0) return 'mixed';
  return 'indirect';
}
