import type { JobQueue } from './job.js';
import type { QueueOptions } from './pgboss.js';

/**
 * The durable job queue: its interface (job.ts), the PostgreSQL implementation (pgboss.ts), the
 * inputs a job carries (inputs.ts), the worker that runs jobs (worker.ts) and the queue's URL
 * (url.ts). Importing this is cheap: pg-boss is loaded when a queue is opened.
 */
export type { AnalyzeRequest, HeldJob, JobFailure, JobInput, JobOutcome, JobQueue, JobState, JobStatus } from './job.js';
export { inputLabel } from './job.js';
export type { QueueOptions } from './pgboss.js';
export { redactUrl, resolveQueueUrl } from './url.js';

/** Open the queue at a postgres:// URL (creating its tables on first use). */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<JobQueue> {
  const { PgBossQueue } = await import('./pgboss.js');
  return PgBossQueue.open(url, options);
}
