/**
 * `npm run eval -- fnc1 [--errors N]`: the stance-to-claim model (src/check) on the held-out part
 * of FNC-1's training split — the 20 % of bodies that scripts/train-check.ts never reads
 * (src/eval/fnc1-data.ts) — scored as the challenge scored it, with macro-F1, per-class figures and
 * the confusion matrix. Speed counts the whole path: the pipeline over each distinct claim and
 * article (each analysed once, as `claimtrail check --pairs` does), features and model.
 */
import { ClaimChecker, type StanceResult } from '../check/index.js';
import { STANCE_LABELS } from '../contract/values.js';
import { heldOut, readFnc1, scoreFnc1, type Fnc1, type Fnc1Pair, type Fnc1Scores } from './fnc1-data.js';
import { prf, printTable } from './shared.js';

export interface Measured {
  data: Fnc1;
  pairs: Fnc1Pair[];
  results: StanceResult[];
  scores: Fnc1Scores;
  /** Wall-clock seconds for the whole path (pipeline included). */
  seconds: number;
  /** Processor seconds (user + system) for the same. */
  cpuSeconds: number;
  /** Of `seconds`, those the pipeline spent analysing the distinct texts. */
  pipelineSeconds: number;
  checker: ClaimChecker;
}

/** The shipped model on the held-out pairs (all of them, or the first `limit`). */
export async function measure(limit = Infinity): Promise<Measured> {
  const data = readFnc1();
  const pairs = data.pairs.filter((p) => heldOut(p.body)).slice(0, limit);
  const checker = await ClaimChecker.create();
  // Warm-up on a few training pairs (not scored): code paths compiled, vectors and lexicons read.
  for (const p of data.pairs.filter((q) => !heldOut(q.body)).slice(0, 50)) checker.judge(p.claim, data.bodies.get(p.body)!);
  const before = Object.values(checker.pipeline.timings).reduce((a, b) => a + b, 0);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const results = pairs.map((p) => checker.judge(p.claim, data.bodies.get(p.body)!));
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  const pipelineSeconds = (Object.values(checker.pipeline.timings).reduce((a, b) => a + b, 0) - before) / 1000;
  const scores = scoreFnc1(
    pairs.map((p) => p.stance),
    results.map((r) => r.stance),
  );
  return { data, pairs, results, scores, seconds, cpuSeconds: (used.user + used.system) / 1e6, pipelineSeconds, checker };
}

export async function run(args: string[]): Promise<void> {
  const errorsArg = args.indexOf('--errors');
  const showErrors = errorsArg >= 0 ? Number(args[errorsArg + 1] ?? 20) : 0;
  const { data, pairs, results, scores: s, seconds, cpuSeconds, pipelineSeconds, checker } = await measure();
  console.log(`model: ${checker.model.file.about}\ntrained on: ${checker.model.file.split}\n`);
  const gold = pairs.map((p) => p.stance);
  const predicted = results.map((r) => r.stance);
  const bodies = new Set(pairs.map((p) => p.body)).size;
  const claims = new Set(pairs.map((p) => p.claim)).size;
  console.log(`held-out: ${pairs.length} pairs, ${bodies} bodies, ${claims} claims\n`);
  printTable(
    ['class', 'gold', 'predicted', 'P', 'R', 'F1'],
    STANCE_LABELS.map((l, k) => {
      const tp = s.confusion[k]![k]!;
      const predictedCount = s.confusion.reduce((a, row) => a + row[k]!, 0);
      const goldCount = s.confusion[k]!.reduce((a, v) => a + v, 0);
      const x = prf(tp, predictedCount - tp, goldCount - tp);
      return [l, goldCount, predictedCount, x.precision, x.recall, x.f1];
    }),
  );
  console.log(`\nconfusion (rows gold, columns predicted):`);
  printTable(['', ...STANCE_LABELS], STANCE_LABELS.map((l, k) => [l, ...s.confusion[k]!]));
  console.log(`\nFNC score ${(100 * s.fnc).toFixed(2)} %  ·  macro-F1 ${s.macroF1.toFixed(3)}  ·  disagree F1 ${s.f1.disagree.toFixed(3)}  ·  accuracy ${s.accuracy.toFixed(3)}`);
  const rate = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`${pairs.length} pairs in ${seconds.toFixed(2)} s: ${rate(pairs.length / seconds)} pairs/s, ${rate(pairs.length / cpuSeconds)} per processor second (the pipeline over the ${bodies + claims} distinct texts included: ${pipelineSeconds.toFixed(2)} s)`);

  // Judging alone, every text already analysed and read.
  const t1 = performance.now();
  for (const p of pairs) checker.judge(p.claim, data.bodies.get(p.body)!);
  const again = (performance.now() - t1) / 1000;
  console.log(`judging alone (texts analysed): ${rate(pairs.length / again)} pairs/s`);

  if (showErrors) {
    console.log(`\nmisses (first ${showErrors} of ${predicted.filter((p, i) => p !== gold[i]).length}):`);
    let n = 0;
    pairs.forEach((p, i) => {
      const r = results[i]!;
      if (r.stance === p.stance || n >= showErrors) return;
      n++;
      console.log(`${gold[i]} → ${r.stance} (${r.score.toFixed(2)})  body ${p.body}  ${clip(p.claim, 100)}`);
      for (const e of r.evidence.slice(0, 2)) console.log(`    ${clip(e.sentence.text, 160)}${e.cues.length ? `  [${e.cues.join(', ')}]` : ''}`);
    });
  }
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
