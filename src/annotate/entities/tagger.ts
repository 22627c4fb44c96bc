import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Tokens } from '../../doc/tokenize.js';
import { AliasKind, type Gazetteer, type GazetteerMatch } from './gazetteer.js';
import type { PosLexicon } from '../pos/tags.js';
import { allowed, DocFeatures, MAX_FEATURES, N_CLASSES, NER_TYPES, PLAIN_WORD, Pos, posOfTag, typeOfTag, WORD_FEATURES } from './features.js';
import { UnavailableError } from '../../errors.js';

/**
 * The learned part of entity recognition: a greedy averaged-perceptron BILOU tagger over hashed
 * features (features.ts), trained on CoNLL-2003 by scripts/train-ner.ts. The weights ship as
 * data/models/ner.bin: gzip of a header, the sorted feature buckets kept after pruning, and one
 * int8 row of class weights per bucket.
 */

export const MODEL_MAGIC = 'CTNER1';

/** A tagged span of tokens [start, end) with its CoNLL type index (PER, ORG, LOC, MISC). */
export interface TaggedSpan {
  start: number;
  end: number;
  type: number;
}

/** Class weights are packed two to an int32 (16-bit lanes, offset by 128) so scoring adds half as often. */
const LANES = (N_CLASSES + 1) >> 1;
const OFFSET = 128;
/** A form's slot in NerModel's sums: LANES packed sums of its word features' rows, then how many rows it has. */
const SLOT = LANES + 1;
/** Forms whose sums are kept; past this many, the next document starts afresh (a text's vocabulary rarely nears it). */
const KEPT_FORMS = 1 << 16;

/** ALLOWED[prev * N_CLASSES + tag]: may `tag` follow `prev`? */
const ALLOWED = new Uint8Array(N_CLASSES * N_CLASSES);
for (let p = 0; p < N_CLASSES; p++) for (let c = 0; c < N_CLASSES; c++) ALLOWED[p * N_CLASSES + c] = allowed(p, c) ? 1 : 0;

export class NerModel {
  private readonly mask: number;
  /** Offset of each hash bucket's row in `packed`, or -1. */
  private readonly rows: Int32Array;
  private readonly packed: Int32Array;
  /** Each form met so far → its slot in `sums`: its word features' rows summed once, not at every token. */
  private readonly formSlot = new Map<string, number>();
  private sums = new Int32Array(1024 * SLOT);

  constructor(
    readonly bits: number,
    buckets: Uint32Array,
    weights: Int8Array,
    private readonly keptForms = KEPT_FORMS,
  ) {
    this.mask = (1 << bits) - 1;
    this.rows = new Int32Array(1 << bits).fill(-1);
    this.packed = new Int32Array(buckets.length * LANES);
    for (let r = 0; r < buckets.length; r++) {
      this.rows[buckets[r]!] = r * LANES;
      for (let c = 0; c < N_CLASSES; c++) this.packed[r * LANES + (c >> 1)]! += (weights[r * N_CLASSES + c]! + OFFSET) << (16 * (c & 1));
    }
  }

  static read(path: string): NerModel {
    let buf: Buffer;
    try {
      buf = gunzipSync(readFileSync(path));
    } catch (e) {
      throw new UnavailableError(`NER model ${path}: cannot read (${(e as Error).message}); run npx tsx scripts/train-ner.ts`, { cause: e });
    }
    return NerModel.decode(buf, path);
  }

  static decode(buf: Buffer, path: string, keptForms = KEPT_FORMS): NerModel {
    if (buf.toString('latin1', 0, 6) !== MODEL_MAGIC) throw new UnavailableError(`NER model ${path}: not a model file (bad magic)`);
    const bits = buf.readUInt32LE(8);
    const nRows = buf.readUInt32LE(12);
    const classes = buf.readUInt32LE(16);
    if (classes !== N_CLASSES) throw new UnavailableError(`NER model ${path}: ${classes} classes, the tagger has ${N_CLASSES}; retrain`);
    let off = 20;
    const buckets = new Uint32Array(nRows);
    // Buckets are sorted and stored as LEB128 deltas.
    let last = 0;
    for (let r = 0; r < nRows; r++) {
      let v = 0;
      let shift = 0;
      let b: number;
      do {
        b = buf[off++]!;
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      last += v;
      buckets[r] = last;
    }
    const weights = new Int8Array(buf.buffer, buf.byteOffset + off, nRows * N_CLASSES);
    return new NerModel(bits, buckets, weights, keptForms);
  }

  /** Tag one document; returns a BILOU tag per token (0 = O). */
  tag(f: DocFeatures): Int32Array {
    const tags = new Int32Array(f.n);
    const feats = new Int32Array(MAX_FEATURES);
    const at = new Int32Array(MAX_FEATURES);
    const sums = new Int32Array(LANES);
    const scores = new Int32Array(N_CLASSES);
    const history = new Map<number, number>();
    if (this.formSlot.size > this.keptForms) this.formSlot.clear();
    const { rows, packed, mask } = this;
    for (let i = 0; i < f.n; i++) {
      const first = i === f.sentenceStart[i];
      const prev = first ? 0 : tags[i - 1]!;
      const prev2 = first || i - 2 < f.sentenceStart[i]! ? 0 : tags[i - 2]!;
      if (prev === 0 && opensNothing(f, i)) continue;
      // Before the context features: a form not met before takes `feats` and `at` for its own.
      const slot = this.slotOf(f, i, feats, at);
      const formSums = this.sums;
      const n = f.contextFeatures(i, prev, prev2, history.get(f.word[i]!) ?? 0, feats, 0);
      // Every row is looked up before any is read, so the lookups (cache misses, most of them) overlap.
      for (let k = 0; k < n; k++) at[k] = rows[feats[k]! & mask]!;
      for (let l = 0; l < LANES; l++) sums[l] = formSums[slot + l]!;
      let hits = formSums[slot + LANES]!;
      for (let k = 0; k < n; k++) {
        const r = at[k]!;
        if (r < 0) continue;
        hits++;
        for (let l = 0; l < LANES; l++) sums[l]! += packed[r + l]!;
      }
      for (let c = 0; c < N_CLASSES; c++) scores[c] = ((sums[c >> 1]! >>> (16 * (c & 1))) & 0xffff) - hits * OFFSET;
      const last = i + 1 === f.sentenceEnd[i];
      const row = prev * N_CLASSES;
      let best = -1;
      let bestScore = -Infinity;
      for (let c = 0; c < N_CLASSES; c++) {
        if (!ALLOWED[row + c]) continue;
        // A sentence's last token cannot open an entity.
        if (last && c > 0 && (posOfTag(c) === Pos.B || posOfTag(c) === Pos.I)) continue;
        if (scores[c]! > bestScore) {
          bestScore = scores[c]!;
          best = c;
        }
      }
      tags[i] = best;
      if (best > 0) history.set(f.word[i]!, typeOfTag(best) + 1);
    }
    return tags;
  }

  /**
   * Token i's slot in `sums`, summing its form's word features when the form was not met before.
   * News repeats its words, so most tokens find their form's sums there: 10 of a token's 36 row
   * lookups, the tagger's cost, are made once per form. Only scored tokens ask.
   */
  private slotOf(f: DocFeatures, i: number, feats: Int32Array, at: Int32Array): number {
    const form = f.forms[i]!;
    const kept = this.formSlot.get(form);
    if (kept !== undefined) return kept;
    const { rows, packed, mask } = this;
    const slot = this.formSlot.size * SLOT;
    if (slot + SLOT > this.sums.length) {
      const grown = new Int32Array(this.sums.length * 2);
      grown.set(this.sums);
      this.sums = grown;
    }
    const sums = this.sums;
    // A slot of forms cleared away holds their sums.
    sums.fill(0, slot, slot + SLOT);
    f.wordFeatures(i, feats);
    for (let k = 0; k < WORD_FEATURES; k++) at[k] = rows[feats[k]! & mask]!;
    let hits = 0;
    for (let k = 0; k < WORD_FEATURES; k++) {
      const r = at[k]!;
      if (r < 0) continue;
      hits++;
      for (let l = 0; l < LANES; l++) sums[slot + l]! += packed[r + l]!;
    }
    sums[slot + LANES] = hits;
    this.formSlot.set(form, slot);
    return slot;
  }
}

/**
 * Does token i, after a token outside any name, stay outside one? A plain lower-case word, not part of
 * a gazetteer name and followed by no capitalised word, opens no name in news: the tagger gives it O
 * unscored, about half of all tokens. Scoring them, the model tagged none otherwise on CoNLL-2003 dev
 * (23,756 such tokens), PolNeAR (529,082) or the conflict set (12,707), and 7 of FNC-1's 447,369 (lower-case
 * names in hashtags, French words). A lower-case word before a capital ("de Gaulle") is scored.
 */
function opensNothing(f: DocFeatures, i: number): boolean {
  if (!(f.flags[i]! & PLAIN_WORD) || f.gaz[i] !== 0) return false;
  return i + 1 >= f.sentenceEnd[i]! || !(f.flags[i + 1]! & 1);
}

/** Spans of a BILOU tag sequence. */
export function spansOf(tags: Int32Array): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) {
      open = -1;
      continue;
    }
    const p = posOfTag(t);
    if (p === Pos.U) out.push({ start: i, end: i + 1, type: typeOfTag(t) });
    else if (p === Pos.B) open = i;
    else if (p === Pos.L && open >= 0) {
      out.push({ start: open, end: i + 1, type: typeOfTag(t) });
      open = -1;
    }
  }
  return out;
}

const PER = NER_TYPES.indexOf('PER');

/**
 * A person's name the tagger cut short ("Kim Jong Gyu" tagged "Kim Jong"): a capitalised word
 * right after it that no lexicon knows belongs to it — else "Kim Jong" passes for Kim Jong Un.
 */
export function completeNames(spans: TaggedSpan[], t: Tokens, lexicon: PosLexicon): TaggedSpan[] {
  const taken = new Set(spans.map((s) => s.start));
  for (const s of spans) {
    while (s.type === PER && s.end < t.count && t.sentence[s.end] === t.sentence[s.start] && !taken.has(s.end) && t.start[s.end] === t.end[s.end - 1]! + 1) {
      const w = t.words[s.end]!;
      const c = w.charCodeAt(0);
      if (!(c >= 65 && c <= 90) || w.length < 2 || w === w.toUpperCase() || lexicon.knows(t.lower[s.end]!)) break;
      s.end++;
    }
  }
  return spans;
}

/**
 * Gazetteer codes per token for the tagger: 4 × category + BILU position, 0 where no name
 * matches. Categories tell the model how far to trust a match (a country name more than a small
 * town that shares its name with a word).
 */
export function gazetteerCodes(g: Gazetteer, t: Tokens, matches: readonly GazetteerMatch[]): Int32Array {
  const codes = new Int32Array(t.count);
  let covered = 0;
  for (const m of matches) {
    if (m.start < covered) continue;
    const cat = category(g, m);
    if (!cat) continue;
    covered = m.end;
    if (m.end - m.start === 1) codes[m.start] = cat * 4 + Pos.U;
    else {
      codes[m.start] = cat * 4 + Pos.B;
      for (let i = m.start + 1; i < m.end - 1; i++) codes[i] = cat * 4 + Pos.I;
      codes[m.end - 1] = cat * 4 + Pos.L;
    }
  }
  return codes;
}

function category(g: Gazetteer, m: GazetteerMatch): number {
  let best = 0;
  for (const h of m.hits) {
    const e = g.entry(h.entry);
    let c: number;
    if (h.kind === AliasKind.Local) continue;
    if (h.kind === AliasKind.Demonym) {
      // The model was trained with demonyms of places only; a party's adjective ("Republican") is no evidence.
      if (e.type !== 'GPE' && e.type !== 'LOC') continue;
      c = 2;
    } else if (h.kind === AliasKind.Seat) c = 1;
    else if (e.type === 'GPE' && e.subtype === 'country') c = 1;
    else if (e.type === 'PERSON') c = 7;
    else if (e.type === 'ORG') c = 6;
    // Towns came after the model was trained: a village that shares its name with a word or a
    // surname would only mislead it.
    else if (e.subtype === 'town') continue;
    else if (e.type === 'GPE' && (e.rank >= 100_000 || e.subtype === 'capital')) c = 4;
    else if (e.type === 'GPE') c = 5;
    else if (e.type === 'LOC' || e.type === 'FAC') c = 3;
    else c = 8;
    // Prefer the most telling category: country, demonym, person, organisation, then places.
    if (!best || PRIORITY[c]! < PRIORITY[best]!) best = c;
  }
  return best;
}

const PRIORITY = [99, 0, 1, 4, 5, 6, 3, 2, 7];
