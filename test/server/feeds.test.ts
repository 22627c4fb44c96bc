import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';

describe('GET /api/feeds', () => {
  const db = join(tempDir(), 'feeds.db');
  let store: Store;
  /** The watcher's own connection, as `claimtrail watch` in another process has. */
  let watcher: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openStore(db);
    watcher = await openStore(db);
    app = await buildServer({ store, webRoot: null, token: null });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await watcher.close();
  });

  it('answers every watched feed with its state and last error, as the watcher writes them', async () => {
    await watcher.feeds.add('https://wire.example/world.rss', '2026-12-04T10:00:00.000Z');
    await watcher.feeds.add('https://daily.example/atom.xml', '2026-12-04T10:01:00.000Z');
    await watcher.feeds.recordPoll('https://daily.example/atom.xml', {
      polledAt: '2026-12-04T10:02:00.000Z',
      nextPoll: '2026-12-04T10:12:00.000Z',
      status: 503,
      error: 'https://daily.example/atom.xml: HTTP 503 Service Unavailable',
    });
    const res = await app.inject({ method: 'GET', url: '/api/feeds' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { url: string; failures: number; lastStatus: number | null; lastError: { message: string; at: string } | null }[]; next: null };
    expect(body.next).toBeNull();
    expect(body.items.map((f) => f.url)).toEqual(['https://wire.example/world.rss', 'https://daily.example/atom.xml']);
    expect(body.items[1]).toMatchObject({ failures: 1, lastStatus: 503, lastError: { message: 'https://daily.example/atom.xml: HTTP 503 Service Unavailable', at: '2026-12-04T10:02:00.000Z' } });
  });

  it('refuses parameters it does not know', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/feeds?url=x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'usage', message: 'querystring: unknown parameter "url"' });
  });
});
