import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/doc/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/sqlite/migrations/index.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { allItems } from '../../src/store/page.js';
import { generalStaffArticle, hostileArticle, makeAnalysis, ministryArticle } from '../fixtures/articles.js';
import { handmadeCorpus } from '../fixtures/corpus.js';
import { BACKENDS, freshPlace, freshStore } from './backends.js';

interface Counts {
  mentions: number;
  articles: number;
  /** Surface forms as the entity page lists them: most used first, ties in text order, at most 12. */
  aliases: { text: string; count: number }[];
}

/** Each entity's counts recounted from the stored articles' own layers, not from what the store keeps. */
async function recount(store: Store): Promise<Map<string, Counts>> {
  const ids: string[] = [];
  for await (const a of allItems((cursor) => store.articles.listArticles({ limit: 5, cursor }))) ids.push(a.id);
  const counts = new Map<string, { mentions: number; articles: Set<string>; aliases: Map<string, number> }>();
  for (const a of await store.articles.getAnalyses(ids)) {
    for (const e of a.entities) {
      for (const m of e.mentions) {
        const c = counts.get(e.id) ?? { mentions: 0, articles: new Set<string>(), aliases: new Map<string, number>() };
        c.mentions++;
        c.articles.add(a.article.id);
        c.aliases.set(m.text, (c.aliases.get(m.text) ?? 0) + 1);
        counts.set(e.id, c);
      }
    }
  }
  const byCount = (x: { text: string; count: number }, y: { text: string; count: number }) => y.count - x.count || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0);
  return new Map(
    [...counts].map(([id, c]) => [
      id,
      { mentions: c.mentions, articles: c.articles.size, aliases: [...c.aliases].map(([text, count]) => ({ text, count })).sort(byCount).slice(0, 12) },
    ]),
  );
}

/** Each entity's counts as the store shows them: the entity list (every page), and the entity page of every entity ever seen. */
async function shown(store: Store, seen: Set<string>): Promise<{ listed: Map<string, Omit<Counts, 'aliases'>>; pages: Map<string, Counts> }> {
  const listed = new Map<string, Omit<Counts, 'aliases'>>();
  for await (const e of allItems((cursor) => store.corpus.listEntities({ limit: 4, cursor }))) listed.set(e.id, { mentions: e.mentions, articles: e.articles });
  const pages = new Map<string, Counts>();
  for (const id of [...seen].sort()) {
    const page = await store.corpus.entityPage(id);
    // An entity no stored article names has no page, as it is in no list.
    if (page) pages.set(id, { mentions: page.entity.mentions, articles: page.entity.articles, aliases: page.aliases });
  }
  return { listed, pages };
}

/**
 * The counts the stores keep (SQLite migration 0012, PostgreSQL 0004) equal a fresh count after
 * each way of writing an article's mentions: save, saveMany (with an article that fails half-way),
 * replace by save and by saveMany, and a replace that removes every mention.
 */
describe.each(BACKENDS)('kept entity counts on the %s store', (backend) => {
  let store: Store;
  let drop: () => Promise<void>;
  const seen = new Set<string>();
  const copy = (a: Analysis, n: number): Analysis => ({ ...a, article: { ...a.article, id: `${a.article.id}-${n}`, text: `${a.article.text} (${n})` } });

  beforeAll(async () => {
    ({ store, drop } = await freshStore(backend, 'counts'));
  });
  afterAll(() => drop());

  /** The store's counts equal a recount; returns the recount so a step can check it changed something. */
  async function expectKeptCounts(): Promise<Map<string, Counts>> {
    const fresh = await recount(store);
    for (const id of fresh.keys()) seen.add(id);
    const { listed, pages } = await shown(store, seen);
    expect(listed).toEqual(new Map([...fresh].map(([id, c]) => [id, { mentions: c.mentions, articles: c.articles }])));
    expect(pages).toEqual(fresh);
    return fresh;
  }

  it('after saves, one article at a time', async () => {
    for (const a of [ministryArticle(), generalStaffArticle(), hostileArticle(), ...handmadeCorpus()]) expect(await store.articles.save(a)).toBe('new');
    expect((await expectKeptCounts()).size).toBeGreaterThan(3);
  });

  it('after saveMany, where an article that fails half-way adds nothing', async () => {
    const before = await recount(store);
    const base = copy(ministryArticle(), 2);
    // Its mentions are written before its broken claim is reached.
    const bad: Analysis = { ...base, claims: [{ ...base.claims[0]!, content: undefined as unknown as Analysis['claims'][number]['content'] }] };
    const results = await store.articles.saveMany([copy(ministryArticle(), 1), bad, copy(generalStaffArticle(), 1)]);
    expect(results.map((r) => (r.ok ? r.status : 'error'))).toEqual(['new', 'error', 'new']);
    expect(await expectKeptCounts()).not.toEqual(before);
  });

  it('after a replace that changes an article\'s mentions', async () => {
    const before = await recount(store);
    const a = ministryArticle();
    // One entity gone, another mentioned once less.
    const entities = a.entities.slice(1).map((e, i) => (i === 0 ? { ...e, mentions: e.mentions.slice(1) } : e));
    expect(await store.articles.save({ ...a, entities }, { replace: true })).toBe('replaced');
    expect(await expectKeptCounts()).not.toEqual(before);
  });

  it('after saveMany replaces articles', async () => {
    const before = await recount(store);
    const results = await store.articles.saveMany([ministryArticle(), { ...copy(generalStaffArticle(), 1), entities: [] }], { replace: true });
    expect(results.map((r) => (r.ok ? r.status : 'error'))).toEqual(['replaced', 'replaced']);
    expect(await expectKeptCounts()).not.toEqual(before);
  });

  it('after replaces that remove every mention of an entity, which then leaves the list and has no page', async () => {
    const only = 'ent:ru-defence-ministry';
    for (const a of [ministryArticle(), copy(ministryArticle(), 1)]) expect(await store.articles.save({ ...a, entities: a.entities.filter((e) => e.id !== only) }, { replace: true })).toBe('replaced');
    const fresh = await expectKeptCounts();
    expect(seen.has(only)).toBe(true);
    expect(fresh.has(only)).toBe(false);
    expect(await store.corpus.entityPage(only)).toBeNull();
  });
});

describe('migration 0012 of the SQLite store', () => {
  it('fills the kept counts from the mentions already stored', async () => {
    const place = await freshPlace('sqlite');
    const store = await SqliteStore.open(place.path);
    for (const a of [ministryArticle(), generalStaffArticle(), hostileArticle(), ...handmadeCorpus()]) await store.articles.save(a);
    // The store as it was before 0012: its mentions, no counts.
    const { error, results } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateTo('0011_refresh_indexes');
    expect(error).toBeUndefined();
    expect(results?.map((r) => r.migrationName)).toEqual(['0024_taken_articles', '0023_replay', '0022_copy_intake', '0021_unread_indexes', '0020_one_mentions_entity_index', '0019_layer_pipelines', '0018_event_order', '0017_ledger_ties', '0016_entity_intake', '0015_band_levels', '0014_claim_groups', '0013_refresh_order', '0012_entity_counts']);
    await store.close();
    const reopened = await openStore(place.path);
    try {
      const fresh = await recount(reopened);
      const { listed, pages } = await shown(reopened, new Set(fresh.keys()));
      expect(fresh.size).toBeGreaterThan(3);
      expect(listed).toEqual(new Map([...fresh].map(([id, c]) => [id, { mentions: c.mentions, articles: c.articles }])));
      expect(pages).toEqual(fresh);
    } finally {
      await reopened.close();
      await place.drop();
    }
  });
});

/**
 * An entity mentioned 5,000 times or more has its latest articles found by scanning the latest
 * articles (FEW_MENTIONS in each backend's entities.ts), a rarer one from its mentions: both list
 * the articles naming it, the latest published first (then by id, as the article list).
 */
describe.each(BACKENDS)('the entity page of a common entity on the %s store', (backend) => {
  it('lists the latest articles naming it, skipping those that do not', async () => {
    const { store, drop } = await freshStore(backend);
    try {
      const russia = 'wikidata:Q159';
      const text = `Russia and its neighbours\n\n${'Russia said so. '.repeat(5000)}`;
      const heavy = makeAnalysis({ title: 'Russia and its neighbours', published: '2025-05-01', source: 'Test Wire', ref: 'heavy' }, text, [{ id: russia, name: 'Russia', type: 'GPE', forms: ['Russia'] }], []);
      const corpus = handmadeCorpus();
      const saved = [ministryArticle(), ...corpus.slice(0, 3), heavy, generalStaffArticle(), hostileArticle(), ...corpus.slice(3)];
      for (const a of saved) await store.articles.save(a);
      const latest = (a: (typeof saved)[number], b: (typeof saved)[number]) => (b.article.published ?? '').localeCompare(a.article.published ?? '') || (b.article.id < a.article.id ? -1 : 1);
      const naming = saved.filter((a) => a.entities.some((e) => e.id === russia)).sort(latest).map((a) => a.article.id);
      const listed = [...saved].sort(latest).map((a) => a.article.id);
      // Articles that do not name it lie between those that do, so a scan that did not check would show.
      expect(naming.length).toBeGreaterThan(2);
      expect(naming.length).toBeLessThan(saved.length - 2);
      expect(listed.indexOf(naming.at(-1)!) - listed.indexOf(naming[0]!)).toBeGreaterThan(naming.length);
      for (const limit of [1, 2, 3, 20]) {
        const page = await store.corpus.entityPage(russia, limit);
        expect(page?.entity.mentions).toBeGreaterThanOrEqual(5000);
        expect(page?.articles.map((a) => a.id), `limit ${limit}`).toEqual(naming.slice(0, limit));
      }
    } finally {
      await drop();
    }
  });
});
