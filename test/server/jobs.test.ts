import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/annotate/index.js';
import type { Pipeline } from '../../src/annotate/pipeline.js';
import { loadRules } from '../../src/ingest/clean.js';
import { openQueue, type JobQueue } from '../../src/queue/index.js';
import { runWorker } from '../../src/queue/worker.js';
import { buildServer } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { freshDatabase, TEST_PG, type TestDatabase } from '../queue/pg.js';

const TEXT = 'Depot fire reported\n\nThe governor said on 3 May 2025 that a drone hit a fuel depot near the port.';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline();
});

describe('a server without a job queue', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openStore(':memory:');
    app = await buildServer({ store, pipeline, webRoot: null, token: null });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('stores posted articles at once (201), and has no jobs', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: TEXT, headers: { 'content-type': 'text/plain' } });
    expect(r.statusCode, r.body).toBe(201);
    const job = await app.inject({ method: 'GET', url: '/api/jobs/01a242c8-9187-7000-8000-36aa460d0ea8' });
    expect(job.statusCode).toBe(404);
    expect(job.json().message).toMatch(/this server has no job queue \(start it with serve --queue\)/);
  });
});

describe.skipIf(!TEST_PG)('a server with a job queue', () => {
  let db: TestDatabase;
  let queue: JobQueue;
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await freshDatabase('server');
    queue = await openQueue(db.url);
    store = await openStore(':memory:');
    app = await buildServer({ store, pipeline, webRoot: null, token: null, queue });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await queue?.close();
    await db?.drop();
  });

  it('queues a posted article (202, its status URL) that GET /api/jobs/:id follows until a worker has stored it', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: TEXT, source: 'Port Herald' } });
    expect(r.statusCode, r.body).toBe(202);
    const { jobs } = r.json() as { jobs: { id: string; status: string }[] };
    expect(jobs).toEqual([{ id: expect.any(String), status: `/api/jobs/${jobs[0]!.id}` }]);
    expect(r.headers.location).toBe(jobs[0]!.status);
    expect(await store.articles.countArticles()).toBe(0);

    const waiting = await app.inject({ method: 'GET', url: jobs[0]!.status });
    expect(waiting.json()).toMatchObject({ id: jobs[0]!.id, state: 'waiting', attempts: 0, error: null, articles: [] });

    await runWorker({ queue, store, pipeline, rules: loadRules() }, { untilIdle: true, pollMs: 100 });
    const done = await app.inject({ method: 'GET', url: jobs[0]!.status });
    expect(done.statusCode).toBe(200);
    const job = done.json() as { state: string; attempts: number; articles: { id: string; status: string }[] };
    expect(job).toMatchObject({ state: 'done', attempts: 1, error: null });
    expect(job.articles).toEqual([expect.objectContaining({ status: 'new' })]);
    const article = await app.inject({ method: 'GET', url: `/api/articles/${job.articles[0]!.id}` });
    expect(article.statusCode).toBe(200);
    expect(article.json().article.source).toBe('Port Herald');
  });

  it('queues one job per record of a JSONL body; a bad record fails alone, its error on its job', async () => {
    const body = `{"id":"a","text":"Kyiv said on 4 May 2025 that the dam held."}\n{"id":"b","text":""}\n`;
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: body, headers: { 'content-type': 'application/x-ndjson' } });
    expect(r.statusCode, r.body).toBe(202);
    const { jobs } = r.json() as { jobs: { status: string }[] };
    expect(jobs).toHaveLength(2);
    await runWorker({ queue, store, pipeline, rules: loadRules() }, { untilIdle: true, pollMs: 100 });
    const [good, bad] = await Promise.all(jobs.map(async (j) => (await app.inject({ method: 'GET', url: j.status })).json()));
    expect(good).toMatchObject({ state: 'done', articles: [expect.objectContaining({ status: 'new' })] });
    expect(bad).toMatchObject({ state: 'failed', attempts: 1, articles: [] });
    expect(bad.error).toMatch(/:2/);
  });

  it('still refuses a bad body before queueing anything, and answers 404 for a job it does not hold', async () => {
    const before = (await queue.list()).length;
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: { text: 'a', url: 'https://example.org' } });
    expect(r.statusCode).toBe(400);
    expect((await queue.list()).length).toBe(before);
    const missing = await app.inject({ method: 'GET', url: '/api/jobs/00000000-0000-7000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('no job "00000000-0000-7000-8000-000000000000"');
  });
});
