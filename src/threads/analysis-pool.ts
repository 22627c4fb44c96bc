import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Analysis, Article } from '../doc/types.js';
import type { Analyzer } from '../annotate/analyzer.js';
import { builtScript } from '../built.js';
import { startThread } from './start-thread.js';

/** How the pool's threads build their pipelines: PipelineOptions less the language, which is not data a thread can be sent (the default one). */
export interface PoolOptions {
  gazetteers?: readonly string[];
  layers?: readonly string[];
}

/** An article sent to a thread, and its answer. */
export type Task = { id: number; article: Article };
export type TaskReply = { id: number; ok: true; analysis: Analysis } | { id: number; ok: false; message: string };

interface Slot {
  worker: Worker;
  /** Its tasks under way, by id. */
  tasks: Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void }>;
}

/**
 * Threads a pool runs by default: one per core but the one the main thread stores from, and at least one, so the
 * analysis of a batch goes on while the batch before is saved. On this project's 2-core machine one thread took about
 * a seventh off the analysis and save of PolNeAR on SQLite and a quarter on PostgreSQL, and a second one nothing more
 * (docs/quality.md). `processes` share the cores (`claimtrail worker --concurrency`).
 */
export function defaultThreads(processes = 1): number {
  const left = Math.floor(availableParallelism() / processes) - 1;
  // Several processes with no core to spare each analyse on their own thread: two workers on 2 cores with a thread each
  // took 27.4 s for PolNeAR on PostgreSQL, without one 24.0 s.
  return processes > 1 ? Math.max(0, left) : Math.max(1, left);
}

/**
 * Analyses articles on worker threads, each with its own pipeline built from the same options,
 * so a run analyses on other cores while the main thread stores what is done. A thread starts only when
 * every started one is busy (one article starts one thread); each task goes to the thread with
 * the fewest under way. A thread that fails fails the tasks it held and is replaced by the next
 * task's. Idle threads do not keep the process alive.
 */
export class AnalysisPool implements Analyzer {
  private readonly slots: Slot[] = [];
  private readonly script = builtScript('threads/analysis-thread.js', 'the analysis thread');
  private next = 1;

  constructor(
    readonly size: number,
    private readonly options: PoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`an analysis pool needs at least one thread, got ${size}`);
  }

  analyze(article: Article): Promise<Analysis> {
    const slot = this.slotFor();
    const id = this.next++;
    return new Promise<Analysis>((resolve, reject) => {
      slot.tasks.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ id, article } satisfies Task);
    });
  }

  /**
   * Start a thread now, if none runs: its start-up and its pipeline's loading then overlap the caller's own (opening the
   * store, reading the inputs) instead of waiting for the first article.
   */
  warm(): void {
    if (!this.slots.length) this.start();
  }

  /** Stop every thread; tasks under way fail. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private slotFor(): Slot {
    let best: Slot | undefined;
    for (const s of this.slots) if (!best || s.tasks.size < best.tasks.size) best = s;
    if (best && (best.tasks.size === 0 || this.slots.length >= this.size)) return best;
    return this.start();
  }

  private start(): Slot {
    const worker = startThread(this.script, { workerData: this.options });
    const slot: Slot = { worker, tasks: new Map() };
    worker.on('message', (reply: TaskReply) => {
      const task = slot.tasks.get(reply.id);
      slot.tasks.delete(reply.id);
      if (!slot.tasks.size) worker.unref();
      if (reply.ok) task?.resolve(reply.analysis);
      else task?.reject(new Error(reply.message));
    });
    const fail = (message: string) => {
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      for (const task of slot.tasks.values()) task.reject(new Error(message));
      slot.tasks.clear();
    };
    worker.on('error', (e) => fail(`the analysis thread failed: ${e.message}`));
    worker.on('exit', (code) => fail(`the analysis thread stopped (exit ${code})`));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }
}
