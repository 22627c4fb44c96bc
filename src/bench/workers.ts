/**
 * `npm run bench:workers -- [--queue URL] [--articles 300] [--workers 1,2] [--threads N] [--store sqlite|postgres] [--pin] [--fnc1-bodies] [FILE…]`: throughput
 * of `claimtrail worker`s through the job queue — the same articles queued, then taken by 1, then
 * by 2 workers (processes; --threads: each one's analysis threads, by default the worker's own),
 * each run on a fresh SQLite store and a fresh queue database. Prints articles/s and words/s per
 * run, the cores the machine kept busy, a capacity estimate per core (articles per core-second
 * busy), and whether each run's store
 * holds what the in-place run's does (same.ts: articles, claims, propositions, contradictions,
 * stories, every field).
 *
 * The queue's server is --queue or $CLAIMTRAIL_QUEUE; the bench makes a scratch database on it
 * for each run (the role must be allowed to create databases) and drops it after. The articles
 * are the FILEs (any `claimtrail analyze` input), else PolNeAR (../shared/eval/polnear) when it
 * is there, else synthetic news text (sizes.ts), so anyone can run it; `--fnc1-bodies` queues FNC-1's training bodies
 * after them (fnc1-bodies.ts), for a longer run.
 *
 * The time of a run is from the workers' start to the last job done: it includes each worker's
 * start-up (loading the pipeline) and the cross-article refresh every 25 jobs, not the final
 * refresh after the queue ran dry. For reference, the same articles go through `claimtrail
 * analyze` in one process first (start to exit: start-up and the refresh included).
 *
 * --pin gives each worker one core of its own (`taskset`, worker i on core i): one machine of one core per worker, so
 * 1 against 2 workers measures what a second core adds, where unpinned one worker already spreads over every core.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openQueue, resolveQueueUrl, type AnalyzeRequest, type JobInput } from '../queue/index.js';
import { readJobInputs, requestsFor } from '../queue/inputs.js';
import { scratchDatabase } from '../store/queue/scratch.js';
import { UsageError } from '../errors.js';
import { KINDS, storeDigests } from './same.js';
import { busySeconds } from './busy.js';
import { syntheticText } from './sizes.js';
import { withFnc1Bodies } from './fnc1-bodies.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/claimtrail.js');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queue: { type: 'string' },
    articles: { type: 'string', default: '300' },
    workers: { type: 'string', default: '1,2' },
    store: { type: 'string', default: 'sqlite' },
    threads: { type: 'string' },
    pin: { type: 'boolean', default: false },
    'fnc1-bodies': { type: 'boolean', default: false },
  },
});

const url = resolveQueueUrl(values.queue, undefined);
if (!url) throw new Error('bench:workers needs a PostgreSQL server for the queue: --queue postgres://… or CLAIMTRAIL_QUEUE');
if (values.store !== 'sqlite' && values.store !== 'postgres') throw new UsageError(`bench:workers: --store must be sqlite or postgres, got "${values.store}"`);
const count = Number(values.articles);
const runs = values.workers.split(',').map(Number);
if (!Number.isInteger(count) || count <= 0 || runs.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--articles and --workers take positive whole numbers');

/** The articles to queue: the files given, else PolNeAR, else synthetic texts. */
async function corpus(): Promise<{ name: string; inputs: JobInput[] }> {
  const shared = resolve(process.env.CLAIMTRAIL_SHARED ?? join(ROOT, '../shared'), 'eval/polnear');
  const files = positionals.length ? positionals : existsSync(shared) ? [join(shared, 'dev.jsonl'), join(shared, 'train.jsonl')] : [];
  if (files.length || values['fnc1-bodies']) {
    return withFnc1Bodies(values['fnc1-bodies'], files, async (paths, name) => {
      const read = await readJobInputs(paths, { maxBytes: 10 << 20 });
      for (const e of read.errors) console.error(`skipped: ${e.message}`);
      return { name, inputs: read.inputs.slice(0, count) };
    });
  }
  const inputs = Array.from({ length: count }, (_, i): JobInput => ({ name: `synthetic-${i}.txt`, content: syntheticText(4000, 100 + i), kind: 'text' }));
  return { name: 'synthetic news text (src/bench/sizes.ts)', inputs };
}

type Digests = Awaited<ReturnType<typeof storeDigests>>;

/** Jobs a run needs for its steady rate (Run.steady) to be more than the last few jobs' timing. */
const STEADY_JOBS = 40;

interface Run {
  digests: Digests;
  workers: number;
  articles: number;
  words: number;
  failed: number;
  seconds: number;
  /** Words/s over the jobs finished after the first quarter of them: past each worker's start-up and most of V8's compiling, which a long-running worker pays once. */
  steady: number;
  /** Core-seconds the whole machine was busy from the workers' start to their exit: workers, PostgreSQL, the rest. */
  busy: number;
}

/** The same articles through `claimtrail analyze` in one process, no queue: the reference, its time and what it stored. */
async function inPlace(inputs: readonly JobInput[]): Promise<{ seconds: number; digests: Digests }> {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-in-place-'));
  try {
    const files = inputs.map((input, i) => {
      if (typeof input === 'string') return input;
      const file = join(dir, input.kind === 'jsonl' ? `${i}.jsonl` : `${i}.txt`);
      writeFileSync(file, input.encoding === 'base64' ? Buffer.from(input.content, 'base64') : input.content);
      return file;
    });
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'analyze', '--db', join(dir, 'bench.db'), ...files], { stdio: 'ignore' });
    await new Promise((resolve) => child.on('exit', resolve));
    const seconds = (Date.now() - started) / 1000;
    return { seconds, digests: await storeDigests(join(dir, 'bench.db')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(workers: number, requests: AnalyzeRequest[]): Promise<Run> {
  const db = await scratchDatabase(url!, 'claimtrail_bench');
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-workers-'));
  try {
    const queue = await openQueue(db.url);
    await queue.enqueue(requests);
    const started = Date.now();
    const busyAtStart = busySeconds();
    // The store: a SQLite file the workers share, or the scratch database (public schema; the queue has its own).
    const store = values.store === 'postgres' ? db.url : join(dir, 'bench.db');
    const threads = values.threads === undefined ? [] : ['--threads', values.threads];
    const worker = [BIN, 'worker', '--db', store, '--until-idle', ...threads];
    // Pinned: one single-process worker per core; else one command running them all (its own supervisor).
    const commands = values.pin
      ? Array.from({ length: workers }, (_, i) => ['taskset', ['-c', String(i % availableParallelism()), process.execPath, ...worker, '--concurrency', '1']] as const)
      : [[process.execPath, [...worker, '--concurrency', String(workers)]] as const];
    let errors = '';
    const codes = await Promise.all(
      commands.map(([command, args]) => {
        const child = spawn(command, args, { env: { ...process.env, CLAIMTRAIL_QUEUE: db.url }, stdio: ['ignore', 'ignore', 'pipe'] });
        child.stderr.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
        return new Promise<number | null>((resolve) => {
          // No taskset on the machine, say: the run fails with why.
          child.on('error', (e) => {
            errors += `${command}: ${e.message}`;
            resolve(null);
          });
          child.on('exit', resolve);
        });
      }),
    );
    const failed = codes.find((code) => code !== 0);
    if (failed !== undefined) throw new Error(`the workers exited with ${failed}: ${errors}`);
    const busy = busySeconds() - busyAtStart;
    const jobs = await queue.list({ limit: requests.length + 10 });
    await queue.close();
    const done = jobs.filter((j) => j.state === 'done');
    const last = Math.max(...done.map((j) => Date.parse(j.finished!)));
    const byEnd = done.map((j) => ({ at: Date.parse(j.finished!), words: j.articles.reduce((w, a) => w + a.words, 0) })).sort((a, b) => a.at - b.at);
    const quarter = Math.floor(byEnd.length / 4);
    const later = byEnd.slice(quarter + 1).reduce((w, j) => w + j.words, 0);
    const words = byEnd.reduce((n, j) => n + j.words, 0);
    // A run of a few jobs has no later quarter worth timing: its steady rate is the whole run's.
    const span = byEnd.length >= STEADY_JOBS ? (last - byEnd[quarter]!.at) / 1000 : 0;
    return {
      digests: await storeDigests(store),
      workers,
      articles: done.reduce((n, j) => n + j.articles.length, 0),
      words,
      failed: jobs.length - done.length,
      seconds: (last - started) / 1000,
      steady: span > 0 && later > 0 ? later / span : words / ((last - started) / 1000),
      busy,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}

const { name, inputs } = await corpus();
const requests = requestsFor(inputs, { replace: false, verbatim: false, fetchTimeoutMs: 20_000, maxBytes: 10 << 20, publicOnly: false });
const n = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`corpus: ${name} · ${requests.length} jobs · ${availableParallelism()} cores${values.pin ? ' · each worker pinned to a core of its own' : ''} · ${new Date().toISOString().slice(0, 10)}`);
console.log('workers  articles  failed    words   seconds  articles/s    words/s  speed-up  cores busy  steady words/s  speed-up  same as in place');
const reference = await inPlace(inputs);
let base: Run | null = null;
const results: Run[] = [];
for (const workers of runs) {
  const r = await run(workers, requests);
  base ??= r;
  results.push(r);
  const rate = r.articles / r.seconds;
  const differ = KINDS.filter((k) => r.digests[k].sha256 !== reference.digests[k].sha256);
  console.log(
    `${String(workers).padStart(7)}${String(r.articles).padStart(10)}${String(r.failed).padStart(8)}${n(r.words).padStart(9)}${r.seconds.toFixed(1).padStart(10)}${rate.toFixed(1).padStart(12)}${n(r.words / r.seconds).padStart(11)}${(rate / (base.articles / base.seconds)).toFixed(2).padStart(10)}${(r.busy / r.seconds).toFixed(2).padStart(12)}${n(r.steady).padStart(16)}${(r.steady / base.steady).toFixed(2).padStart(10)}  ${differ.length ? `no: ${differ.join(', ')} differ` : 'yes'}`,
  );
}
const held = reference.digests;
console.log(`in place (claimtrail analyze, one process, no queue): ${reference.seconds.toFixed(1)} s for the same jobs; ${KINDS.map((k) => `${held[k].count} ${k}`).join(', ')}`);
// A worker analyses on a thread of its own beside its saves and refreshes, and the database takes CPU too: what a core
// gives is articles per core-second the machine was busy (PostgreSQL included), the best run's.
const perCoreOf = (r: Run) => ({ articles: r.articles / r.busy, words: r.words / r.busy });
const best = results.reduce((a, b) => (perCoreOf(a).articles >= perCoreOf(b).articles ? a : b));
const perCore = perCoreOf(best);
console.log(
  `capacity per core (best run, ${best.workers} worker${best.workers > 1 ? 's' : ''}, by the machine's busy core-seconds): ${perCore.articles.toFixed(1)} articles/s, ${n(perCore.words)} words/s ≈ ${n(perCore.articles * 3600)} articles an hour`,
);
