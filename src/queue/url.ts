import { UsageError } from '../errors.js';

const POSTGRES = /^postgres(ql)?:\/\//i;

/**
 * The queue's URL: the option, else CLAIMTRAIL_QUEUE, else the store's URL when the store
 * (--db / CLAIMTRAIL_DB) is on PostgreSQL; null when there is none (a SQLite store without one).
 */
export function resolveQueueUrl(option: string | undefined, db: string | undefined): string | null {
  const url = option ?? (process.env.CLAIMTRAIL_QUEUE?.trim() || null) ?? (db && POSTGRES.test(db) ? db : null);
  if (url !== null && !POSTGRES.test(url)) throw new UsageError(`the job queue lives on PostgreSQL: give a postgres:// URL, got "${url}"`);
  return url;
}

/** A connection URL as shown to users: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
