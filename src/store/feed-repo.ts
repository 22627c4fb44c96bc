import type { WatchedFeed } from '../contract/index.js';

/** The outcome of one poll of a feed, as FeedRepo.recordPoll writes it. */
export interface PollRecord {
  /** When the poll ended (ISO 8601, UTC). */
  polledAt: string;
  /** When the feed is due next. */
  nextPoll: string;
  /** HTTP status of the answer; null when none came. */
  status: number | null;
  /** The feed's title, when it was read in full; undefined keeps the stored one. */
  title?: string | null;
  /**
   * The validators for the next conditional GET; undefined keeps the stored ones (an unchanged feed,
   * a failure, or a poll stopped before all its new items were handled, so that they come again).
   */
  validators?: { etag: string | null; lastModified: string | null };
  /** The feed could not be read (fetch, HTTP status, parse): one more failure in a row. Null resets the count. */
  error: string | null;
  /** The feed was read but one of its items failed: kept as the last error, without counting a failure. */
  itemError?: string | null;
}

/**
 * The feeds `claimtrail watch` follows and the state of their polling: validators for conditional
 * GETs, schedule, last status and error, failures in a row (for backoff), totals, and the ids of
 * the items already handled (the most recent `keep` of each feed), so that only new items are
 * analysed. Times are ISO 8601 strings in UTC, given by the caller.
 */
export interface FeedRepo {
  /** Start watching a feed; a feed watched already is left as it is. */
  add(url: string, at: string): Promise<void>;
  get(url: string): Promise<WatchedFeed | null>;
  /** Every watched feed, in the order they were added. */
  list(): Promise<WatchedFeed[]>;
  /** Stop watching a feed and forget its items; false when it was not watched. */
  remove(url: string): Promise<boolean>;
  /** Those of `ids` the feed has handled already. */
  seen(url: string, ids: readonly string[]): Promise<Set<string>>;
  /**
   * Remember an item as handled, adding one item and `stored` articles to the feed's totals, and
   * keep only the feed's `keep` most recently handled item ids.
   */
  markSeen(url: string, id: string, stored: number, at: string, keep: number): Promise<void>;
  /** Record a poll's outcome. */
  recordPoll(url: string, poll: PollRecord): Promise<void>;
}
