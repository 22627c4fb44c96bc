import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { BandIndex } from '../../src/store/sqlite/analysis/band-index.js';
import { migrationProvider } from '../../src/store/sqlite/migrations/index.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { handmadeCorpus } from '../fixtures/corpus.js';
import { freshPlace, type Place } from './backends.js';

let place: Place | null = null;
afterEach(async () => {
  await place?.drop();
  place = null;
});

async function storeWithCorpus(): Promise<SqliteStore> {
  place = await freshPlace('sqlite');
  const store = await SqliteStore.open(place.path);
  for (const a of handmadeCorpus()) await store.articles.save(a);
  return store;
}

/** Every band's articles as stored, in the order they were indexed (rowid). */
function storedBands(store: SqliteStore): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const { band, article_id } of store.sqlite.prepare('select band, article_id from doc_bands order by rowid').all() as { band: number; article_id: string }[]) {
    out.set(band, [...(out.get(band) ?? []), article_id]);
  }
  return out;
}

describe('the levelled band index of the SQLite store', () => {
  it("keeps each band's articles in the order indexed while its levels move down", async () => {
    const store = await storeWithCorpus();
    try {
      const articles = (await store.articles.listArticles({ limit: 100 })).items.map((a) => a.id);
      // Four rows in level 0, 32 in level 1, 256 in level 2: 400 rows go three levels down.
      const index = new BandIndex(store.sqlite, store.db, 4);
      const expected = new Map<number, string[]>();
      for (let i = 0; i < 100; i++) {
        const article = articles[(i * 7) % articles.length]!;
        // Bands shared by many additions, and negative ones, as SQLite integers are signed.
        const bands = [(i * 13) % 17, -((i * 5) % 11) - 1, 1000 + (i % 3)];
        index.add(article, bands);
        index.settle();
        for (const band of bands) expected.set(band, [...(expected.get(band) ?? []), article]);
      }
      expect(index.lookup([...expected.keys(), 424242])).toEqual(new Map([...expected, [424242, []]]));
      const levels = store.sqlite.prepare('select level, count(*) as n from doc_bands group by level order by level').all() as { level: number; n: number }[];
      // 300 rows are more than levels 0–2 hold: the oldest went three levels down.
      expect(levels.at(-1)!.level).toBe(3);
      for (const { level, n } of levels) expect(n).toBeLessThanOrEqual(4 * 8 ** level);
      expect(levels.reduce((sum, l) => sum + l.n, 0)).toBe(300);
    } finally {
      await store.close();
    }
  });

  it('migration 0015 puts a store’s bands in one level and finds the same articles under each', async () => {
    const store = await storeWithCorpus();
    try {
      await refreshAnalysis(store);
      const down = await new Migrator({ db: store.db, provider: migrationProvider }).migrateTo('0014_claim_groups');
      expect(down.error).toBeUndefined();
      // As if stored before the levels: more rows than level 0 holds.
      const articles = store.sqlite.prepare('select id from articles order by seq').pluck().all() as string[];
      const insert = store.sqlite.prepare('insert into doc_bands (band, article_id) values (?, ?)');
      store.sqlite.transaction(() => {
        for (let i = 0; i < 40_000; i++) insert.run((i * 7919) % 5000, articles[i % articles.length]!);
      })();
      const before = storedBands(store);
      const up = await new Migrator({ db: store.db, provider: migrationProvider }).migrateToLatest();
      expect(up.error).toBeUndefined();
      expect(store.sqlite.prepare('select distinct level from doc_bands').pluck().all()).toEqual([1]);
      expect(new BandIndex(store.sqlite, store.db).lookup([...before.keys()])).toEqual(before);
    } finally {
      await store.close();
    }
  });
});
