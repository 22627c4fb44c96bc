/**
 * Trains the NER tagger (src/annotate/entities/tagger.ts) on CoNLL-2003 train and writes the
 * weights to data/models/ner.bin. The data is read from ../shared at run time and never shipped.
 *   npx tsx scripts/train-ner.ts [--epochs N] [--bits B] [--prune X]
 * Greedy averaged perceptron (Collins 2002) over BILOU tags with the tagger's own features and
 * decoding; prints span P/R/F1 on CoNLL-2003 dev after every epoch.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { dataPath } from '../src/data.js';
import { tokenize } from '../src/doc/tokenize.js';
import { en } from '../src/lang/index.js';
import { readGazetteer } from '../src/annotate/entities/gazetteer.js';
import { allowed, DocFeatures, MAX_FEATURES, N_CLASSES, NER_TYPES, Pos, tagOf, typeOfTag } from '../src/annotate/entities/features.js';
import { gazetteerCodes, MODEL_MAGIC, NerModel, spansOf } from '../src/annotate/entities/tagger.js';
import { codePointToUtf16, readJsonl, sharedPath } from '../src/eval/shared.js';

const { values } = parseArgs({ options: { epochs: { type: 'string', default: '10' }, bits: { type: 'string', default: '18' }, prune: { type: 'string', default: '0' }, seed: { type: 'string', default: '1' } } });
const EPOCHS = Number(values.epochs);
const BITS = Number(values.bits);
const SIZE = 1 << BITS;
const MASK = SIZE - 1;

interface ConllDoc {
  id: string;
  text: string;
  entities: { type: string; start: number; end: number; text: string }[];
}
interface Example {
  f: DocFeatures;
  gold: Int32Array;
  spans: Set<string>;
}

const gazetteer = readGazetteer(en.data.gazetteers);

function prepare(path: string): { examples: Example[]; dropped: number; total: number } {
  let dropped = 0;
  let total = 0;
  const examples = readJsonl<ConllDoc>(path).map((d) => {
    const { tokens, sentences } = tokenize(d.text);
    const toU = codePointToUtf16(d.text);
    const byStart = new Map<number, number>();
    const byEnd = new Map<number, number>();
    for (let i = 0; i < tokens.count; i++) {
      byStart.set(tokens.start[i]!, i);
      byEnd.set(tokens.end[i]!, i);
    }
    const gold = new Int32Array(tokens.count);
    const spans = new Set<string>();
    for (const e of d.entities) {
      total++;
      const a = byStart.get(toU(e.start));
      const b = byEnd.get(toU(e.end));
      const type = NER_TYPES.indexOf(e.type as (typeof NER_TYPES)[number]);
      if (a === undefined || b === undefined || type < 0) {
        dropped++;
        continue;
      }
      spans.add(`${a}:${b + 1}:${type}`);
      if (a === b) gold[a] = tagOf(type, Pos.U);
      else {
        gold[a] = tagOf(type, Pos.B);
        for (let i = a + 1; i < b; i++) gold[i] = tagOf(type, Pos.I);
        gold[b] = tagOf(type, Pos.L);
      }
    }
    const codes = gazetteerCodes(gazetteer, tokens, gazetteer.scan(tokens));
    return { f: new DocFeatures(tokens, codes, sentences), gold, spans };
  });
  return { examples, dropped, total };
}

const train = prepare(sharedPath('eval/conll2003/train.jsonl'));
const dev = prepare(sharedPath('eval/conll2003/dev.jsonl'));
console.log(`train: ${train.examples.length} docs, ${train.total} entities (${train.dropped} not on token boundaries)`);
console.log(`dev: ${dev.examples.length} docs, ${dev.total} entities (${dev.dropped} not on token boundaries)`);

const W = new Float32Array(SIZE * N_CLASSES);
const U = new Float32Array(SIZE * N_CLASSES);
let clock = 1;
const feats = new Int32Array(MAX_FEATURES);
const scores = new Float32Array(N_CLASSES);

function decode(ex: Example, weights: Float32Array, learn: boolean): Int32Array {
  const f = ex.f;
  const tags = new Int32Array(f.n);
  const history = new Map<number, number>();
  for (let i = 0; i < f.n; i++) {
    const first = i === f.sentenceStart[i];
    const prev = first ? 0 : tags[i - 1]!;
    const prev2 = first || i - 2 < f.sentenceStart[i]! ? 0 : tags[i - 2]!;
    const n = f.features(i, prev, prev2, history.get(f.word[i]!) ?? 0, feats);
    scores.fill(0);
    for (let k = 0; k < n; k++) {
      const r = (feats[k]! & MASK) * N_CLASSES;
      for (let c = 0; c < N_CLASSES; c++) scores[c]! += weights[r + c]!;
    }
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < N_CLASSES; c++) {
      if (!learn && !allowed(prev, c)) continue;
      if (scores[c]! > bestScore) {
        bestScore = scores[c]!;
        best = c;
      }
    }
    if (learn) {
      const gold = ex.gold[i]!;
      if (best !== gold) {
        for (let k = 0; k < n; k++) {
          const r = (feats[k]! & MASK) * N_CLASSES;
          W[r + gold]! += 1;
          U[r + gold]! += clock;
          W[r + best]! -= 1;
          U[r + best]! -= clock;
        }
      }
      clock++;
    }
    tags[i] = best;
    if (best > 0) history.set(f.word[i]!, typeOfTag(best) + 1);
  }
  return tags;
}

function averaged(): Float32Array {
  const A = new Float32Array(W.length);
  for (let i = 0; i < W.length; i++) A[i] = W[i]! - U[i]! / clock;
  return A;
}

function score(examples: Example[], tagger: (ex: Example) => Int32Array): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const ex of examples) {
    const got = spansOf(tagger(ex)).map((s) => `${s.start}:${s.end}:${s.type}`);
    for (const s of got) if (ex.spans.has(s)) tp++;
    else fp++;
    fn += ex.spans.size - got.filter((s) => ex.spans.has(s)).length;
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return `P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${((2 * p * r) / (p + r)).toFixed(4)}`;
}

// Deterministic shuffle so runs are reproducible.
let rng = Number(values.seed) >>> 0 || 1;
const random = () => ((rng = Math.imul(rng ^ (rng << 13), 1) ^ (rng >>> 17)), (rng = (rng ^ (rng << 5)) >>> 0), rng / 2 ** 32);
const order = train.examples.slice();
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const t0 = performance.now();
  for (const ex of order) decode(ex, W, true);
  const A = averaged();
  console.log(`epoch ${epoch} (${((performance.now() - t0) / 1000).toFixed(1)} s): dev ${score(dev.examples, (ex) => decode(ex, A, false))}`);
}

// Compact: keep buckets whose largest weight matters, quantise to int8 with one scale.
const A = averaged();
const prune = Number(values.prune);
let maxAbs = 0;
for (let i = 0; i < A.length; i++) maxAbs = Math.max(maxAbs, Math.abs(A[i]!));
const scale = maxAbs / 127;
const kept: number[] = [];
for (let b = 0; b < SIZE; b++) {
  let m = 0;
  for (let c = 0; c < N_CLASSES; c++) m = Math.max(m, Math.abs(A[b * N_CLASSES + c]!));
  if (m / scale >= Math.max(0.5, prune)) kept.push(b);
}
const varints: number[] = [];
let last = 0;
for (const b of kept) {
  let v = b - last;
  last = b;
  while (v >= 0x80) {
    varints.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  varints.push(v);
}
const header = Buffer.alloc(20);
header.write(MODEL_MAGIC, 0, 'latin1');
header.writeUInt32LE(BITS, 8);
header.writeUInt32LE(kept.length, 12);
header.writeUInt32LE(N_CLASSES, 16);
const weights = Buffer.alloc(kept.length * N_CLASSES);
kept.forEach((b, r) => {
  for (let c = 0; c < N_CLASSES; c++) weights.writeInt8(Math.max(-127, Math.min(127, Math.round(A[b * N_CLASSES + c]! / scale))), r * N_CLASSES + c);
});
const raw = Buffer.concat([header, Buffer.from(varints), weights]);
const file = gzipSync(raw, { level: 9 });
const out = dataPath('models', 'ner.bin');
writeFileSync(out, file);
const model = NerModel.decode(raw, out);
console.log(`model: ${kept.length} of ${SIZE} buckets, ${(file.length / 1024).toFixed(0)} KiB → ${out}`);
console.log(`dev with the shipped int8 weights: ${score(dev.examples, (ex) => model.tag(ex.f))}`);
