import { UsageError } from '../errors.js';

/** The most a failing feed's polls are spaced out to (unless its interval is longer still). */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** Feeds due at start are spread over this much (or their interval, when shorter), not fired at once. */
export const START_SPREAD_MS = 60 * 1000;
/** Each interval is stretched or shrunk by up to this fraction, so feeds started together drift apart. */
export const JITTER = 0.1;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration such as "90s", "10m", "1.5h", "1d" (a bare number is seconds) in ms; a UsageError naming `option` else. */
export function parseDuration(value: string, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  const ms = m ? Number(m[1]) * UNITS[m[2] ?? 's']! : NaN;
  if (!(ms >= 1000) || !Number.isFinite(ms)) {
    throw new UsageError(`${option} must be a duration of at least 1s such as 30s, 10m or 2h, got "${value}"`);
  }
  return ms;
}

/** A duration as people say it: 45s, 10m, 1.5h. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)}m`;
  return `${+(ms / 3_600_000).toFixed(1)}h`;
}

/**
 * How long after a poll a feed is polled again: its interval, jittered by ±JITTER; after
 * `failures` failed polls in a row, doubled for each failure past the first, up to
 * MAX_BACKOFF_MS (or the interval, when longer); never sooner than the server's Retry-After.
 * `random` is in [0, 1).
 */
export function nextPollDelay(intervalMs: number, failures: number, random: number, retryAfterMs: number | null = null): number {
  const backoff = failures > 1 ? Math.min(intervalMs * 2 ** Math.min(failures - 1, 30), Math.max(MAX_BACKOFF_MS, intervalMs)) : intervalMs;
  const jittered = backoff * (1 - JITTER + 2 * JITTER * random);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * How long after start the `index`-th of `count` feeds that are due (never polled, or overdue) is first polled: the
 * first at once, the others evenly over the start window (a minute, or the interval when shorter). Hundreds of feeds
 * do not fire together, and a lone feed is not kept waiting.
 */
export function firstPollDelay(intervalMs: number, index: number, count: number): number {
  return count > 1 ? Math.round((Math.min(intervalMs, START_SPREAD_MS) * index) / count) : 0;
}
