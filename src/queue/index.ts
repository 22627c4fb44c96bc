import { UsageError } from '../errors.js';
import type { JobQueue } from './job.js';
import { PgBossQueue, type QueueOptions } from './pgboss.js';

/**
 * The durable job queue: its interface (job.ts), the PostgreSQL implementation (pgboss.ts), the
 * inputs a job carries (inputs.ts) and the worker that runs jobs (worker.ts).
 */
export type { AnalyzeRequest, HeldJob, JobFailure, JobInput, JobOutcome, JobQueue, JobState, JobStatus } from './job.js';
export { inputLabel } from './job.js';
export type { QueueOptions } from './pgboss.js';

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

/** Open the queue at a postgres:// URL (creating its tables on first use). */
export function openQueue(url: string, options: QueueOptions = {}): Promise<JobQueue> {
  return PgBossQueue.open(url, options);
}
