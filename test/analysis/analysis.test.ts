import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';
import { handmadeCorpus } from '../fixtures/corpus.js';

const dir = tempDir();
let store: Store;

beforeAll(async () => {
  store = await openStore(join(dir, 'corpus.db'));
  for (const a of handmadeCorpus()) await store.articles.save(a);
  await refreshAnalysis(store);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (claims: { article: string; claim: string }[]) => claims.map((c) => `${c.article}/${c.claim}`).sort();

describe('cross-article analysis over the test corpus', () => {
  it('groups the syndicated copy with its original, and nothing else', async () => {
    const groups = await store.analysis.duplicateGroups();
    expect(groups.items).toHaveLength(1);
    expect(groups.items[0]!.articles.map((a) => a.id)).toEqual(['harbour-2024-10-18', 'lakeside-2024-10-18']);
  });

  it('finds the deployment contradiction across outlets, the copy counted once', async () => {
    const { items } = await store.analysis.listContradictions();
    const deploy = items.find((x) => x.about === 'whether North Korea sent forces to Russia');
    expect(deploy).toBeDefined();
    expect(deploy!.kind).toBe('stance');
    expect(deploy!.sides.map((s) => s.stance)).toEqual(['assert', 'deny']);
    expect(ids(deploy!.sides[0]!.claims)).toEqual(['harbour-2024-10-18/c1', 'ledger-2025-04-28/c1']);
    expect(ids(deploy!.sides[1]!.claims)).toEqual(['eastgate-2024-10-25/c1']);
    expect(deploy!.why).toEqual(['the same event: deployment by North Korea to Russia']);
  });

  it('sets "completed" against "continue" for the Kursk operation', async () => {
    const { items } = await store.analysis.listContradictions({ about: 'kursk' });
    const op = items.find((x) => x.about === 'whether the fighting in Kursk Oblast is over');
    expect(op).toBeDefined();
    expect(ids(op!.sides[0]!.claims)).toEqual(['steppe-2025-04-26/c1']);
    expect(ids(op!.sides[1]!.claims)).toEqual(['dnipro-2025-04-27/c1']);
    expect(op!.sides[0]!.claims[0]).toMatchObject({ speaker: 'Valery Gerasimov', said: '2025-04-26', source: 'Steppe Observer' });
    expect(op!.why).toEqual(['one side says the fighting in Kursk Oblast is over, the other that it goes on']);
  });

  it('tells the deployment story in the order the claims were made', async () => {
    const { items } = await store.analysis.listStories({ about: 'deploy' });
    const story = items.find((s) => s.steps.some((x) => x.article === 'eastgate-2024-10-25'));
    expect(story).toBeDefined();
    expect(story!.steps.filter((s) => !s.repeat).map((s) => [s.article, s.stance, s.said])).toEqual([
      ['harbour-2024-10-18', 'assert', '2024-10-18'],
      ['eastgate-2024-10-25', 'deny', '2024-10-25'],
      ['ledger-2025-04-28', 'confirm', '2025-04-28'],
    ]);
  });

  it('keeps unrelated claims out of every proposition with others', async () => {
    const props = await store.analysis.listPropositions({ about: 'fares' });
    expect(props.items).toHaveLength(1);
    expect(props.items[0]!.claims).toBe(1);
    expect((await store.analysis.listContradictions({ about: 'fares' })).items).toEqual([]);
  });

  it('lays out dated events and claims with their sources, filtered by entity and date', async () => {
    const all = await store.analysis.timeline({ entity: 'North Korea' });
    const capture = all.items.find((i) => i.kind === 'event' && i.type === 'capture');
    expect(capture).toMatchObject({ date: '2025-01-11', quantity: 2, sources: [{ article: 'harbour-2025-01-12', source: 'Harbour Wire' }] });
    const report = all.items.find((i) => i.kind === 'claim' && i.date === '2024-10-18');
    expect(report!.sources.map((s) => s.article)).toEqual(['harbour-2024-10-18', 'lakeside-2024-10-18']);
    const dates = all.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());
    const late = await store.analysis.timeline({ from: '2025-04', to: '2025-04-27' });
    expect(late.items.map((i) => i.date).every((d) => d >= '2025-04' && d <= '2025-04-27')).toBe(true);
    expect(late.items.length).toBeGreaterThan(0);
    await expect(store.analysis.timeline({ from: 'last week' })).rejects.toThrow(/--from must be a date.*"last week"/);
  });

  it('pages with a cursor', async () => {
    const first = await store.analysis.timeline({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await store.analysis.timeline({ limit: 2, cursor: first.next });
    expect(second.items[0]!.date >= first.items[1]!.date).toBe(true);
    expect(second.items).not.toContainEqual(first.items[1]);
    await expect(store.analysis.listStories({ cursor: 'nonsense' })).rejects.toThrow(/invalid cursor "nonsense"/);
  });

  it('refreshes incrementally: nothing new costs nothing, a replaced article is recomputed', async () => {
    const again = await refreshAnalysis(store);
    expect(again).toMatchObject({ articles: 0, claims: 0, propositions: 0 });
    const before = await store.analysis.counts();
    const eastgate = handmadeCorpus().find((a) => a.article.id === 'eastgate-2024-10-25')!;
    await store.articles.save({ ...eastgate, claims: [] , events: [] }, { replace: true });
    const stats = await refreshAnalysis(store);
    expect(stats.articles).toBe(1);
    const after = await store.analysis.counts();
    expect(after.contradictions).toBe(before.contradictions - 1);
    const deploy = (await store.analysis.listContradictions()).items.find((x) => x.about.includes('sent forces'));
    expect(deploy).toBeUndefined();
  });
});
