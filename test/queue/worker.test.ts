import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueue, type JobQueue } from '../../src/queue/index.js';
import { openStore } from '../../src/store/index.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { freshDatabase, TEST_PG, type TestDatabase } from './pg.js';

/** The lease of the workers under test, in seconds: short, so that a lapse shows within the test. */
const LEASE = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SLOW_ARTICLE = 'Ruritania says the Vale crossing was shelled\n\nRuritania said on 9 May 2025 that League artillery had shelled the Vale crossing overnight. Osterlich denied that any shells had been fired.';
const ARTICLE = 'Kyiv says the bridge was struck\n\nUkraine said on 3 March 2025 that its forces had struck a bridge near Kursk. Moscow denied that the bridge was damaged.';

describe.skipIf(!TEST_PG)('workers', () => {
  let db: TestDatabase;
  const dir = tempDir();
  const env = () => ({ CLAIMTRAIL_QUEUE: db.url });
  beforeAll(async () => {
    db = await freshDatabase('worker');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('a malformed article fails alone: the others are stored, and `jobs --state failed` shows it with its error and input', async () => {
    const store = join(dir, 'malformed.db');
    writeFileSync(join(dir, 'good.txt'), ARTICLE);
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
    writeFileSync(join(dir, 'records.jsonl'), `{"id":"ok","text":"Seoul said North Korean troops were in Russia."}\n{"id": "broken", "text": \n`);
    const queued = await runCli(['analyze', join(dir, 'good.txt'), join(dir, 'binary.txt'), join(dir, 'records.jsonl'), '--queue'], { env: env() });
    expect(queued.stderr).toMatch(/queued 4 jobs/);
    expect(queued.code).toBe(0);

    const worked = await runCli(['worker', '--db', store, '--until-idle'], { env: env() });
    expect(worked.stderr).toMatch(/2 jobs done \(2 articles, .*\) · 2 failed/);
    expect(worked.code).toBe(0);

    const failed = await runCli(['jobs', '--state', 'failed', '--json'], { env: env() });
    const jobs = failed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; error: string; attempts: number; state: string });
    expect(jobs.map((j) => [j.input, j.state, j.attempts])).toEqual([
      [`${join(dir, 'records.jsonl')}:2`, 'failed', 1],
      [join(dir, 'binary.txt'), 'failed', 1],
    ]);
    expect(jobs[0]!.error).toMatch(/records\.jsonl:2: .*JSON/);
    expect(jobs[1]!.error).toMatch(/binary\.txt: binary data, not an article/);
    const listed = await runCli(['jobs', '--state', 'failed'], { env: env() });
    expect(listed.stdout).toMatch(/failed +1\/1 +.*binary\.txt +error: .*binary data/);

    const s = await openStore(store);
    try {
      expect(await s.articles.countArticles()).toBe(2);
    } finally {
      await s.close();
    }
  });

  describe('a worker killed mid-job', () => {
    let queue: JobQueue;
    let server: Server;
    let held: ServerResponse | null = null;
    let requests = 0;
    let firstArrived: () => void;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    beforeAll(async () => {
      // This process keeps the queue's upkeep (taking back lapsed jobs) running every second; the
      // job time limit is far off, so only a lapsed lease can give the job back in this test.
      queue = await openQueue(db.url, { jobTimeoutSeconds: 600, leaseSeconds: LEASE, retryDelaySeconds: 1, maintenanceSeconds: 1 });
      // The first fetch of the article never answers: the worker is mid-job when it is killed.
      server = createServer((_req, res) => {
        if (++requests === 1) {
          held = res;
          firstArrived();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(ARTICLE);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      held?.destroy();
      await new Promise((resolve) => server?.close(resolve));
      await queue?.close();
    });

    it('is taken back once its lease lapses, long before the job time limit, and retried by the next worker: stored once, whole, done on its second attempt', async () => {
      const store = join(dir, 'killed.db');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article.txt`;
      const [id] = await queue.enqueue([{ input: url, replace: false, verbatim: false, fetchTimeoutMs: 60_000, maxBytes: 1_000_000, publicOnly: false }]);
      const worker = spawn(process.execPath, [join(ROOT, 'bin/claimtrail.js'), 'worker', '--db', store, '--lease', String(LEASE)], {
        env: { ...process.env, ...env() },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => worker.on('exit', (_code, signal) => resolve(signal)));
      await arrived;
      // Alive, the worker keeps its job past three leases: it renews them.
      await sleep(3 * LEASE * 1000);
      expect(await queue.get(id!)).toMatchObject({ state: 'active', attempts: 1, error: null });
      worker.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const killed = performance.now();

      const next = runCli(['worker', '--db', store, '--until-idle', '--lease', String(LEASE)], { env: env() });
      let job = await queue.get(id!);
      while (job?.state === 'active' && job.attempts === 1) {
        await sleep(100);
        job = await queue.get(id!);
      }
      const takenBack = (performance.now() - killed) / 1000;
      console.log(`a killed worker's job was taken back ${takenBack.toFixed(1)} s after the kill (lease ${LEASE} s, upkeep every 1 s, time limit 600 s)`);
      expect(takenBack).toBeLessThan(LEASE + 10);
      expect((await next).code).toBe(0);
      job = await queue.get(id!);
      expect(job).toMatchObject({ state: 'done', attempts: 2, error: null });
      expect(job!.articles).toHaveLength(1);
      const s = await openStore(store);
      try {
        expect(await s.articles.countArticles()).toBe(1);
        const stored = await s.articles.getAnalysis(job!.articles[0]!.id);
        expect(stored!.claims.length).toBe(job!.articles[0]!.claims);
        expect(stored!.claims.length).toBeGreaterThan(0);
      } finally {
        await s.close();
      }
    });

    it('an article stored before its worker died is not stored twice when the job runs again', async () => {
      const store = join(dir, 'killed.db');
      // As if the killed worker had saved the article and died before marking the job done.
      const [id] = await queue.enqueue([{ input: { name: 'again.txt', content: ARTICLE, kind: 'text' }, replace: false, verbatim: false, fetchTimeoutMs: 1000, maxBytes: 1_000_000, publicOnly: true }]);
      const next = await runCli(['worker', '--db', store, '--until-idle'], { env: env() });
      expect(next.code).toBe(0);
      expect(await queue.get(id!)).toMatchObject({ state: 'done', articles: [expect.objectContaining({ status: 'duplicate' })] });
      const s = await openStore(store);
      try {
        expect(await s.articles.countArticles()).toBe(1);
      } finally {
        await s.close();
      }
    });
  });

  describe('a live worker on a job longer than its lease', () => {
    let queue: JobQueue;
    let server: Server;
    let requests = 0;
    beforeAll(async () => {
      queue = await openQueue(db.url, { jobTimeoutSeconds: 600, leaseSeconds: LEASE, retryDelaySeconds: 1, maintenanceSeconds: 1 });
      // The article is answered only after three leases: the job outlives three leases.
      server = createServer((_req, res) => {
        requests++;
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(SLOW_ARTICLE), 3 * LEASE * 1000);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
      await queue?.close();
    });

    it('keeps its job: done on its first attempt, the article fetched once', async () => {
      const store = join(dir, 'slow.db');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow.txt`;
      const [id] = await queue.enqueue([{ input: url, replace: false, verbatim: false, fetchTimeoutMs: 60_000, maxBytes: 1_000_000, publicOnly: false }]);
      const worked = await runCli(['worker', '--db', store, '--until-idle', '--lease', String(LEASE)], { env: env() });
      expect(worked.code).toBe(0);
      expect(await queue.get(id!)).toMatchObject({ state: 'done', attempts: 1, error: null, articles: [expect.objectContaining({ status: 'new' })] });
      expect(requests).toBe(1);
    });
  });
});
