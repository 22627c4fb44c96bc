import { UsageError } from '../errors.js';
import { isPostgresUrl } from '../store/postgres/url.js';

/**
 * The queue's URL: the option, else CLAIMTRAIL_QUEUE, else the store's URL when the store
 * (--db / CLAIMTRAIL_DB) is on PostgreSQL; null when there is none (a SQLite store without one).
 */
export function resolveQueueUrl(option: string | undefined, db: string | undefined): string | null {
  const url = option ?? (process.env.CLAIMTRAIL_QUEUE?.trim() || null) ?? (db && isPostgresUrl(db) ? db : null);
  if (url !== null && !isPostgresUrl(url)) throw new UsageError(`the job queue lives on PostgreSQL: give a postgres:// URL, got "${url}"`);
  return url;
}

export { redactUrl } from '../store/postgres/url.js';
