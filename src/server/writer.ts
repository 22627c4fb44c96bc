import type { Worker } from 'node:worker_threads';
import { analyzeIngested } from '../analyze.js';
import type { Analyzer } from '../annotate/analyzer.js';
import type { Pipeline } from '../annotate/pipeline.js';
import type { BoilerplateRules } from '../ingest/clean.js';
import { ingest, type Ingested, type InlineInput } from '../ingest/index.js';
import type { SaveStatus } from '../contract/values.js';
import { builtScript } from '../built.js';
import { ClaimtrailError, type ErrorCode } from '../errors.js';
import { unbounded } from '../store/budget.js';
import type { Store } from '../store/index.js';
import { intakeKey } from '../store/intake.js';
import { startThread } from '../threads/start-thread.js';

/** What POST /api/articles asks to store: one input (inline content or a URL) and how to read it. */
export interface WriteJob {
  input: string | InlineInput;
  replace: boolean;
  /** With `replace`, for a job of a run queued together: the key the run began at (src/store/intake.ts, runStartKey). */
  runStart?: string;
  /** Keep text and JSONL content exactly as given (queued `claimtrail analyze --verbatim`). */
  verbatim?: boolean;
  fetchTimeoutMs: number;
  maxBytes: number;
  publicOnly: boolean;
  /** Where its articles stand in the order of submission: a queued job's id (src/store/intake.ts). */
  intake?: string;
}

export interface StoredItem {
  id: string;
  title: string | null;
  status: SaveStatus;
  entities: number;
  claims: number;
  events: number;
  words: number;
}

export interface WriteResult {
  items: StoredItem[];
  /** The inputs that failed, with the kind of error (an input error recurs on a retry; others may not). */
  errors: { origin: string; message: string; code: ErrorCode }[];
  /** The database cannot be written (disk full, read-only): nothing more can be stored. */
  unwritable: boolean;
  /** The articles are stored but the cross-article refresh after them failed (retried later). */
  refreshError: string | null;
}

/**
 * Analyses and stores posted articles. The server's writer runs them on a worker thread with its
 * own database connection, so a large article never stalls the requests the event loop serves,
 * and writes one job at a time; a store in memory (tests) is written in-process.
 */
export interface Writer {
  write(job: WriteJob): Promise<WriteResult>;
  /** Run the cross-article refresh alone (the retry after a failed one). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export interface WriteDeps {
  store: Store;
  /** The pipeline, or a pool of threads running it (a worker's AnalysisPool). */
  pipeline: Analyzer;
  rules: BoilerplateRules;
  refresh: () => Promise<unknown>;
}

/** One job through the analyze path, then the refresh when something new was stored. */
export async function runWrite(job: WriteJob, deps: WriteDeps): Promise<WriteResult> {
  return (await runWrites([job], deps))[0]!;
}

/**
 * Several jobs through one run of the analyze path, their articles saved together (a commit for
 * many articles, not one each), then one refresh when something new was stored; a result per
 * job. Each job's inputs are read with its own options; `replace` and `runStart` are the first job's, so
 * callers group jobs that agree on them. A job left without an outcome because the database could not be
 * written says so.
 */
export async function runWrites(jobs: readonly WriteJob[], deps: WriteDeps): Promise<WriteResult[]> {
  const results = jobs.map((): WriteResult => ({ items: [], errors: [], unwritable: false, refreshError: null }));
  if (!jobs.length) return results;
  // The job of each item read, and its place in that job: outcomes come one per item, in order.
  const jobOf: number[] = [];
  const place: number[] = [];
  async function* items(): AsyncGenerator<Ingested> {
    for (const [j, job] of jobs.entries()) {
      let n = 0;
      const options = { verbatim: Boolean(job.verbatim), timeoutMs: job.fetchTimeoutMs, maxBytes: job.maxBytes, publicOnly: job.publicOnly, rules: deps.rules };
      for await (const item of ingest([job.input], options)) {
        jobOf.push(j);
        place.push(n++);
        yield item;
      }
    }
  }
  // Queued jobs carry their ids: each article's key is its job's and its place in it.
  const bases = jobs.map((j) => j.intake);
  const keyed = bases.every((b) => b !== undefined);
  const outcomes = analyzeIngested(items(), {
    pipeline: deps.pipeline,
    store: deps.store,
    replace: jobs[0]!.replace,
    ...(jobs[0]!.runStart !== undefined ? { runStart: jobs[0]!.runStart } : {}),
    ...(keyed ? { intakeOf: (i: number) => intakeKey(bases[jobOf[i]!]!, place[i]) } : {}),
  });
  let k = 0;
  let fatal = false;
  for await (const o of outcomes) {
    const result = results[jobOf[k++]!]!;
    if (!o.ok) {
      result.errors.push({ origin: o.origin, message: o.error.message, code: o.error.code });
      result.unwritable ||= o.fatal === true;
      fatal ||= o.fatal === true;
      continue;
    }
    const { article, entities, claims, events } = o.analysis;
    result.items.push({ id: article.id, title: article.title, status: o.status ?? 'new', entities: entities.length, claims: claims.length, events: events.length, words: o.words });
  }
  if (fatal) {
    for (const [j, result] of results.entries()) {
      if (result.items.length || result.errors.length) continue;
      result.errors.push({ origin: inputName(jobs[j]!.input), message: 'not stored: the database cannot be written', code: 'unwritable' });
      result.unwritable = true;
    }
  }
  if (results.some((r) => r.items.some((i) => i.status !== 'duplicate'))) {
    try {
      await deps.refresh();
    } catch (e) {
      for (const r of results) r.refreshError = (e as Error).message;
    }
  }
  return results;
}

function inputName(input: WriteJob['input']): string {
  return typeof input === 'string' ? input : input.name;
}

/** Writes in this thread: for stores in memory and for tests that bring their own pipeline. */
export function inProcessWriter(deps: { store: Store; pipeline: () => Promise<Pipeline>; rules: BoilerplateRules; refresh: () => Promise<unknown> }): Writer {
  return {
    async write(job) {
      const pipeline = await deps.pipeline();
      return unbounded(() => runWrite(job, { ...deps, pipeline }));
    },
    async refresh() {
      await unbounded(deps.refresh);
    },
    async close() {},
  };
}

type Call = { kind: 'write'; job: WriteJob } | { kind: 'refresh' };
export type Request = Call & { id: number };
export type Reply = { id: number; ok: true; result?: WriteResult } | { id: number; ok: false; code: ErrorCode; message: string };

/**
 * Writes on one worker thread with its own connection to the database at `dbPath`. A worker that
 * dies fails the jobs it held and is started again for the next one.
 */
export function workerWriter(dbPath: string, pipelineVersion: string): Writer {
  const script = builtScript('server/writer-worker.js', 'the writer worker');
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (r: Reply) => void }>();
  const start = (): Worker => {
    const w = startThread(script, { workerData: { dbPath, pipelineVersion } });
    w.on('message', (reply: Reply) => {
      pending.get(reply.id)?.resolve(reply);
      pending.delete(reply.id);
    });
    const fail = (message: string) => {
      if (worker === w) worker = null;
      for (const [id, p] of pending) p.resolve({ id, ok: false, code: 'unavailable', message });
      pending.clear();
    };
    w.on('error', (e) => fail(`the writer failed: ${e.message}`));
    w.on('exit', (code) => fail(`the writer stopped (exit ${code})`));
    // Jobs keep the process alive, an idle writer does not.
    w.unref();
    return w;
  };
  const call = (request: Call): Promise<Reply> => {
    worker ??= start();
    const id = next++;
    const reply = new Promise<Reply>((resolve) => pending.set(id, { resolve }));
    worker.ref();
    worker.postMessage({ ...request, id });
    return reply.finally(() => {
      if (!pending.size) worker?.unref();
    });
  };
  return {
    async write(job) {
      const reply = await call({ kind: 'write', job });
      if (!reply.ok) throw new ClaimtrailError(reply.code, reply.message);
      return reply.result!;
    },
    async refresh() {
      const reply = await call({ kind: 'refresh' });
      if (!reply.ok) throw new ClaimtrailError(reply.code, reply.message);
    },
    async close() {
      // Jobs under way finish first (their articles are being stored), for a while at most.
      const settle = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (!pending.size) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
        setTimeout(() => (clearInterval(poll), resolve()), CLOSE_WAIT_MS).unref();
      });
      await settle;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

/** How long closing waits for jobs under way. */
const CLOSE_WAIT_MS = 30_000;
