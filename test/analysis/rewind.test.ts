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
// As a queue keys them: one job per article, queued in the corpus's order.
const keys = corpus().map((_, i) => intakeKey(`job-${String(i).padStart(4, '0')}`));

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
function changedEarlyArticle(store: Store) {
  return async (): Promise<[number, Analysis]> => {
    const [shared] = await rows<{ article_id: string }>(
      store,
      `select f.article_id from claim_props f join articles a on a.id = f.article_id
       where exists (select 1 from claim_props o where o.prop_id = f.prop_id and o.article_id <> f.article_id and o.rank > f.rank)
       order by a.intake limit 1`,
    );
    const i = corpus().findIndex((a) => a.article.id === shared!.article_id);
    const a = corpus()[i]!;
    return [i, { ...a, claims: a.claims.slice(1) }];
  };
}

describe.each(BACKENDS)('a re-analysed article, on %s', (backend) => {
  it('is taken up in its place: the store holds what a refresh of all its articles from scratch gives', async () => {
    const { store, drop } = await freshStore(backend, 'rewind');
    try {
      for (const [i, a] of corpus().entries()) await store.articles.save(a, { intake: keys[i] });
      await refreshAnalysis(store);
      const [i, changed] = await changedEarlyArticle(store)();
      expect(i).toBeLessThan(corpus().length - 1);
      expect(await store.articles.save(changed, { replace: true })).toBe('replaced');
      await refreshAnalysis(store);
      const incremental = await derived(store);
      expect(incremental.propositions.length).toBeGreaterThan(3);
      expect(incremental.stories.length).toBeGreaterThan(0);
      await fromScratch(store);
      expect(incremental).toEqual(await derived(store));
      // Nothing is left to take up.
      expect(await rows(store, `select key from analysis_state where key = 'rewind'`)).toEqual([]);
      expect(await rows(store, 'select id from propositions where replay = 1')).toEqual([]);
    } finally {
      await drop();
    }
  });

  it('derives every proposition again from its claims as the matcher built it: the same features and lookup keys', async () => {
    const { store, drop } = await freshStore(backend, 'rewind');
    try {
      for (const [i, a] of corpus().entries()) await store.articles.save(a, { intake: keys[i] });
      await refreshAnalysis(store);
      const features = () => rows<{ id: number; features: string }>(store, 'select id, features from propositions order by id');
      const lookups = async () => (await rows<{ prop_id: number; key: string }>(store, 'select prop_id, key from prop_keys')).map((r) => `${r.prop_id} ${r.key}`).sort();
      const before = { features: await features(), keys: await lookups() };
      expect(before.features.length).toBeGreaterThan(3);
      await sql`update propositions set replay = 1`.execute(db(store));
      let steps = 0;
      while (await store.analysis.step((step) => rewind(step))) steps++;
      expect(steps).toBe(1);
      expect({ features: await features(), keys: await lookups() }).toEqual(before);
    } finally {
      await drop();
    }
  });
});
