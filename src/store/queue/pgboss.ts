import pg from 'pg';
import PgBoss from 'pg-boss';
import type { JobStatus } from '../../contract/index.js';
import { UnavailableError } from '../../errors.js';
import { redactUrl } from '../../queue/url.js';
import { OrderedIds } from '../intake.js';
import type { AnalyzeRequest, HeldJob, JobFailure, JobOutcome, JobQueue, JobState } from '../../queue/job.js';

/**
 * The job queue (src/queue/job.ts) on PostgreSQL through pg-boss: here, with the store, because
 * database drivers and SQL live only under src/store.
 */

/** The pg-boss queue the analyze jobs go through. */
export const QUEUE_NAME = 'claimtrail-analyze';
/** The PostgreSQL schema pg-boss keeps its tables in: apart from a store in the same database. */
export const QUEUE_SCHEMA = 'claimtrail_queue';

export interface QueueOptions {
  /** Attempts after the first before a job fails (default 2). */
  retryLimit?: number;
  /** Seconds before the first retry; each later one waits about twice as long (default 10). */
  retryDelaySeconds?: number;
  /**
   * Seconds a job may run in all (default 900): its lease is not renewed past it, so a job that hangs
   * in a live worker is still taken back and retried. It must exceed the longest analysis of the jobs taken at once.
   */
  jobTimeoutSeconds?: number;
  /**
   * Seconds a held job's lease lasts, whole (default 60): this process renews the leases of the jobs it
   * holds until they are done or failed, so a job whose worker died is taken back once its lease lapses.
   */
  leaseSeconds?: number;
  /** How often the leases of held jobs are renewed, in seconds (default a quarter of the lease). */
  renewSeconds?: number;
  /** How often the queue's upkeep runs (taking back lapsed jobs, archiving), in seconds (default 10; pg-boss's minimum is 1). */
  maintenanceSeconds?: number;
  /** Connections this process holds to the queue's database (default 4). */
  connections?: number;
  /** Called with the queue's background errors (a lost connection): logged by the caller, not thrown. */
  onError?: (e: Error) => void;
}

/** pg-boss's states read as the queue's four. */
const STATES: Record<JobState, string[]> = {
  waiting: ['created', 'retry'],
  active: ['active'],
  failed: ['failed', 'cancelled'],
  done: ['completed'],
};

function stateOf(raw: string): JobState {
  if (raw === 'active') return 'active';
  if (raw === 'completed') return 'done';
  if (raw === 'failed' || raw === 'cancelled') return 'failed';
  return 'waiting';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface JobRow {
  id: string;
  state: string;
  input: string | null;
  retry_count: number;
  retry_limit: number;
  started_on: Date | null;
  created_on: Date;
  completed_on: Date | null;
  output: Record<string, unknown> | null;
}

/** A job's columns, with only the name of its input (not the content it carries). */
const COLUMNS = `id, state::text AS state,
  CASE WHEN jsonb_typeof(data->'input') = 'string' THEN data->>'input' ELSE (data->'input'->>'name') || COALESCE(':' || (data->'input'->>'line'), '') END AS input,
  retry_count, retry_limit, started_on, created_on, completed_on, output`;

/**
 * JobQueue.refreshLimit, in one pass over the unfinished jobs: '' while one re-analyses, else the first (job ids are made
 * in the order queued, OrderedIds, and their text sorts as their bytes); null when no job is unfinished.
 */
const REFRESH_LIMIT = `SELECT CASE WHEN bool_or(data->>'replace' = 'true') THEN '' ELSE min(id::text COLLATE "C") END AS bound
  FROM $schema.job WHERE name = $1 AND state < 'completed'`;

/**
 * JobQueue.refreshLimit of the queue at `url` without starting pg-boss, which would create its
 * tables: for a process that only reads the store (null when no queue was ever made there).
 */
export async function refreshLimitAt(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, application_name: 'claimtrail-queue' });
  try {
    await client.connect();
    const made = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${QUEUE_SCHEMA}.job`]);
    if (!made.rows[0]?.t) return null;
    const limit = await client.query<{ bound: string | null }>(REFRESH_LIMIT.replaceAll('$schema', QUEUE_SCHEMA), [QUEUE_NAME]);
    return limit.rows[0]?.bound ?? null;
  } catch (e) {
    throw new UnavailableError(`cannot read the job queue at ${redactUrl(url)}: ${(e as Error).message}`, { cause: e });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Renew the leases of held jobs: pg-boss's upkeep takes back an active job once started_on + expire_in
 * has passed, so expire_in is moved to now + the lease, never past the job time limit ($5). A job is
 * renewed only in the attempt its worker took ($3: its retry count), not once taken back and taken again.
 */
const RENEW = `UPDATE $schema.job j SET expire_in = LEAST(now() - j.started_on + make_interval(secs => $4), make_interval(secs => $5))
  FROM unnest($2::uuid[], $3::int[]) AS held(id, retry_count)
  WHERE j.name = $1 AND j.id = held.id AND j.retry_count = held.retry_count AND j.state = 'active'`;

/** pg-boss's own words for a job it took back: its lease lapsed, or its time limit was reached. */
const TIMED_OUT = /failed by timeout/;

function errorOf(row: JobRow): string | null {
  if (row.state === 'completed' || !row.output) return null;
  const out = row.output as { message?: unknown; value?: { message?: unknown } };
  const message = typeof out.message === 'string' ? out.message : typeof out.value?.message === 'string' ? out.value.message : null;
  if (message && TIMED_OUT.test(message)) return 'its worker stopped renewing it (stopped, or past the job time limit); taken back';
  return message;
}

function statusOf(row: JobRow): JobStatus {
  const outcome = row.state === 'completed' ? (row.output as Partial<JobOutcome> | null) : null;
  const state = stateOf(row.state);
  return {
    id: row.id,
    state,
    input: row.input ?? '(unnamed)',
    attempts: row.started_on ? row.retry_count + 1 : 0,
    maxAttempts: row.retry_limit + 1,
    error: errorOf(row),
    articles: outcome?.articles ?? [],
    created: row.created_on.toISOString(),
    finished: state === 'done' || state === 'failed' ? (row.completed_on?.toISOString() ?? null) : null,
  };
}

/** The analyze queue on PostgreSQL through pg-boss: jobs live in the database, any number of workers on any machines take them. */
export class PgBossQueue implements JobQueue {
  private readonly ids = new OrderedIds();
  /** The jobs this process holds, by id, with the retry count of the attempt it took: their leases are renewed until settled. */
  private readonly held = new Map<string, number>();
  private renewal: NodeJS.Timeout | null = null;
  private renewing = false;

  private constructor(
    private readonly boss: PgBoss,
    readonly location: string,
    private readonly options: Required<Pick<QueueOptions, 'retryLimit' | 'retryDelaySeconds' | 'jobTimeoutSeconds' | 'leaseSeconds' | 'renewSeconds'>> &
      Pick<QueueOptions, 'onError'>,
  ) {}

  /** Connect to the queue at `url`, creating its tables and the analyze queue when they are not there. */
  static async open(url: string, options: QueueOptions = {}): Promise<PgBossQueue> {
    const location = redactUrl(url);
    const boss = new PgBoss({
      connectionString: url,
      schema: QUEUE_SCHEMA,
      max: options.connections ?? 4,
      application_name: 'claimtrail-queue',
      // Often, so that a lapsed lease is noticed soon after it lapses.
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? 10,
      // Failed jobs stay where `jobs retry` can queue them again; done ones move to the archive after a day.
      archiveCompletedAfterSeconds: 24 * 3600,
      archiveFailedAfterSeconds: 30 * 24 * 3600,
      deleteAfterDays: 30,
      schedule: false,
    });
    // Without a listener an error event would end the process; a lost connection is retried by the caller.
    boss.on('error', (e) => options.onError?.(e));
    try {
      await boss.start();
      if (!(await boss.getQueue(QUEUE_NAME))) await boss.createQueue(QUEUE_NAME);
    } catch (e) {
      await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
      throw new UnavailableError(`cannot open the job queue at ${location}: ${(e as Error).message}`, { cause: e });
    }
    const leaseSeconds = options.leaseSeconds ?? 60;
    const queue = new PgBossQueue(boss, location, {
      retryLimit: options.retryLimit ?? 2,
      retryDelaySeconds: options.retryDelaySeconds ?? 10,
      jobTimeoutSeconds: options.jobTimeoutSeconds ?? 900,
      leaseSeconds,
      renewSeconds: options.renewSeconds ?? leaseSeconds / 4,
      onError: options.onError,
    });
    return queue;
  }

  private sql<T>(text: string, values: unknown[]): Promise<T[]> {
    return this.boss.getDb().executeSql(text.replaceAll('$schema', QUEUE_SCHEMA), values).then((r) => r.rows as T[]);
  }

  async enqueue(requests: readonly AnalyzeRequest[]): Promise<string[]> {
    if (!requests.length) return [];
    // Ids made here: one insert for all the jobs, their ids known, and in the order queued (jobs
    // queued together share a creation time; pg-boss then takes them by id).
    const ids = requests.map(() => this.ids.next());
    await this.boss.insert(
      requests.map((data, i) => ({
        id: ids[i],
        name: QUEUE_NAME,
        data,
        retryLimit: this.options.retryLimit,
        retryDelay: this.options.retryDelaySeconds,
        retryBackoff: true,
        // The first lease, until the worker that takes the job renews it.
        expireInSeconds: Math.min(this.options.leaseSeconds, this.options.jobTimeoutSeconds),
      })),
    );
    return ids;
  }

  async get(id: string): Promise<JobStatus | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.sql<JobRow>(
      `SELECT ${COLUMNS} FROM $schema.job WHERE name = $1 AND id = $2 UNION ALL SELECT ${COLUMNS} FROM $schema.archive WHERE name = $1 AND id = $2 LIMIT 1`,
      [QUEUE_NAME, id],
    );
    return rows[0] ? statusOf(rows[0]) : null;
  }

  async list(options: { state?: JobState; limit?: number } = {}): Promise<JobStatus[]> {
    const states = options.state ? STATES[options.state] : null;
    const rows = await this.sql<JobRow>(
      `SELECT * FROM (SELECT ${COLUMNS} FROM $schema.job WHERE name = $1 UNION ALL SELECT ${COLUMNS} FROM $schema.archive WHERE name = $1) j
       WHERE $2::text[] IS NULL OR state = ANY($2::text[]) ORDER BY created_on DESC, id DESC LIMIT $3`,
      [QUEUE_NAME, states, options.limit ?? 100],
    );
    return rows.map(statusOf);
  }

  async retry(id: string): Promise<boolean> {
    if ((await this.get(id))?.state !== 'failed') return false;
    await this.boss.retry(QUEUE_NAME, id);
    return (await this.get(id))?.state === 'waiting';
  }

  async take(max = 1): Promise<HeldJob[]> {
    const jobs = await this.boss.fetch<AnalyzeRequest>(QUEUE_NAME, { batchSize: max, includeMetadata: true });
    if (jobs.length) {
      const taken = new Map(jobs.map((job) => [job.id, job.retryCount]));
      for (const [id, retryCount] of taken) this.held.set(id, retryCount);
      // This worker's lease from now: the job may have been queued with another, or by older code with the whole time limit.
      await this.renew(taken).catch((e: unknown) => this.options.onError?.(e as Error));
      this.renewal ??= setInterval(() => void this.renewHeld(), this.options.renewSeconds * 1000).unref();
    }
    // Ids sort in the order queued (OrderedIds); the fetch does not promise an order.
    return jobs.map((job) => ({ id: job.id, request: job.data, attempt: job.retryCount + 1 })).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private async renew(jobs: ReadonlyMap<string, number>): Promise<void> {
    await this.sql(RENEW, [QUEUE_NAME, [...jobs.keys()], [...jobs.values()], this.options.leaseSeconds, this.options.jobTimeoutSeconds]);
  }

  /** The timer's renewal: one at a time, and a failure (a lost connection) reported, not thrown; the next one tries again. */
  private async renewHeld(): Promise<void> {
    if (this.renewing || !this.held.size) return;
    this.renewing = true;
    try {
      await this.renew(this.held);
    } catch (e) {
      this.options.onError?.(e as Error);
    } finally {
      this.renewing = false;
    }
  }

  /** A settled job is no longer renewed; nor is any while none is held. */
  private release(id: string): void {
    this.held.delete(id);
    if (!this.held.size && this.renewal) {
      clearInterval(this.renewal);
      this.renewal = null;
    }
  }

  async complete(id: string, outcome: JobOutcome): Promise<void> {
    await this.boss.complete(QUEUE_NAME, id, outcome);
    this.release(id);
  }

  async fail(id: string, failure: JobFailure): Promise<void> {
    // No retries left for a failure the same input would repeat.
    if (failure.final) await this.sql(`UPDATE $schema.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`, [QUEUE_NAME, id]);
    await this.boss.fail(QUEUE_NAME, id, { message: failure.message, errors: failure.errors });
    this.release(id);
  }

  async pending(): Promise<number> {
    const [row] = await this.sql<{ n: string }>(`SELECT count(*) AS n FROM $schema.job WHERE name = $1 AND state < 'completed'`, [QUEUE_NAME]);
    return Number(row?.n ?? 0);
  }

  async refreshLimit(): Promise<string | null> {
    const [row] = await this.sql<{ bound: string | null }>(REFRESH_LIMIT, [QUEUE_NAME]);
    return row?.bound ?? null;
  }

  async close(): Promise<void> {
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
    this.held.clear();
    await this.boss.stop({ graceful: false, wait: true });
  }
}
