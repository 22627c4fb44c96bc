import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { pipelineVersion } from '../../src/annotate/version.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { tempDir } from '../helpers.js';
import { handmadeCorpus } from '../fixtures/corpus.js';

const dir = tempDir();
let store: Store;

beforeAll(async () => {
  store = await Store.open(join(dir, 'refresh.db'));
  for (const a of handmadeCorpus()) await store.articles.save(a);
  await refreshAnalysis(store);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const idsOf = async () => ({
  contradictions: (await store.analysis.listContradictions()).items.map((x) => x.id),
  stories: (await store.analysis.listStories()).items.map((s) => s.id),
});

const orphans = () =>
  store.sqlite
    .prepare(
      `select (select count(*) from timeline_items i where not exists (select 1 from timeline_sources s where s.item_id = i.id))
            + (select count(*) from timeline_entities e where not exists (select 1 from timeline_items i where i.id = e.item_id)) as n`,
    )
    .get() as { n: number };

describe('the refresh after articles are replaced', () => {
  it('replacing every article (--reanalyze) keeps contradiction and story ids and leaves no orphan timeline rows', async () => {
    const before = await idsOf();
    expect(before.contradictions.length).toBeGreaterThan(0);
    expect(before.stories.length).toBeGreaterThan(0);
    for (const a of handmadeCorpus()) expect(await store.articles.save(a, { replace: true })).toBe('replaced');
    await refreshAnalysis(store);
    expect(await idsOf()).toEqual(before);
    expect(orphans().n).toBe(0);
  });

  it('replacing one article with no claims or events removes the timeline items only it gave', async () => {
    const items = () => (store.sqlite.prepare('select count(*) as n from timeline_items').get() as { n: number }).n;
    const onlyFrom = (id: string) =>
      (store.sqlite.prepare('select count(*) as n from timeline_items i where not exists (select 1 from timeline_sources s where s.item_id = i.id and s.article_id != ?)').get(id) as { n: number }).n;
    const article = handmadeCorpus().find((a) => onlyFrom(a.article.id) > 0)!;
    const own = onlyFrom(article.article.id);
    const all = items();
    await store.articles.save({ ...article, claims: [], events: [] }, { replace: true });
    await refreshAnalysis(store);
    expect(items()).toBe(all - own);
    expect(orphans().n).toBe(0);
  });

  it('a recompute from scratch (a new analysis version) gives the same ids', async () => {
    for (const a of handmadeCorpus()) await store.articles.save(a, { replace: true });
    await refreshAnalysis(store);
    const before = await idsOf();
    // The version is the build's: its pipeline's and a digest of the analysis code, so any change to either recomputes.
    const stored = store.sqlite.prepare("select value from analysis_state where key = 'version'").pluck().get() as string;
    expect(stored).toMatch(new RegExp(`^${pipelineVersion().replace(/[.+]/g, '\\$&')}/[0-9a-f]{12}$`));
    store.sqlite.prepare("update analysis_state set value = 'old' where key = 'version'").run();
    await refreshAnalysis(store);
    expect(await idsOf()).toEqual(before);
  });
});
