import type { Command } from 'commander';
import { JOB_STATES, type JobState } from '../../contract/values.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { resolveDbPath } from '../../store/index.js';
import { clip } from '../digest.js';
import { err, out, positiveNumber, UsageError } from '../shared.js';

interface JobsFlags {
  db?: string;
  queue?: string;
}

function state(value: string): JobState {
  if (!(JOB_STATES as readonly string[]).includes(value)) throw new UsageError(`--state must be one of ${JOB_STATES.join(', ')}, got "${value}"`);
  return value as JobState;
}

async function withQueue<T>(flags: JobsFlags, use: (queue: import('../../queue/index.js').JobQueue) => Promise<T>): Promise<T> {
  const { openQueue, resolveQueueUrl } = await import('../../queue/index.js');
  const url = resolveQueueUrl(flags.queue, resolveDbPath(flags.db));
  if (!url) throw new UsageError('no job queue: give --queue postgres://… or set CLAIMTRAIL_QUEUE (or use a PostgreSQL database with --db)');
  const queue = await openQueue(url, { connections: 1 });
  try {
    return await use(queue);
  } finally {
    await queue.close();
  }
}

export function registerJobs(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('list the jobs of the job queue, newest first: id, state, attempts, input, error or articles stored')
    .option('--db <path>', 'database file or postgres:// URL (its queue is the default when it is on PostgreSQL)')
    .option('--queue <url>', 'the job queue, a postgres:// URL (default: $CLAIMTRAIL_QUEUE)')
    .option('--state <state>', `only jobs in this state: ${JOB_STATES.join(', ')}`, state)
    .option('--limit <n>', 'how many', positiveNumber('--limit'), 50)
    .option('--json', 'one JSON object per line')
    .action(async (flags: JobsFlags & { state?: JobState; limit: number; json?: boolean }) => {
      await withQueue(flags, async (queue) => {
        const list = await queue.list({ state: flags.state, limit: flags.limit });
        for (const j of list) {
          if (flags.json) {
            out(JSON.stringify(j));
            continue;
          }
          const what = j.state === 'done' ? `→ ${j.articles.map((a) => a.id).join(' ') || 'nothing new'}` : j.error ? `error: ${clip(j.error, 160)}` : '';
          out(`${j.id}  ${j.state.padEnd(7)} ${j.attempts}/${j.maxAttempts}  ${clip(j.input, 60)}  ${what}`.trimEnd());
        }
        if (!flags.json) err(`${list.length} ${flags.state ?? ''}${flags.state ? ' ' : ''}jobs in ${queue.location}`);
      });
    });

  jobs
    .command('retry')
    .description('queue a failed job again, with one more attempt')
    .argument('<id>', 'the job id (claimtrail jobs --state failed)')
    .option('--db <path>', 'database file or postgres:// URL (its queue is the default when it is on PostgreSQL)')
    .option('--queue <url>', 'the job queue, a postgres:// URL (default: $CLAIMTRAIL_QUEUE)')
    .action(async (id: string, flags: JobsFlags) => {
      await withQueue(flags, async (queue) => {
        const job = await queue.get(id);
        if (!job) throw new NotFoundError(`no job ${id} in ${queue.location}`);
        if (job.state !== 'failed') throw new UsageError(`job ${id} is ${job.state}, not failed: only failed jobs are retried`);
        if (!(await queue.retry(id))) throw new ConflictError(`job ${id} failed too long ago to be retried (it is archived): queue its input again`);
        err(`job ${id} (${job.input}) queued again`);
      });
    });
}
