import type { JobQueue } from './job.js';
import type { QueueOptions } from '../store/queue/pgboss.js';
import { resolveQueueUrl } from './url.js';

/**
 * The durable job queue: its interface (job.ts), the PostgreSQL implementation (src/store/queue), the
 * inputs a job carries (inputs.ts), the worker that runs jobs (worker.ts) and the queue's URL
 * (url.ts). Importing this is cheap: pg-boss is loaded when a queue is opened.
 */
export type { AnalyzeRequest, HeldJob, JobFailure, JobInput, JobOutcome, JobQueue, JobState, JobStatus } from './job.js';
export { inputLabel } from './job.js';
export type { QueueOptions } from '../store/queue/pgboss.js';
export { redactUrl, resolveQueueUrl } from './url.js';

/** Open the queue at a postgres:// URL (creating its tables on first use). */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<JobQueue> {
  const { PgBossQueue } = await import('../store/queue/pgboss.js');
  return PgBossQueue.open(url, options);
}

/**
 * Where a cross-article refresh run outside the workers must stop (JobQueue.refreshLimit) in the queue
 * the database at `db` has (CLAIMTRAIL_QUEUE, else the database itself on PostgreSQL), as the workers'
 * own refreshes do; null without a queue or unfinished job. Past it, a refresh would take articles
 * before the jobs submitted ahead of them, and workers would not give what one process gives.
 */
export async function refreshLimit(db: string): Promise<string | null> {
  const url = resolveQueueUrl(undefined, db);
  if (!url) return null;
  const { refreshLimitAt } = await import('../store/queue/pgboss.js');
  return refreshLimitAt(url);
}
