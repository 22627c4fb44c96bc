/**
 * `npm run bench -- --startup [--runs 11]`: how long the command takes to start (startup.ts).
 *
 * `npm run bench -- --sizes [--mb 0.1,1,10] [--kinds text,html]`: analysis time against article
 * size (sizes.ts).
 *
 * `npm run bench -- --growth [--stores 10000,100000] [--new 1000] [--copies 0.4] [--flood 4000] [--repeat N] [--pg URL]`:
 * refresh cost per new article as the store grows, and under a flood of copies (growth.ts).
 *
 * `npm run bench -- --refresh [--runs 5] [CORPUS.jsonl …]`: the cross-article refresh of a whole stored corpus, from
 * scratch, in a new process each run (refresh.ts).
 *
 * `npm run bench -- [CORPUS.jsonl …] [--layers a,b] [--no-store] [--repeat N] [--threads N] [--compromise-from DIR]`: speed of the whole
 * analyze path (tokenize + every layer) on one thread, in words per second, with time per stage and peak memory; then
 * of the same with the SQLite store as `claimtrail analyze` runs it (on --threads analysis threads, by default as many
 * as it starts, 0 for none), and last with the cross-article refresh that `claimtrail analyze` runs alongside; then compromise, the reference peer, on an even
 * sample of `--peer-articles` of the same texts in the same run, and each figure as a multiple of it (the
 * machine's load moves both alike). Default corpus: the PolNeAR texts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { refreshAnalysis, type RefreshCache } from '../analysis/index.js';
import { RefreshAlongside } from '../analysis/alongside.js';
import { analyzeIngested } from '../analyze.js';
import { createPipeline, pipelineVersion } from '../annotate/index.js';
import { AnalysisPool, defaultThreads } from '../threads/analysis-pool.js';
import { countWords } from '../doc/doc.js';
import type { Article } from '../doc/types.js';
import { sharedPath } from '../eval/shared.js';
import { loadRules } from '../ingest/clean.js';
import { ingest } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { runGrowth } from './growth.js';
import { refreshBench } from './refresh.js';
import { KINDS, storeDigests } from './same.js';
import { postgresPlaces, sqlitePlaces } from './growth-places.js';
import { runSizes, type SizeKind } from './sizes.js';
import { startupBench } from './startup.js';
import { UsageError } from '../errors.js';
import { defaultTiering, tuneTiering } from '../tiering.js';

// As the command does (bin/claimtrail.js): the bench measures what a user runs.
tuneTiering();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    layers: { type: 'string' },
    'no-store': { type: 'boolean', default: false },
    threads: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    sizes: { type: 'boolean', default: false },
    startup: { type: 'boolean', default: false },
    runs: { type: 'string' },
    mb: { type: 'string', default: '0.1,0.25,0.5,1,2,5,10' },
    kinds: { type: 'string', default: 'text,html' },
    growth: { type: 'boolean', default: false },
    refresh: { type: 'boolean', default: false },
    stores: { type: 'string', default: '10000,100000' },
    new: { type: 'string', default: '1000' },
    copies: { type: 'string', default: '0.4' },
    flood: { type: 'string', default: '4000' },
    dir: { type: 'string', default: join(tmpdir(), 'claimtrail-growth') },
    pg: { type: 'string' },
    'peer-articles': { type: 'string', default: '200' },
    'compromise-from': { type: 'string' },
  },
});

if (values.startup) await startupBench(values.runs ?? '11');
else if (values.sizes) await sizesBench();
else if (values.growth) await growthBench();
else if (values.refresh) await refreshBench(await readCorpus(), values.runs ?? '5');
else await corpusBench();

async function growthBench(): Promise<void> {
  const whole = (name: 'new' | 'flood', n: number) => {
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`bench --growth: --${name} must be a whole number, got "${values[name]}"`);
    return n;
  };
  const stores = values.stores.split(',').map(Number);
  if (!stores.length || stores.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`bench --growth: --stores must be store sizes like 10000,100000, got "${values.stores}"`);
  const copies = Number(values.copies);
  if (!(copies >= 0 && copies < 1)) throw new UsageError(`bench --growth: --copies must be a share from 0 to below 1, got "${values.copies}"`);
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new UsageError(`bench --growth: --repeat must be a whole number from 1, got "${values.repeat}"`);
  const places = values.pg ? postgresPlaces(values.pg) : sqlitePlaces(values.dir);
  await runGrowth({ stores, fresh: whole('new', Number(values.new)), copies, flood: whole('flood', Number(values.flood)), places, repeat });
}

async function sizesBench(): Promise<void> {
  const sizes = values.mb.split(',').map(Number);
  const kinds = values.kinds.split(',').map((k) => k.trim());
  const bad = [...sizes.filter((n) => !(n > 0)).map(String), ...kinds.filter((k) => k !== 'text' && k !== 'html')];
  if (bad.length) throw new UsageError(`bench --sizes: bad --mb or --kinds value: ${bad.join(', ')}`);
  await runSizes(sizes, kinds as SizeKind[]);
}

/** The articles of the corpus given (by default the PolNeAR texts), as `claimtrail analyze` reads them. */
async function readCorpus(): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const item of ingest(corpusFiles(), { verbatim: false, timeoutMs: 20_000, maxBytes: 10 << 20, rules: loadRules() })) {
    if (item.ok) articles.push(item.article);
    else console.error(`skipped: ${item.error.message}`);
  }
  return articles;
}

function corpusFiles(): string[] {
  return positionals.length ? positionals : [sharedPath('eval/polnear/train.jsonl'), sharedPath('eval/polnear/dev.jsonl')];
}

async function corpusBench(): Promise<void> {
  const corpus = corpusFiles();
  const articles = await readCorpus();
  const words = articles.reduce((n, a) => n + countWords(a.text), 0);
  const repeat = Math.max(1, Number(values.repeat) || 1);
  const layers = values.layers?.split(',').map((s) => s.trim()).filter(Boolean);
  console.log(`corpus: ${corpus.join(', ')}\n${articles.length} articles, ${words.toLocaleString('en-US')} words, repeat ${repeat}`);

  const pipeline = await createPipeline(layers ? { layers } : {});
  console.log(`pipeline: ${pipeline.components.map((c) => c.name).join(' → ')}`);
  // Warm up the JIT on a slice of the corpus, then measure from clean timings.
  for (const a of articles.slice(0, 50)) pipeline.analyze(a);
  for (const k of Object.keys(pipeline.timings)) delete pipeline.timings[k];

  let t0 = clock();
  for (let r = 0; r < repeat; r++) for (const a of articles) pipeline.analyze(a);
  const analyzed = since(t0);
  const analyzeMs = analyzed.wall;
  report('analyze (no store)', analyzed);
  const endToEnd: [string, Clock][] = [['analyze (no store)', { wall: analyzed.wall / repeat, cpu: analyzed.cpu / repeat }]];
  const stages = Object.entries(pipeline.timings);
  for (const [stage, ms] of stages) {
    console.log(`  ${stage.padEnd(12)} ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / analyzeMs).toFixed(1).padStart(5)} %  ${rate(ms).padStart(12)} words/s alone`);
  }

  if (!values['no-store']) {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-'));
    const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
    if (!Number.isInteger(threads) || threads < 0) throw new UsageError(`bench: --threads must be a whole number, got "${values.threads}"`);
    console.log(`analysis threads while storing: ${threads || 'none (this thread analyses)'}`);
    // The path claimtrail analyze runs from the articles it has read: analyse (on threads, started here), save in
    // batches, with the cross-article refresh alongside (each run on a new store, with new threads).
    const run = async (name: string, refresh: boolean) => {
      const store = await openStore(join(dir, `${name}.db`), pipelineVersion());
      const cache: RefreshCache = {};
      const along = refresh ? new RefreshAlongside((last) => refreshAnalysis(store, { cache, partial: !last })) : null;
      const t0 = clock();
      const pool = threads ? new AnalysisPool(threads, layers ? { layers } : {}) : null;
      for await (const outcome of analyzeIngested(articles.map((article) => ({ ok: true, article }) as const), { pipeline: pool ?? pipeline, store })) {
        if (!outcome.ok) throw outcome.error;
        if (outcome.status !== 'duplicate') along?.stored();
      }
      await pool?.close();
      const stored = since(t0);
      await along?.finish();
      await store.close();
      return { stored, all: since(t0) };
    };
    const stored = (await run('stored', false)).stored;
    report('analyze + store', stored, 1);
    const whole = await run('whole', true);
    report('analyze + store + cross-article refresh (what claimtrail analyze does)', whole.all, 1);
    console.log(`  last article stored at ${(whole.stored.wall / 1000).toFixed(2)} s; the refresh runs alongside the storing, and once more after it`);
    // The refresh alone, after storing, on the first store: its own cost, and the results the refresh alongside must give.
    const first = await openStore(join(dir, 'stored.db'), pipelineVersion());
    const alone = await refreshAnalysis(first);
    await first.close();
    console.log(`  refresh alone, after storing: ${alone.ms.toFixed(0)} ms (${alone.articles} articles, ${alone.propositions} propositions)`);
    const [after, along] = await Promise.all([storeDigests(join(dir, 'stored.db')), storeDigests(join(dir, 'whole.db'))]);
    const differ = KINDS.filter((k) => after[k].sha256 !== along[k].sha256);
    console.log(`  results alongside and after: ${differ.length ? `DIFFER in ${differ.join(', ')}` : 'the same'}`);
    endToEnd.push(['analyze + store', stored], ['analyze + store + refresh', whole.all]);
    rmSync(dir, { recursive: true, force: true });
  }
  // The peer is slow: it reads an even sample across the corpus, every step-th article.
  const step = Math.max(1, Math.round(articles.length / Math.max(1, Number(values['peer-articles']) || 200)));
  const sample = articles.filter((_, i) => i % step === 0);
  const peer = await peerRates(sample);
  if (peer !== null) {
    const perSecond = (ms: number) => words / (ms / 1000);
    console.log(`compromise 14 (reference peer), nlp(text).json() on ${sample.length} articles (every ${step}th): ${Math.round(peer.json.perSecond).toLocaleString('en-US')} words/s, ${Math.round(peer.json.perCpuSecond).toLocaleString('en-US')} per CPU second`);
    console.log(`  its entities, nlp(text).topics().json(), same articles: ${Math.round(peer.entities.perSecond).toLocaleString('en-US')} words/s, ${Math.round(peer.entities.perCpuSecond).toLocaleString('en-US')} per CPU second`);
    for (const [label, t] of endToEnd) console.log(`  ${label}: ${(perSecond(t.wall) / peer.json.perSecond).toFixed(1)}× compromise (${(perSecond(t.cpu) / peer.json.perCpuSecond).toFixed(1)}× by CPU time)`);
  }
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  function rate(ms: number, times = repeat): string {
    return Math.round((words * times) / (ms / 1000)).toLocaleString('en-US');
  }

  function report(label: string, t: Clock, times = repeat): void {
    console.log(`${label}: ${(t.wall / 1000).toFixed(2)} s, ${rate(t.wall, times)} words/s; ${(t.cpu / 1000).toFixed(2)} s CPU, ${rate(t.cpu, times)} words per CPU second`);
  }
}

/**
 * Words per second of compromise (the reference peer) on these articles, measured in the same run
 * so that both see the same machine: its tokenizer, tagger and JSON (the ratios' base), and its
 * entities (people, places, organisations: `topics()`), the peer figure the issue quotes. Null,
 * said in one line, when it is not installed (`--compromise-from DIR` for a node_modules folder
 * holding another copy).
 */
async function peerRates(sample: readonly Article[]): Promise<Record<'json' | 'entities', { perSecond: number; perCpuSecond: number }> | null> {
  type Doc = { json(): unknown; topics(): { json(): unknown } };
  type Nlp = (text: string) => Doc;
  let nlp: Nlp;
  // The peer runs as it would on its own, with V8's default budget (its functions are made when it loads).
  defaultTiering();
  try {
    const from = values['compromise-from'] ? join(values['compromise-from'], 'peer.js') : import.meta.url;
    nlp = ((await import(pathToFileURL(createRequire(from).resolve('compromise')).href)) as { default: Nlp }).default;
  } catch {
    console.log('compromise (reference peer): not installed, not measured (npm i --no-save compromise, or --compromise-from DIR)');
    return null;
  }
  const words = sample.reduce((n, a) => n + countWords(a.text), 0);
  const timed = (run: (doc: Doc) => unknown) => {
    for (const a of sample.slice(0, 10)) run(nlp(a.text));
    const t0 = clock();
    for (const a of sample) run(nlp(a.text));
    const t = since(t0);
    return { perSecond: words / (t.wall / 1000), perCpuSecond: words / (t.cpu / 1000) };
  };
  return { json: timed((doc) => doc.json()), entities: timed((doc) => doc.topics().json()) };
}

/**
 * Wall and CPU milliseconds (user + system, this process): on a machine shared with other work the
 * CPU time moves far less with the load than the wall time does.
 */
interface Clock {
  wall: number;
  cpu: number;
}

function clock(): Clock {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now(), cpu: (user + system) / 1000 };
}

function since(start: Clock): Clock {
  const now = clock();
  return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu };
}
