import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const T0 = '2026-12-04T10:00:00.000Z';
const T1 = '2026-12-04T10:10:00.000Z';
const T2 = '2026-12-04T10:20:00.000Z';
const A = 'https://wire.example/world.rss';
const B = 'https://daily.example/atom.xml';

describe('FeedRepo (SQLite)', () => {
  it('adds a feed once, lists feeds in the order they were added, removes one with its items', async () => {
    const store = await SqliteStore.open(':memory:');
    await store.feeds.add(A, T0);
    await store.feeds.add(B, T1);
    await store.feeds.add(A, T2);
    expect((await store.feeds.list()).map((f) => [f.url, f.addedAt])).toEqual([[A, T0], [B, T1]]);
    expect(await store.feeds.get(A)).toEqual({
      url: A, title: null, addedAt: T0, lastPolled: null, nextPoll: null, lastStatus: null, etag: null, lastModified: null,
      lastError: null, failures: 0, itemsSeen: 0, articlesStored: 0,
    });
    await store.feeds.markSeen(A, 'item-1', 1, T0, 100);
    expect(await store.feeds.remove(A)).toBe(true);
    expect(await store.feeds.remove(A)).toBe(false);
    expect(await store.feeds.get(A)).toBeNull();
    expect(store.sqlite.prepare('select count(*) n from feed_items').get()).toEqual({ n: 0 });
    // Watched again, it starts afresh: its old items are new again.
    await store.feeds.add(A, T2);
    expect(await store.feeds.seen(A, ['item-1'])).toEqual(new Set());
    await store.close();
  });

  it('remembers items per feed, counts each once, and keeps only the most recent ones', async () => {
    const store = await SqliteStore.open(':memory:');
    await store.feeds.add(A, T0);
    await store.feeds.add(B, T0);
    for (let i = 1; i <= 5; i++) await store.feeds.markSeen(A, `a${i}`, i % 2, T1, 3);
    await store.feeds.markSeen(A, 'a5', 1, T2, 3);
    await store.feeds.markSeen(B, 'a1', 0, T1, 3);
    expect(await store.feeds.seen(A, ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'])).toEqual(new Set(['a3', 'a4', 'a5']));
    expect(await store.feeds.seen(B, ['a1', 'a3'])).toEqual(new Set(['a1']));
    expect(await store.feeds.get(A)).toMatchObject({ itemsSeen: 5, articlesStored: 3 });
    expect(await store.feeds.get(B)).toMatchObject({ itemsSeen: 1, articlesStored: 0 });
    await store.close();
  });

  it('looks up more item ids than one query may bind', async () => {
    const store = await SqliteStore.open(':memory:');
    await store.feeds.add(A, T0);
    await store.feeds.markSeen(A, 'x-1999', 1, T0, 10);
    const ids = Array.from({ length: 2000 }, (_, i) => `x-${i}`);
    expect(await store.feeds.seen(A, ids)).toEqual(new Set(['x-1999']));
    await store.close();
  });

  it('records polls: validators and title kept until replaced, failures counted in a row and reset, the last error kept', async () => {
    const store = await SqliteStore.open(':memory:');
    await store.feeds.add(A, T0);
    await store.feeds.recordPoll(A, { polledAt: T0, nextPoll: T1, status: 200, title: 'World wire', validators: { etag: '"v1"', lastModified: 'Fri, 04 Dec 2026 09:00:00 GMT' }, error: null });
    await store.feeds.recordPoll(A, { polledAt: T1, nextPoll: T2, status: 500, error: `${A}: HTTP 500 Internal Server Error` });
    await store.feeds.recordPoll(A, { polledAt: T1, nextPoll: T2, status: null, error: `${A}: could not fetch (ECONNREFUSED)` });
    expect(await store.feeds.get(A)).toMatchObject({
      title: 'World wire', etag: '"v1"', lastModified: 'Fri, 04 Dec 2026 09:00:00 GMT', lastStatus: null, failures: 2, lastPolled: T1, nextPoll: T2,
      lastError: { message: `${A}: could not fetch (ECONNREFUSED)`, at: T1 },
    });
    await store.feeds.recordPoll(A, { polledAt: T2, nextPoll: T2, status: 304, error: null });
    expect(await store.feeds.get(A)).toMatchObject({ lastStatus: 304, failures: 0, etag: '"v1"', lastError: { at: T1 } });
    await store.feeds.recordPoll(A, { polledAt: T2, nextPoll: T2, status: 200, error: null, itemError: 'item 3: no text left after cleaning', validators: { etag: null, lastModified: null } });
    expect(await store.feeds.get(A)).toMatchObject({ failures: 0, etag: null, lastModified: null, lastError: { message: 'item 3: no text left after cleaning', at: T2 } });
    await store.close();
  });
});
