import type { JobStatus } from './api.js';
import { plural } from './format.js';

/** A job is followed until it is done or failed. */
export const isFinished = (job: JobStatus) => job.state === 'done' || job.state === 'failed';

/**
 * Poll a queued job's status until it is done or failed, reporting each answer; resolves to the
 * last. Waits `intervalMs` between polls (longer while the job waits for a retry); stops when
 * `signal` aborts (leaving the page).
 */
export async function followJob(
  poll: (signal?: AbortSignal) => Promise<JobStatus>,
  onUpdate: (job: JobStatus) => void,
  options: { intervalMs: number; signal?: AbortSignal },
): Promise<JobStatus | null> {
  for (;;) {
    if (options.signal?.aborted) return null;
    const job = await poll(options.signal);
    onUpdate(job);
    if (isFinished(job)) return job;
    if (options.signal?.aborted) return null;
    const wait = job.state === 'waiting' && job.error ? options.intervalMs * 4 : options.intervalMs;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, wait);
      options.signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}

/** One line on where a job stands. */
export function jobLine(job: JobStatus): string {
  const attempt = job.attempts > 1 ? ` (attempt ${job.attempts} of ${job.maxAttempts})` : '';
  switch (job.state) {
    case 'waiting':
      return job.error ? `Waiting to be tried again${attempt}: ${job.error}` : 'Queued: waiting for a worker…';
    case 'active':
      return `A worker is analysing it${attempt}…`;
    case 'failed':
      return `Failed after ${plural(job.attempts, 'attempt')}: ${job.error ?? 'no reason given'}`;
    case 'done':
      return `Done: ${plural(job.articles.length, 'article')} stored${attempt}`;
  }
}
