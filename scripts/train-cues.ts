/**
 * Trains the cue model (src/annotate/claims/model.ts) on PolNeAR train and writes
 * data/cues/model.json: an averaged perceptron over the claims the rules read, labelled by
 * whether PolNeAR annotates an attribution with that cue (and an overlapping content). Also
 * learns the cue words the hand-written lexicon lacks. The data is read from ../shared at build
 * time and never shipped; only weights and words are.
 *
 *   npx tsx scripts/train-cues.ts [--epochs 8] [--min-count 2] [--min-rate 0.15]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPipeline } from '../src/annotate/index.js';
import { draftClaims } from '../src/annotate/claims/index.js';
import { LIGHT_VERBS } from '../src/annotate/claims/frames.js';
import { cueLexicon } from '../src/annotate/claims/lexicon.js';
import { cueFeatures, MODEL_FILE, type CueModelFile } from '../src/annotate/claims/model.js';
import type { Doc } from '../src/doc/doc.js';
import { codePointToUtf16, readJsonl, sharedPath } from '../src/eval/shared.js';
import { posTags, TAG } from '../src/annotate/pos/tags.js';

interface PolnearSpan {
  spans: [number, number][];
}
interface PolnearRecord {
  id: string;
  title: string;
  publication_date: string;
  text: string;
  attributions: { cue?: PolnearSpan[]; content?: PolnearSpan[] }[];
}
type Ranges = [number, number][];

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '8' },
    'min-count': { type: 'string', default: '2' },
    'min-rate': { type: 'string', default: '0.15' },
  },
});
const EPOCHS = Number(values.epochs);
const MIN_COUNT = Number(values['min-count']);
const MIN_RATE = Number(values['min-rate']);

// One annotation per article (the first), so a doubly annotated article does not weigh twice.
const seen = new Set<string>();
const records = readJsonl<PolnearRecord>(sharedPath('eval/polnear/train.jsonl')).filter((r) => !seen.has(r.id) && seen.add(r.id));
const pipeline = await createPipeline({ layers: ['entities', 'times'] });

interface Gold {
  cues: Ranges;
  contents: Ranges[];
}
const docs: { doc: Doc; gold: Gold[] }[] = records.map((r) => {
  const at = codePointToUtf16(r.text);
  const conv = (s: PolnearSpan[] | undefined): Ranges => (s ?? []).flatMap((x) => x.spans.map(([a, b]) => [at(a), at(b)] as [number, number]));
  const doc = pipeline.process({ id: r.id, title: r.title, published: r.publication_date, source: null, url: null, language: 'en', text: r.text, ref: r.id });
  return { doc, gold: r.attributions.map((a) => ({ cues: conv(a.cue), contents: [conv(a.content)] })) };
});
console.log(`${docs.length} articles analysed`);

// 1. Cue words beyond the lexicon: open-class words that PolNeAR often marks as (part of) a cue.
const lexicon = cueLexicon();
const CLOSED = new Set<number>([TAG.DET, TAG.ADP, TAG.PRON, TAG.AUX, TAG.PART, TAG.PUNCT, TAG.CCONJ, TAG.SCONJ, TAG.WH, TAG.NUM, TAG.POSS, TAG.PROPN]);
const seenCount = new Map<string, number>();
const cueCount = new Map<string, number>();
for (const { doc, gold } of docs) {
  const { start, end, lower, count } = doc.tokens;
  const inCue = (i: number) => gold.some((g) => g.cues.some(([a, b]) => start[i]! < b && end[i]! > a));
  for (let i = 0; i < count; i++) {
    const w = lower[i]!;
    seenCount.set(w, (seenCount.get(w) ?? 0) + 1);
    if (inCue(i)) cueCount.set(w, (cueCount.get(w) ?? 0) + 1);
  }
}
const tagOf = new Map<string, number>();
for (const { doc } of docs) {
  const tags = posTags(doc);
  doc.tokens.lower.forEach((w, i) => tagOf.has(w) || tagOf.set(w, tags[i]!));
}
const vocabulary = [...cueCount]
  .filter(([w, n]) => n >= MIN_COUNT && n / seenCount.get(w)! >= MIN_RATE && !lexicon.has(w) && !LIGHT_VERBS.has(w) && /^\p{L}[\p{L}-]+$/u.test(w) && !CLOSED.has(tagOf.get(w) ?? TAG.PUNCT) && w !== 'according')
  .map(([w]) => w)
  .sort();
console.log(`${vocabulary.length} learned cue words`);

// 2. Examples: every draft the rules read, positive when a gold attribution shares its cue and content.
const overlap = (a: Ranges, b: Ranges) => a.some(([s1, e1]) => b.some(([s2, e2]) => s1 < e2 && s2 < e1));
const vocab = new Set(vocabulary);
const examples: { x: string[]; y: number; fold: number; learned: boolean }[] = [];
docs.forEach(({ doc, gold }, k) => {
  const { ctx, drafts } = draftClaims(doc, vocab);
  const { start, end } = doc.tokens;
  for (const d of drafts) {
    const cue: Ranges = [[start[d.cue[0]]!, end[d.cue[1] - 1]!]];
    const content: Ranges = d.parts.map(([a, b]) => [start[a]!, end[b - 1]!]);
    const y = gold.some((g) => overlap(cue, g.cues) && g.contents.some((c) => overlap(content, c))) ? 1 : -1;
    examples.push({ x: cueFeatures(ctx, d), y, fold: k % 10, learned: d.entry.learned === true });
  }
});
console.log(`${examples.length} drafts, ${examples.filter((e) => e.y > 0).length} positive`);

/** Averaged perceptron; returns averaged weights. */
function train(data: typeof examples): Map<string, number> {
  const w = new Map<string, number>();
  const total = new Map<string, number>();
  const stamp = new Map<string, number>();
  let c = 1;
  let seed = 42;
  const order = data.map((_, i) => i);
  const update = (f: string, delta: number) => {
    const last = stamp.get(f) ?? 0;
    const cur = w.get(f) ?? 0;
    total.set(f, (total.get(f) ?? 0) + cur * (c - last));
    stamp.set(f, c);
    w.set(f, cur + delta);
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const e = data[i]!;
      let s = 0;
      for (const f of e.x) s += w.get(f) ?? 0;
      if ((s > 0 ? 1 : -1) !== e.y) for (const f of e.x) update(f, e.y);
      c++;
    }
  }
  const avg = new Map<string, number>();
  for (const [f, cur] of w) {
    const sum = (total.get(f) ?? 0) + cur * (c - (stamp.get(f) ?? 0));
    const v = sum / c;
    if (Math.abs(v) >= 1e-3) avg.set(f, Math.round(v * 1e4) / 1e4);
  }
  return avg;
}

// 3. Threshold for learned cue words (lexicon cues stand on the rules): the one that maximises
//    F1 of their kept drafts on a held-out tenth of the articles; then train on all.
const held = train(examples.filter((e) => e.fold !== 0));
const scored = examples.filter((e) => e.fold === 0 && e.learned).map((e) => ({ s: e.x.reduce((n, f) => n + (held.get(f) ?? 0), 0), y: e.y }));
const positives = scored.filter((e) => e.y > 0).length;
let threshold = 0;
let bestF1 = -1;
for (let t = -3; t <= 3; t += 0.1) {
  const kept = scored.filter((e) => e.s > t);
  const tp = kept.filter((e) => e.y > 0).length;
  const p = kept.length ? tp / kept.length : 0;
  const r = positives ? tp / positives : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  if (f1 > bestF1) [bestF1, threshold] = [f1, Math.round(t * 100) / 100];
}
console.log(`held-out F1 of learned-word drafts ${bestF1.toFixed(3)} at threshold ${threshold} (${scored.length} drafts, ${positives} positive)`);

const weights = train(examples);
const file: CueModelFile = {
  about: `averaged perceptron, ${EPOCHS} epochs, on ${examples.length} drafts of ${docs.length} PolNeAR train articles (scripts/train-cues.ts)`,
  threshold,
  vocabulary,
  weights: Object.fromEntries([...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
};
writeFileSync(MODEL_FILE, `${JSON.stringify(file)}\n`);
console.log(`${MODEL_FILE}: ${weights.size} weights`);
