import { spawn, type ChildProcess } from 'node:child_process';
import type { Command } from 'commander';
import { resolveDbPath } from '../../store/index.js';
import { collect, err, openStore, threadCount, UsageError } from '../shared.js';
import { checkOptionFiles } from './analyze.js';

interface WorkerFlags {
  db?: string;
  queue?: string;
  concurrency: number;
  threads?: number;
  lease: number;
  untilIdle?: boolean;
  boilerplate?: string[];
  gazetteer?: string[];
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--concurrency must be a whole number from 1 to 256, got "${value}"`);
  return n;
}

function lease(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > 3600) throw new UsageError(`--lease must be a whole number of seconds from 2 to 3600, got "${value}"`);
  return n;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take analyze jobs from the job queue (claimtrail analyze --queue, POST /api/articles on a server with a queue) and store their articles')
    .option('--db <path>', 'database file or postgres:// URL (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--queue <url>', 'the job queue, a postgres:// URL (default: $CLAIMTRAIL_QUEUE, else the database when it is on PostgreSQL)')
    .option('--concurrency <n>', 'worker processes to run, the cores shared among them (analysis is CPU-bound: more processes than cores gain nothing)', count, 1)
    .option('--threads <n>', "threads per process that analyse the jobs' articles while the process saves and refreshes (default: the cores left to each process but one, at least one for a lone process; 0: the process analyses)", threadCount)
    .option('--lease <seconds>', 'how long a job is held without a sign of life (renewed every quarter of it): a worker that dies has its jobs taken back about this long after', lease, 60)
    .option('--until-idle', 'exit once no job is waiting or under way')
    .option('--boilerplate <file>', 'extra boilerplate rules (see data/boilerplate.txt); repeatable', collect)
    .option('--gazetteer <file>', 'extra gazetteer entries (see docs/gazetteer.md); repeatable', collect)
    .action(async (flags: WorkerFlags) => {
      process.exitCode = flags.concurrency > 1 ? await supervise(flags) : await work(flags);
    });
}

/** The same command with one process each: analysis is CPU-bound, so concurrency is processes. */
async function supervise(flags: WorkerFlags): Promise<number> {
  const { defaultThreads } = await import('../../threads/analysis-pool.js');
  const threads = flags.threads ?? defaultThreads(flags.concurrency);
  const args = [process.argv[1]!, 'worker', '--concurrency', '1', '--threads', String(threads), '--lease', String(flags.lease)];
  if (flags.db) args.push('--db', flags.db);
  if (flags.queue) args.push('--queue', flags.queue);
  if (flags.untilIdle) args.push('--until-idle');
  for (const f of flags.boilerplate ?? []) args.push('--boilerplate', f);
  for (const f of flags.gazetteer ?? []) args.push('--gazetteer', f);
  const children = Array.from({ length: flags.concurrency }, () => spawn(process.execPath, args, { stdio: 'inherit' }));
  const stop = () => children.forEach((c) => c.kill('SIGTERM'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const ended = (c: ChildProcess) =>
    new Promise<number>((resolve) =>
      c.on('exit', (code, signal) => {
        // A worker that failed has said why on stderr; one ended by a signal cannot, so this says it.
        if (signal) err(`worker ${c.pid}: ended by ${signal}`);
        resolve(code ?? (signal ? 1 : 0));
      }),
    );
  const codes = await Promise.all(children.map(ended));
  return Math.max(...codes);
}

async function work(flags: WorkerFlags): Promise<number> {
  const [{ openQueue, resolveQueueUrl }, { runWorker }, { createPipeline }, { AnalysisPool, defaultThreads }, { loadRules }, { readGazetteer }] = await Promise.all([
    import('../../queue/index.js'),
    import('../../queue/worker.js'),
    import('../../annotate/index.js'),
    import('../../threads/analysis-pool.js'),
    import('../../ingest/clean.js'),
    import('../../annotate/entities/gazetteer.js'),
  ]);
  const url = resolveQueueUrl(flags.queue, resolveDbPath(flags.db));
  if (!url) throw new UsageError('no job queue: give --queue postgres://… or set CLAIMTRAIL_QUEUE (or use a PostgreSQL database with --db)');
  // Read here, not by the analysis thread at its first job: a bad file is one usage error, not a failure of every job.
  const rules = checkOptionFiles(flags, loadRules, readGazetteer);
  const log = (line: string) => err(`worker ${process.pid}: ${line}`);
  const gazetteers = flags.gazetteer ?? [];
  const threads = flags.threads ?? defaultThreads();
  // Analysis on threads of its own: the next jobs' articles are analysed there while this thread saves, refreshes and
  // waits on the database (docs/quality.md, Many workers).
  const pool = threads > 0 ? new AnalysisPool(threads, { gazetteers }) : null;
  pool?.warm();
  const pipeline = pool ?? (await createPipeline({ gazetteers }));
  const queue = await openQueue(url, { leaseSeconds: flags.lease, onError: (e) => log(`queue: ${e.message}`) }).catch(async (e: unknown) => {
    await pool?.close();
    throw e;
  });
  const store = await openStore(flags.db).catch(async (e: unknown) => {
    await Promise.all([queue.close(), pool?.close()]);
    throw e;
  });
  const stopping = new AbortController();
  const stop = () => {
    log('stopping after the jobs under way');
    stopping.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  log(`taking jobs from ${queue.location} into ${store.path}`);
  const started = performance.now();
  try {
    const stats = await runWorker({ queue, store, pipeline, rules }, { untilIdle: Boolean(flags.untilIdle), signal: stopping.signal, log });
    const s = (performance.now() - started) / 1000;
    log(`${stats.done} jobs done (${stats.articles} articles, ${stats.words.toLocaleString('en-US')} words) · ${stats.failed} failed · ${s.toFixed(1)} s`);
    return 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await Promise.allSettled([queue.close(), store.close(), pool?.close()]);
  }
}
