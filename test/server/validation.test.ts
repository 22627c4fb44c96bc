import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { fixtureCross, ministryArticle } from '../fixtures/articles.js';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openStore(':memory:');
  await store.articles.save(ministryArticle());
  app = await buildServer({ store, cross: fixtureCross(), webRoot: null, token: null });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('query parameters are checked before any query runs', () => {
  it.each([
    ['/api/claims?from=2024-13-45', 'querystring.from must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, got "2024-13-45"'],
    ['/api/claims?to=2025-02-30', 'querystring.to must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, got "2025-02-30"'],
    ['/api/timeline?from=2024-00', 'querystring.from must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, got "2024-00"'],
    ['/api/claims?limit=1e400', 'querystring.limit must be integer (a whole number), got "1e400"'],
    ['/api/articles?limit=2.5', 'querystring.limit must be integer (a whole number), got "2.5"'],
  ])('%s is refused: %s', async (url, message) => {
    const r = await app.inject(url);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toBe(message);
  });

  it('real dates and whole limits pass', async () => {
    expect((await app.inject('/api/claims?from=2024-02-29&to=2025-04&limit=5')).statusCode).toBe(200);
  });
});

describe('reads are bounded', () => {
  it('a read past its time budget is stopped with 503 naming the limit, and the next request is served', async () => {
    const bounded = await openStore(':memory:', 'test', { boundedReads: true });
    await bounded.articles.save(ministryArticle());
    const strict = await buildServer({ store: bounded, cross: fixtureCross(), webRoot: null, token: null, readTimeoutMs: 0 });
    const r = await strict.inject('/api/claims?limit=5');
    expect(r.statusCode).toBe(503);
    expect(r.json().message).toBe('the query ran longer than 0 ms and was stopped');
    await strict.close();
    const lenient = await buildServer({ store: bounded, cross: fixtureCross(), webRoot: null, token: null });
    expect((await lenient.inject('/api/claims?limit=5')).statusCode).toBe(200);
    await lenient.close();
    await bounded.close();
  });
});
