import { setTimeout as sleep } from 'node:timers/promises';
import { ClaimtrailError, HttpStatusError, NotFoundError } from '../errors.js';
import { parseFeed, type Feed } from '../ingest/feed.js';
import { fetchIfModified, type FetchOptions, type Validators } from '../ingest/fetch.js';
import { decodeHtml } from '../ingest/index.js';
import type { FeedRepo } from '../store/index.js';
import { firstPollDelay, nextPollDelay } from './schedule.js';
import { itemId, type ItemOutcome, type ItemSink } from './sink.js';

/** Item ids remembered per feed at least (twice the feed's length when that is more). */
export const SEEN_PER_FEED = 1000;
/**
 * A feed's items taken by the sink at once: the one being finished (stored, queued) and those after it, read and
 * analysed meanwhile, so a lone feed's next items do not wait for its last one's store. More would hold more analyses
 * in memory for a burst the pool's threads work through no faster.
 */
const TAKEN_AHEAD = 4;

export interface WatchOptions {
  feeds: FeedRepo;
  sink: ItemSink;
  /** How often each feed is polled, in ms (jittered; longer after failures). */
  intervalMs: number;
  /** Feeds polled at once, at most. */
  concurrency: number;
  /** Bounds on each feed's fetch (timeout, size). Feeds are fetched wherever they are: the user named them. */
  fetch: Omit<FetchOptions, 'signal' | 'publicOnly'>;
  /** Sees what happens, for the CLI to print. */
  onEvent?: (event: WatchEvent) => void;
  /** The clock and the jitter's randomness. */
  now?: () => number;
  random?: () => number;
}

/** What one poll of a feed came to. */
export interface PollResult {
  url: string;
  /** HTTP status; null when no answer came. */
  status: number | null;
  /** New items handed to the sink, and articles they stored. */
  items: number;
  stored: number;
  /** Why the feed could not be read (it counts a failure and backs off), else null. */
  error: string | null;
  /** Items that failed, each naming the item. */
  itemErrors: string[];
  /** Feed polls failed in a row, this one included. */
  failures: number;
  /** When the feed is due next (ms since the epoch); Infinity for a feed no longer watched. */
  nextPoll: number;
  /** The stop signal came before all new items were handled: those left come again next time. */
  stopped: boolean;
}

export type WatchEvent =
  | { kind: 'polled'; result: PollResult }
  /** The cross-article refresh after new items failed (it is retried after the next ones). */
  | { kind: 'refresh-failed'; message: string }
  /** A poll failed for a reason that is not the feed's (the store was busy): it is tried again after the interval. */
  | { kind: 'poll-failed'; url: string; message: string }
  /** The feed was removed (`claimtrail feeds remove`) while it was watched: it is polled no more. */
  | { kind: 'removed'; url: string };

/**
 * Poll one watched feed: a conditional GET with its stored validators (a 304 reads and stores
 * nothing), then every item it has not handled before, oldest first, handed to the sink and
 * remembered. The outcome is recorded in the store; a feed that cannot be read (network, HTTP
 * status, not a feed) records its error and is polled again later, backing off while it fails.
 * When `signal` stops the watcher between items, the feed's new validators are not kept, so the
 * items left come again.
 */
export async function pollFeed(url: string, options: WatchOptions, signal?: AbortSignal): Promise<PollResult> {
  const { feeds, sink } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const stored = await feeds.get(url);
  if (!stored) throw new NotFoundError(`${url}: not a watched feed`);
  const result: PollResult = { url, status: null, items: 0, stored: 0, error: null, itemErrors: [], failures: 0, nextPoll: 0, stopped: false };
  const at = () => new Date(now()).toISOString();
  const schedule = (failures: number, retryAfterMs: number | null = null) => now() + nextPollDelay(options.intervalMs, failures, random(), retryAfterMs);

  let read: { feed: Feed; validators: Validators } | null;
  try {
    const fetched = await fetchIfModified(url, stored, { ...options.fetch, signal });
    result.status = fetched ? 200 : 304;
    read = fetched && { feed: parseFeed(decodeHtml(fetched.body, fetched.charset), url), validators: { etag: fetched.etag, lastModified: fetched.lastModified } };
  } catch (e) {
    if (signal?.aborted) return { ...result, stopped: true, failures: stored.failures, nextPoll: Date.parse(stored.nextPoll ?? '') || now() };
    if (!(e instanceof ClaimtrailError) || e.code !== 'input') throw e;
    if (e instanceof HttpStatusError) result.status = e.status;
    result.error = e.message;
    result.failures = stored.failures + 1;
    const retryAfter = e instanceof HttpStatusError && e.retryAfterSeconds !== null ? e.retryAfterSeconds * 1000 : null;
    result.nextPoll = schedule(result.failures, retryAfter);
    await feeds.recordPoll(url, { polledAt: at(), nextPoll: new Date(result.nextPoll).toISOString(), status: result.status, error: result.error });
    return result;
  }
  const delay = nextPollDelay(options.intervalMs, 0, random());
  result.nextPoll = now() + delay;
  if (!read) {
    await feeds.recordPoll(url, { polledAt: at(), nextPoll: new Date(result.nextPoll).toISOString(), status: 304, error: null });
    return result;
  }

  const { feed, validators } = read;
  const keep = Math.max(SEEN_PER_FEED, 2 * feed.items.length);
  const ids = feed.items.map(itemId);
  const seen = await feeds.seen(url, ids);
  // Oldest first (feeds list the newest first), each item once however often the feed repeats it.
  const fresh = feed.items.map((item, i) => ({ item, id: ids[i]! })).reverse().filter(({ id }) => !seen.has(id) && (seen.add(id), true));
  let handledAll = true;
  // Items taken ahead of the one being finished: their links are read and their analyses run (on other threads) meanwhile.
  const taken: Promise<() => Promise<ItemOutcome>>[] = [];
  const take = (k: number) => {
    const { item, id } = fresh[k]!;
    const finish = sink.take({ feedUrl: url, feedTitle: feed.title, language: feed.language, id, item });
    // Its failure is told when its turn comes; one left untold when the poll stops early is no failure.
    finish.catch(() => undefined);
    taken.push(finish);
  };
  for (let k = 0; k < fresh.length; k++) {
    if (signal?.aborted) {
      result.stopped = true;
      handledAll = false;
      break;
    }
    while (taken.length < TAKEN_AHEAD && k + taken.length < fresh.length) take(k + taken.length);
    const { item, id } = fresh[k]!;
    let outcome: ItemOutcome;
    try {
      outcome = await (await taken.shift()!)();
    } catch (e) {
      if (e instanceof ClaimtrailError && e.code === 'unwritable') throw e;
      // Not handled: not remembered, and the feed's validators are not kept, so it comes again.
      handledAll = false;
      result.itemErrors.push(`${url} item ${item.index} (${id}): ${(e as Error).message}`);
      continue;
    }
    await feeds.markSeen(url, id, outcome.stored, at(), keep);
    result.items++;
    result.stored += outcome.stored;
    result.itemErrors.push(...outcome.errors);
  }
  // The next poll counts from the end of this one, when it is recorded: its items may have taken a while.
  const polledAt = now();
  result.nextPoll = polledAt + delay;
  await feeds.recordPoll(url, {
    polledAt: new Date(polledAt).toISOString(),
    nextPoll: new Date(result.nextPoll).toISOString(),
    status: 200,
    title: feed.title,
    validators: handledAll ? validators : undefined,
    error: null,
    itemError: result.itemErrors.at(-1) ?? null,
  });
  return result;
}

/**
 * Poll each feed once, at most `concurrency` at a time (a slow feed holds up only its own slot),
 * then settle the sink once. Resolves to each feed's result, in the order given.
 */
export async function pollOnce(urls: readonly string[], options: WatchOptions, signal?: AbortSignal): Promise<PollResult[]> {
  const results: PollResult[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length && !signal?.aborted) {
      const i = next++;
      results[i] = await pollAndReport(urls[i]!, options, signal, false);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, urls.length) }, worker));
  const polled = results.filter(Boolean);
  if (polled.some((r) => r.items > 0)) await settle(options);
  return polled;
}

/**
 * Poll the feeds until `signal` stops the watcher: each when it is due (its stored next poll; those
 * overdue or new, the first at once and the rest spread over the first minute), at most `concurrency` at a time, so
 * that neither hundreds of feeds fire together nor a slow or failing one delays the others. On
 * stop, the polls under way finish the item they are at and it resolves. An error that means
 * nothing can be stored (the database cannot be written) stops it and is thrown.
 */
export async function watchFeeds(urls: readonly string[], options: WatchOptions, signal: AbortSignal): Promise<void> {
  const now = options.now ?? Date.now;
  const due = new Map<string, number>();
  const start = now();
  const stored: number[] = [];
  for (const url of urls) stored.push(Date.parse((await options.feeds.get(url))?.nextPoll ?? ''));
  const overdue = stored.filter((next) => !(next > start)).length;
  let nth = 0;
  urls.forEach((url, i) => due.set(url, stored[i]! > start ? stored[i]! : start + firstPollDelay(options.intervalMs, nth++, overdue)));
  const running = new Set<Promise<void>>();
  let fatal: unknown = null;
  const stop = new AbortController();
  const stopped = AbortSignal.any([signal, stop.signal]);
  while (!stopped.aborted) {
    const t = now();
    const ready = [...due].filter(([, when]) => when <= t).sort((a, b) => a[1] - b[1]);
    for (const [url] of ready.slice(0, Math.max(0, options.concurrency - running.size))) {
      due.delete(url);
      const poll: Promise<void> = pollAndReport(url, options, stopped)
        .then(
          (r) => void (Number.isFinite(r.nextPoll) && due.set(url, r.nextPoll)),
          (e: unknown) => {
            fatal = e;
            stop.abort();
          },
        )
        .finally(() => running.delete(poll));
      running.add(poll);
    }
    const soonest = Math.min(...due.values());
    const wait = running.size >= options.concurrency || !Number.isFinite(soonest) ? 2 ** 31 - 1 : Math.max(0, Math.min(soonest - now(), 2 ** 31 - 1));
    await Promise.race([sleep(wait, undefined, { signal: stopped }).catch(() => undefined), ...running]);
  }
  await Promise.all(running);
  if (fatal) throw fatal;
}

/**
 * One poll, told to onEvent, then (with `settleAfter`) the sink settled when items were handed
 * over. A store that cannot be written is thrown; any other failure that is not the feed's is
 * told and the feed tried again after its interval.
 */
async function pollAndReport(url: string, options: WatchOptions, signal?: AbortSignal, settleAfter = true): Promise<PollResult> {
  const now = options.now ?? Date.now;
  let result: PollResult;
  try {
    result = await pollFeed(url, options, signal);
  } catch (e) {
    if (e instanceof ClaimtrailError && e.code === 'unwritable') throw e;
    if (e instanceof NotFoundError) {
      options.onEvent?.({ kind: 'removed', url });
      return { url, status: null, items: 0, stored: 0, error: null, itemErrors: [], failures: 0, nextPoll: Infinity, stopped: false };
    }
    const message = (e as Error).message;
    options.onEvent?.({ kind: 'poll-failed', url, message });
    const retry = now() + nextPollDelay(options.intervalMs, 0, (options.random ?? Math.random)());
    return { url, status: null, items: 0, stored: 0, error: message, itemErrors: [], failures: 0, nextPoll: retry, stopped: false };
  }
  options.onEvent?.({ kind: 'polled', result });
  if (settleAfter && result.items > 0) await settle(options);
  return result;
}

/** Settle the sink; a failure is told (the next settle retries it), unless nothing can be stored. */
async function settle(options: WatchOptions): Promise<void> {
  await options.sink.settle().catch((e: unknown) => {
    if (e instanceof ClaimtrailError && e.code === 'unwritable') throw e;
    options.onEvent?.({ kind: 'refresh-failed', message: (e as Error).message });
  });
}
