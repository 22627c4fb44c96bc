import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { rewind } from '../../src/analysis/rewind.js';
import type { Analysis } from '../../src/doc/types.js';
import { intakeKey } from '../../src/store/intake.js';
import type { Store } from '../../src/store/index.js';
import { generalStaffArticle, hostileArticle, ministryArticle } from '../fixtures/articles.js';
import { handmadeCorpus } from '../fixtures/corpus.js';
import { BACKENDS, freshStore } from '../store/backends.js';

const corpus = (): Analysis[] => [...handmadeCorpus(), ministryArticle(), generalStaffArticle(), hostileArticle()];
// As a queue keys them: one job per article, queued in the corpus's order, before any key made now (a re-analysis keeps them).
const keys = corpus().map((_, i) => intakeKey(`0000-job-${String(i).padStart(4, '0')}`));

/** Everything the cross-article analysis shows. */
async function derived(store: Store) {
  const all = { limit: 1000 };
  return {
    propositions: (await store.analysis.listPropositions(all)).items,
    contradictions: (await store.analysis.listContradictions(all)).items,
    stories: (await store.analysis.listStories(all)).items,
    duplicates: (await store.analysis.duplicateGroups(all)).items,
    timeline: (await store.analysis.timeline(all)).items,
  };
}

const db = (store: Store) => (store as unknown as { db: Kysely<object> }).db;

async function rows<T>(store: Store, query: string): Promise<T[]> {
  return (await sql<T>`${sql.raw(query)}`.execute(db(store))).rows;
}

/** The analysis refreshed from scratch: a refresh that finds another analysis version clears it first. */
async function fromScratch(store: Store): Promise<void> {
  await store.analysis.step((step) => step.setState('version', 'another build'));
  await refreshAnalysis(store);
}

/** The first article whose claims founded a proposition that claims of later articles joined, with its first claim left out. */
async function changedEarlyArticle(store: Store): Promise<[number, Analysis]> {
  const [shared] = await rows<{ article_id: string }>(
    store,
    `select f.article_id from claim_props f join articles a on a.id = f.article_id
     where exists (select 1 from claim_props o where o.prop_id = f.prop_id and o.article_id <> f.article_id and o.rank > f.rank)
     order by a.intake limit 1`,
  );
  const i = corpus().findIndex((a) => a.article.id === shared!.article_id);
  const a = corpus()[i]!;
  return [i, { ...a, claims: a.claims.slice(1) }];
}

/** What the store shows is what a refresh of its articles from scratch shows. */
async function expectAsFromScratch(store: Store): Promise<void> {
  const incremental = await derived(store);
  expect(incremental.propositions.length).toBeGreaterThan(3);
  expect(incremental.stories.length).toBeGreaterThan(0);
  await fromScratch(store);
  expect(incremental).toEqual(await derived(store));
}

describe.each(BACKENDS)('a re-analysed article, on %s', (backend) => {
  /** A fresh store of the corpus, refreshed, for `test`. */
  async function withCorpus(test: (store: Store) => Promise<void>): Promise<void> {
    const { store, drop } = await freshStore(backend, 'rewind');
    try {
      for (const [i, a] of corpus().entries()) await store.articles.save(a, { intake: keys[i] });
      await refreshAnalysis(store);
      await test(store);
    } finally {
      await drop();
    }
  }
  const notes = (store: Store) => rows<{ key: string; value: string }>(store, `select key, value from analysis_state where key in ('rewind', 'replaced') order by key`);

  it('is taken up in its place by a re-analysis of the articles from it on: the store holds what a refresh from scratch gives', async () => {
    await withCorpus(async (store) => {
      const [i, changed] = await changedEarlyArticle(store);
      expect(i).toBeLessThan(corpus().length - 1);
      // The articles after it come out as they were: replaced all the same, and so paying for the place.
      expect(await store.articles.save(changed, { replace: true })).toBe('replaced');
      for (const a of corpus().slice(i + 1)) expect(await store.articles.save(a, { replace: true })).toBe('replaced');
      const stats = await refreshAnalysis(store);
      expect(stats.articles).toBe(corpus().length - i);
      expect(await notes(store)).toEqual([]);
      expect(await rows(store, 'select id from propositions where replay = 1')).toEqual([]);
      await expectAsFromScratch(store);
    });
  });

  it('is taken after the others when re-analysed alone, its place kept until enough of a re-analysis pays for it', async () => {
    await withCorpus(async (store) => {
      const [i, changed] = await changedEarlyArticle(store);
      await store.articles.save(changed, { replace: true });
      // Taken up in its place, it would cost the refresh of every article after it: a server asked to analyse old
      // articles again one at a time would refresh the store each time.
      expect((await refreshAnalysis(store)).articles).toBe(1);
      expect(await notes(store)).toEqual([
        { key: 'replaced', value: '1' },
        { key: 'rewind', value: keys[i] },
      ]);
      // Propositions that lost its claims are derived again from those they have left, all the same.
      expect(await rows(store, 'select id from propositions where replay = 1')).toEqual([]);
      for (const a of corpus().slice(i + 1)) await store.articles.save(a, { replace: true });
      expect((await refreshAnalysis(store)).articles).toBe(corpus().length - i);
      expect(await notes(store)).toEqual([]);
      await expectAsFromScratch(store);
    });
  });

  it('is not taken up while a queue holds the articles back (a re-analysis under way), only after', async () => {
    await withCorpus(async (store) => {
      const [i, changed] = await changedEarlyArticle(store);
      await store.articles.save(changed, { replace: true });
      for (const a of corpus().slice(i + 1)) await store.articles.save(a, { replace: true });
      // JobQueue.refreshLimit while a re-analysing job is unfinished: no article may be taken.
      expect((await refreshAnalysis(store, { before: '' })).articles).toBe(0);
      expect((await notes(store)).map((n) => n.key)).toEqual(['replaced', 'rewind']);
      expect((await refreshAnalysis(store)).articles).toBe(corpus().length - i);
      await expectAsFromScratch(store);
    });
  });

  it('derives every proposition again from its claims as the matcher built it: the same features and lookup keys', async () => {
    await withCorpus(async (store) => {
      const features = () => rows<{ id: number; features: string }>(store, 'select id, features from propositions order by id');
      const lookups = async () => (await rows<{ prop_id: number; key: string }>(store, 'select prop_id, key from prop_keys')).map((r) => `${r.prop_id} ${r.key}`).sort();
      const before = { features: await features(), keys: await lookups() };
      expect(before.features.length).toBeGreaterThan(3);
      await sql`update propositions set replay = 1`.execute(db(store));
      let steps = 0;
      while (await store.analysis.step((step) => rewind(step, null))) steps++;
      expect(steps).toBe(1);
      expect({ features: await features(), keys: await lookups() }).toEqual(before);
    });
  });
});
