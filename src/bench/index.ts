/**
 * `npm run bench -- --startup [--runs 11]`: how long the command takes to start (startup.ts).
 *
 * `npm run bench -- --sizes [--mb 0.1,1,10] [--kinds text,html]`: analysis time against article
 * size (sizes.ts).
 *
 * `npm run bench -- [CORPUS.jsonl …] [--layers a,b] [--no-store] [--repeat N]`: speed of the whole
 * analyze path (tokenize + every layer), then of the same with the SQLite store, in words per
 * second on one core, with time per stage and peak memory, and last with the cross-article refresh
 * that `claimtrail analyze` runs after storing. Default corpus: the PolNeAR texts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { refreshAnalysis } from '../analysis/index.js';
import { createPipeline, pipelineVersion } from '../annotate/index.js';
import { countWords } from '../doc/doc.js';
import type { Article } from '../doc/types.js';
import { sharedPath } from '../eval/shared.js';
import { loadRules } from '../ingest/clean.js';
import { ingest } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { runSizes, type SizeKind } from './sizes.js';
import { startupBench } from './startup.js';
import { UsageError } from '../errors.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    layers: { type: 'string' },
    'no-store': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    sizes: { type: 'boolean', default: false },
    startup: { type: 'boolean', default: false },
    runs: { type: 'string', default: '11' },
    mb: { type: 'string', default: '0.1,0.25,0.5,1,2,5,10' },
    kinds: { type: 'string', default: 'text,html' },
  },
});

if (values.startup) await startupBench(values.runs);
else if (values.sizes) await sizesBench();
else await corpusBench();

async function sizesBench(): Promise<void> {
  const sizes = values.mb.split(',').map(Number);
  const kinds = values.kinds.split(',').map((k) => k.trim());
  const bad = [...sizes.filter((n) => !(n > 0)).map(String), ...kinds.filter((k) => k !== 'text' && k !== 'html')];
  if (bad.length) throw new UsageError(`bench --sizes: bad --mb or --kinds value: ${bad.join(', ')}`);
  await runSizes(sizes, kinds as SizeKind[]);
}

async function corpusBench(): Promise<void> {
  const corpus = positionals.length ? positionals : [sharedPath('eval/polnear/train.jsonl'), sharedPath('eval/polnear/dev.jsonl')];
  const articles: Article[] = [];
  for await (const item of ingest(corpus, { verbatim: false, timeoutMs: 20_000, maxBytes: 10 << 20, rules: loadRules() })) {
    if (item.ok) articles.push(item.article);
    else console.error(`skipped: ${item.error.message}`);
  }
  const words = articles.reduce((n, a) => n + countWords(a.text), 0);
  const repeat = Math.max(1, Number(values.repeat) || 1);
  const layers = values.layers?.split(',').map((s) => s.trim()).filter(Boolean);
  console.log(`corpus: ${corpus.join(', ')}\n${articles.length} articles, ${words.toLocaleString('en-US')} words, repeat ${repeat}`);

  const pipeline = await createPipeline(layers ? { layers } : {});
  console.log(`pipeline: ${pipeline.components.map((c) => c.name).join(' → ')}`);
  // Warm up the JIT on a slice of the corpus, then measure from clean timings.
  for (const a of articles.slice(0, 50)) pipeline.analyze(a);
  for (const k of Object.keys(pipeline.timings)) delete pipeline.timings[k];

  let t0 = performance.now();
  for (let r = 0; r < repeat; r++) for (const a of articles) pipeline.analyze(a);
  const analyzeMs = performance.now() - t0;
  report('analyze (no store)', analyzeMs);
  const stages = Object.entries(pipeline.timings);
  for (const [stage, ms] of stages) {
    console.log(`  ${stage.padEnd(12)} ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / analyzeMs).toFixed(1).padStart(5)} %  ${rate(ms).padStart(12)} words/s alone`);
  }

  if (!values['no-store']) {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-'));
    const store = await openStore(join(dir, 'bench.db'), pipelineVersion());
    t0 = performance.now();
    for (const a of articles) await store.articles.save(pipeline.analyze(a));
    const storedMs = performance.now() - t0;
    report('analyze + store', storedMs, 1);
    const refreshed = await refreshAnalysis(store);
    report('analyze + store + cross-article refresh (what claimtrail analyze does)', storedMs + refreshed.ms, 1);
    console.log(`  refresh        ${refreshed.ms.toFixed(0).padStart(7)} ms  (${refreshed.articles} articles, ${refreshed.propositions} propositions)`);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  function rate(ms: number, times = repeat): string {
    return Math.round((words * times) / (ms / 1000)).toLocaleString('en-US');
  }

  function report(label: string, ms: number, times = repeat): void {
    console.log(`${label}: ${(ms / 1000).toFixed(2)} s, ${rate(ms, times)} words/s`);
  }
}
