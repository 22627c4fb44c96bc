import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { createPipeline } from '../../src/annotate/index.js';
import type { Pipeline } from '../../src/annotate/pipeline.js';
import { loadRules } from '../../src/ingest/clean.js';
import type { AnalyzeRequest, HeldJob, JobOutcome, JobQueue } from '../../src/queue/index.js';
import { runWorker } from '../../src/queue/worker.js';
import { intakeKey } from '../../src/store/intake.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';

const PLACES = ['the northern port', 'the river crossing', 'the rail depot', 'the border post', 'the power station'];

/** Short dispatches in the project's own words, each a job of inline text. */
function requests(n: number): AnalyzeRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    input: { name: `dispatch-${i}.txt`, content: `Dispatch ${i}\n\nThe regional governor said on ${1 + (i % 27)} May 2025 that shelling damaged ${PLACES[i % PLACES.length]} overnight, and officials denied that ${i} people were evacuated.`, kind: 'text' },
    replace: false,
    verbatim: false,
    fetchTimeoutMs: 1000,
    maxBytes: 1 << 20,
    publicOnly: false,
  }));
}

/** A queue in memory that records how the worker uses it: batches taken before the first job was done, and held unsettled at once. */
class RecordingQueue implements JobQueue {
  readonly location = 'memory';
  private readonly waiting: HeldJob[];
  private readonly open = new Map<string, number>();
  private readonly held = new Map<string, HeldJob>();
  private readonly unsettled = new Map<number, number>();
  private batches = 0;
  mostUnsettled = 0;
  takenBeforeFirstDone = 0;
  done: string[] = [];
  readonly outcomes = new Map<string, JobOutcome>();

  /** `settleMs`: how long marking a job done takes (a queue across a network). */
  constructor(
    requests: readonly AnalyzeRequest[],
    private readonly settleMs = 0,
  ) {
    this.waiting = requests.map((request, i) => ({ id: `job-${String(i).padStart(4, '0')}`, request, attempt: 1 }));
  }

  async take(max = 1): Promise<HeldJob[]> {
    const jobs = this.waiting.splice(0, max);
    if (!jobs.length) return [];
    for (const job of jobs) this.held.set(job.id, job);
    const batch = this.batches++;
    for (const job of jobs) this.open.set(job.id, batch);
    this.unsettled.set(batch, jobs.length);
    this.mostUnsettled = Math.max(this.mostUnsettled, this.unsettled.size);
    return jobs;
  }

  async complete(id: string, outcome: JobOutcome): Promise<void> {
    this.outcomes.set(id, outcome);
    if (this.settleMs) await new Promise((resolve) => setTimeout(resolve, this.settleMs));
    if (!this.done.length) this.takenBeforeFirstDone = this.batches;
    this.settle(id);
    this.done.push(id);
  }

  async fail(id: string): Promise<void> {
    this.settle(id);
  }

  private settle(id: string): void {
    this.held.delete(id);
    const batch = this.open.get(id)!;
    this.open.delete(id);
    const left = this.unsettled.get(batch)! - 1;
    if (left) this.unsettled.set(batch, left);
    else this.unsettled.delete(batch);
  }

  async pending(): Promise<number> {
    return this.waiting.length + this.open.size;
  }

  /** As on PostgreSQL: no article while a re-analysis is unfinished, else those before the first unfinished job. */
  async refreshLimit(): Promise<string | null> {
    if ([...this.waiting, ...this.held.values()].some((job) => job.request.replace)) return '';
    return [this.waiting[0]?.id, ...this.open.keys()].filter((id): id is string => id !== undefined).sort()[0] ?? null;
  }

  async close(): Promise<void> {}
  enqueue(): Promise<string[]> {
    throw new Error('not used');
  }
  get(): Promise<null> {
    throw new Error('not used');
  }
  list(): Promise<[]> {
    throw new Error('not used');
  }
  retry(): Promise<boolean> {
    throw new Error('not used');
  }
}

describe('a worker\'s runs', () => {
  let pipeline: Pipeline;
  let store: Store;
  beforeAll(async () => {
    pipeline = await createPipeline();
    store = await openStore(join(tempDir(), 'runs.db'));
  });
  afterAll(() => store.close());

  it('take the next jobs while the last are settled, two batches at most, and leave every article refreshed', async () => {
    const queue = new RecordingQueue(requests(40));
    // Runs of 8 jobs, five of them; a refresh every 3 jobs: several run in the background while jobs keep coming.
    const stats = await runWorker({ queue, store, pipeline, rules: loadRules() }, { untilIdle: true, pollMs: 10, refreshEvery: 3, jobsPerRun: 8 });
    expect(stats).toMatchObject({ done: 40, failed: 0, articles: 40 });
    expect(queue.done).toHaveLength(40);
    // The second batch was taken before the first was done (its analysis goes on while the first is saved), never a third.
    expect(queue.takenBeforeFirstDone).toBe(2);
    expect(queue.mostUnsettled).toBe(2);
    // Nothing left for a refresh to take: jobs settled while a background refresh ran were taken by a later one.
    expect((await refreshAnalysis(store)).articles).toBe(0);
    expect((await store.corpus.stats()).articles).toBe(40);
  });

  it('take the jobs of two re-analyses through a run each: each keeps the copy queued first of its own, the second replaces the first', async () => {
    const own = await openStore(join(tempDir(), 'reanalyses.db'));
    try {
      const text = 'Ferry resumes\n\nThe port authority said on Monday that the ferry would sail again after the storm.';
      const copy = (ref: string, run: string): AnalyzeRequest => ({ ...requests(1)[0]!, input: { name: ref, content: JSON.stringify({ id: ref, text }), kind: 'jsonl' }, replace: true, runStart: intakeKey(run) });
      // Jobs job-0000 and job-0001 were queued by one re-analysis, job-0002 by the next; one worker takes all three at once.
      const queue = new RecordingQueue([copy('first-a', 'job-0000'), copy('first-b', 'job-0000'), copy('second', 'job-0002')]);
      await runWorker({ queue, store: own, pipeline, rules: loadRules() }, { untilIdle: true, pollMs: 10, jobsPerRun: 8 });
      expect(['job-0000', 'job-0001', 'job-0002'].map((id) => queue.outcomes.get(id)?.articles[0]?.status)).toEqual(['new', 'duplicate', 'replaced']);
      const [stored] = (await own.articles.listArticles()).items;
      expect(stored?.ref).toBe('second');
      // Its refresh waited for the last re-analysing job, then took every article.
      expect((await refreshAnalysis(own)).articles).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('leave every article refreshed when a refresh starts between a run\'s save and its jobs being marked done', async () => {
    const own = await openStore(join(tempDir(), 'slow-queue.db'));
    try {
      // Marking done is slow, so the last run is saved while the one before is still being marked done, and a
      // background refresh starts then: it stops before the last run's jobs, which the queue still holds.
      const queue = new RecordingQueue(requests(24), 25);
      await runWorker({ queue, store: own, pipeline, rules: loadRules() }, { untilIdle: true, pollMs: 10, refreshEvery: 1, jobsPerRun: 8 });
      expect(queue.done).toHaveLength(24);
      expect((await refreshAnalysis(own)).articles).toBe(0);
    } finally {
      await own.close();
    }
  });
});
