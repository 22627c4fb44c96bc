/**
 * MinHash signatures over word 5-gram shingles, and LSH bands over them, for finding
 * near-duplicate articles (syndicated copies, lightly edited rewrites) without comparing every
 * pair: articles sharing a band are candidates, and the estimated Jaccard similarity decides.
 */
import { kernelInstance } from '../wasm.js';
import { MINHASH_WASM } from './minhash-wasm.js';

export const HASHES = 128;
export const BANDS = 32;
const ROWS = HASHES / BANDS;
const SHINGLE = 5;
/** Estimated shingle Jaccard similarity from which two articles are near-duplicates. */
export const DUPLICATE_SIMILARITY = 0.5;

function randoms(seed: number, odd: boolean): Uint32Array {
  const out = new Uint32Array(HASHES);
  let x = seed;
  for (let i = 0; i < HASHES; i++) {
    x = fmix(x + 0x6d2b79f5);
    out[i] = odd ? x | 1 : x;
  }
  return out;
}
const SEEDS = randoms(0x9e3779b9, false);
const MULTIPLIERS = randoms(0x85ebca6b, true);

/** MurmurHash3's finaliser: a fast, well-mixed 32-bit permutation. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv(s: string, h = 2166136261): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** MinHash's kernel (minhash.wat): where its memory holds what. */
const MULTIPLIERS_AT = 0;
const SEEDS_AT = 512;
const SIGNATURE_AT = 1024;
const HASHES_AT = 1536;
/** Shingle hashes handed to the kernel at a time: its memory stays at two pages for any text. */
const CHUNK = 16384;

interface MinhashKernel {
  memory: WebAssembly.Memory;
  /** Lower the signature at SIGNATURE_AT by the `count` hashes at HASHES_AT. */
  least(count: number): void;
}

/** The kernel's function and the views of its memory that minhash() fills and reads, made once per thread. */
interface MinhashViews {
  least: MinhashKernel['least'];
  signature: Uint32Array;
  hashes: Uint32Array;
}

let kernel: MinhashViews | undefined;

function minhashKernel(): MinhashViews {
  if (!kernel) {
    const k = kernelInstance<MinhashKernel>('MinHash', MINHASH_WASM, HASHES_AT + CHUNK * 4);
    new Uint32Array(k.memory.buffer, MULTIPLIERS_AT, HASHES).set(MULTIPLIERS);
    new Uint32Array(k.memory.buffer, SEEDS_AT, HASHES).set(SEEDS);
    kernel = { least: k.least, signature: new Uint32Array(k.memory.buffer, SIGNATURE_AT, HASHES), hashes: new Uint32Array(k.memory.buffer, HASHES_AT, CHUNK) };
  }
  return kernel;
}

/**
 * The signature of a text: for each of HASHES hash functions, the least hash over its shingles.
 * One well-mixed hash per shingle, then cheap multiply-add permutations of it, taken in the kernel
 * (SIMD, four permutations at a time; the same values as `(Math.imul(x, m) + s) >>> 0` here).
 */
export function minhash(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const shingles = Math.max(1, words.length - SHINGLE + 1);
  const { least, signature, hashes } = minhashKernel();
  signature.fill(0xffffffff);
  let n = 0;
  for (let i = 0; i < shingles; i++) {
    let h = 2166136261;
    for (let k = i; k < Math.min(words.length, i + SHINGLE); k++) h = fnv(words[k]!, h ^ 32);
    hashes[n++] = fmix(h);
    if (n === CHUNK || i === shingles - 1) {
      least(n);
      n = 0;
    }
  }
  return signature.slice();
}

/** One hash per band of ROWS signature values (signed 32-bit, as SQLite integers). */
export function bands(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = fmix(b + 1);
    for (let r = 0; r < ROWS; r++) h = fmix(h ^ sig[b * ROWS + r]!);
    out.push(h | 0);
  }
  return out;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

export function toBuffer(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function fromBuffer(buf: Uint8Array): Uint32Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Uint32Array(copy.buffer);
}
