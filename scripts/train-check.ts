/**
 * Trains the stance-to-claim model (src/check) on FNC-1 and writes data/check/model.json.
 *
 * Only the bodies outside the held-out part (src/eval/fnc1-data.ts: a hash of the body id, 20 % of
 * bodies) are read, so `npm run eval -- fnc1` scores pairs the model never saw. Every text goes
 * through the real pipeline (src/annotate). Then:
 *
 * 1. the lexicon's words: common English words and pairs of them (among the 40,000 commonest of
 *    the shipped vectors), written in lower case at least 70 % of the time (not names), found in
 *    the articles or claims of at least 10 different topics (claims joined through shared articles),
 *    so no word stands for one story;
 * 2. the lexicon (logistic regression on related pairs), out of fold: each pair's three word scores
 *    come from a lexicon trained on the other folds (5 folds by body), as they will for unseen text;
 * 3. cross-validated trees on the same folds: the figures printed, and the class multipliers that
 *    give the best macro-F1 without lowering the FNC score;
 * 4. the final lexicon and trees on every training pair.
 *
 * Fixed seeds throughout: the same data gives the same weights. The data is read from ../shared and
 * never shipped; only weights and the lexicon's words are.
 *
 *   npx tsx scripts/train-check.ts [--no-cv]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../src/annotate/index.js';
import { FEATURES, pairFeatures } from '../src/check/features.js';
import { boost, CompiledForest, type BoostOptions, type Forest } from '../src/check/gbdt.js';
import { gramsOf, LEXICAL_CLASSES, LexicalIndexer, Lexicon, trainLexicon } from '../src/check/lexical.js';
import { STANCE_MODEL_FILE, type StanceModelFile } from '../src/check/model.js';
import { prepare, type Prepared } from '../src/check/prepare.js';
import { STANCE_LABELS, type StanceLabel } from '../src/contract/values.js';
import { tokenize } from '../src/doc/tokenize.js';
import { bucket, heldOut, HELD_OUT_PERCENT, readFnc1, scoreFnc1, type Fnc1Pair } from '../src/eval/fnc1-data.js';
import { en } from '../src/lang/index.js';
import { wordVectors } from '../src/lang/vectors.js';

const { values } = parseArgs({ options: { 'no-cv': { type: 'boolean', default: false } } });

const FOLDS = 5;
const COMMON = 40_000;
const LOWER_SHARE = 0.7;
const MIN_TOPICS = 10;
const LEXICON = { epochs: 10, rate: 1, l2: 1e-3, seed: 7, classWeights: [1, 2, 1] };
const TREES: BoostOptions = { rounds: 200, depth: 6, rate: 0.1, lambda: 1, minChild: 1, rowSample: 0.8, featureSample: 0.8, seed: 1, classWeights: [1, 4, 1, 1] };
const BIASES = [
  [1, 1, 1, 1],
  [1, 1.5, 1, 1],
  [1, 2, 1, 1],
  [1.2, 1.5, 1, 1],
  [1.2, 2, 1, 1],
];

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
const data = readFnc1();
const pairs = data.pairs.filter((p) => !heldOut(p.body));
const pipeline = await createPipeline();
const article = (id: string, text: string) => ({ id, title: null, published: null, source: null, url: null, language: 'en', text, ref: null });
const bodies = new Map<number, Prepared>();
const claims = new Map<string, Prepared>();
for (const p of pairs) {
  if (!bodies.has(p.body)) bodies.set(p.body, prepare(pipeline.analyze(article(`body${p.body}`, data.bodies.get(p.body)!))));
  if (!claims.has(p.claim)) claims.set(p.claim, prepare(pipeline.analyze(article('claim', p.claim))));
}
console.log(`${pairs.length} pairs, ${bodies.size} bodies, ${claims.size} claims analysed (${seconds()} s)`);

// 1. The lexicon's words.
const vectors = wordVectors(en);
const cased = new Map<string, { all: number; lower: number }>();
for (const id of bodies.keys()) {
  const { tokens } = tokenize(data.bodies.get(id)!);
  for (let i = 0; i < tokens.count; i++) {
    const w = tokens.lower[i]!;
    const c = cased.get(w) ?? { all: 0, lower: 0 };
    c.all++;
    if (tokens.words[i] === w) c.lower++;
    cased.set(w, c);
  }
}
const common = (w: string) => {
  const row = vectors.id(w);
  const c = cased.get(w);
  return /^[a-z']+$/.test(w) && row >= 0 && row < COMMON && c !== undefined && c.lower / c.all >= LOWER_SHARE;
};
const topic = topics(pairs);
const topicsOf = new Map<string, Set<string>>();
const note = (g: string, t: string) => {
  if (!g.split(' ').every(common)) return;
  let s = topicsOf.get(g);
  if (!s) topicsOf.set(g, (s = new Set()));
  s.add(t);
};
const bodyTopic = new Map(pairs.filter((p) => p.stance !== 'unrelated').map((p) => [p.body, topic(p.claim)]));
for (const [id, b] of bodies) {
  const t = bodyTopic.get(id);
  if (t !== undefined) for (const s of b.sentences) for (const g of gramsOf(s.words)) note(g, t);
}
for (const [text, c] of claims) for (const s of c.sentences) for (const g of gramsOf(s.words)) note(g, topic(text));
const grams = [...topicsOf].filter(([, s]) => s.size >= MIN_TOPICS).map(([g]) => g).sort();
const indexer = new LexicalIndexer(grams);
console.log(`lexicon: ${grams.length} words and pairs of words from ${new Set(pairs.map((p) => topic(p.claim))).size} topics (${seconds()} s)`);

// 2. Features, with the lexicon's scores out of fold.
const fold = (p: Fnc1Pair) => bucket(`fold:${p.body}`) % FOLDS;
const rows = pairs.map((p) => pairFeatures(claims.get(p.claim)!, bodies.get(p.body)!, null));
const near = rows.map((r) => r.relevant.map((x) => x.sentence));
const LEX = FEATURES.indexOf('lex_agree');
const lexicalLabel = (s: StanceLabel) => (LEXICAL_CLASSES as readonly string[]).indexOf(s);
const trainWords = (keep: (i: number) => boolean) =>
  trainLexicon(
    indexer,
    pairs.flatMap((p, i) => (keep(i) && p.stance !== 'unrelated' ? [{ features: indexer.features(claims.get(p.claim)!, bodies.get(p.body)!, near[i]!), label: lexicalLabel(p.stance) }] : [])),
    LEXICON,
  );
for (let f = 0; f < FOLDS; f++) {
  const lexicon = new Lexicon(trainWords((i) => fold(pairs[i]!) !== f));
  pairs.forEach((p, i) => {
    if (fold(p) === f) rows[i]!.values.set(lexicon.scores(claims.get(p.claim)!, bodies.get(p.body)!, near[i]!), LEX);
  });
}
console.log(`features and out-of-fold lexicon scores (${seconds()} s)`);
const x = rows.map((r) => r.values);
const y = pairs.map((p) => STANCE_LABELS.indexOf(p.stance));

// 3. Cross-validated trees: figures, and the class multipliers.
let bias = BIASES[0]!;
if (!values['no-cv']) {
  const probabilities: number[][] = new Array(pairs.length);
  for (let f = 0; f < FOLDS; f++) {
    const train = pairs.flatMap((p, i) => (fold(p) !== f ? [i] : []));
    const forest = new CompiledForest(
      boost(
        train.map((i) => x[i]!),
        train.map((i) => y[i]!),
        STANCE_LABELS.length,
        TREES,
      ),
    );
    pairs.forEach((p, i) => {
      if (fold(p) === f) probabilities[i] = forest.predict(x[i]!);
    });
  }
  const gold = pairs.map((p) => p.stance);
  const scored = BIASES.map((b) => ({ b, s: scoreFnc1(gold, probabilities.map((p) => STANCE_LABELS[argmax(p.map((v, k) => v * b[k]!))]!)) }));
  for (const { b, s } of scored) console.log(`cv ×[${b.join(', ')}]: FNC ${s.fnc.toFixed(4)}  macro-F1 ${s.macroF1.toFixed(4)}  ${STANCE_LABELS.map((l) => `${l} ${s.f1[l].toFixed(3)}`).join('  ')}`);
  const plain = scored[0]!.s.fnc;
  bias = scored.filter(({ s }) => s.fnc >= plain - 0.002).reduce((a, c) => (c.s.macroF1 > a.s.macroF1 ? c : a)).b;
  console.log(`class multipliers ${bias.join(', ')} (${seconds()} s)`);
}

// 4. The final model.
const lexicon = trainWords(() => true);
const forest = boost(x, y, STANCE_LABELS.length, TREES);
const file: StanceModelFile = {
  about: `gradient-boosted trees (${TREES.rounds} rounds, depth ${TREES.depth}) over ${FEATURES.length} features, with a lexicon of ${grams.length} words and pairs; trained on ${pairs.length} FNC-1 pairs (scripts/train-check.ts)`,
  split: `FNC-1 train_stances.csv pairs whose body is not held out (bucket("fnc1:" + body id) >= ${HELD_OUT_PERCENT})`,
  features: [...FEATURES],
  lexicon,
  forest: compact(forest),
  bias,
};
mkdirSync(dirname(STANCE_MODEL_FILE), { recursive: true });
writeFileSync(STANCE_MODEL_FILE, `${JSON.stringify(file)}\n`);
console.log(`wrote ${STANCE_MODEL_FILE} (${seconds()} s)`);

function argmax(v: readonly number[]): number {
  return v.reduce((b, x, k) => (x > v[b]! ? k : b), 0);
}

/**
 * Topics: claims joined when a body is related to both (union–find). Counting topics rather than
 * claims keeps a story told in many headlines from passing for general language.
 */
function topics(ps: readonly Fnc1Pair[]): (claim: string) => string {
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    let r = c;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(c, r);
    return r;
  };
  const first = new Map<number, string>();
  for (const p of ps) {
    if (p.stance === 'unrelated') continue;
    const other = first.get(p.body);
    if (other === undefined) first.set(p.body, p.claim);
    else {
      const a = find(other);
      const b = find(p.claim);
      if (a !== b) parent.set(a, b);
    }
  }
  return find;
}

/** Leaf values to 6 significant digits, thresholds to 9 (enough to give back each float32 exactly; CompiledForest reads them as float32). */
function compact(f: Forest): Forest {
  return {
    ...f,
    trees: f.trees.map((t) => ({ ...t, threshold: t.threshold.map((v) => Number(v.toPrecision(9))), value: t.value.map((v) => Number(v.toPrecision(6))) })),
  };
}
