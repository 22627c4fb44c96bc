import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import type { Analysis } from '../../src/doc/types.js';
import { UsageError } from '../../src/errors.js';
import { intakeKey } from '../../src/store/intake.js';
import { allItems } from '../../src/store/page.js';
import { openStore, type Store } from '../../src/store/index.js';
import { generalStaffArticle, hostileArticle, ministryArticle } from '../fixtures/articles.js';
import { handmadeCorpus } from '../fixtures/corpus.js';
import { BACKENDS, freshStore } from './backends.js';

/** What every store backend must answer alike: the interfaces of src/store, on the same fixtures. */
describe.each(BACKENDS)('the %s store', (backend) => {
  let store: Store;
  let path: string;
  let drop: () => Promise<void>;
  const fixtures = (): Analysis[] => [ministryArticle(), generalStaffArticle(), hostileArticle(), ...handmadeCorpus()];

  beforeAll(async () => {
    ({ store, drop, place: { path } } = await freshStore(backend, 'test-pipeline'));
    for (const a of fixtures()) expect(await store.articles.save(a)).toBe('new');
    await refreshAnalysis(store);
  });

  afterAll(() => drop());

  describe('articles', () => {
    it('saves an article once: again is a duplicate, with replace it is replaced', async () => {
      const n = await store.articles.countArticles();
      expect(await store.articles.save(ministryArticle())).toBe('duplicate');
      expect(await store.articles.save(ministryArticle(), { replace: true })).toBe('replaced');
      expect(await store.articles.countArticles()).toBe(n);
      const id = ministryArticle().article.id;
      expect(await store.articles.storedPipelines([id, 'nope', id])).toEqual(new Map([[id, 'test-pipeline']]));
      expect(await store.articles.storedPipelines([])).toEqual(new Map());
      // Every article stored by this store's version: none another version would have to replace, which any other version would.
      expect(await store.articles.holdsOtherPipelines('test-pipeline')).toBe(false);
      expect(await store.articles.holdsOtherPipelines('another-pipeline')).toBe(true);
    });

    it('reads an article back whole by id, prefix and ref', async () => {
      const a = ministryArticle();
      expect(await store.articles.getAnalysis(a.article.id)).toEqual(a);
      expect(await store.articles.getAnalysis(a.article.id.slice(0, 8))).toEqual(a);
      expect((await store.articles.getAnalysis('fixture-ministry'))?.article.id).toBe(a.article.id);
      expect(await store.articles.getAnalysis('no-such-ref')).toBeNull();
      expect((await store.articles.getAnalyses([a.article.id, 'unknown'])).map((x) => x.article.id)).toEqual([a.article.id]);
    });

    it('lists articles newest first, page by page, each once', async () => {
      const all = [];
      for await (const a of allItems((cursor) => store.articles.listArticles({ limit: 2, cursor }))) all.push(a);
      expect(all).toHaveLength(await store.articles.countArticles());
      expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
      const dates = all.map((a) => a.published ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('finds articles by their words, all of them required', async () => {
      const hits = (await store.articles.listArticles({ q: 'Kursk recapture' })).items.map((a) => a.title);
      expect(hits).toContain('Moscow says the Kursk operation is over');
      expect((await store.articles.listArticles({ q: 'Kursk zzyzx' })).items).toEqual([]);
    });

    it('refuses a cursor it did not issue, naming it', async () => {
      await expect(store.articles.listArticles({ cursor: 'bogus' })).rejects.toThrow(UsageError);
      await expect(store.corpus.listClaims({ cursor: 'bogus' })).rejects.toThrow(/invalid cursor "bogus"/);
    });
  });

  describe('corpus', () => {
    it('counts what it holds', async () => {
      const stats = await store.corpus.stats();
      expect(stats.articles).toBe(fixtures().length);
      expect(stats.claims).toBe(fixtures().reduce((n, a) => n + a.claims.length, 0));
      expect(stats.words).toBeGreaterThan(100);
    });

    it('lists claims newest first, page by page, and every claim once in eachClaim', async () => {
      const paged = [];
      for await (const c of allItems((cursor) => store.corpus.listClaims({ limit: 3, cursor }))) paged.push(`${c.article}/${c.claim}`);
      const each = [];
      for await (const c of store.corpus.eachClaim()) each.push(`${c.article}/${c.claim}`);
      expect(paged).toHaveLength((await store.corpus.stats()).claims);
      expect(new Set(paged)).toEqual(new Set(each));
    });

    it('filters claims by speaker (id or words, any case), stance, words, mentions and date', async () => {
      const byId = await store.corpus.listClaims({ speaker: 'ent:ru-defence-ministry' });
      expect(byId.items.map((c) => c.claim).sort()).toEqual(['c1', 'c2']);
      expect((await store.corpus.listClaims({ speaker: 'DEFENCE ministry' })).items).toHaveLength(2);
      expect((await store.corpus.listClaims({ stance: 'deny' })).items.every((c) => c.stance === 'deny')).toBe(true);
      expect((await store.corpus.listClaims({ q: 'recapture' })).items.map((c) => c.content)).toEqual(['the recapture of the region was complete']);
      expect((await store.corpus.listClaims({ mentions: 'wikidata:Q7252' })).items.length).toBeGreaterThan(0);
      const april = await store.corpus.listClaims({ from: '2025-04-26', to: '2025-04-26' });
      expect(april.items.length).toBeGreaterThan(0);
      expect(april.items.every((c) => (c.said ?? c.published ?? '').startsWith('2025-04-26'))).toBe(true);
    });

    it('lists entities, the entity page, events and places', async () => {
      const entities = await store.corpus.listEntities({ limit: 5 });
      expect(entities.items).toHaveLength(5);
      const counts = entities.items.map((e) => e.mentions);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect((await store.corpus.listEntities({ q: 'kursk' })).items.map((e) => e.id)).toContain('wikidata:Q7252');
      const page = await store.corpus.entityPage('ent:ru-defence-ministry');
      expect(page?.claimsBy.map((c) => c.claim).sort()).toEqual(['c1', 'c2']);
      expect(page?.aliases.length).toBeGreaterThan(0);
      expect(await store.corpus.entityPage('no-such-entity')).toBeNull();
      const events = [];
      for await (const e of allItems((cursor) => store.corpus.listEvents({ limit: 1, cursor }))) events.push(`${e.article}/${e.event}`);
      expect(new Set(events).size).toBe((await store.corpus.stats()).events);
      expect((await store.corpus.listPlaces()).map((p) => p.id)).toContain('wikidata:Q7252');
    });

    it('searches articles, claims and entities, and finds candidate articles', async () => {
      const found = await store.corpus.search('Kursk');
      expect(found.articles.items.length).toBeGreaterThan(0);
      expect(found.articles.items[0]!.snippet).toContain('\u0002Kursk\u0003');
      expect(found.claims.items.length).toBeGreaterThan(0);
      expect(found.entities.items.map((e) => e.id)).toContain('wikidata:Q7252');
      const ministry = ministryArticle().article.id;
      expect(await store.corpus.articlesWithWords(['recapture', 'zzyzx'], { limit: 10 })).toContain(ministry);
      expect(await store.corpus.articlesWithWords(['recapture'], { limit: 10, from: '2025-05' })).toEqual([]);
      expect((await store.corpus.articlesNaming(['ent:ru-defence-ministry', 'wikidata:Q7252'], { limit: 10 }))[0]).toBe(ministry);
    });
  });

  describe('analysis', () => {
    it('holds propositions, contradictions, stories, duplicate groups and a timeline after a refresh', async () => {
      const counts = await store.analysis.counts();
      expect(counts.propositions).toBeGreaterThan(0);
      expect(counts.contradictions).toBeGreaterThan(0);
      expect((await store.analysis.listContradictions()).items).toHaveLength(counts.contradictions);
      expect((await store.analysis.listStories()).items).toHaveLength(counts.stories);
      expect((await store.analysis.duplicateGroups()).items).toHaveLength(counts.duplicateGroups);
      const items = [];
      for await (const t of allItems((cursor) => store.analysis.timeline({ limit: 2, cursor }))) items.push(t);
      expect(items.length).toBeGreaterThan(0);
      expect(items.map((t) => t.date)).toEqual(items.map((t) => t.date).sort());
    });

    it('a refresh with nothing to do takes no write step; one with a new article takes only the steps it needs', async () => {
      await refreshAnalysis(store);
      const steps: string[] = [];
      const step = store.analysis.step.bind(store.analysis);
      store.analysis.step = (work) => (steps.push('step'), step(work));
      try {
        expect((await refreshAnalysis(store)).articles).toBe(0);
        expect(steps).toEqual([]);
        const a = ministryArticle();
        expect(await store.articles.save({ ...a, article: { ...a.article, id: `${a.article.id}-again`, text: `${a.article.text} Again.` } })).toBe('new');
        const stats = await refreshAnalysis(store);
        expect(stats.articles).toBe(1);
        // The article's step, the one that finds no more, and the recompute of what it changed and its empty end.
        expect(steps).toHaveLength(4);
      } finally {
        store.analysis.step = step;
      }
    });

    it('reads a large proposition by its first and latest claims, with the counts of all', async () => {
      const props = (await store.analysis.listPropositions({ limit: 200, minClaims: 4 })).items;
      expect(props.length).toBeGreaterThan(0);
      const id = Number(props[0]!.id.slice(1));
      await store.analysis.step(async (s) => {
        const whole = (await s.members([id], { size: 1000, head: 100 })).get(id)!;
        const part = (await s.members([id], { size: 3, head: 1 })).get(id)!;
        expect(whole.rows).toHaveLength(props[0]!.claims);
        expect(part.rows.map((r) => `${r.article}|${r.claim}`)).toEqual([whole.rows[0]!, ...whole.rows.slice(-2)].map((r) => `${r.article}|${r.claim}`));
        expect([part.claims, part.sources]).toEqual([whole.claims, whole.sources]);
        expect([whole.claims, whole.sources]).toEqual([props[0]!.claims, props[0]!.sources]);
      });
    });

    it('a step that throws writes nothing', async () => {
      const before = await store.analysis.step((s) => s.getState('version'));
      await expect(
        store.analysis.step(async (s) => {
          await s.setState('version', 'half-written');
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await store.analysis.step((s) => s.getState('version'))).toBe(before);
    });
  });

  it('the data version moves when another connection commits a write', async () => {
    const before = await store.dataVersion();
    const other = await openStore(path, 'test-pipeline');
    await other.articles.save({ ...ministryArticle(), article: { ...ministryArticle().article, id: 'f'.repeat(16), ref: 'another' } });
    await other.close();
    expect(await store.dataVersion()).not.toBe(before);
  });
});

describe.each(BACKENDS)('saveMany on the %s store', (backend) => {
  const copy = (a: Analysis, n: number): Analysis => ({ ...a, article: { ...a.article, id: `${a.article.id}-${n}`, text: `${a.article.text} (${n})` } });

  it('stores a batch in one transaction, leaving out whole an article that fails half-way and keeping the others', async () => {
    const { store, drop } = await freshStore(backend);
    const good = [copy(ministryArticle(), 1), copy(ministryArticle(), 3)];
    const base = copy(ministryArticle(), 2);
    expect(base.entities.length && base.claims.length).toBeTruthy();
    // Its article row, layers and mentions are written before its broken claim is reached.
    const bad: Analysis = { ...base, claims: [{ ...base.claims[0]!, content: undefined as unknown as Analysis['claims'][number]['content'] }] };
    const results = await store.articles.saveMany([good[0]!, bad, good[1]!, good[0]!]);
    expect(results.map((r) => (r.ok ? r.status : 'error'))).toEqual(['new', 'error', 'new', 'duplicate']);
    expect(await store.articles.countArticles()).toBe(2);
    expect(await store.articles.getAnalysis(bad.article.id)).toBeNull();
    // None of its mentions stayed behind: an entity of it is named in the two stored articles only.
    const entity = base.entities[0]!;
    expect((await store.corpus.entityPage(entity.id))?.entity.articles).toBe(2);
    expect(await store.articles.save(base)).toBe('new');
    expect((await store.corpus.entityPage(entity.id))?.entity.articles).toBe(3);
    await drop();
  });

  it('saves one article twice in a batch once, where its earlier submission stands', async () => {
    const { store, drop } = await freshStore(backend);
    const [a, b] = [copy(ministryArticle(), 1), copy(ministryArticle(), 2)];
    const results = await store.articles.saveMany([a, b, a], { intakes: [intakeKey('job-2'), intakeKey('job-3'), intakeKey('job-1')] });
    expect(results.map((r) => (r.ok ? r.status : 'error'))).toEqual(['new', 'new', 'duplicate']);
    expect(await store.articles.countArticles()).toBe(2);
    const db = (store as unknown as { db: Kysely<{ articles: { id: string; intake: string } }> }).db;
    expect((await db.selectFrom('articles').select('intake').where('id', '=', a.article.id).executeTakeFirst())?.intake).toBe(intakeKey('job-1'));
    await drop();
  });
});
