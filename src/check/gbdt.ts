import { UnavailableError } from '../errors.js';
/**
 * Gradient-boosted decision trees for a few classes (softmax loss), small enough to read: the
 * histogram method (features cut into at most 64 bins at training time), trees grown level by
 * level with L2-regularised leaves, seeded row and feature sampling so the same data always gives
 * the same weights. Prediction walks plain thresholds and needs no bins.
 */

/** One tree, as parallel arrays over its nodes; node 0 is the root. A leaf has feature −1. */
export interface Tree {
  feature: number[];
  /** Go left when the value is ≤ threshold (NaN goes right). */
  threshold: number[];
  left: number[];
  right: number[];
  /** Leaf values (0 for inner nodes). */
  value: number[];
}

export interface Forest {
  classes: number;
  /** Starting score per class (log prior). */
  base: number[];
  /** Round by round, one tree per class. */
  trees: Tree[];
}

export interface BoostOptions {
  rounds: number;
  depth: number;
  /** Shrinkage per round. */
  rate: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Smallest hessian sum a child may have. */
  minChild: number;
  /** Fraction of rows each round sees. */
  rowSample: number;
  /** Fraction of features each tree may split on. */
  featureSample: number;
  seed: number;
  /** Weight per class (for rare classes), 1 when absent. */
  classWeights?: number[];
}

const BINS = 64;

/** Seeded generator (mulberry32): the same seed, the same sequence. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bin edges per feature: up to BINS − 1 cut points at quantiles of the distinct values. */
function binEdges(rows: Float32Array[], f: number): number[] {
  const values = Float64Array.from(rows, (r) => r[f]!).sort();
  const distinct: number[] = [];
  for (const v of values) if (distinct[distinct.length - 1] !== v) distinct.push(v);
  if (distinct.length <= BINS) return distinct.slice(0, -1);
  const edges: number[] = [];
  for (let b = 1; b < BINS; b++) {
    const v = values[Math.floor((b * values.length) / BINS)]!;
    if (edges[edges.length - 1] !== v && v < distinct[distinct.length - 1]!) edges.push(v);
  }
  return edges;
}

function binOf(edges: number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Train a forest on feature rows and class labels (0 … classes − 1). */
export function boost(rows: Float32Array[], labels: number[], classes: number, o: BoostOptions): Forest {
  const n = rows.length;
  const F = rows[0]!.length;
  const edges = Array.from({ length: F }, (_, f) => binEdges(rows, f));
  const bins = new Uint8Array(n * F);
  for (let i = 0; i < n; i++) for (let f = 0; f < F; f++) bins[i * F + f] = binOf(edges[f]!, rows[i]![f]!);
  const weight = Float64Array.from(labels, (y) => o.classWeights?.[y] ?? 1);
  const prior = new Array<number>(classes).fill(0);
  labels.forEach((y, i) => (prior[y]! += weight[i]!));
  const total = prior.reduce((a, b) => a + b, 0);
  const base = prior.map((c) => Math.log(Math.max(c, 1) / total));
  const score = new Float64Array(n * classes);
  for (let i = 0; i < n; i++) for (let c = 0; c < classes; c++) score[i * classes + c] = base[c]!;
  const rand = random(o.seed);
  const trees: Tree[] = [];
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const prob = new Float64Array(n * classes);
  for (let round = 0; round < o.rounds; round++) {
    softmaxRows(score, prob, n, classes);
    const sample: number[] = [];
    for (let i = 0; i < n; i++) if (rand() < o.rowSample) sample.push(i);
    for (let c = 0; c < classes; c++) {
      for (let i = 0; i < n; i++) {
        const p = prob[i * classes + c]!;
        grad[i] = (p - (labels[i] === c ? 1 : 0)) * weight[i]!;
        hess[i] = Math.max(p * (1 - p), 1e-6) * weight[i]!;
      }
      const allowed = new Uint8Array(F);
      for (let f = 0; f < F; f++) allowed[f] = rand() < o.featureSample ? 1 : 0;
      const tree = grow(sample, bins, F, edges, grad, hess, allowed, o);
      trees.push(tree);
      for (let i = 0; i < n; i++) score[i * classes + c]! += predictTree(tree, rows[i]!);
    }
  }
  return { classes, base, trees };
}

function softmaxRows(score: Float64Array, prob: Float64Array, n: number, k: number): void {
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, score[i * k + c]!);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += prob[i * k + c] = Math.exp(score[i * k + c]! - max);
    for (let c = 0; c < k; c++) prob[i * k + c]! /= sum;
  }
}

interface Pending {
  node: number;
  rows: number[];
  depth: number;
  g: number;
  h: number;
  /** Gradient and hessian sums per feature bin, when already known (from the parent and sibling). */
  hist: Float64Array | null;
}

function grow(sample: number[], bins: Uint8Array, F: number, edges: number[][], grad: Float64Array, hess: Float64Array, allowed: Uint8Array, o: BoostOptions): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const add = () => {
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    return tree.feature.length - 1;
  };
  let g = 0;
  let h = 0;
  for (const i of sample) {
    g += grad[i]!;
    h += hess[i]!;
  }
  const features: number[] = [];
  for (let f = 0; f < F; f++) if (allowed[f]) features.push(f);
  // Interleaved sums: [g, h] per (feature, bin).
  const histogram = (rows: number[]) => {
    const hist = new Float64Array(F * BINS * 2);
    for (const i of rows) {
      const gi = grad[i]!;
      const hi = hess[i]!;
      const at = i * F;
      for (const f of features) {
        const k = (f * BINS + bins[at + f]!) * 2;
        hist[k]! += gi;
        hist[k + 1]! += hi;
      }
    }
    return hist;
  };
  const queue: Pending[] = [{ node: add(), rows: sample, depth: 0, g, h, hist: null }];
  for (let q = 0; q < queue.length; q++) {
    const p = queue[q]!;
    const leaf = () => (tree.value[p.node] = (-p.g / (p.h + o.lambda)) * o.rate);
    if (p.depth >= o.depth || p.h < 2 * o.minChild) {
      leaf();
      continue;
    }
    const hist = p.hist ?? histogram(p.rows);
    const parent = (p.g * p.g) / (p.h + o.lambda);
    let best = 1e-9;
    let bestF = -1;
    let bestBin = -1;
    for (const f of features) {
      let gl = 0;
      let hl = 0;
      const last = edges[f]!.length;
      for (let b = 0; b < last; b++) {
        gl += hist[(f * BINS + b) * 2]!;
        hl += hist[(f * BINS + b) * 2 + 1]!;
        const hr = p.h - hl;
        if (hl < o.minChild || hr < o.minChild) continue;
        const gr = p.g - gl;
        const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
        if (gain > best) {
          best = gain;
          bestF = f;
          bestBin = b;
        }
      }
    }
    if (bestF < 0) {
      leaf();
      continue;
    }
    const left: number[] = [];
    const right: number[] = [];
    let gl = 0;
    let hl = 0;
    for (const i of p.rows) {
      if (bins[i * F + bestF]! <= bestBin) {
        left.push(i);
        gl += grad[i]!;
        hl += hess[i]!;
      } else right.push(i);
    }
    tree.feature[p.node] = bestF;
    tree.threshold[p.node] = edges[bestF]![bestBin]!;
    const l = add();
    const r = add();
    tree.left[p.node] = l;
    tree.right[p.node] = r;
    // Only the smaller child's sums are counted; the larger one's are the parent's minus them.
    let hl2: Float64Array | null = null;
    let hr2: Float64Array | null = null;
    if (p.depth + 1 < o.depth) {
      const small = histogram(left.length <= right.length ? left : right);
      const large = hist;
      for (let k = 0; k < large.length; k++) large[k]! -= small[k]!;
      [hl2, hr2] = left.length <= right.length ? [small, large] : [large, small];
    }
    queue.push({ node: l, rows: left, depth: p.depth + 1, g: gl, h: hl, hist: hl2 }, { node: r, rows: right, depth: p.depth + 1, g: p.g - gl, h: p.h - hl, hist: hr2 });
  }
  return tree;
}

export function predictTree(tree: Tree, x: ArrayLike<number>): number {
  let k = 0;
  for (;;) {
    const f = tree.feature[k]!;
    if (f < 0) return tree.value[k]!;
    k = x[f]! <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
  }
}

/** Deepest forest the perfect layout takes: 2^12 leaves a tree (the shipped trees are 6 deep). */
const MAX_DEPTH = 12;

/** Trees walked side by side: their chains of dependent loads overlap. */
const LANES = 4;

function depthOf(tree: Tree, k = 0): number {
  return tree.feature[k]! < 0 ? 0 : 1 + Math.max(depthOf(tree, tree.left[k]!), depthOf(tree, tree.right[k]!));
}

/**
 * A forest in flat typed arrays, every tree laid out as a perfect binary tree of the forest's
 * depth (a shallower leaf is repeated under a node whose test does not matter). So every walk
 * takes the same number of steps and the child is computed, not branched to: the processor has
 * no branch to mispredict, and four trees walked together overlap their memory reads: 2.5–3 times as
 * fast as following child links, with the same sums, and so the same probabilities.
 */
export class CompiledForest {
  private readonly depth: number;
  /** Per tree, its inner nodes in breadth-first order (children of i at 2i + 1, 2i + 2): feature and threshold. */
  private readonly feature: Int32Array;
  /** Float32, as the features are: a stored threshold equals the value it was cut at. */
  private readonly threshold: Float32Array;
  /** Per tree, its 2^depth leaves' values, left to right. */
  private readonly leaf: Float64Array;
  private readonly base: Float64Array;
  readonly classes: number;

  constructor(forest: Forest) {
    const depth = Math.max(0, ...forest.trees.map((t) => depthOf(t)));
    if (depth > MAX_DEPTH) throw new UnavailableError(`stance forest: trees ${depth} deep, deeper than the ${MAX_DEPTH} this build lays out`);
    const inner = (1 << depth) - 1;
    const leaves = 1 << depth;
    this.depth = depth;
    this.feature = new Int32Array(forest.trees.length * inner);
    this.threshold = new Float32Array(forest.trees.length * inner);
    this.leaf = new Float64Array(forest.trees.length * leaves);
    forest.trees.forEach((t, k) => {
      // `node` of the trained tree at `slot` of the perfect one, `level` deep; a leaf fills every slot below it.
      const place = (node: number, slot: number, level: number): void => {
        if (level === depth) {
          this.leaf[k * leaves + slot - inner] = t.value[node]!;
          return;
        }
        const split = t.feature[node]! >= 0;
        if (split) {
          this.feature[k * inner + slot] = t.feature[node]!;
          this.threshold[k * inner + slot] = t.threshold[node]!;
        }
        place(split ? t.left[node]! : node, 2 * slot + 1, level + 1);
        place(split ? t.right[node]! : node, 2 * slot + 2, level + 1);
      };
      place(0, 0, 0);
    });
    this.base = Float64Array.from(forest.base);
    this.classes = forest.classes;
  }

  /** Class probabilities for one feature row. */
  predict(x: ArrayLike<number>): number[] {
    const k = this.classes;
    // Typed arrays throughout: an array whose element kind changes would throw the compiled loop away.
    const s = Float64Array.from(this.base);
    const { depth, feature, threshold, leaf } = this;
    const inner = (1 << depth) - 1;
    const leaves = inner + 1;
    const trees = leaf.length / leaves;
    let t = 0;
    for (; t + LANES <= trees; t += LANES) {
      const o = t * inner;
      let a = 0;
      let b = 0;
      let c = 0;
      let d = 0;
      // Left is 2n + 1, right 2n + 2: the comparison's 0 or 1, not a branch (NaN goes right, as trained).
      for (let level = 0; level < depth; level++) {
        a = 2 * a + 2 - +(x[feature[o + a]!]! <= threshold[o + a]!);
        b = 2 * b + 2 - +(x[feature[o + inner + b]!]! <= threshold[o + inner + b]!);
        c = 2 * c + 2 - +(x[feature[o + 2 * inner + c]!]! <= threshold[o + 2 * inner + c]!);
        d = 2 * d + 2 - +(x[feature[o + 3 * inner + d]!]! <= threshold[o + 3 * inner + d]!);
      }
      // Added in tree order, so each class's sum is the same float as walking one tree at a time.
      s[t % k]! += leaf[t * leaves + a - inner]!;
      s[(t + 1) % k]! += leaf[(t + 1) * leaves + b - inner]!;
      s[(t + 2) % k]! += leaf[(t + 2) * leaves + c - inner]!;
      s[(t + 3) % k]! += leaf[(t + 3) * leaves + d - inner]!;
    }
    for (; t < trees; t++) {
      const o = t * inner;
      let n = 0;
      for (let level = 0; level < depth; level++) n = 2 * n + 2 - +(x[feature[o + n]!]! <= threshold[o + n]!);
      s[t % k]! += leaf[t * leaves + n - inner]!;
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, s[c]!);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += s[c] = Math.exp(s[c]! - max);
    return Array.from(s, (v) => v / sum);
  }
}
