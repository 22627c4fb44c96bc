/**
 * Stance to a claim: does an article hold a claim true (agree), hold it false (disagree), only
 * report it (discuss), or speak of something else (unrelated) — and which of its sentences,
 * claims and speakers say so. The claim and the article are both analysed by the pipeline; the
 * model (model.ts) reads what the two analyses show side by side (features.ts).
 */
import { createPipeline, type Pipeline } from '../annotate/index.js';
import type { Analysis, Span } from '../doc/types.js';
import { stanceModel, type StanceModel } from './model.js';
import { prepare, type Prepared, type Tokenized } from './prepare.js';
import { evidenceOf, sourcesOf, type Source } from './sources.js';
import type { Evidence, StanceLabel } from '../contract/index.js';
import { NotFoundError } from '../errors.js';

export { STANCE_LABELS, type StanceLabel } from '../contract/values.js';
export { stanceModel, type Judgement } from './model.js';
export type { CheckSide as Side, Evidence, EvidenceClaim } from '../contract/index.js';
export type { Source } from './sources.js';

export interface StanceResult {
  /** How the article stands towards the claim (the model's judgement, FNC-1's labels). */
  stance: StanceLabel;
  score: number;
  probabilities: Record<StanceLabel, number>;
  /** The sentences that decide it, the most telling first (none when unrelated). */
  evidence: Evidence[];
  /** Who takes which side in it (none when unrelated). */
  sources: Source[];
}

/** The layers the stance features read. */
const FEATURE_LAYERS = ['entities', 'times', 'quantities', 'claims'];

/** Analysed texts a checker keeps (with what prepare reads of them): memory stays bounded on long runs. */
const CACHED_TEXTS = 2000;

const prepared = new WeakMap<Analysis, Prepared>();
/** The tokens of an analysis the checker made, until it is prepared: the pipeline's own, not tokenized again. */
const tokenized = new WeakMap<Analysis, Tokenized>();

function prepareOnce(analysis: Analysis): Prepared {
  let p = prepared.get(analysis);
  if (!p) {
    prepared.set(analysis, (p = prepare(analysis, tokenized.get(analysis))));
    tokenized.delete(analysis);
  }
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
  const evidence = evidenceOf(judgement, c, a, article);
  return { stance: judgement.stance, score: judgement.score, probabilities: judgement.probabilities, evidence, sources: sourcesOf(judgement, evidence, c, claim, a, article) };
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
  if (!claim) throw new NotFoundError(`${analysis.article.id}: no claim "${claimId}"`);
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

  /** A checker over a pipeline (when absent, the standard one without events, which the features do not read) and the shipped model. */
  static async create(pipeline?: Pipeline, model: StanceModel = stanceModel()): Promise<ClaimChecker> {
    return new ClaimChecker(pipeline ?? (await createPipeline({ layers: FEATURE_LAYERS })), model);
  }

  /** The analysis of a text (a claim or an article body), from the cache when seen before. */
  analyze(text: string): Analysis {
    let a = this.analyses.get(text);
    if (a) {
      // Least recently used first out: a text seen again moves to the end.
      this.analyses.delete(text);
    } else {
      const doc = this.pipeline.process({ id: 'check', title: null, published: null, source: null, url: null, language: 'en', ref: null, text });
      a = doc.toAnalysis();
      tokenized.set(a, { tokens: doc.tokens, sentences: doc.sentences });
      if (this.analyses.size >= CACHED_TEXTS) this.analyses.delete(this.analyses.keys().next().value!);
    }
    this.analyses.set(text, a);
    return a;
  }

  judge(claim: string | Analysis, article: string | Analysis): StanceResult {
    return stanceToClaim(typeof claim === 'string' ? this.analyze(claim) : claim, typeof article === 'string' ? this.analyze(article) : article, this.model);
  }
}
