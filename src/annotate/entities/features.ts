import type { Tokens } from '../../doc/tokenize.js';

/**
 * Hashed integer features of the NER tagger, shared by training (scripts/train-ner.ts) and tagging.
 * Per-token values (word, shape, gazetteer code, document flags) are computed once per document as
 * integers; a feature is a hash of a template number and one or two such integers, so the hot loop
 * does arithmetic on typed arrays and allocates nothing.
 */

/** Tag set: O, then B/I/L/U for each of PER, ORG, LOC, MISC. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];
export const N_CLASSES = 1 + NER_TYPES.length * 4;
export const enum Pos {
  B = 0,
  I = 1,
  L = 2,
  U = 3,
}
export const tagOf = (type: number, pos: Pos) => 1 + type * 4 + pos;
export const typeOfTag = (tag: number) => (tag - 1) >> 2;
export const posOfTag = (tag: number): Pos => (tag - 1) & 3;

/** May `tag` follow `prev` in a BILOU sequence? */
export function allowed(prev: number, tag: number): boolean {
  const open = prev > 0 && (posOfTag(prev) === Pos.B || posOfTag(prev) === Pos.I);
  if (open) return tag > 0 && typeOfTag(tag) === typeOfTag(prev) && (posOfTag(tag) === Pos.I || posOfTag(tag) === Pos.L);
  return tag === 0 || posOfTag(tag) === Pos.B || posOfTag(tag) === Pos.U;
}

export const MAX_FEATURES = 40;
const BOS = 0x5bd1e995;
const EOS = 0x27d4eb2d;

/**
 * A signed 32-bit hash: the tagger reads only its low bits, and an int32 stays a small integer in
 * V8 where an unsigned value above 2^31 becomes a heap number (a third slower to compute).
 */
function mix(t: number, a: number, b: number): number {
  let h = Math.imul(t + 0x632be5ab, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** FNV-1a over [from, to) of a string, digits folded to 0 so numbers share features. */
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) c = 48;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** Word shape with runs collapsed: "Zelenskyy" → Xx, "NATO" → X, "1,500" → d,d, "U.S." → X.X. */
function shapeOf(w: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  let n = 0;
  for (let i = 0; i < w.length && n < 8; i++) {
    const c = w.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 1;
    else if (c >= 97 && c <= 122) k = 2;
    else if (c >= 48 && c <= 57) k = 3;
    else if (c < 128) k = 16 + c;
    else {
      const ch = w[i]!;
      k = ch !== ch.toLowerCase() ? 1 : ch !== ch.toUpperCase() ? 2 : 4;
    }
    if (k !== last) {
      h = Math.imul(h ^ k, 0x01000193);
      last = k;
      n++;
    }
  }
  return Math.imul(h ^ Math.min(w.length, 4), 0x01000193) | 0;
}

function isUpperAt(w: string, i: number): boolean {
  const c = w.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = w[i]!;
  return ch !== ch.toLowerCase();
}

function hasLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128 && w[i] !== w[i]!.toUpperCase()) return true;
  }
  return false;
}

/** Features per token: WORD_FEATURES of its own form, then up to MAX_FEATURES in all with its context. */
export const WORD_FEATURES = 10;

/** DocFeatures.flags bit of a word of lower-case letters only ("said", "été"): no capital, digit or other sign. */
export const PLAIN_WORD = 64;
const PLAIN = /^\p{Ll}+$/u;

/** Lower-case letters only: ASCII read by code, as nearly every token is, anything else by PLAIN. */
function isPlain(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    return c >= 128 && PLAIN.test(w);
  }
  return w.length > 0;
}

/**
 * Per-token integer values of one document, and the feature functions over them. A token's own
 * features (wordFeatures) depend on its form alone, so the tagger sums their weights once per form
 * and keeps the sums (tagger.ts); its context features (contextFeatures) are read at each token.
 */
export class DocFeatures {
  readonly n: number;
  /** The tokens' forms, which alone decide wordFeatures. */
  readonly forms: readonly string[];
  private readonly lower: readonly string[];
  readonly word: Int32Array;
  readonly shape: Int32Array;
  /**
   * Bits: 1 capitalised, 2 all capitals, 4 first of sentence, 8 in an all-capitals line, 16 seen lower-case elsewhere,
   * 32 seen capitalised mid-sentence elsewhere, 64 a plain word (PLAIN_WORD). The features read bits 1–32 only.
   */
  readonly flags: Int32Array;
  readonly gaz: Int32Array;
  readonly sentenceStart: Int32Array;
  readonly sentenceEnd: Int32Array;

  constructor(t: Tokens, gaz: Int32Array, sentences: readonly { first: number; last: number }[]) {
    const n = t.count;
    this.n = n;
    this.forms = t.words;
    this.lower = t.lower;
    this.word = new Int32Array(n);
    this.shape = new Int32Array(n);
    this.flags = new Int32Array(n);
    this.gaz = gaz;
    this.sentenceStart = new Int32Array(n);
    this.sentenceEnd = new Int32Array(n);
    const lowerSeen = new Set<number>();
    const capSeen = new Set<number>();
    for (const s of sentences) {
      let caps = true;
      let letters = 0;
      for (let i = s.first; i < s.last; i++) {
        this.sentenceStart[i] = s.first;
        this.sentenceEnd[i] = s.last;
        const w = t.words[i]!;
        if (hasLower(w)) caps = false;
        else if (w.toLowerCase() !== w) letters++;
      }
      for (let i = s.first; i < s.last; i++) {
        const w = t.words[i]!;
        const l = t.lower[i]!;
        const wid = hashRange(l, 0, l.length);
        this.word[i] = wid;
        this.shape[i] = shapeOf(w);
        const upper = isUpperAt(w, 0);
        const lowerAny = hasLower(w);
        const f = (upper ? 1 : 0) | (upper && !lowerAny && w.length > 1 ? 2 : 0) | (i === s.first ? 4 : 0) | (caps && letters > 2 ? 8 : 0) | (isPlain(w) ? PLAIN_WORD : 0);
        this.flags[i] = f;
        if (!upper && lowerAny) lowerSeen.add(wid);
        else if (upper && lowerAny && i !== s.first && !(f & 8)) capSeen.add(wid);
      }
    }
    for (let i = 0; i < n; i++) {
      if (lowerSeen.has(this.word[i]!)) this.flags[i]! |= 16;
      if (capSeen.has(this.word[i]!)) this.flags[i]! |= 32;
    }
  }

  /**
   * Write the feature hashes of token i into `out` and return how many. `prev`, `prev2` are the
   * tags of the two tokens before (0 at a sentence start), `history` the type + 1 last given to
   * the same word earlier in the document (0 if none).
   */
  features(i: number, prev: number, prev2: number, history: number, out: Int32Array): number {
    return this.contextFeatures(i, prev, prev2, history, out, this.wordFeatures(i, out));
  }

  /** The WORD_FEATURES features of token i's form (the bias, word, form, shape and affixes), written from out[0]. */
  wordFeatures(i: number, out: Int32Array): number {
    const w = this.forms[i]!;
    const l = this.lower[i]!;
    const len = l.length;
    out[0] = mix(0, 0, 0);
    out[1] = mix(1, this.word[i]!, 0);
    out[2] = mix(6, hashRange(w, 0, w.length), 0);
    out[3] = mix(7, this.shape[i]!, 0);
    out[4] = mix(10, hashRange(l, Math.max(0, len - 1), len), 0);
    out[5] = mix(11, hashRange(l, Math.max(0, len - 2), len), 0);
    out[6] = mix(12, hashRange(l, Math.max(0, len - 3), len), 0);
    out[7] = mix(13, hashRange(l, Math.max(0, len - 4), len), 0);
    out[8] = mix(14, hashRange(l, 0, Math.min(2, len)), 0);
    out[9] = mix(15, hashRange(l, 0, Math.min(3, len)), 0);
    return WORD_FEATURES;
  }

  /** The features of token i in its context (neighbours, tags before it, gazetteer, history), written from out[k]; returns the new count. */
  contextFeatures(i: number, prev: number, prev2: number, history: number, out: Int32Array, k: number): number {
    const s0 = this.sentenceStart[i]!;
    const s1 = this.sentenceEnd[i]!;
    const w = this.word;
    const sh = this.shape;
    const gz = this.gaz;
    const wm1 = i - 1 >= s0 ? w[i - 1]! : BOS;
    const wm2 = i - 2 >= s0 ? w[i - 2]! : BOS;
    const wp1 = i + 1 < s1 ? w[i + 1]! : EOS;
    const wp2 = i + 2 < s1 ? w[i + 2]! : EOS;
    const shm1 = i - 1 >= s0 ? sh[i - 1]! : BOS;
    const shp1 = i + 1 < s1 ? sh[i + 1]! : EOS;
    const gm1 = i - 1 >= s0 ? gz[i - 1]! : -1;
    const gp1 = i + 1 < s1 ? gz[i + 1]! : -1;
    const w0 = w[i]!;
    const s = sh[i]!;
    const g = gz[i]!;
    const fl = this.flags[i]!;
    out[k++] = mix(2, wm1, 0);
    out[k++] = mix(3, wp1, 0);
    out[k++] = mix(4, wm2, 0);
    out[k++] = mix(5, wp2, 0);
    out[k++] = mix(8, shm1, 0);
    out[k++] = mix(9, shp1, 0);
    out[k++] = mix(16, prev, 0);
    out[k++] = mix(17, prev, prev2);
    out[k++] = mix(18, prev, w0);
    out[k++] = mix(19, prev, s);
    out[k++] = mix(20, wm1, w0);
    out[k++] = mix(21, w0, wp1);
    out[k++] = mix(22, g, 0);
    out[k++] = mix(23, gm1, 0);
    out[k++] = mix(24, gp1, 0);
    out[k++] = mix(25, g, s);
    out[k++] = mix(26, fl & 0x3c, s);
    out[k++] = mix(27, fl & 4, w0);
    out[k++] = mix(28, history, 0);
    out[k++] = mix(29, history, s);
    out[k++] = mix(30, mix(shm1, s, shp1), 0);
    out[k++] = mix(31, wm1, s);
    out[k++] = mix(32, s, wp1);
    out[k++] = mix(33, prev, gm1 === -1 ? g : mix(g, gm1, 0));
    out[k++] = mix(34, fl & 8, w0);
    out[k++] = mix(35, wm1, wp1);
    return k;
  }
}
