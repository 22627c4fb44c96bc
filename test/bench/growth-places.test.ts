import { describe, expect, it } from 'vitest';
import { growthDatabase, postgresPlaces, sqlitePlaces, type GrowthPlaces } from '../../src/bench/growth-places.js';
import { Databases } from '../../src/store/postgres/databases.js';
import { ministryArticle } from '../fixtures/articles.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';
import { TEST_PG } from '../store/backends.js';

const places: [string, () => GrowthPlaces][] = [['sqlite', () => sqlitePlaces(tempDir('claimtrail-growth-'))]];
const pg = TEST_PG;
if (pg) places.push(['postgres', () => postgresPlaces(pg)]);

/** The growth bench's stores (src/bench/growth-places.ts): a base built once, copies the new articles go into. */
describe.each(places)('growth bench stores on %s', (_, make) => {
  it('builds a base once, then gives copies of it that leave it as it was', async () => {
    const p = make();
    const name = `growth-test-${process.pid}`;
    expect(await p.has(name)).toBe(false);
    const building = await p.building(name);
    const store = await openStore(building.location);
    await store.articles.save(ministryArticle());
    await store.close();
    await building.done();
    expect(await p.has(name)).toBe(true);

    const copy = await p.copy(name);
    const work = await openStore(copy.location);
    expect(await work.articles.countArticles()).toBe(1);
    await work.articles.save({ ...ministryArticle(), article: { ...ministryArticle().article, id: 'another' } });
    await work.close();
    await copy.drop();

    const again = await p.copy(name);
    const base = await openStore(again.location);
    expect(await base.articles.countArticles()).toBe(1);
    await base.close();
    await again.drop();
    if (p.shown.startsWith('postgres')) await new Databases(pg!).drop(growthDatabase(name));
  });
});
