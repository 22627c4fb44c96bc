import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnwritableError } from '../../src/errors.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { ItemSink, NewItem } from '../../src/watch/sink.js';
import { pollFeed, pollOnce, watchFeeds, type PollResult, type WatchOptions } from '../../src/watch/watcher.js';
import { FeedServer, report } from '../fixtures/feeds.js';

let server: FeedServer;
beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(() => server.close());

/** A sink that records what it is handed and fails as told. */
function recordingSink(fail: (item: NewItem) => Error | null = () => null): ItemSink & { got: string[]; settled: number } {
  const sink = {
    got: [] as string[],
    settled: 0,
    async take(item: NewItem) {
      return async () => {
        const e = fail(item);
        if (e) throw e;
        sink.got.push(item.id);
        return { stored: 1, errors: [] };
      };
    },
    async settle() {
      sink.settled++;
    },
  };
  return sink;
}

async function watched(...paths: string[]): Promise<{ store: Store; urls: string[] }> {
  const store = await openStore(':memory:');
  const urls = paths.map((p) => server.url(p));
  for (const url of urls) await store.feeds.add(url, new Date().toISOString());
  return { store, urls };
}

const options = (store: Store, sink: ItemSink, extra: Partial<WatchOptions> = {}): WatchOptions => ({
  feeds: store.feeds,
  sink,
  intervalMs: 1000,
  concurrency: 2,
  fetch: { timeoutMs: 30_000, maxBytes: 1 << 20 },
  random: () => 0,
  ...extra,
});

describe('the feed watcher', () => {
  it('hands new items over oldest first, each once however often the feed repeats it', async () => {
    server.routes.set('/w1/feed.rss', { kind: 'rss', title: 'Repeats', items: [report(13), report(12), report(12), report(11)] });
    const { store, urls } = await watched('/w1/feed.rss');
    const sink = recordingSink();
    const r = await pollFeed(urls[0]!, options(store, sink));
    expect(sink.got).toEqual(['report-11', 'report-12', 'report-13']);
    expect(r).toMatchObject({ status: 200, items: 3, stored: 3, error: null, stopped: false });
    await store.close();
  });

  it('an item the sink could not take is not remembered and the feed’s validators are not kept: it comes again', async () => {
    server.routes.set('/w2/feed.rss', { kind: 'rss', title: 'Queue down', etag: '"q1"', items: [report(22), report(21)] });
    const { store, urls } = await watched('/w2/feed.rss');
    let down = true;
    const sink = recordingSink((item) => (down && item.id === 'report-22' ? new Error('the job queue is unreachable') : null));
    const first = await pollFeed(urls[0]!, options(store, sink));
    expect(first.itemErrors).toEqual([`${urls[0]} item 1 (report-22): the job queue is unreachable`]);
    expect(await store.feeds.get(urls[0]!)).toMatchObject({ etag: null, itemsSeen: 1, failures: 0, lastError: { message: first.itemErrors[0] } });
    down = false;
    const second = await pollFeed(urls[0]!, options(store, sink));
    expect(server.requestsFor('/w2/feed.rss')[1]!.headers['if-none-match']).toBeUndefined();
    expect(second).toMatchObject({ status: 200, items: 1, itemErrors: [] });
    expect(sink.got).toEqual(['report-21', 'report-22']);
    expect(await store.feeds.get(urls[0]!)).toMatchObject({ etag: '"q1"', itemsSeen: 2 });
    await store.close();
  });

  it('a database that cannot be written stops the poll', async () => {
    server.routes.set('/w3/feed.rss', { kind: 'rss', title: 'Full disk', items: [report(31)] });
    const { store, urls } = await watched('/w3/feed.rss');
    const full = new StoreUnwritableError(':memory:', 'SQLITE_FULL', 'the disk (or the database size limit) is full', new Error('database or disk is full'));
    await expect(pollFeed(urls[0]!, options(store, recordingSink(() => full)))).rejects.toBe(full);
    await expect(watchFeeds(urls, options(store, recordingSink(() => full)), new AbortController().signal)).rejects.toBe(full);
    await store.close();
  });

  it('reads a few of a feed’s items ahead of the one it finishes, and finishes them oldest first whichever is read first', async () => {
    server.routes.set('/w9/feed.rss', { kind: 'rss', title: 'Ahead', items: [96, 95, 94, 93, 92, 91].map((n) => report(n)) });
    const { store, urls } = await watched('/w9/feed.rss');
    const taken: string[] = [];
    const finished: string[] = [];
    const takenAtFinish: number[] = [];
    const sink: ItemSink = {
      async take(item) {
        taken.push(item.id);
        // The older an item, the slower it is read: the newer ones are ready first.
        await new Promise((resolve) => setTimeout(resolve, 10 * (100 - Number(item.id.slice(-2)))));
        return async () => {
          finished.push(item.id);
          takenAtFinish.push(taken.length);
          return { stored: 1, errors: [] };
        };
      },
      async settle() {},
    };
    const r = await pollFeed(urls[0]!, options(store, sink));
    expect(finished).toEqual(['report-91', 'report-92', 'report-93', 'report-94', 'report-95', 'report-96']);
    expect(r).toMatchObject({ items: 6, stored: 6 });
    // Four at a time: the first finished while the next three were read, not the whole feed.
    expect(takenAtFinish[0]).toBe(4);
    expect(taken).toHaveLength(6);
    await store.close();
  });

  it('waits as long as a busy server asks (Retry-After) before polling it again', async () => {
    server.routes.set('/w4/feed.rss', { kind: 'status', status: 503, headers: { 'retry-after': '7200' } });
    const { store, urls } = await watched('/w4/feed.rss');
    const now = Date.parse('2026-12-04T12:00:00Z');
    const r = await pollFeed(urls[0]!, options(store, recordingSink(), { now: () => now, intervalMs: 60_000 }));
    expect(r).toMatchObject({ status: 503, failures: 1, error: `${urls[0]}: HTTP 503 Service Unavailable`, nextPoll: now + 7_200_000 });
    expect(await store.feeds.get(urls[0]!)).toMatchObject({ lastStatus: 503, nextPoll: '2026-12-04T14:00:00.000Z', lastPolled: '2026-12-04T12:00:00.000Z' });
    await store.close();
  });

  it('counts the next poll from the end of this one, however long its items took', async () => {
    server.routes.set('/w4b/feed.rss', { kind: 'rss', title: 'Slow items', items: [report(21), report(22)] });
    const { store, urls } = await watched('/w4b/feed.rss');
    // Each look at the clock is a minute later: the items take minutes.
    let clock = Date.parse('2026-12-04T12:00:00Z');
    const r = await pollFeed(urls[0]!, options(store, recordingSink(), { now: () => (clock += 60_000), intervalMs: 3_600_000 }));
    const feed = (await store.feeds.get(urls[0]!))!;
    // The least the jitter gives (random 0): 0.9 of the interval after the poll recorded.
    expect(Date.parse(feed.nextPoll!) - Date.parse(feed.lastPolled!)).toBe(0.9 * 3_600_000);
    expect(r.nextPoll).toBe(Date.parse(feed.nextPoll!));
    await store.close();
  });

  it('polls at most `concurrency` feeds at once', async () => {
    let inFlight = 0;
    let most = 0;
    const paths = [1, 2, 3, 4, 5].map((n) => `/w5/feed-${n}.rss`);
    for (const [i, path] of paths.entries()) {
      server.routes.set(path, {
        kind: 'held',
        then: { kind: 'rss', title: `Feed ${i}`, items: [report(50 + i)] },
        held: (release) => {
          most = Math.max(most, ++inFlight);
          setTimeout(() => {
            inFlight--;
            release();
          }, 20);
        },
      });
    }
    const { store, urls } = await watched(...paths);
    const sink = recordingSink();
    const results = await pollOnce(urls, options(store, sink, { concurrency: 2 }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(most).toBe(2);
    expect(sink.got).toHaveLength(5);
    // Settled once, after all of them.
    expect(sink.settled).toBe(1);
    await store.close();
  });

  it('keeps polling the other feeds while one does not answer, and stops when told', async () => {
    const released: (() => void)[] = [];
    server.routes.set('/w6/slow.rss', { kind: 'held', then: { kind: 'rss', title: 'Slow', items: [report(61)] }, held: (release) => released.push(release) });
    server.routes.set('/w6/fast.rss', { kind: 'rss', title: 'Fast', etag: '"f1"', items: [report(62)] });
    const { store, urls } = await watched('/w6/slow.rss', '/w6/fast.rss');
    const stop = new AbortController();
    const fastPolls: PollResult[] = [];
    const events = options(store, recordingSink(), {
      onEvent: (e) => {
        if (e.kind !== 'polled') return;
        if (e.result.url === urls[1]) fastPolls.push(e.result);
        if (fastPolls.length === 2) stop.abort();
      },
    });
    await watchFeeds(urls, events, stop.signal);
    // The fast feed was read, then polled again (304), while the slow one had not answered its first request.
    expect(fastPolls.map((r) => r.status)).toEqual([200, 304]);
    expect(server.requestsFor('/w6/slow.rss')).toHaveLength(1);
    // Stopped while waiting for the slow feed: no failure is recorded for it.
    expect(await store.feeds.get(urls[0]!)).toMatchObject({ lastPolled: null, failures: 0 });
    for (const release of released) release();
    await store.close();
  });

  it('polls a lone new feed at once, whatever the jitter draws', async () => {
    server.routes.set('/w8/lone.rss', { kind: 'rss', title: 'Lone', items: [report(81)] });
    const { store, urls } = await watched('/w8/lone.rss');
    const stop = new AbortController();
    const started = Date.now();
    let polled = -1;
    // An hour between polls and the jitter's largest draw: before, the first poll waited that share of a minute.
    await watchFeeds(urls, options(store, recordingSink(), {
      intervalMs: 3_600_000,
      random: () => 0.999,
      onEvent: (e) => {
        if (e.kind !== 'polled') return;
        polled = Date.now() - started;
        stop.abort();
      },
    }), stop.signal);
    expect(polled).toBeGreaterThanOrEqual(0);
    expect(polled).toBeLessThan(5000);
    await store.close();
  });

  it('stops polling a feed removed while it is watched', async () => {
    server.routes.set('/w7/kept.rss', { kind: 'rss', title: 'Kept', etag: '"k1"', items: [report(71)] });
    server.routes.set('/w7/gone.rss', { kind: 'rss', title: 'Gone', items: [report(72)] });
    const { store, urls } = await watched('/w7/gone.rss', '/w7/kept.rss');
    await store.feeds.remove(urls[0]!);
    const stop = new AbortController();
    const seen: string[] = [];
    await watchFeeds(urls, options(store, recordingSink(), {
      onEvent: (e) => {
        seen.push(e.kind === 'polled' ? `${e.result.url} ${e.result.status}` : `${e.kind === 'removed' ? e.url : ''} ${e.kind}`);
        if (seen.filter((s) => s.startsWith(urls[1]!)).length === 3) stop.abort();
      },
    }), stop.signal);
    expect(seen.filter((s) => s.startsWith(urls[0]!))).toEqual([`${urls[0]} removed`]);
    expect(server.requestsFor('/w7/gone.rss')).toEqual([]);
    await store.close();
  });
});
