import { random } from './gbdt.js';
import type { Prepared } from './prepare.js';
import { UnavailableError } from '../errors.js';

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

/** An article's known grams: all of them, and each sentence's. */
export interface ArticleGrams {
  body: Int32Array;
  sentences: Int32Array[];
}

/** The grams of the sentences near the claim, each once. */
function nearGrams(read: ArticleGrams, near: readonly number[]): Set<number> {
  const seen = new Set<number>();
  for (const s of near) for (const g of read.sentences[s] ?? []) seen.add(g);
  return seen;
}

/** Sparse feature values: indices into one class's weights. */
export interface Sparse {
  index: number[];
  value: number[];
}

/** The sparse features of a pair. */
export class LexicalIndexer {
  /** Word → its index, and word → next word → the pair's index: no strings built per lookup. */
  private readonly single = new Map<string, number>();
  private readonly pairs = new Map<string, Map<string, number>>();
  private readonly bodies = new WeakMap<Prepared, ArticleGrams>();
  private readonly claims = new WeakMap<Prepared, Int32Array>();

  constructor(readonly grams: readonly string[]) {
    grams.forEach((g, k) => {
      const space = g.indexOf(' ');
      if (space < 0) return this.single.set(g, k);
      const first = g.slice(0, space);
      let next = this.pairs.get(first);
      if (!next) this.pairs.set(first, (next = new Map()));
      next.set(g.slice(space + 1), k);
    });
  }

  /** Indices of the known words and pairs of words of a sentence. */
  private known(words: readonly string[]): Set<number> {
    const ids = new Set<number>();
    for (let i = 0; i < words.length; i++) {
      const k = this.single.get(words[i]!);
      if (k !== undefined) ids.add(k);
      if (i > 0) {
        const p = this.pairs.get(words[i - 1]!)?.get(words[i]!);
        if (p !== undefined) ids.add(p);
      }
    }
    return ids;
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
    const seen = nearGrams(read, near);
    region(seen, seen.size, NEAR + shift);
    const own = this.claimGrams(claim);
    region(own, own.length, CLAIM);
    return out;
  }

  /** The claim's known grams, read once per claim. */
  claimGrams(claim: Prepared): Int32Array {
    let r = this.claims.get(claim);
    if (!r) {
      const own = new Set<number>();
      for (const s of claim.sentences) for (const k of this.known(s.words)) own.add(k);
      this.claims.set(claim, (r = Int32Array.from(own)));
    }
    return r;
  }

  /** The article's known grams, read once per article. */
  read(body: Prepared): ArticleGrams {
    let r = this.bodies.get(body);
    if (!r) {
      const all = new Set<number>();
      const sentences = body.sentences.map((s) => {
        const ids = this.known(s.words);
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
  /** Per article: its article-wide margins for each claim polarity (the same for every claim). */
  private readonly articles = new WeakMap<Prepared, Float64Array>();
  private readonly claims = new WeakMap<Prepared, Float64Array>();

  constructor(file: LexicalFile) {
    this.indexer = new LexicalIndexer(file.grams);
    this.weights = Float32Array.from(file.weights);
    this.bias = file.bias;
    if (this.weights.length !== K * this.indexer.size) throw new UnavailableError(`stance lexicon: ${this.weights.length} weights for ${file.grams.length} grams`);
  }

  /**
   * Probabilities of agree, disagree and discuss from the words alone: the margins of the sparse
   * features (LexicalIndexer.features) summed region by region, the article's and the claim's
   * regions once per text.
   */
  scores(claim: Prepared, body: Prepared, near: readonly number[]): number[] {
    const shift = negates(claim) ? 1 : 0;
    const read = this.indexer.read(body);
    let article = this.articles.get(body);
    if (!article) {
      article = new Float64Array(2 * K);
      for (const s of [0, 1]) this.add(article, s * K, read.body, read.body.length, BODY + s);
      this.articles.set(body, article);
    }
    let own = this.claims.get(claim);
    if (!own) {
      own = new Float64Array(K);
      const grams = this.indexer.claimGrams(claim);
      this.add(own, 0, grams, grams.length, CLAIM);
      this.claims.set(claim, own);
    }
    const m = new Float64Array(K);
    const seen = nearGrams(read, near);
    this.add(m, 0, seen, seen.size, NEAR + shift);
    return softmax(this.bias.map((b, c) => b + article[shift * K + c]! + own[c]! + m[c]!));
  }

  /** Adds a region's margins (each gram weighing 1/√n) into `into` at `at`. */
  private add(into: Float64Array, at: number, grams: Iterable<number>, n: number, region: number): void {
    const size = this.indexer.size;
    const offset = region * this.indexer.grams.length;
    const v = 1 / Math.sqrt(Math.max(n, 1));
    for (const g of grams) for (let c = 0; c < K; c++) into[at + c]! += this.weights[c * size + offset + g]! * v;
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
