import { Kysely, PostgresDialect, sql } from 'kysely';
import { StoreBusyError, StoreUnwritableError, UnavailableError } from '../../errors.js';
import type { OpenOptions, Store } from '../store.js';
import { feedsOf, type KyselyFeeds } from '../kysely/feeds.js';
import { PostgresAnalysis } from './analysis/index.js';
import { PostgresArticles } from './articles.js';
import { PostgresCorpus } from './corpus.js';
import { LOCK_NOT_AVAILABLE, pgCode, unwritableReason } from './driver-errors.js';
import { migrate } from './migrations/index.js';
import { StorePool } from './pool.js';
import type { Database } from './schema.js';
import { redactUrl } from './url.js';

/** How long a writer waits for another writer's lock before giving up (as the PostgreSQL store). */
const WRITE_WAIT_MS = 120_000;
/**
 * The advisory lock class of writes; the second key is the schema's, so stores in different
 * schemas of one database do not wait for each other.
 */
const WRITE_LOCK = 0x6374_7772;
/** The seed of an article's own lock key (hashtextextended of the schema and the article's id). */
const ARTICLE_LOCK = 0x6374_6172;

/**
 * The store in a PostgreSQL database (the schema the URL's search_path names, else public),
 * queried through Kysely over a pg Pool. Every table, index, migration and query of it lives in
 * this folder. Writes take the store's advisory write lock: saves of articles share it, so many
 * workers save at once (each article under a lock of its own, so no two save one article at
 * once), and every other write — a refresh step, a feed's state — holds it alone, so refresh steps
 * of every process and machine serialise with each other and with saves.
 */
export class PostgresStore implements Store {
  readonly articles: PostgresArticles;
  readonly corpus: PostgresCorpus;
  readonly analysis: PostgresAnalysis;
  readonly feeds: KyselyFeeds;

  private constructor(
    readonly db: Kysely<Database>,
    /** The URL without its password. */
    readonly path: string,
    readonly location: string,
    readonly pipelineVersion: string,
  ) {
    this.articles = new PostgresArticles(this);
    this.corpus = new PostgresCorpus(db);
    this.analysis = new PostgresAnalysis(this);
    this.feeds = feedsOf(this);
  }

  /**
   * Connect to the database at `url` and bring its schema up to date. With `boundedReads` (the
   * server), every query run for a request stops when its budget is spent or its client has gone.
   * A server out of reach, a refused login or a missing database is UnavailableError naming the
   * URL without its password.
   */
  static async open(url: string, pipelineVersion = 'claimtrail', options: OpenOptions = {}): Promise<PostgresStore> {
    const shown = redactUrl(url);
    const pool = new StorePool(url, shown, options.boundedReads === true);
    try {
      const client = await pool.pg.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    } catch (e) {
      await pool.end();
      const unreachable = pool.unreachable(e);
      throw unreachable !== e ? unreachable : new UnavailableError(`${shown}: cannot open the store (${(e as Error).message})`, { cause: e });
    }
    return new PostgresStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), shown, url, pipelineVersion);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** The counter every write transaction bumps: it moves whenever any process commits a write. */
  async dataVersion(): Promise<string> {
    const row = await this.db.selectFrom('data_version').select('n').where('id', '=', 1).executeTakeFirstOrThrow();
    return String(row.n);
  }

  /**
   * Run `fn` as one write transaction holding the store's write lock from its start (an advisory
   * transaction lock, waited for up to WRITE_WAIT_MS, then StoreBusyError), and bump the data
   * version at its end. With `articles` (a save of these article ids) the lock is shared with other
   * saves and each article's own lock is held alone; without, the store's lock is held alone. A
   * database that cannot be written (disk full, read-only, no privilege) throws
   * StoreUnwritableError with the real cause.
   */
  async writeTransaction<T>(fn: (db: Kysely<Database>) => Promise<T>, options: { articles?: readonly string[] } = {}): Promise<T> {
    const started = Date.now();
    try {
      return await this.db.transaction().execute(async (trx) => {
        // lock_timeout bounds this wait, and any other lock wait of the transaction, to WRITE_WAIT_MS.
        await sql`select set_config('lock_timeout', ${`${WRITE_WAIT_MS}ms`}, true)`.execute(trx);
        if (options.articles) {
          await sql`select pg_advisory_xact_lock_shared(${WRITE_LOCK}, hashtext(current_schema()))`.execute(trx);
          // Taken in key order, so two saves of overlapping batches never wait for each other in a circle.
          await sql`
            select pg_advisory_xact_lock(k) from (
              select distinct hashtextextended(current_schema() || '/' || id, ${ARTICLE_LOCK}) as k from unnest(${[...options.articles]}::text[]) as id
            ) as keys order by k`.execute(trx);
        } else {
          await sql`select pg_advisory_xact_lock(${WRITE_LOCK}, hashtext(current_schema()))`.execute(trx);
        }
        const result = await fn(trx);
        // Last, so concurrent saves wait for each other on this row only while they commit; readers
        // see the new version with the data it stands for (the same commit).
        await trx.updateTable('data_version').set((eb) => ({ n: eb('n', '+', 1) })).where('id', '=', 1).execute();
        return result;
      });
    } catch (e) {
      const code = pgCode(e);
      if (code === LOCK_NOT_AVAILABLE) throw new StoreBusyError(this.path, Date.now() - started);
      const unwritable = unwritableReason(code);
      if (unwritable) throw new StoreUnwritableError(this.path, code!, unwritable, e as Error);
      throw e;
    }
  }
}
