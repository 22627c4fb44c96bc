import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/doc/types.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { StoreUnwritableError } from '../../src/errors.js';
import { ministryArticle } from '../fixtures/articles.js';

const copy = (a: Analysis, n: number): Analysis => ({ ...a, article: { ...a.article, id: `${a.article.id}-${n}`, text: `${a.article.text} (${n})` } });

describe('Store writes', () => {
  it('a read-only database fails with StoreUnwritableError naming the database and the cause', async () => {
    const store = await Store.open(':memory:');
    store.sqlite.pragma('query_only = 1');
    const error = await store.articles.save(ministryArticle()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnwritableError);
    expect((error as Error).message).toMatch(/^:memory:: cannot write the database: it is read-only/);
    await store.close();
  });

  it('a full database fails with the real error, not "cannot rollback", and the connection stays usable', async () => {
    const store = await Store.open(':memory:');
    await store.articles.save(ministryArticle());
    const pages = store.sqlite.pragma('page_count', { simple: true }) as number;
    store.sqlite.pragma(`max_page_count = ${pages + 1}`);
    const big = { ...copy(ministryArticle(), 1), article: { ...copy(ministryArticle(), 1).article, text: 'x '.repeat(200_000) } };
    const error = await store.articles.save(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnwritableError);
    expect((error as StoreUnwritableError).reason).toBe('SQLITE_FULL');
    expect((error as Error).message).toContain('the disk (or the database size limit) is full');
    expect(store.sqlite.inTransaction).toBe(false);
    expect(await store.articles.countArticles()).toBe(1);
    await store.close();
  });

  it('saveMany stores a batch in one transaction, leaving out whole an article that fails half-way and keeping the others', async () => {
    const store = await Store.open(':memory:');
    const good = [copy(ministryArticle(), 1), copy(ministryArticle(), 3)];
    const base = copy(ministryArticle(), 2);
    expect(base.entities.length && base.claims.length).toBeTruthy();
    // Its article row, layers and mentions are written before its broken claim is reached.
    const bad: Analysis = { ...base, claims: [{ ...base.claims[0]!, content: undefined as unknown as Analysis['claims'][number]['content'] }] };
    const results = await store.articles.saveMany([good[0]!, bad, good[1]!, good[0]!]);
    expect(results.map((r) => (r.ok ? r.status : 'error'))).toEqual(['new', 'error', 'new', 'duplicate']);
    expect(await store.articles.countArticles()).toBe(2);
    expect(await store.articles.getAnalysis(bad.article.id)).toBeNull();
    expect(store.sqlite.prepare('select count(*) as n from mentions where article_id = ?').get(bad.article.id)).toEqual({ n: 0 });
    expect(store.sqlite.inTransaction).toBe(false);
    expect(await store.articles.save(base)).toBe('new');
    await store.close();
  });
});
