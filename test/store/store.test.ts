import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/doc/types.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { StoreUnwritableError } from '../../src/errors.js';
import { ministryArticle } from '../fixtures/articles.js';
import { tempDir } from '../helpers.js';

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

  it('opens a database while another connection writes it in the old journal mode: waits for it, not "database is locked"', async () => {
    // The state two processes opening a new file at once meet: one is writing the first page, in
    // the old journal mode, as it turns the file to WAL; SQLite fails the other's switch at once.
    const path = join(tempDir(), 'new.db');
    const other = new Database(path);
    other.exec('create table t(x)');
    other.exec('begin immediate');
    other.exec('insert into t values (1)');
    setTimeout(() => other.exec('commit'), 300);
    const store = await Store.open(path);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await store.articles.countArticles()).toBe(0);
    await store.close();
    other.close();
  });
});
