import pg from 'pg';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { CancelledError, UnavailableError } from '../../errors.js';
import { currentBudget } from '../budget.js';
import { isUnreachable, pgCode, QUERY_CANCELED } from './driver-errors.js';

/** Connections per store (per process or writer thread): a server's reads run this many at once. */
const POOL_SIZE = 8;
/** How often a running bounded query looks whether its client has gone. */
const CANCEL_POLL_MS = 20;

/** bigint (count(*), sum) and numeric as JS numbers, as SQLite gives them: every one the store reads fits. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The pg Pool as Kysely sees it. Connection failures become UnavailableError naming the URL
 * without its password. With `bounded`, each query run for a request (budget.ts) carries that
 * request's remaining time as statement_timeout, and is cancelled (pg_cancel_backend) when the
 * client goes away; either ends as CancelledError.
 */
export class StorePool implements PostgresPool {
  readonly pg: pg.Pool;
  private readonly clients = new WeakMap<pg.PoolClient, StoreClient>();

  constructor(
    url: string,
    private readonly shown: string,
    private readonly bounded: boolean,
  ) {
    this.pg = new pg.Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 10_000, types });
    // An idle connection the server drops (a restart) must not crash the process: the pool replaces it.
    this.pg.on('error', () => {});
  }

  async connect(): Promise<StoreClient> {
    let client: pg.PoolClient;
    try {
      client = await this.pg.connect();
    } catch (e) {
      throw unavailable(this.shown, e);
    }
    let wrapped = this.clients.get(client);
    if (!wrapped) this.clients.set(client, (wrapped = new StoreClient(client, this)));
    return wrapped;
  }

  end(): Promise<void> {
    return this.pg.end();
  }

  /** Whether queries are bounded by the request's budget. */
  get boundsReads(): boolean {
    return this.bounded;
  }

  /** Stop the statement a backend runs (from another connection of the pool). */
  async cancel(pid: number): Promise<void> {
    await this.pg.query('select pg_cancel_backend($1)', [pid]).catch(() => {});
  }

  /** Turn a driver error that says the server is out of reach into UnavailableError. */
  unreachable(e: unknown): unknown {
    return isUnreachable(e) ? unavailable(this.shown, e) : e;
  }
}

export function unavailable(shown: string, e: unknown): UnavailableError {
  return new UnavailableError(`${shown}: cannot connect to PostgreSQL (${(e as Error).message || pgCode(e) || String(e)})`, { cause: e });
}

class StoreClient implements PostgresPoolClient {
  /** The backend's process id, read the first time a query of it may need cancelling. */
  private pid: number | null = null;
  /** Whether a statement_timeout is set on this connection (a bounded query ran last). */
  private timed = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly pool: StorePool,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return this.client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    return this.run<R>(sqlOrCursor, parameters ?? []);
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }

  private async run<R>(text: string, values: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const budget = this.pool.boundsReads ? currentBudget() : undefined;
    try {
      if (!budget) {
        if (this.timed) {
          await this.client.query('set statement_timeout = 0');
          this.timed = false;
        }
        return (await this.client.query(text, values as unknown[])) as unknown as PostgresQueryResult<R>;
      }
      const left = Math.ceil(budget.deadline - performance.now());
      if (budget.cancelled || left <= 0) throw new CancelledError(budget.cancelled ? 'disconnected' : 'timeout', budget.ms);
      this.pid ??= Number((await this.client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid);
      await this.client.query(`set statement_timeout = ${left}`);
      this.timed = true;
      const pid = this.pid;
      let cancelling = false;
      const watch = setInterval(() => {
        if (budget.cancelled && !cancelling) {
          cancelling = true;
          void this.pool.cancel(pid);
        }
      }, CANCEL_POLL_MS);
      try {
        return (await this.client.query(text, values as unknown[])) as unknown as PostgresQueryResult<R>;
      } catch (e) {
        if (pgCode(e) === QUERY_CANCELED) throw new CancelledError(budget.cancelled ? 'disconnected' : 'timeout', budget.ms);
        throw e;
      } finally {
        clearInterval(watch);
      }
    } catch (e) {
      throw this.pool.unreachable(e);
    }
  }
}
