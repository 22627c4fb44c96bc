import type { Analyzer } from '../annotate/analyzer.js';
import { refreshAnalysis } from '../analysis/index.js';
import type { BoilerplateRules } from '../ingest/clean.js';
import { runWrites, type WriteResult } from '../server/writer.js';
import type { Store } from '../store/index.js';
import { ingestInput } from './inputs.js';
import { inputLabel, type HeldJob, type JobQueue } from './job.js';

export interface WorkerDeps {
  queue: JobQueue;
  /** Where articles are stored: any store (openStore), several workers' saves serialised by it. */
  store: Store;
  /** The pipeline, or a pool of threads running it: then the next jobs are analysed there while this thread saves and refreshes. */
  pipeline: Analyzer;
  rules: BoilerplateRules;
}

export interface WorkerOptions {
  /** Return once no job is waiting or active anywhere (`claimtrail worker --until-idle`). */
  untilIdle?: boolean;
  /** How long to wait between looks at an empty queue, and before trying a lost connection again. */
  pollMs?: number;
  /** Run the cross-article refresh after this many settled jobs even while jobs keep coming. */
  refreshEvery?: number;
  /** Jobs taken at once, their articles saved together (JOBS_PER_RUN). */
  jobsPerRun?: number;
  /** Stops the worker after the jobs under way. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface WorkerStats {
  done: number;
  failed: number;
  articles: number;
  words: number;
}

/**
 * Jobs a worker takes at once: their articles are saved in one transaction (a commit each cost
 * about as much as saving three articles) and the queue is asked once, not for each job. 24, not 8:
 * on the 1,013 PolNeAR records one worker took about a sixth less time and two workers about a
 * quarter less (docs/quality.md, Many workers); 16 and 48 were no better than 24.
 */
const JOBS_PER_RUN = 24;

/** Runs a worker has under way at once: one analysed while the one before is saved and settled. */
const RUNS_UNDER_WAY = 2;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Why a job stored nothing, in one line. */
function failureMessage(result: WriteResult): string {
  return result.errors.map((e) => e.message).join('; ') || 'the input held no article';
}

/**
 * A failure the same input would repeat: every error an input error of content the job carries
 * (not of a URL, whose server may answer next time), and the database writable.
 */
function isFinal(job: HeldJob, result: WriteResult): boolean {
  return !result.unwritable && typeof job.request.input !== 'string' && result.errors.length > 0 && result.errors.every((e) => e.code === 'input');
}

/**
 * A worker: takes analyze jobs up to `jobsPerRun` (JOBS_PER_RUN) at a time and runs them through the analyze
 * path (fetch, clean, analyse, store — their articles in one transaction, each article whole or
 * not at all, idempotent by its id), marks each done with the articles stored, or failed with its
 * error (retried later by the queue). It takes the next jobs while the last ones are saved and
 * settled (RUNS_UNDER_WAY). The cross-article refresh runs when the queue runs dry, and in the
 * background every `refreshEvery` settled jobs; the store serialises refreshes of several workers.
 * A lost connection to the queue is waited out, not fatal.
 */
export async function runWorker(deps: WorkerDeps, options: WorkerOptions = {}): Promise<WorkerStats> {
  const { queue, store, pipeline, rules } = deps;
  const pollMs = options.pollMs ?? 2_000;
  const refreshEvery = options.refreshEvery ?? 25;
  const jobsPerRun = options.jobsPerRun ?? JOBS_PER_RUN;
  const log = options.log ?? (() => undefined);
  const stats: WorkerStats = { done: 0, failed: 0, articles: 0, words: 0 };
  let unrefreshed = 0;

  const refresh = async () => {
    // Jobs a run settles while this refresh runs are counted for the next one.
    const taken = unrefreshed;
    try {
      // Articles of jobs queued after one not yet finished wait for it: the refresh takes every
      // article in the order its job was queued, however the workers share the jobs.
      await refreshAnalysis(store, { before: await queue.refreshLimit() });
      unrefreshed -= taken;
    } catch (e) {
      log(`the cross-article refresh failed (tried again later): ${(e as Error).message}`);
    }
  };
  /** A queue call that must land (the article is stored): tried again while the queue is unreachable. */
  const settle = async (what: string, call: () => Promise<void>) => {
    for (let wait = pollMs; ; wait = Math.min(wait * 2, 30_000)) {
      try {
        return await call();
      } catch (e) {
        if (options.signal?.aborted) throw e;
        log(`${what}: the queue is unreachable (${(e as Error).message}); trying again in ${Math.round(wait / 1000)} s`);
        await sleep(wait, options.signal);
      }
    }
  };

  /**
   * Settle one job by its result: done with the articles stored, or failed with why. Then it counts for the next refresh:
   * not before, since a refresh stops before the first job the queue has not settled, and one counted while unsettled
   * would be taken for refreshed when it was not. Failed jobs count too: settling one may release articles stored after
   * it by other workers.
   */
  const settleJob = async (job: HeldJob, result: WriteResult) => {
    const label = inputLabel(job.request.input);
    if (result.items.length) {
      await settle(`job ${job.id}`, () => queue.complete(job.id, { articles: result.items, errors: result.errors.map(({ origin, message }) => ({ origin, message })) }));
      stats.done++;
      stats.articles += result.items.length;
      stats.words += result.items.reduce((n, i) => n + i.words, 0);
      log(`done ${job.id} ${label}: ${result.items.map((i) => `${i.id} (${i.status})`).join(', ')}${result.errors.length ? ` · ${result.errors.length} failed` : ''}`);
    } else {
      const final = isFinal(job, result);
      const message = failureMessage(result);
      await settle(`job ${job.id}`, () => queue.fail(job.id, { message, errors: result.errors.map(({ origin, message }) => ({ origin, message })), final }));
      stats.failed++;
      log(`failed ${job.id} ${label} (attempt ${job.attempt}${final ? ', not retried' : ''}): ${message}`);
    }
    unrefreshed++;
  };

  /** Jobs taken together through one analyze run (one save for all their articles), each settled on its own. */
  const run = async (jobs: readonly HeldJob[]) => {
    let results: WriteResult[];
    try {
      // The refresh runs once for many jobs instead of after each: settleJob counts them for it.
      const writes = jobs.map(({ id, request: { input, ...how } }) => ({ ...how, input: ingestInput(input), intake: id }));
      results = await runWrites(writes, { store, pipeline, rules, refresh: async () => undefined });
    } catch (e) {
      const message = (e as Error).message;
      results = jobs.map((job) => ({ items: [], errors: [{ origin: inputLabel(job.request.input), message, code: 'internal' }], unwritable: false, refreshError: null }));
    }
    for (const [i, job] of jobs.entries()) await settleJob(job, results[i]!);
  };

  /** Jobs taken together, those that agree on `replace` (and the run it belongs to) through one run each, in the order queued. */
  const runAll = async (jobs: readonly HeldJob[]) => {
    const agree = (a: HeldJob, b: HeldJob) => a.request.replace === b.request.replace && a.request.runStart === b.request.runStart;
    for (let i = 0; i < jobs.length; ) {
      let j = i + 1;
      while (j < jobs.length && agree(jobs[j]!, jobs[i]!)) j++;
      await run(jobs.slice(i, j));
      i = j;
    }
  };
  // Runs under way, oldest first: the next jobs are analysed while the last ones are saved and settled, round trips to
  // the database and the queue that would otherwise leave this core idle.
  const underWay: Promise<void>[] = [];
  let refreshing: Promise<void> | null = null;
  const settleRuns = async (keep: number) => {
    while (underWay.length > keep) await underWay.shift();
  };

  // Articles another worker stored before it stopped get their cross-article analysis now.
  await refresh();
  try {
    while (!options.signal?.aborted) {
      let jobs: HeldJob[] = [];
      try {
        jobs = await queue.take(jobsPerRun);
      } catch (e) {
        log(`the queue is unreachable (${(e as Error).message}); trying again in ${Math.round(pollMs / 1000)} s`);
        await sleep(pollMs, options.signal);
        continue;
      }
      if (jobs.length) {
        const running = runAll(jobs);
        // Awaited in turn below; until then its failure (a stop while settling) is not an unhandled one.
        running.catch(() => undefined);
        underWay.push(running);
        await settleRuns(RUNS_UNDER_WAY - 1);
        // In the background: the refresh waits on the database (and on other workers' refreshes), the next jobs need not.
        if (unrefreshed >= refreshEvery) refreshing ??= refresh().finally(() => (refreshing = null));
        continue;
      }
      await settleRuns(0);
      await refreshing;
      if (unrefreshed) await refresh();
      if (options.untilIdle) {
        try {
          if ((await queue.pending()) === 0) break;
        } catch (e) {
          log(`the queue is unreachable (${(e as Error).message}); trying again in ${Math.round(pollMs / 1000)} s`);
        }
      }
      await sleep(pollMs, options.signal);
    }
  } finally {
    // Whatever ended the loop, nothing of this worker's is left running behind it.
    await Promise.allSettled([...underWay, refreshing]);
  }
  if (unrefreshed) await refresh();
  return stats;
}
