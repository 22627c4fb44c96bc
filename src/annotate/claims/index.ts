import type { Doc } from '../../doc/doc.js';
import type { Claim, ClaimKind, EntityRef, Span } from '../../doc/types.js';
import type { Component } from '../pipeline.js';
import { knownWord, TAG } from '../pos/tags.js';
import { Context } from './context.js';
import { Frames, LIGHT_VERBS, type Candidate, type Draft, type Range } from './frames.js';
import type { CueEntry } from './lexicon.js';
import { CueModel } from './model.js';
import { SpeakerResolver } from './speaker.js';
import { stanceOf } from './stance.js';

/** Nouns naming outlets that relay what others said ("according to North Korean state media"). */
const RELAYS = new Set(['media', 'agency', 'news', 'outlet', 'outlets', 'newspaper', 'newspapers', 'paper', 'broadcaster', 'television', 'tv', 'radio', 'channel', 'network', 'wire', 'daily', 'press', 'reports', 'kcna', 'tass', 'xinhua']);
/** Cues of impressions rather than anyone's statement ("seems", "it is clear"). */
const IMPERSONAL = /^(?:seem|appear|(?:clear|obvious|unclear|evident|apparent|likely|unlikely)$)/;
/** Time values that say nothing about when ("today" resolved to a reference, not a date). */
const VAGUE_TIME = /_REF$/;
/** Quotes longer than this many tokens are speech: cues inside them belong to the quoted speaker. */
const SPEECH_QUOTE = 5;

/**
 * The claims layer: who said what, how, when and through whom. Uses the shipped cue model unless
 * given one (null: rules only); the model is read when the layer first runs.
 */
export function createClaims(model?: CueModel | null): Component {
  let loaded: CueModel | null | undefined = model;
  return {
    name: 'claims',
    requires: ['entities', 'times'],
    run(doc: Doc) {
      if (loaded === undefined) loaded = CueModel.load();
      doc.claims = findClaims(doc, loaded);
    },
  };
}

/** The claims the rules read in a doc, before the cue model judges them: for claims and for training. */
export interface Drafts {
  ctx: Context;
  drafts: Draft[];
}

/**
 * Every claim the rules read in a doc — lexicon cues and the model's learned cue words — made
 * whole: contents cut where attached clauses begin, relays made `via`, nested cues dropped,
 * quotes joined with the quoted sentences around them.
 */
export function readClaims(doc: Doc, vocabulary: ReadonlySet<string> = NO_WORDS): Drafts {
  const ctx = new Context(doc);
  const frames = new Frames(ctx);
  for (const c of candidates(ctx, vocabulary)) frames.analyze(c);
  const drafts = [...frames.all];
  cutAtAttachedClauses(ctx, drafts);
  const kept = dropNested(relayVia(ctx, drafts));
  for (const d of kept) continueQuote(ctx, d, kept);
  return { ctx, drafts: kept };
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** The claims of a doc: what the rules read, kept where the cue model agrees (lexicon cues only without a model). */
export function findClaims(doc: Doc, model: CueModel | null): Claim[] {
  if (!doc.tokens.count) return [];
  const { ctx, drafts } = readClaims(doc, model?.vocabulary);
  return assemble(ctx, model ? drafts.filter((d) => model.accepts(ctx, d)) : drafts.filter((d) => !d.entry.learned));
}

/**
 * Cue candidates outside speech in quotes: words of the lexicon (with the reading their use
 * fits), learned cue words, "according to", and speaker labels opening a line.
 */
function candidates(ctx: Context, vocabulary: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const { lower, quotes } = ctx;
  for (let i = 0; i < ctx.count; i++) {
    if (ctx.doc.tokens.lineStart[i]) {
      const mark = Frames.labelAt(ctx, i);
      if (mark >= 0) {
        out.push({ head: mark, entry: LABEL, kind: 'label' });
        i = mark;
        continue;
      }
    }
    const q = quotes.of[i]!;
    if (q >= 0 && ctx.quoteLength(i) > SPEECH_QUOTE) continue;
    const w = lower[i]!;
    if (w === 'according' && lower[i + 1] === 'to') {
      out.push({ head: i, entry: ACCORDING, kind: 'according' });
      continue;
    }
    const entries = ctx.cueEntries(i);
    let entry: CueEntry;
    if (entries) entry = entries.length === 1 ? entries[0]! : chooseEntry(ctx, i, entries);
    else if (vocabulary.has(w) && !LIGHT_VERBS.has(w)) entry = learnedEntry(ctx, i);
    else continue;
    if (!entry.noun && !verbal(ctx, i)) continue;
    out.push({ head: i, entry, kind: 'lexicon' });
  }
  return out;
}

/** A learned cue word: a noun cue where it is a noun, else a verb or adjective taking an object. */
function learnedEntry(ctx: Context, i: number): CueEntry {
  const noun = ctx.tags[i] === TAG.NOUN;
  return { lemma: ctx.lower[i]!, noun, frame: noun ? 'noun' : 'object', stance: 'assert', learned: true };
}

/** Whether a word with only a verb reading stands where a verb can ("state" in "state media" does not). */
function verbal(ctx: Context, i: number): boolean {
  const t = ctx.tags[i];
  if (t === TAG.VERB) return true;
  if (t !== TAG.NOUN && t !== TAG.ADJ && t !== TAG.PROPN) return false;
  const p = i > 0 ? ctx.tags[i - 1] : TAG.PUNCT;
  if (p === TAG.DET || p === TAG.ADJ || p === TAG.POSS || p === TAG.NUM || p === TAG.ADP) return false;
  // After a name, a noun reading wins unless the verb's company follows — or the class was only
  // guessed from the word's shape ("acknowledges" is no noun).
  if ((p === TAG.PROPN || p === TAG.NOUN) && knownWord(ctx.lower[i]!) && !verbAfterNoun(ctx, i) && ctx.tags[i + 1] !== TAG.PUNCT) return false;
  return t !== TAG.PROPN || ctx.sentFirst(i) === i || headline(ctx, i);
}

/**
 * After a noun, is word i a verb? Yes before a that-clause, a determiner or pronoun, and for an
 * -s form before an infinitive or a noun ("Trump demands accountability", "the campaign plans to");
 * "Clinton's plans are …" keeps the noun.
 */
function verbAfterNoun(ctx: Context, i: number): boolean {
  const next = ctx.lower[i + 1];
  const nt = ctx.tags[i + 1];
  if (next === 'that' || nt === TAG.DET || nt === TAG.PRON) return true;
  const w = ctx.lower[i]!;
  return w.endsWith('s') && !w.endsWith('ss') && (next === 'to' || nt === TAG.NOUN || nt === TAG.PROPN || nt === TAG.ADJ || nt === TAG.NUM) && ctx.tags[i - 2] !== TAG.DET && ctx.tags[i - 2] !== TAG.POSS;
}

/** Whether token i's line is a title-cased headline ("Trump Urges Supporters to …"). */
function headline(ctx: Context, i: number): boolean {
  let first = i;
  while (first > 0 && !ctx.doc.tokens.lineStart[first]) first--;
  const end = ctx.lineLast(i);
  let words = 0;
  let capitals = 0;
  for (let k = first; k < end; k++) {
    const c = ctx.words[k]!.charCodeAt(0);
    if (ctx.isPunct(k)) continue;
    words++;
    if (c >= 65 && c <= 90) capitals++;
  }
  return words >= 3 && capitals >= 0.7 * words;
}

const ACCORDING: CueEntry = { lemma: 'according to', noun: false, frame: 'speech', stance: 'assert' };
const LABEL: CueEntry = { lemma: ':', noun: false, frame: 'speech', stance: 'assert' };

/** Noun or verb reading of a word that can be both ("claims", "report", "call"), from its left neighbour. */
function chooseEntry(ctx: Context, i: number, entries: CueEntry[]): CueEntry {
  const verb = entries.find((e) => !e.noun);
  const noun = entries.find((e) => e.noun);
  if (!verb || !noun) return entries[0]!;
  const p = i - 1;
  const pt = p >= 0 ? ctx.tags[p] : TAG.PUNCT;
  if (pt === TAG.DET || pt === TAG.POSS || pt === TAG.ADJ || pt === TAG.NUM || pt === TAG.ADP) return noun;
  if (pt === TAG.PRON || pt === TAG.AUX || pt === TAG.PART || pt === TAG.ADV || pt === TAG.WH) return verb;
  if (pt === TAG.PROPN || pt === TAG.NOUN) return verbAfterNoun(ctx, i) ? verb : noun;
  return ctx.tags[i] === TAG.NOUN ? noun : verb;
}

/**
 * Content after a cue runs to the sentence end, except where another claim attaches its own
 * clause to the sentence ("…, stating that …", "… and announced …", "…, according to …").
 */
function cutAtAttachedClauses(ctx: Context, drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.rightFrom < 0) continue;
    const last = d.parts[d.parts.length - 1]!;
    let end = last[1];
    for (const o of drafts) {
      if (o === d || o.boundary < d.rightFrom || o.boundary >= end) continue;
      // A bare comma after an opening phrase ("that at one of his first meetings, in 1972, he
      // supported …") does not end the content: a clause needs a verb before its comma.
      if (ctx.isComma(o.boundary) && o.source && o.source[0] === o.boundary + 1 && !hasVerb(ctx, d.rightFrom, o.boundary)) continue;
      end = o.boundary;
    }
    end = clauseEnd(ctx, d.rightFrom, end);
    // A quote opened right at the start of the content may run on over several sentences.
    if (ctx.opensQuote(d.rightFrom) && end === last[1]) {
      const q = ctx.quotes.list[ctx.quotes.of[d.rightFrom]!]!;
      if (q.close >= end) {
        d.parts.pop();
        for (const [a, b] of q.pieces) d.parts.push([a, b + 1]);
        continue;
      }
    }
    last[1] = trimEnd(ctx, last[0], end);
    if (last[1] <= last[0]) d.parts.pop();
  }
}

/** Whether a verb stands in tokens [from, to), outside quotes. */
function hasVerb(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ctx.isVerb(k) && ctx.quotes.of[k]! < 0) return true;
  return false;
}

/** Words that, after a comma, open a clause that reported content usually leaves out. */
const TRAILING_CLAUSES = new Set(['which', 'who', 'but', 'while', 'whereas']);

/**
 * Where reported content after the cue ends: before a trailing clause that hangs on it — a
 * participle, "which"/"who"/"but"/"while" or "and when …" after a comma, or a semicolon —
 * outside quotes.
 * (PolNeAR's annotators leave those out about twice as often as they keep them.)
 */
function clauseEnd(ctx: Context, from: number, end: number): number {
  for (let k = from + 2; k < end - 1; k++) {
    // A comma just inside a closing mark ("…,” while …") ends the clause as one outside would.
    if (ctx.closesQuote(k) && ctx.words[k - 1] === ',' && TRAILING_CLAUSES.has(ctx.lower[k + 1]!)) return k + 1;
    if (ctx.quotes.of[k]! >= 0) continue;
    const w = ctx.words[k]!;
    if (w === ';') return k;
    if (w !== ',') continue;
    const next = ctx.lower[k + 1]!;
    if (TRAILING_CLAUSES.has(next) || (next.endsWith('ing') && ctx.tags[k + 1] === TAG.VERB)) return k;
    // ", and when pressed …", ", but if …": a new clause opening with a subordinator.
    if ((next === 'and' || next === 'but') && (ctx.tags[k + 2] === TAG.SCONJ || ctx.tags[k + 2] === TAG.WH)) return k;
  }
  return end;
}

/** Drop trailing punctuation, keeping a closing quote and what it closes. */
function trimEnd(ctx: Context, first: number, end: number): number {
  let e = end;
  while (e > first) {
    const w = ctx.words[e - 1]!;
    if (ctx.closesQuote(e - 1)) break;
    if (w === '.' || w === ',' || w === ';' || w === ':' || w === '(' || ctx.isDash(e - 1) || w === '...' || w === '…') e--;
    else break;
  }
  return e;
}

/** Whether token t lies in what claim d covers: its content, or between its cue and its content. */
function covers(d: Draft, t: number): boolean {
  if (t > d.cue[0] && t < d.cue[1] && t !== d.head) return true;
  for (const [a, b] of d.parts) if (t >= a && t < b) return true;
  return d.rightFrom >= 0 && t >= d.cue[1] && t < d.rightFrom;
}

/** A cue inside another claim's content is part of what that speaker said, not a claim of its own. */
function dropNested(drafts: Draft[]): Draft[] {
  return drafts.filter((d) => {
    if (!d.parts.length) return false;
    return !drafts.some((o) => o !== d && o.parts.length && covers(o, d.head) && (!covers(d, o.head) || o.head < d.head));
  });
}

/**
 * "…, according to state media" after a claim with its own speaker names who relayed it:
 * it becomes that claim's `via`, not a claim of its own.
 */
function relayVia(ctx: Context, drafts: Draft[]): Draft[] {
  const drop = new Set<Draft>();
  for (const d of drafts) {
    if (d.rule !== 'according-to' || d.boundary < 0 || !d.sourceHead) continue;
    const head = ctx.lower[d.sourceHead[1] - 1]!;
    if (!RELAYS.has(head)) continue;
    const sentence = ctx.sentence[d.head];
    const speakers = drafts.filter((o) => o !== d && ctx.sentence[o.head] === sentence && o.head < d.head && (o.source || o.inherits) && o.rule !== 'according-to');
    if (!speakers.length) continue;
    for (const o of speakers) o.via = d.source;
    drop.add(d);
  }
  // The relayed claims' contents end before "according to"; nothing else covered them.
  return drafts.filter((d) => !drop.has(d));
}

/**
 * A direct quote goes on in the quoted sentences around its attribution, within the paragraph:
 * after it ("“…,” he said. “…”") and, for a quote before the cue, before it ("“…” “…,” he said.").
 * A quoted sentence joins when it has no claim of its own and, after its closing mark, no verb.
 */
function continueQuote(ctx: Context, d: Draft, all: Draft[]): void {
  const first = d.parts[0]![0];
  if (d.rule !== 'quote-before' && d.rule !== 'quote-after' && !(d.rule === 'clause-before' && ctx.opensQuote(first))) return;
  const quotedSentence = (k: number): [number, number] | null => {
    if (!ctx.opensQuote(k)) return null;
    const q = ctx.quotes.list[ctx.quotes.of[k]!]!;
    const sentenceEnd = ctx.sentLast(q.close);
    if (all.some((o) => o.head >= k && o.head < sentenceEnd)) return null;
    for (let t = q.close + 1; t < sentenceEnd; t++) if (ctx.isVerb(t) && ctx.quotes.of[t]! < 0) return null;
    return [k, trimEnd(ctx, k, sentenceEnd)];
  };
  let last = Math.max(d.cue[1], d.parts[d.parts.length - 1]![1], d.source ? d.source[1] : 0);
  const lineEnd = ctx.lineLast(Math.max(0, last - 1));
  for (;;) {
    const k = ctx.sentLast(Math.max(0, last - 1));
    const next = k < lineEnd ? quotedSentence(k) : null;
    if (!next) break;
    d.parts.push(next);
    last = ctx.sentLast(next[1] - 1);
  }
  if (d.rule !== 'quote-before') return;
  for (let start = ctx.sentFirst(d.parts[0]![0]); start > 0 && !ctx.doc.tokens.lineStart[start]; ) {
    const k = ctx.sentFirst(start - 1);
    const before = quotedSentence(k);
    if (!before || before[1] > start) break;
    d.parts.unshift(before);
    start = k;
  }
}

function assemble(ctx: Context, drafts: Draft[]): Claim[] {
  const doc = ctx.doc;
  const resolver = new SpeakerResolver(ctx);
  const claims: Claim[] = [];
  const speakerOf = new Map<Draft, EntityRef | null>();
  const saidOf = new Map<Draft, string | null>();
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  for (const d of drafts) {
    const governor = d.inherits ? governing(ctx, d, drafts) : null;
    // Remembered for later pronouns and descriptions: the speaker, under the noun cue's word
    // ("statement") or the speaker's head word ("spokesperson").
    let speaker: EntityRef | null = (governor && speakerOf.get(governor)) || null;
    let head = d.rule === 'noun' ? d.entry.lemma : '';
    // "it seems", "it was clear that": an impression, nobody's claim.
    if (IMPERSONAL.test(d.entry.lemma)) d.source = null;
    let entity = speaker?.entity ? (entities.get(speaker.entity) ?? null) : null;
    if (!speaker && d.source && d.sourceHead) {
      entity = resolver.resolve(d.sourceHead, d.antecedent);
      speaker = { ...tokenSpan(ctx, d.source), entity: entity?.id ?? null };
      head ||= ctx.lower[d.sourceHead[1] - 1]!;
    }
    if (speaker) resolver.remember({ entity, head, token: d.head, spokesperson: SpeakerResolver.speaksFor(head) });
    speakerOf.set(d, speaker);

    const parts = d.parts.map((r) => tokenSpan(ctx, r));
    const content: Claim['content'] = { ...doc.span(parts[0]!.start, parts[parts.length - 1]!.end) };
    if (parts.length > 1) content.parts = parts;
    const contentText = parts.map((p) => p.text).join(' ');
    const stanceEntry = d.stanceEntry ?? d.entry;
    let said = timeOfCue(ctx, d);
    if (said === null) said = inheritedTime(ctx, d, drafts, speakerOf, saidOf);
    saidOf.set(d, said);
    const cue = tokenSpan(ctx, d.cue);
    claims.push({
      id: `c${claims.length + 1}`,
      speaker,
      cue: { ...cue, lemma: stanceEntry.lemma },
      content,
      kind: kindOf(ctx, d),
      stance: stanceOf(stanceEntry, cue.text, contentText),
      said,
      via: d.via ? { ...tokenSpan(ctx, d.via), entity: resolver.resolve(d.via, null)?.id ?? null } : null,
      explain: { rule: d.rule, detail: `${stanceEntry.lemma} (${d.entry.noun ? 'noun' : d.entry.frame}${d.stanceEntry ? `, after ${d.entry.lemma}` : ''})` },
    });
  }
  return claims;
}

function tokenSpan(ctx: Context, r: Range): Span {
  return ctx.doc.span(ctx.doc.tokens.start[r[0]]!, ctx.doc.tokens.end[r[1] - 1]!);
}

/** The claim of the same sentence whose speaker an attached clause shares: the nearest one before it. */
function governing(ctx: Context, d: Draft, drafts: Draft[]): Draft | null {
  let best: Draft | null = null;
  for (const o of drafts) {
    if (o === d || ctx.sentence[o.head] !== ctx.sentence[d.head] || o.head > d.head || o.rule === 'according-to') continue;
    if (!best || o.head > best.head) best = o;
  }
  return best;
}

/**
 * When the claim was made: a date attached to the cue — between speaker and content
 * ("confirmed on 27 April that", "reported in October 2024 that"), in the tail after a quote
 * ("…,” the commission said on 27 April."), or opening the sentence ("On Monday, she said").
 */
function timeOfCue(ctx: Context, d: Draft): string | null {
  const doc = ctx.doc;
  const sf = ctx.sentFirst(d.head);
  const sl = ctx.sentLast(d.head);
  let from: number;
  let to: number;
  if (d.rightFrom >= 0 && d.rule !== 'according-to') {
    from = d.source && d.source[0] < d.cue[0] ? d.source[1] : d.cue[0];
    to = d.rightFrom;
  } else {
    from = d.source && d.source[0] < d.cue[0] ? d.source[1] : d.cue[0];
    to = sl;
    for (const [a] of d.parts) if (a > d.cue[1] && a < to) to = a;
  }
  const inside = (t: number) => d.parts.some(([a, b]) => t >= a && t < b);
  const pick = (a: number, b: number): string | null => {
    for (let k = a; k < b; k++) {
      const ti = ctx.timeOf[k]!;
      if (ti < 0 || inside(k)) continue;
      const t = doc.times[ti]!;
      if ((t.type === 'DATE' || t.type === 'TIME') && !VAGUE_TIME.test(t.value)) return t.value;
    }
    return null;
  };
  const own = pick(from, to);
  if (own) return own;
  // "On Monday, X said …": a time before the speaker, set off by a comma.
  const speakerStart = d.source && d.source[0] < d.cue[0] ? d.source[0] : -1;
  if (speakerStart > sf && ctx.isComma(speakerStart - 1)) return pick(sf, speakerStart - 1);
  return null;
}

/** A claim with no date of its own shares that of the sentence's earlier claim by the same speaker. */
function inheritedTime(ctx: Context, d: Draft, drafts: Draft[], speakers: Map<Draft, EntityRef | null>, said: Map<Draft, string | null>): string | null {
  const entity = speakers.get(d)?.entity;
  for (const o of drafts) {
    if (o === d || o.head > d.head || ctx.sentence[o.head] !== ctx.sentence[d.head]) continue;
    const value = said.get(o);
    if (value && (d.inherits || (entity && speakers.get(o)?.entity === entity))) return value;
  }
  return null;
}

/** direct: the content is quoted; mixed: it contains a partial quote; indirect: no quote. */
function kindOf(ctx: Context, d: Draft): ClaimKind {
  const quoted = d.parts.every(([a, b]) => ctx.opensQuote(a) && ctx.closesQuote(b - 1));
  if (quoted) return 'direct';
  for (const [a, b] of d.parts) for (let k = a; k < b; k++) if (ctx.quotes.of[k]! >= 0) return 'mixed';
  return 'indirect';
}
