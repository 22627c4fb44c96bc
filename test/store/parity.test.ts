import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import type { Store } from '../../src/store/index.js';
import { allItems } from '../../src/store/page.js';
import { generalStaffArticle, hostileArticle, ministryArticle } from '../fixtures/articles.js';
import { handmadeCorpus } from '../fixtures/corpus.js';
import { freshStore, TEST_PG } from './backends.js';

/**
 * The same articles give the same answers on SQLite and on PostgreSQL: every list the surfaces
 * show, and the cross-article refresh over the handmade corpus (articles, claims, propositions,
 * contradictions, stories, timeline), after a first refresh and after every article is replaced.
 */
describe.skipIf(!TEST_PG)('SQLite and PostgreSQL give the same answers', () => {
  let sqlite: Awaited<ReturnType<typeof freshStore>>;
  let postgres: Awaited<ReturnType<typeof freshStore>>;
  const corpus = () => [...handmadeCorpus(), ministryArticle(), generalStaffArticle(), hostileArticle()];

  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([freshStore('sqlite', 'parity'), freshStore('postgres', 'parity')]);
    for (const { store } of [sqlite, postgres]) {
      for (const a of corpus()) await store.articles.save(a);
      await refreshAnalysis(store);
    }
  });

  afterAll(async () => {
    await sqlite?.drop();
    await postgres?.drop();
  });

  /** Everything a store shows, read page by page (small pages, so the cursors are exercised too). */
  async function everything(store: Store) {
    const all = async <T>(list: (cursor: string | null) => Promise<{ items: T[]; next: string | null }>) => {
      const out: T[] = [];
      for await (const x of allItems(list)) out.push(x);
      return out;
    };
    const claims = [];
    for await (const c of store.corpus.eachClaim()) claims.push(c);
    const entities = await all((cursor) => store.corpus.listEntities({ limit: 3, cursor }));
    return {
      stats: await store.corpus.stats(),
      // `added` is when each store saved it.
      articles: (await all((cursor) => store.articles.listArticles({ limit: 3, cursor }))).map(({ added: _added, ...a }) => a),
      analyses: await store.articles.getAnalyses(corpus().map((a) => a.article.id)),
      ledger: await all((cursor) => store.corpus.listClaims({ limit: 4, cursor })),
      claims,
      about: await store.corpus.listClaims({ about: 'troops' }),
      aboutEntity: await store.corpus.listClaims({ about: 'kursk' }),
      // Words of a speaker's name alone: a search finds its claims, one of the content alone does not.
      bySpeakerWords: await store.corpus.listClaims({ q: 'armed forces' }),
      aboutSpeakerWords: await store.corpus.listClaims({ about: 'armed forces' }),
      mentioning: await Promise.all(['wikidata:Q7252', 'wikidata:Q159', 'ent:ru-defence-ministry'].map((id) => store.corpus.listClaims({ mentions: id, limit: 2 }))),
      bySpeaker: await store.corpus.listClaims({ speaker: 'ministry' }),
      entities,
      entityPages: await Promise.all(entities.slice(0, 6).map((e) => store.corpus.entityPage(e.id, 5))),
      outlets: await store.corpus.listEntities({ role: 'outlets' }),
      events: await all((cursor) => store.corpus.listEvents({ limit: 2, cursor })),
      places: await store.corpus.listPlaces(),
      naming: await store.corpus.articlesNaming(['ent:ru-defence-ministry', 'wikidata:Q7252', 'wikidata:Q159'], { limit: 20 }),
      counts: await store.analysis.counts(),
      propositions: await all((cursor) => store.analysis.listPropositions({ limit: 5, cursor })),
      contradictions: await all((cursor) => store.analysis.listContradictions({ limit: 2, cursor })),
      stories: await all((cursor) => store.analysis.listStories({ limit: 2, cursor })),
      duplicates: await all((cursor) => store.analysis.duplicateGroups({ limit: 1, cursor })),
      timeline: await all((cursor) => store.analysis.timeline({ limit: 3, cursor })),
      koreaTimeline: await store.analysis.timeline({ entity: 'North Korea' }),
    };
  }

  it('after the refresh', async () => {
    const [a, b] = await Promise.all([everything(sqlite.store), everything(postgres.store)]);
    expect(a.counts.contradictions).toBeGreaterThan(0);
    expect(a.counts.stories).toBeGreaterThan(0);
    expect(a.timeline.length).toBeGreaterThan(0);
    expect(a.bySpeakerWords.items.length).toBeGreaterThan(0);
    expect(a.aboutSpeakerWords.items).toEqual([]);
    for (const key of Object.keys(a) as (keyof typeof a)[]) expect(b[key], key).toEqual(a[key]);
  });

  it('after every article is replaced (--reanalyze), one of them by a version naming no entity, and the analysis refreshed', async () => {
    for (const { store } of [sqlite, postgres]) {
      for (const a of corpus()) expect(await store.articles.save(a, { replace: true })).toBe('replaced');
      expect(await store.articles.save({ ...ministryArticle(), entities: [] }, { replace: true })).toBe('replaced');
      await refreshAnalysis(store);
    }
    expect(await everything(postgres.store)).toEqual(await everything(sqlite.store));
    // PostgreSQL deletes a replaced article's rows itself (no foreign key cascades there: migration 0015); SQLite by cascade.
    const dbOf = (store: Store) => (store as unknown as { db: Kysely<object> }).db;
    const count = async (store: Store, query: string) => Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(dbOf(store))).rows[0]!.n);
    for (const table of ['mentions', 'claims', 'events', 'layers', 'claim_props']) {
      expect(await count(postgres.store, `select count(*) as n from ${table}`), table).toBe(await count(sqlite.store, `select count(*) as n from ${table}`));
    }
    for (const query of [
      'select count(*) as n from claim_mentions m where not exists (select 1 from claims c where c.seq = m.claim_seq)',
      'select count(*) - count(distinct (band, article_id)) as n from doc_bands',
      'select count(*) - count(distinct (item_id, article_id)) as n from timeline_sources',
    ]) {
      expect(await count(postgres.store, query), query).toBe(0);
    }
  });

  it('after an article loses its claims: its propositions are gone with their lookup keys, on both stores alike', async () => {
    const counts = await Promise.all([sqlite, postgres].map(({ store }) => store.analysis.counts()));
    for (const { store } of [sqlite, postgres]) {
      expect(await store.articles.save({ ...ministryArticle(), claims: [], events: [] }, { replace: true })).toBe('replaced');
      await refreshAnalysis(store);
    }
    const after = await Promise.all([sqlite, postgres].map(({ store }) => store.analysis.counts()));
    expect(after[0]!.propositions).toBeLessThan(counts[0]!.propositions);
    expect(await everything(postgres.store)).toEqual(await everything(sqlite.store));
    const db = (postgres.store as unknown as { db: Kysely<object> }).db;
    const orphans = await sql<{ n: number }>`select count(*) as n from prop_keys k where not exists (select 1 from propositions p where p.id = k.prop_id)`.execute(db);
    expect(Number(orphans.rows[0]!.n)).toBe(0);
  });

  it('full-text search finds the same articles and claims (ranks may differ: see docs/architecture.md)', async () => {
    for (const q of ['Kursk', 'troops Russia', 'deployed', 'zzyzx']) {
      const [a, b] = await Promise.all([sqlite.store.corpus.search(q, { limit: 100 }), postgres.store.corpus.search(q, { limit: 100 })]);
      expect(b.articles.items.map((x) => x.id).sort(), q).toEqual(a.articles.items.map((x) => x.id).sort());
      expect(b.claims, q).toEqual(a.claims);
      expect(b.entities, q).toEqual(a.entities);
    }
  });
});
