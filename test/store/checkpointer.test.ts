import { existsSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { handmadeCorpus } from '../fixtures/corpus.js';
import { freshPlace, type Place } from './backends.js';

let place: Place | null = null;
afterEach(async () => {
  await place?.drop();
  place = null;
});

/** The database file's size once it stops changing, or after `ms` (the thread copies in its own time). */
async function settledSize(path: string, ms: number): Promise<number> {
  let size = statSync(path).size;
  for (let waited = 0; waited < ms; waited += 50) {
    await sleep(50);
    const now = statSync(path).size;
    if (now !== size && now > 4096) return now;
    size = now;
  }
  return size;
}

describe('the SQLite store with bulk writes', () => {
  it('copies the log back into the database file on its own thread after each commit, and removes the log on close', async () => {
    place = await freshPlace('sqlite');
    const store = await SqliteStore.open(place.path, 'test', { bulkWrites: true });
    const before = statSync(place.path).size;
    for (const a of handmadeCorpus().slice(0, 4)) await store.articles.save(a);
    // The writer copies back only every 10,000 pages: these few hundred reach the file through the thread alone.
    expect(await settledSize(place.path, 5000)).toBeGreaterThan(before);
    await store.close();
    expect(existsSync(`${place.path}-wal`)).toBe(false);
    const again = await SqliteStore.open(place.path, 'test');
    try {
      expect(await again.articles.countArticles()).toBe(4);
    } finally {
      await again.close();
    }
  });

  it('leaves the log to the writer without them', async () => {
    place = await freshPlace('sqlite');
    const store = await SqliteStore.open(place.path, 'test');
    const before = statSync(place.path).size;
    for (const a of handmadeCorpus().slice(0, 4)) await store.articles.save(a);
    expect(await settledSize(place.path, 300)).toBe(before);
    await store.close();
  });
});
