import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueue, type AnalyzeRequest, type JobQueue, type JobStatus } from '../../src/queue/index.js';
import { freshDatabase, TEST_PG, type TestDatabase } from './pg.js';

const request = (name: string): AnalyzeRequest => ({
  input: { name, content: 'Osterlich said the League had closed the Vale road.', kind: 'text' },
  replace: false,
  verbatim: false,
  fetchTimeoutMs: 1000,
  maxBytes: 1_000_000,
  publicOnly: true,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds until the job leaves `active`, polled; a deadline so that a job never taken back fails the test, not its time-out. */
async function secondsActive(queue: JobQueue, id: string, deadlineSeconds: number): Promise<{ seconds: number; job: JobStatus | null }> {
  const start = performance.now();
  for (;;) {
    const job = await queue.get(id);
    const seconds = (performance.now() - start) / 1000;
    if (job?.state !== 'active' || seconds > deadlineSeconds) return { seconds, job };
    await sleep(100);
  }
}

/** Held jobs' leases, one queue per process: each takes and holds jobs as a worker does, without a worker. */
describe.skipIf(!TEST_PG)('leases of held jobs', () => {
  let db: TestDatabase;
  /** Queues jobs as older code did (their first lease the whole 900 s time limit), without retries, and runs the upkeep every second. */
  let queuer: JobQueue;
  beforeAll(async () => {
    db = await freshDatabase('lease');
    queuer = await openQueue(db.url, { leaseSeconds: 900, retryLimit: 0, maintenanceSeconds: 1 });
  });
  afterAll(async () => {
    await queuer?.close();
    await db?.drop();
  });

  it('a job queued with a 15-minute expiry is held on the lease of the process that takes it: taken back soon after that process goes', async () => {
    const [id] = await queuer.enqueue([request('old.txt')]);
    const holder = await openQueue(db.url, { leaseSeconds: 2 });
    expect((await holder.take()).map((j) => j.id)).toEqual([id]);
    // Gone without settling its job: no more renewals.
    await holder.close();
    const { seconds, job } = await secondsActive(queuer, id!, 20);
    expect(job).toMatchObject({ state: 'failed', error: expect.stringMatching(/stopped renewing it/) });
    expect(seconds).toBeLessThan(2 + 5);
  });

  it('a live holder keeps its job past its lease, but not past the job time limit', async () => {
    const [id] = await queuer.enqueue([request('hung.txt')]);
    const holder = await openQueue(db.url, { leaseSeconds: 2, jobTimeoutSeconds: 5 });
    try {
      expect((await holder.take()).map((j) => j.id)).toEqual([id]);
      const { seconds, job } = await secondsActive(queuer, id!, 20);
      expect(job).toMatchObject({ state: 'failed', error: expect.stringMatching(/stopped renewing it/) });
      // Renewed past two leases, then taken back once its time was up.
      expect(seconds).toBeGreaterThan(4);
      expect(seconds).toBeLessThan(5 + 5);
    } finally {
      await holder.close();
    }
  });
});
