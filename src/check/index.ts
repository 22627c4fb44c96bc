/**
 * Stance to a claim: does an article hold a claim true (agree), hold it false (disagree), only
 * report it (discuss), or speak of something else (unrelated) — and which of its sentences,
 * claims and speakers say so. The claim and the article are both analysed by the pipeline; the
 * model (model.ts) reads what the two analyses show side by side (features.ts).
 */
import { createPipeline, type Pipeline } from '../annotate/index.js';
import type { Analysis, Span, Stance } from '../doc/types.js';
import { stanceModel, type Judgement, type StanceModel } from './model.js';
import { CONFIRM, HEDGE, NEGATION, REFUTE } from './lexicon.js';
import { prepare, type Prepared, type PreparedSentence } from './prepare.js';
import type { StanceLabel } from './types.js';

export { STANCE_LABELS, type StanceLabel } from './types.js';
export { ModelError, stanceModel, type Judgement } from './model.js';

/** A claim the pipeline found in an evidence sentence: who said what, and how. */
export interface EvidenceClaim {
  id: string;
  /** The speaker's canonical name, else the words naming them; null when unattributed. */
  speaker: string | null;
  speakerEntity: string | null;
  cue: string | null;
  stance: Stance;
  negated: boolean;
  content: string;
  said: string | null;
}

/** A sentence of the article that decides its stance. */
export interface Evidence {
  sentence: Span;
  /** The weighted share of the claim's words that the sentence holds. */
  cover: number;
  /** Refuting, hedging, confirming and negating words in it ("hoax", "reportedly", "not"). */
  cues: string[];
  claims: EvidenceClaim[];
}

export interface StanceResult {
  stance: StanceLabel;
  score: number;
  probabilities: Record<StanceLabel, number>;
  /** The sentences that decide it, the most telling first (none when unrelated). */
  evidence: Evidence[];
}

/** Analysed texts a checker keeps (with what prepare reads of them): memory stays bounded on long runs. */
const CACHED_TEXTS = 2000;

const prepared = new WeakMap<Analysis, Prepared>();

function prepareOnce(analysis: Analysis): Prepared {
  let p = prepared.get(analysis);
  if (!p) prepared.set(analysis, (p = prepare(analysis)));
  return p;
}

/**
 * How `article` stands towards `claim` (the analysis of the claim's sentence), with its evidence.
 * Each analysis is read once however many pairs it takes part in.
 */
export function stanceToClaim(claim: Analysis, article: Analysis, model: StanceModel = stanceModel()): StanceResult {
  const c = prepareOnce(claim);
  const a = prepareOnce(article);
  const judgement = model.judge(c, a);
  return { stance: judgement.stance, score: judgement.score, probabilities: judgement.probabilities, evidence: evidenceOf(judgement, a, article) };
}

const AUXILIARIES = new Set('is are was were am do does did has have had will would can could should shall may might must'.split(' '));

/**
 * A yes–no question as the statement it asks about ("Are North Korean troops fighting in Kursk?"
 * → "North Korean troops fighting in Kursk."): the leading auxiliary and the question mark go, the
 * rest stays as written; any other text is kept. The model learnt claims as statements; a question
 * mark would read as doubt.
 */
export function asStatement(claim: string): string {
  const text = claim.trim();
  const m = /^(\p{L}+)\s+(.+?)\s*\?+$/su.exec(text);
  return m && AUXILIARIES.has(m[1]!.toLowerCase()) ? `${m[2]!}.` : text;
}

/**
 * One claim of an analysed article as an analysis of its own: its content as the text, with the
 * entities, times, quantities and nested claims inside it (offsets moved to the content). So the
 * cross-article analysis can ask how other articles stand towards a stored claim without running
 * the pipeline again: `stanceToClaim(claimAnalysis(a, 'c3'), b)`.
 */
export function claimAnalysis(analysis: Analysis, claimId: string): Analysis {
  const claim = analysis.claims.find((c) => c.id === claimId);
  if (!claim) throw new Error(`${analysis.article.id}: no claim "${claimId}"`);
  const { start, end } = claim.content;
  const inside = <T extends { start: number; end: number }>(x: T) => x.start >= start && x.end <= end;
  const move = <T extends Span>(x: T): T => ({ ...x, start: x.start - start, end: x.end - start });
  return {
    article: { ...analysis.article, text: claim.content.text, title: null },
    entities: analysis.entities.flatMap((e) => {
      const mentions = e.mentions.filter(inside).map(move);
      return mentions.length ? [{ ...e, mentions }] : [];
    }),
    times: analysis.times.filter(inside).map(move),
    quantities: analysis.quantities.filter(inside).map(move),
    claims: analysis.claims
      .filter((c) => c.id !== claimId && inside(c.content) && (!c.cue || inside(c.cue)))
      .map((c) => ({ ...c, content: { ...move(c.content), ...(c.content.parts ? { parts: c.content.parts.map(move) } : {}) }, cue: c.cue && move(c.cue), speaker: c.speaker && inside(c.speaker) ? move(c.speaker) : null, via: null })),
    events: [],
  };
}

/** Words that speak for each stance: evidence sentences holding them come first. */
const TELLING: Record<StanceLabel, (s: PreparedSentence) => number> = {
  agree: (s) => s.confirm,
  disagree: (s) => s.refute + s.negation,
  discuss: (s) => s.hedge,
  unrelated: () => 0,
};

function evidenceOf(j: Judgement, body: Prepared, analysis: Analysis): Evidence[] {
  if (j.stance === 'unrelated') return [];
  const name = (id: string | null | undefined) => (id ? analysis.entities.find((e) => e.id === id)?.name : undefined);
  const relevant = j.relevant.filter((r) => r.cover > 0);
  const telling = TELLING[j.stance];
  const ranked = relevant
    .map((r, k) => ({ r, k, tells: telling(body.sentences[r.sentence]!) > 0 ? 1 : 0 }))
    .sort((a, b) => b.tells - a.tells || a.k - b.k)
    .map((x) => x.r);
  return ranked.map((r) => {
    const s = body.sentences[r.sentence]!;
    const claims = analysis.claims
      .filter((c) => c.content.start < s.end && c.content.end > s.start)
      .map((c) => ({
        id: c.id,
        speaker: name(c.speaker?.entity) ?? c.speaker?.text ?? null,
        speakerEntity: c.speaker?.entity ?? null,
        cue: c.cue?.text ?? null,
        stance: c.stance,
        negated: Boolean(c.negated),
        content: c.content.text,
        said: c.said,
      }));
    const cues = [...new Set(s.words.filter((w) => REFUTE.has(w) || HEDGE.has(w) || CONFIRM.has(w) || NEGATION.has(w)))];
    return { sentence: { start: s.start, end: s.end, text: body.text.slice(s.start, s.end) }, cover: r.cover, cues, claims };
  });
}

/**
 * Judges claims against articles given as text or as stored analyses, analysing each distinct
 * text once (a claim checked against many articles, or an article against many claims).
 */
export class ClaimChecker {
  private readonly analyses = new Map<string, Analysis>();

  private constructor(
    readonly pipeline: Pipeline,
    readonly model: StanceModel,
  ) {}

  /** A checker over a pipeline (the standard one when absent) and the shipped model. */
  static async create(pipeline?: Pipeline, model: StanceModel = stanceModel()): Promise<ClaimChecker> {
    return new ClaimChecker(pipeline ?? (await createPipeline()), model);
  }

  /** The analysis of a text (a claim or an article body), from the cache when seen before. */
  analyze(text: string): Analysis {
    let a = this.analyses.get(text);
    if (a) {
      // Least recently used first out: a text seen again moves to the end.
      this.analyses.delete(text);
    } else {
      a = this.pipeline.analyze({ id: 'check', title: null, published: null, source: null, url: null, language: 'en', ref: null, text });
      if (this.analyses.size >= CACHED_TEXTS) this.analyses.delete(this.analyses.keys().next().value!);
    }
    this.analyses.set(text, a);
    return a;
  }

  judge(claim: string | Analysis, article: string | Analysis): StanceResult {
    return stanceToClaim(typeof claim === 'string' ? this.analyze(claim) : claim, typeof article === 'string' ? this.analyze(article) : article, this.model);
  }
}
