import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { CancelledError, StoreUnwritableError, UnavailableError } from '../../src/errors.js';
import { enterBudget } from '../../src/store/budget.js';
import { openStore } from '../../src/store/index.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { ministryArticle } from '../fixtures/articles.js';
import { handmadeCorpus } from '../fixtures/corpus.js';
import { freshPlace, freshStore, TEST_PG, type Place } from './backends.js';

/** What only the PostgreSQL store has to get right: connections, several processes at once, bounded reads. */
describe.skipIf(!TEST_PG)('the PostgreSQL store', () => {
  const withOption = (url: string, option: string) => {
    const u = new URL(url);
    u.searchParams.set('options', `${u.searchParams.get('options') ?? ''} ${option}`.trim());
    return u.toString();
  };

  it('a refused login is UnavailableError naming the URL without the password', async () => {
    const u = new URL(TEST_PG!);
    u.password = 'not-the-password-42';
    const error = await openStore(u.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toContain(`${u.hostname}:${u.port}`);
    expect((error as Error).message).toContain(':***@');
    expect((error as Error).message).not.toContain('not-the-password-42');
  });

  it('a server that is not there, or a database that does not exist, is UnavailableError', async () => {
    const down = new URL(TEST_PG!);
    down.port = '1';
    await expect(openStore(down.toString())).rejects.toThrow(UnavailableError);
    const missing = new URL(TEST_PG!);
    missing.pathname = '/claimtrail_no_such_database';
    await expect(openStore(missing.toString())).rejects.toThrow(/claimtrail_no_such_database.*cannot connect to PostgreSQL/);
  });

  it('shows its URL without the password, and reopens from its location', async () => {
    const { store, drop } = await freshStore('postgres');
    const password = new URL(TEST_PG!).password;
    if (password) expect(store.path).not.toContain(`:${password}@`);
    const again = await openStore(store.location);
    expect(await again.articles.countArticles()).toBe(0);
    await again.close();
    await drop();
  });

  describe('several processes on one new store', () => {
    let place: Place;
    beforeAll(async () => {
      place = await freshPlace('postgres');
    });
    afterAll(() => place.drop());

    it('open it at once: the migrations run once, under their lock', async () => {
      const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresStore.open(place.path)));
      const { rows } = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(stores[0]!.db);
      expect(rows.map((r) => r.name)).toEqual(['0001_articles_and_layers', '0002_cross_article_analysis', '0003_ledger_order_indexes', '0004_mention_counts', '0005_claim_mentions', '0006_feeds', '0007_refresh_indexes', '0008_refresh_order', '0009_claim_groups', '0010_refresh_rows_unchecked', '0011_entity_intake', '0012_ledger_ties', '0013_event_order', '0014_layer_pipelines', '0015_article_rows_unchecked', '0016_one_claim_search_vector', '0017_unread_indexes', '0018_copy_intake', '0019_replay', '0020_taken_articles']);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('refresh it at once: the steps serialise and the result is the one a single refresh gives', async () => {
      const [a, b] = await Promise.all([openStore(place.path), openStore(place.path)]);
      for (const article of handmadeCorpus()) await a.articles.save(article);
      await Promise.all([refreshAnalysis(a), refreshAnalysis(b), refreshAnalysis(a)]);
      const single = await freshStore('postgres');
      for (const article of handmadeCorpus()) await single.store.articles.save(article);
      await refreshAnalysis(single.store);
      const view = async (s: typeof a) => ({
        counts: await s.analysis.counts(),
        propositions: await s.analysis.listPropositions({ limit: 500 }),
        contradictions: await s.analysis.listContradictions({ limit: 500 }),
        stories: await s.analysis.listStories({ limit: 500 }),
        timeline: await s.analysis.timeline({ limit: 500 }),
      });
      const expected = await view(single.store);
      expect(expected.counts.contradictions).toBeGreaterThan(0);
      expect(await view(a)).toEqual(expected);
      expect(await view(b)).toEqual(expected);
      await Promise.all([a.close(), b.close(), single.drop()]);
    });
  });

  it('a read-only database fails with StoreUnwritableError naming the cause, and writes nothing', async () => {
    const place = await freshPlace('postgres');
    const writable = await openStore(place.path);
    try {
      // Opening it needs no write once its schema is up to date.
      const readOnly = await openStore(withOption(place.path, '-c default_transaction_read_only=on'));
      const error = await readOnly.articles.save(ministryArticle()).catch((e: unknown) => e);
      await readOnly.close();
      expect(error).toBeInstanceOf(StoreUnwritableError);
      expect((error as StoreUnwritableError).reason).toBe('25006');
      expect((error as Error).message).toMatch(/cannot write the database: it is read-only/);
      expect(await writable.articles.countArticles()).toBe(0);
    } finally {
      await writable.close();
      await place.drop();
    }
  });

  describe('bounded reads', () => {
    let store: PostgresStore;
    let place: Place;
    beforeAll(async () => {
      place = await freshPlace('postgres');
      store = await PostgresStore.open(place.path, 'claimtrail', { boundedReads: true });
      await store.articles.save(ministryArticle());
    });
    afterAll(async () => {
      await store.close();
      await place.drop();
    });

    const slow = () => sql`select pg_sleep(30)`.execute(store.db);
    /** Run `fn` as a request does: in its own async context, where its budget stays. */
    const inRequest = <T>(fn: () => Promise<T>) => new Promise<T>((resolve) => setImmediate(() => resolve(fn())));

    it('a query that outlives the request budget is stopped with CancelledError (timeout)', async () => {
      const error = await inRequest(() => {
        enterBudget(50);
        return slow().catch((e: unknown) => e);
      });
      expect(error).toBeInstanceOf(CancelledError);
      expect((error as CancelledError).reason).toBe('timeout');
    });

    it('a query whose client went away is cancelled on the server (disconnected)', async () => {
      const error = await inRequest(() => {
        const budget = enterBudget(60_000);
        const running = slow().catch((e: unknown) => e);
        setImmediate(() => budget.cancel());
        return running;
      });
      expect(error).toBeInstanceOf(CancelledError);
      expect((error as CancelledError).reason).toBe('disconnected');
    });

    it('reads outside a budget run unbounded on the same connections afterwards', async () => {
      expect(await store.articles.countArticles()).toBe(1);
      const { rows } = await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(store.db);
      expect(rows[0]!.t).toBe('0');
    });

    it('the stopped queries no longer run on the server', async () => {
      const client = new pg.Client(TEST_PG);
      await client.connect();
      const { rows } = await client.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where query = 'select pg_sleep(30)' and state = 'active'");
      await client.end();
      expect(rows[0]!.n).toBe(0);
    });
  });
});
