import { random } from './gbdt.js';
import type { Prepared } from './prepare.js';

/**
 * A learned lexicon of stance: how much each word and pair of words says that an article agrees
 * with a claim, denies it or only discusses it — in the article as a whole, in the sentences that
 * hold the claim, and in the claim's own wording — each in two variants, for claims that negate or
 * call something false and for those that do not ("a hoax" in the article agrees with a claim
 * that calls it one). A multinomial logistic regression (scripts/train-check.ts) whose three
 * scores the trees read as features. Its words are common English ones that many different claims
 * share and that are written in lower case (the training script picks them), so it learns how
 * articles speak, not what they are about.
 */
export const LEXICAL_CLASSES = ['agree', 'disagree', 'discuss'] as const;
const K = LEXICAL_CLASSES.length;

/** Where a word is read, by whether the claim negates: article-wide, near the claim, in the claim. */
const REGIONS = 5;
const BODY = 0;
const NEAR = 2;
const CLAIM = 4;

export interface LexicalFile {
  grams: string[];
  /** Class-major: weights[c × REGIONS × grams + region × grams + gram]. */
  weights: number[];
  bias: number[];
}

/** Words and pairs of successive words of a sentence. */
export function gramsOf(words: readonly string[]): string[] {
  const out = words.slice();
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

/** Whether a claim negates or calls something false: the lexicon reads the article differently then. */
export function negates(claim: Prepared): boolean {
  return claim.sentences.some((s) => s.refute > 0 || s.negation > 0);
}

/** Sparse feature values: indices into one class's weights. */
export interface Sparse {
  index: number[];
  value: number[];
}

/** The sparse features of a pair. */
export class LexicalIndexer {
  readonly index: Map<string, number>;
  private readonly bodies = new WeakMap<Prepared, { body: Int32Array; sentences: Int32Array[] }>();

  constructor(readonly grams: readonly string[]) {
    this.index = new Map(grams.map((g, k) => [g, k]));
  }

  get size(): number {
    return REGIONS * this.grams.length;
  }

  /** Each region's grams weigh 1/√n together, so a long article does not outvote its own sentences. */
  features(claim: Prepared, body: Prepared, near: readonly number[]): Sparse {
    const V = this.grams.length;
    const shift = negates(claim) ? 1 : 0;
    const read = this.read(body);
    const out: Sparse = { index: [], value: [] };
    const region = (grams: Iterable<number>, size: number, offset: number) => {
      const v = 1 / Math.sqrt(Math.max(size, 1));
      for (const g of grams) {
        out.index.push(offset * V + g);
        out.value.push(v);
      }
    };
    region(read.body, read.body.length, BODY + shift);
    const seen = new Set<number>();
    for (const s of near) for (const g of read.sentences[s] ?? []) seen.add(g);
    region(seen, seen.size, NEAR + shift);
    const own = new Set<number>();
    for (const s of claim.sentences) {
      for (const g of gramsOf(s.words)) {
        const k = this.index.get(g);
        if (k !== undefined) own.add(k);
      }
    }
    region(own, own.size, CLAIM);
    return out;
  }

  /** The article's known grams, read once per article. */
  private read(body: Prepared): { body: Int32Array; sentences: Int32Array[] } {
    let r = this.bodies.get(body);
    if (!r) {
      const all = new Set<number>();
      const sentences = body.sentences.map((s) => {
        const ids = new Set<number>();
        for (const g of gramsOf(s.words)) {
          const k = this.index.get(g);
          if (k !== undefined) ids.add(k);
        }
        for (const k of ids) all.add(k);
        return Int32Array.from(ids);
      });
      r = { body: Int32Array.from(all), sentences };
      this.bodies.set(body, r);
    }
    return r;
  }
}

export class Lexicon {
  private readonly indexer: LexicalIndexer;
  private readonly weights: Float32Array;
  private readonly bias: number[];

  constructor(file: LexicalFile) {
    this.indexer = new LexicalIndexer(file.grams);
    this.weights = Float32Array.from(file.weights);
    this.bias = file.bias;
    if (this.weights.length !== K * this.indexer.size) throw new Error(`lexicon: ${this.weights.length} weights for ${file.grams.length} grams`);
  }

  /** Probabilities of agree, disagree and discuss from the words alone. */
  scores(claim: Prepared, body: Prepared, near: readonly number[]): number[] {
    return softmax(margins(this.indexer.features(claim, body, near), this.weights, this.bias, this.indexer.size));
  }
}

function margins(x: Sparse, weights: Float32Array, bias: readonly number[], size: number): number[] {
  const m = bias.slice();
  for (let c = 0; c < K; c++) {
    const at = c * size;
    for (let j = 0; j < x.index.length; j++) m[c]! += weights[at + x.index[j]!]! * x.value[j]!;
  }
  return m;
}

export function softmax(m: readonly number[]): number[] {
  const max = Math.max(...m);
  const e = m.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export interface LexicalExample {
  features: Sparse;
  label: number;
}

/**
 * Multinomial logistic regression by AdaGrad with an L2 penalty, examples in a seeded order:
 * the same examples always give the same weights.
 */
export function trainLexicon(indexer: LexicalIndexer, examples: readonly LexicalExample[], o: { epochs: number; rate: number; l2: number; seed: number; classWeights?: number[] }): LexicalFile {
  const size = indexer.size;
  const weights = new Float32Array(K * size);
  const squares = new Float32Array(K * size).fill(1e-8);
  const bias = new Array<number>(K).fill(0);
  const biasSquares = new Array<number>(K).fill(1e-8);
  const rand = random(o.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const { features, label } = examples[i]!;
      const p = softmax(margins(features, weights, bias, size));
      const w = o.classWeights?.[label] ?? 1;
      for (let c = 0; c < K; c++) {
        const g = (p[c]! - (c === label ? 1 : 0)) * w;
        biasSquares[c]! += g * g;
        bias[c]! -= (o.rate * g) / Math.sqrt(biasSquares[c]!);
        const at = c * size;
        for (let j = 0; j < features.index.length; j++) {
          const f = at + features.index[j]!;
          const gf = g * features.value[j]! + o.l2 * weights[f]!;
          squares[f]! += gf * gf;
          weights[f]! -= (o.rate * gf) / Math.sqrt(squares[f]!);
        }
      }
    }
  }
  return { grams: [...indexer.grams], weights: Array.from(weights, (v) => Math.round(v * 1e4) / 1e4), bias: bias.map((v) => Math.round(v * 1e4) / 1e4) };
}
