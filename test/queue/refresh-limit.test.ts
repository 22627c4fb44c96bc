import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshInOrder } from '../../src/cli/refresh.js';
import { openQueue, refreshLimit, type AnalyzeRequest, type JobQueue } from '../../src/queue/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ministryArticle } from '../fixtures/articles.js';
import { freshDatabase, TEST_PG, type TestDatabase } from './pg.js';

/**
 * A command that refreshes the cross-article analysis while workers run (`claimtrail
 * contradictions`, `analyze` in place, `watch`) stops where the workers' own refreshes stop:
 * before the queue's first unfinished job, so the articles after it are taken in the order
 * submitted, as one process would.
 */
async function withQueueEnv<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
  const saved = process.env.CLAIMTRAIL_QUEUE;
  if (value === undefined) delete process.env.CLAIMTRAIL_QUEUE;
  else process.env.CLAIMTRAIL_QUEUE = value;
  try {
    return await run();
  } finally {
    if (saved === undefined) delete process.env.CLAIMTRAIL_QUEUE;
    else process.env.CLAIMTRAIL_QUEUE = saved;
  }
}

describe('the refresh limit', () => {
  it('is none for a SQLite store without a queue', async () => {
    expect(await withQueueEnv(undefined, () => refreshLimit('claimtrail.db'))).toBeNull();
  });

  it('names the queue it cannot read, without its password', async () => {
    await expect(withQueueEnv('postgres://someone:secret@127.0.0.1:1/none', () => refreshLimit('claimtrail.db'))).rejects.toThrow(
      /cannot read the job queue at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none/,
    );
  });
});

describe.skipIf(!TEST_PG)('the refresh limit on PostgreSQL', () => {
  let db: TestDatabase;
  let store: Store;
  let queue: JobQueue | null = null;
  const request: AnalyzeRequest = { replace: false, verbatim: false, fetchTimeoutMs: 1000, maxBytes: 1_000_000, publicOnly: true, input: { name: 'queued', content: 'The ministry said the bridge was hit.', kind: 'text' } };

  beforeAll(async () => {
    db = await freshDatabase('limit');
    store = await openStore(db.url);
  });
  afterAll(async () => {
    await queue?.close();
    await store?.close();
    await db?.drop();
  });

  it('is none where no queue was ever made, and reading it makes none', async () => {
    expect(await withQueueEnv(undefined, () => refreshLimit(db.url))).toBeNull();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ s: string | null }>("SELECT to_regnamespace('claimtrail_queue')::text AS s");
    await client.end();
    expect(rows[0]!.s).toBeNull();
  });

  it('keeps an article stored after an unfinished job out of the refresh until the job is done', async () => {
    queue = await openQueue(db.url);
    const [job] = await queue.enqueue([request]);
    expect(await withQueueEnv(undefined, () => refreshLimit(db.url))).toBe(job);

    await store.articles.save(ministryArticle());
    await withQueueEnv(undefined, () => refreshInOrder(store, db.url));
    expect((await store.analysis.counts()).propositions).toBe(0);

    const [held] = await queue.take();
    await queue.complete(held!.id, { articles: [], errors: [] });
    expect(await withQueueEnv(undefined, () => refreshLimit(db.url))).toBeNull();
    await withQueueEnv(undefined, () => refreshInOrder(store, db.url));
    expect((await store.analysis.counts()).propositions).toBeGreaterThan(0);
  });
});
