import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefreshAlongside } from '../../src/analysis/alongside.js';
import { refreshAnalysis, type RefreshCache } from '../../src/analysis/index.js';
import { Matcher } from '../../src/analysis/matcher.js';
import type { Analysis } from '../../src/doc/types.js';
import { intakeKey } from '../../src/store/intake.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { tempDir } from '../helpers.js';
import { handmadeCorpus } from '../fixtures/corpus.js';

const dir = tempDir();
let stores = 0;

/** Everything the cross-article analysis gives, and the claim ledger (speakers by their entities' rows), read as users read them. */
async function derived(store: SqliteStore) {
  const all = { limit: 1000 };
  return {
    // Claims of one day are listed in the order stored: compared as a set.
    claims: (await store.corpus.listClaims(all)).items.sort((a, b) => (`${a.article}/${a.claim}` < `${b.article}/${b.claim}` ? -1 : 1)),
    propositions: (await store.analysis.listPropositions(all)).items,
    contradictions: (await store.analysis.listContradictions(all)).items,
    stories: (await store.analysis.listStories(all)).items,
    duplicates: (await store.analysis.duplicateGroups(all)).items,
    timeline: (await store.analysis.timeline(all)).items,
  };
}

const unrefreshed = (store: SqliteStore) => (store.sqlite.prepare('select count(*) as n from articles where refreshed = 0').get() as { n: number }).n;

/** A new store holding these articles, saved one by one in the order given, each with its intake key if one is given. */
async function storeOf(articles: readonly (readonly [Analysis, string | undefined])[]): Promise<SqliteStore> {
  const store = await SqliteStore.open(join(dir, `order-${++stores}.db`));
  for (const [analysis, intake] of articles) await store.articles.save(analysis, intake ? { intake } : {});
  return store;
}

/**
 * The hand-made corpus with one speaking entity written otherwise (upper case, a subtype) by the
 * last article that names it, as outlets write one name differently: the names the ledger, the
 * propositions and the stories show must not depend on which article was stored first.
 */
function corpusWithVariantName(): Analysis[] {
  const corpus = handmadeCorpus();
  const speakers = corpus.map((a) => new Set(a.claims.flatMap((c) => (c.speaker?.entity ? [c.speaker.entity] : []))));
  const id = [...speakers[0]!].find((e) => speakers.filter((s) => s.has(e)).length > 1)!;
  const last = speakers.findLastIndex((s) => s.has(id));
  const a = corpus[last]!;
  corpus[last] = { ...a, entities: a.entities.map((e) => (e.id === id ? { ...e, name: e.name.toUpperCase(), subtype: 'variant' } : e)) };
  return corpus;
}

describe('the order the refresh takes articles in', () => {
  const corpus = corpusWithVariantName();
  // As a queue would key them: one job per article, queued in the corpus's order.
  const keys = corpus.map((_, i) => intakeKey(`job-${String(i).padStart(4, '0')}`));

  it('is the order articles were submitted, not the order they were stored', async () => {
    const inOrder = await storeOf(corpus.map((a, i) => [a, keys[i]]));
    await refreshAnalysis(inOrder);
    const expected = await derived(inOrder);
    await inOrder.close();
    expect(expected.propositions.length).toBeGreaterThan(3);
    expect(expected.contradictions.length).toBeGreaterThan(0);
    expect(expected.stories.length).toBeGreaterThan(0);

    // Stored last to first (as workers finishing out of turn may), keyed as submitted: the same.
    const reversed = corpus.map((a, i) => [a, keys[i]] as const).reverse();
    const outOfTurn = await storeOf(reversed);
    await refreshAnalysis(outOfTurn);
    expect(await derived(outOfTurn)).toEqual(expected);
    await outOfTurn.close();

    // Stored last to first with keys given as saved: a different analysis (which claim founds a
    // proposition, and so its id and label), which is what the keys are for.
    const asStored = await storeOf(reversed.map(([a]) => [a, undefined]));
    await refreshAnalysis(asStored);
    expect(await derived(asStored)).not.toEqual(expected);
    await asStored.close();
  });

  it('waits for an article not yet stored: those submitted after it are taken once it is', async () => {
    const gap = 2;
    const store = await storeOf(corpus.map((a, i) => [a, keys[i]] as const).filter((_, i) => i !== gap));
    // The job of article `gap` is not finished: the refresh takes only the articles before it.
    await refreshAnalysis(store, { before: keys[gap]!.slice(0, keys[gap]!.indexOf(':')) });
    expect(unrefreshed(store)).toBe(corpus.length - 1 - gap);
    await store.articles.save(corpus[gap]!, { intake: keys[gap] });
    await refreshAnalysis(store);
    expect(unrefreshed(store)).toBe(0);

    const inOrder = await storeOf(corpus.map((a, i) => [a, keys[i]]));
    await refreshAnalysis(inOrder);
    expect(await derived(store)).toEqual(await derived(inOrder));
    await Promise.all([store.close(), inOrder.close()]);
  });

  it('puts an article submitted twice where it was first submitted, whichever copy was stored first', async () => {
    // The later job's copy stored first, then the earlier job's: as if stored in order.
    const late = corpus.map((a, i) => [a, keys[i]] as const).filter((_, i) => i !== 1);
    const store = await storeOf([...late.slice(0, 3), [corpus[1]!, intakeKey('job-9999')], ...late.slice(3)]);
    expect(await store.articles.save(corpus[1]!, { intake: keys[1] })).toBe('duplicate');
    await refreshAnalysis(store);
    const inOrder = await storeOf(corpus.map((a, i) => [a, keys[i]]));
    await refreshAnalysis(inOrder);
    expect(await derived(store)).toEqual(await derived(inOrder));
    // Once the refresh has taken an article, a copy submitted later leaves it where it is.
    const earlier = intakeKey('a');
    expect(earlier < keys[0]!).toBe(true);
    expect(await store.articles.save(corpus[0]!, { intake: earlier })).toBe('duplicate');
    expect((store.sqlite.prepare('select intake from articles where id = ?').get(corpus[0]!.article.id) as { intake: string }).intake).toBe(keys[0]);
    await Promise.all([store.close(), inOrder.close()]);
  });

  const dirty = (store: SqliteStore) => (store.sqlite.prepare('select count(*) as n from propositions where dirty = 1').get() as { n: number }).n;

  // As `claimtrail analyze` refreshes: partial refreshes sharing one cache, then a whole one.
  it.each([
    ['its caches kept from one refresh to the next', () => new Matcher()],
    ['its caches dropped at every batch (limits of 1)', () => new Matcher({ keys: 1, propositions: 1 })],
  ])('gives, refreshed alongside the saves with %s, what one refresh after them gives', async (_, matcher) => {
    const store = await SqliteStore.open(join(dir, `order-${++stores}.db`));
    const cache: RefreshCache = { matcher: matcher() };
    const lasts: boolean[] = [];
    const along = new RefreshAlongside((last) => (lasts.push(last), refreshAnalysis(store, { cache, partial: !last })), 2);
    // Not awaited between saves: the refreshes take the articles stored so far while the next ones are saved.
    for (const [i, a] of corpus.entries()) {
      await store.articles.save(a, { intake: keys[i] });
      along.stored();
    }
    await along.settle();
    expect(lasts.length).toBeGreaterThan(0);
    expect(unrefreshed(store)).toBeLessThan(corpus.length);
    // The partial refreshes left the contradictions and stories of what they touched to the last one; a proposition of
    // one claim they settled as they created it (about and search written, not dirty).
    expect(dirty(store)).toBeGreaterThan(0);
    const props = store.sqlite
      .prepare('select p.dirty, p.about, (select count(*) from claim_props cp where cp.prop_id = p.id) as claims from propositions p')
      .all() as { dirty: number; about: string; claims: number }[];
    expect(props.filter((p) => p.dirty).every((p) => p.claims > 1)).toBe(true);
    expect(props.filter((p) => p.claims === 1).every((p) => !p.dirty && p.about !== '')).toBe(true);
    expect(props.some((p) => p.claims === 1)).toBe(true);
    await along.finish();
    expect(lasts.at(-1)).toBe(true);
    expect(lasts.slice(0, -1).every((last) => !last)).toBe(true);
    expect(unrefreshed(store)).toBe(0);
    expect(dirty(store)).toBe(0);
    const after = await storeOf(corpus.map((a, i) => [a, keys[i]]));
    await refreshAnalysis(after);
    expect(await derived(store)).toEqual(await derived(after));
    await Promise.all([store.close(), after.close()]);
  });
});
