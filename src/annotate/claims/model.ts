import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TAG, TAG_NAMES } from '../pos/tags.js';
import type { Context } from './context.js';
import type { Draft } from './frames.js';

/**
 * The cue model: an averaged perceptron that scores, for each claim the rules read, whether its
 * cue really attributes (PolNeAR's notion: speech, thought, intention, judgement). Trained by
 * scripts/train-cues.ts on PolNeAR train; weights in data/cues/model.json. It brings the words
 * that served as cues in training but are not in the hand-written lexicon, and decides where
 * those words are cues.
 */
export interface CueModelFile {
  /** What the model was trained on, for the record. */
  about: string;
  /** Claims of learned cue words scoring above this are kept. */
  threshold: number;
  /** Claims of lexicon cues scoring above this are kept. */
  lexiconThreshold: number;
  /** Cue words learned from training data beyond data/cues/cues.tsv. */
  vocabulary: string[];
  weights: Record<string, number>;
}

export const MODEL_FILE = fileURLToPath(new URL('../../../data/cues/model.json', import.meta.url));

export class CueModel {
  readonly vocabulary: ReadonlySet<string>;
  private readonly weights: Map<string, number>;
  readonly threshold: number;
  readonly lexiconThreshold: number;

  constructor(file: CueModelFile) {
    this.vocabulary = new Set(file.vocabulary);
    this.weights = new Map(Object.entries(file.weights));
    this.threshold = file.threshold;
    this.lexiconThreshold = file.lexiconThreshold;
  }

  /** Whether a claim the rules read is kept: its score against the threshold for its kind of cue. */
  accepts(ctx: Context, d: Draft): boolean {
    return this.score(cueFeatures(ctx, d)) > (d.entry.learned ? this.threshold : this.lexiconThreshold);
  }

  /** The shipped model, or null when none has been trained. */
  static load(path = MODEL_FILE): CueModel | null {
    if (!existsSync(path)) return null;
    let file: CueModelFile;
    try {
      file = JSON.parse(readFileSync(path, 'utf8')) as CueModelFile;
    } catch (e) {
      throw new Error(`${path}: not a cue model (${(e as Error).message})`);
    }
    if (typeof file.threshold !== 'number' || typeof file.lexiconThreshold !== 'number' || !Array.isArray(file.vocabulary) || typeof file.weights !== 'object') {
      throw new Error(`${path}: not a cue model (threshold, lexiconThreshold, vocabulary, weights expected)`);
    }
    return new CueModel(file);
  }

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f) ?? 0;
    return s;
  }
}

const LENGTH_BUCKETS = [2, 4, 8, 16, 32, 64];

/**
 * Features of a draft claim: the cue word and its neighbours, the rule that read it, the shape of
 * its speaker and content. Kept to plain strings so training and use share this one function.
 */
export function cueFeatures(ctx: Context, d: Draft): string[] {
  const { lower, tags } = ctx;
  const h = d.head;
  const w = lower[h]!;
  const prev = h > 0 ? lower[h - 1]! : '<s>';
  const next = h + 1 < ctx.count ? lower[h + 1]! : '</s>';
  const prev2 = h > 1 ? lower[h - 2]! : '<s>';
  const next2 = h + 2 < ctx.count ? lower[h + 2]! : '</s>';
  const tag = (i: number) => (i >= 0 && i < ctx.count ? TAG_NAMES[tags[i]!]! : 'END');
  const rule = d.rule;
  const frame = d.entry.noun ? 'noun' : d.entry.frame;
  let source = 'none';
  if (d.inherits) source = 'inherited';
  else if (d.source) {
    const s = d.sourceHead ?? d.source;
    const last = lower[s[1] - 1]!;
    const t = tags[s[1] - 1];
    source = t === TAG.PRON || t === TAG.WH ? `pron:${last}` : t === TAG.PROPN ? 'name' : 'noun';
  }
  let contentTokens = 0;
  for (const [a, b] of d.parts) contentTokens += b - a;
  const bucket = LENGTH_BUCKETS.findIndex((n) => contentTokens <= n);
  const firstContent = d.parts.length ? d.parts[0]![0] : -1;
  const startWord = firstContent >= 0 ? (ctx.opensQuote(firstContent) ? 'QUOTE' : lower[firstContent]!) : 'none';
  const quoted = d.parts.some(([a, b]) => ctx.quotes.of[a]! >= 0 || ctx.quotes.of[b - 1]! >= 0);
  const sourceHead = d.sourceHead ? lower[d.sourceHead[1] - 1]! : 'none';
  const initial = ctx.sentFirst(h) === h || (d.source !== null && ctx.sentFirst(h) === d.source[0]);
  return [
    'bias',
    `w=${w}`,
    `r=${rule}`,
    `r=${rule}|w=${w}`,
    `f=${frame}`,
    `f=${frame}|r=${rule}`,
    `p=${prev}`,
    `n=${next}`,
    `p2=${prev2}`,
    `n2=${next2}`,
    `p=${prev}|w=${w}`,
    `w=${w}|n=${next}`,
    `t=${tag(h)}`,
    `pt=${tag(h - 1)}|t=${tag(h)}|nt=${tag(h + 1)}`,
    `s=${source}`,
    `s=${source}|w=${w}`,
    `sh=${sourceHead}`,
    `len=${bucket}`,
    `r=${rule}|len=${bucket}`,
    `c0=${startWord}`,
    `w=${w}|c0=${startWord}`,
    `q=${quoted}`,
    `r=${rule}|q=${quoted}`,
    `init=${initial}`,
    `suf=${w.slice(-3)}`,
    `inq=${ctx.quotes.of[h]! >= 0}`,
    `cut=${d.boundary >= 0}`,
  ];
}
