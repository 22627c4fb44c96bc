import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';
import { fixtureCross, generalStaffArticle, hostileArticle, ministryArticle } from '../fixtures/articles.js';

describe('the read cache', () => {
  it("serves a kept answer while another process's write is read in the background, then the fresh one", async () => {
    const db = join(tempDir(), 'cache.db');
    const store = await openStore(db);
    await store.articles.save(ministryArticle());
    const app = await buildServer({ store, cross: fixtureCross(), webRoot: null, token: null });
    const count = async () => (await app.inject('/api/articles')).json().items.length as number;
    expect(await count()).toBe(1);
    // Another connection writes, as `claimtrail analyze` in another process would.
    const other = await openStore(db);
    await other.articles.save(generalStaffArticle());
    await other.close();
    expect(await count()).toBe(1);
    let fresh = 0;
    for (let i = 0; i < 250 && fresh !== 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
      fresh = await count();
    }
    expect(fresh).toBe(2);
    await app.close();
    await store.close();
  });

  it('sees a write through the server at once', async () => {
    const store = await openStore(':memory:');
    await store.articles.save(ministryArticle());
    const { createPipeline } = await import('../../src/annotate/index.js');
    const app = await buildServer({ store, cross: fixtureCross(), webRoot: null, token: null, pipeline: await createPipeline() });
    expect((await app.inject('/api/articles')).json().items).toHaveLength(1);
    const posted = await app.inject({ method: 'POST', url: '/api/articles', payload: hostileArticle().article.text, headers: { 'content-type': 'text/plain' } });
    expect(posted.statusCode).toBe(201);
    expect((await app.inject('/api/articles')).json().items).toHaveLength(2);
    await app.close();
    await store.close();
  });
});
