import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/annotate/index.js';
import type { Pipeline } from '../../src/annotate/pipeline.js';
import { buildServer } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';
import { fixtureCross } from '../fixtures/articles.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline();
});

const TEXT = 'Depot fire reported\n\nThe governor said on 3 May 2025 that a drone hit a fuel depot near the port.';

describe('POST /api/articles when the refresh after it fails', () => {
  let store: Store;
  let app: FastifyInstance;
  const logged: string[] = [];
  let refreshes = 0;

  beforeAll(async () => {
    store = await openStore(':memory:');
    const cross = {
      ...fixtureCross(),
      refresh: async () => {
        refreshes++;
        throw new Error('refresh exploded');
      },
    };
    app = await buildServer({ store, cross, pipeline, webRoot: null, token: null, logger: { level: 'info', stream: { write: (line: string) => logged.push(line) } } });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers 201 with the stored article, and logs the failure', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: TEXT, headers: { 'content-type': 'text/plain' } });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().items[0].id as string;
    expect((await store.articles.storedPipelines([id])).has(id)).toBe(true);
    expect(refreshes).toBe(1);
    expect(logged.some((line) => line.includes('"level":50') && line.includes('refresh exploded'))).toBe(true);
  });
});

describe('POST /api/articles: what a client sends is checked and read as what it is', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openStore(':memory:');
    app = await buildServer({ store, cross: fixtureCross(), pipeline, webRoot: null, token: null });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  const post = (payload: string, type = 'application/json') => app.inject({ method: 'POST', url: '/api/articles', payload, headers: { 'content-type': type } });

  it('refuses a number where text is expected, naming the field', async () => {
    const r = await post(JSON.stringify({ text: 12345 }));
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toBe('body.text must be a string, got number');
    expect(await store.articles.countArticles()).toBe(0);
  });

  it('refuses a __proto__ key by name, not as invalid JSON', async () => {
    const r = await post('{"__proto__": {"polluted": true}, "text": "Some words of an article."}');
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toBe('body: the key "__proto__" is not allowed');
  });

  it('says what is wrong with JSON that does not parse', async () => {
    const r = await post('{"text": ');
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/^body is not valid JSON \(/);
  });

  it('reads a raw RSS feed posted as text/plain as a feed: its items, not an article titled "<?xml"', async () => {
    const feed = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Ministry reports drones downed</title><pubDate>Mon, 05 May 2025 08:00:00 GMT</pubDate>
<description>The defence ministry in Kyiv said on Monday that 40 drones were shot down over the Kharkiv region overnight.</description></item>
</channel></rss>`;
    const r = await post(feed, 'text/plain');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().items.map((i: { title: string }) => i.title)).toEqual(['Ministry reports drones downed']);
  });
});

describe('static assets', () => {
  it('serves hashed assets cached for a year and the page itself revalidated', async () => {
    const web = tempDir();
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(web, 'assets', 'index-AbC123.js'), 'console.log(1)');
    const store = await openStore(':memory:');
    const app = await buildServer({ store, cross: fixtureCross(), pipeline, webRoot: web, token: null });
    const asset = await app.inject('/assets/index-AbC123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await app.inject('/');
    expect(page.headers['cache-control']).toBe('no-cache');
    await app.close();
    await store.close();
  });
});
