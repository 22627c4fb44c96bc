import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteAdapter, SqliteDialect, sql, type DialectAdapter } from 'kysely';
import { StoreBusyError, StoreUnwritableError, UnavailableError } from '../../errors.js';
import type { OpenOptions, Store } from '../store.js';
import { SqliteAnalysis } from './analysis/index.js';
import { SqliteArticles } from './articles.js';
import { SqliteCorpus } from './corpus.js';
import { feedsOf, type KyselyFeeds } from '../kysely/feeds.js';
import { DeadlinePlugin, installDeadline } from './deadline.js';
import { isBusy, sqliteCode, unwritableReason } from './driver-errors.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

/** How long a writer waits, in all, for another writer's lock before giving up. */
const WRITE_WAIT_MS = 120_000;
/** SQLite's own wait for a lock on each attempt (it blocks the calling thread). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The store in an embedded SQLite database (WAL mode), queried through Kysely. Every table,
 * index, full-text index, migration and query of it lives in this folder.
 */
export class SqliteStore implements Store {
  readonly articles: SqliteArticles;
  readonly corpus: SqliteCorpus;
  readonly analysis: SqliteAnalysis;
  readonly feeds: KyselyFeeds;
  readonly location: string;

  private constructor(
    readonly db: Kysely<Database>,
    /**
     * The connection under Kysely, for the prepared statements of the analysis refresh: used
     * only while Kysely's connection is held (`db.connection().execute(…)`), so never inside
     * another caller's transaction.
     */
    readonly sqlite: SQLite.Database,
    readonly path: string,
    readonly pipelineVersion: string,
  ) {
    this.location = path;
    this.articles = new SqliteArticles(this);
    this.corpus = new SqliteCorpus(db);
    this.analysis = new SqliteAnalysis(this);
    this.feeds = feedsOf(this);
  }

  /**
   * Open (creating if needed) the database at `path` and bring its schema up to date. With
   * `boundedReads` (the server), every SELECT stops when the current request's time budget is
   * spent or its client has gone (deadline.ts).
   */
  static async open(path: string, pipelineVersion = 'claimtrail', options: OpenOptions = {}): Promise<SqliteStore> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = await openWal(path);
    sqlite.pragma('synchronous = NORMAL');
    // Checkpoint the write-ahead log every 10,000 pages (40 MB), not SQLite's 1,000: a page written
    // by many commits is copied back once, not each time (saves and refreshes of 1,000 articles
    // into 10,000- and 100,000-article stores 10-20 % faster, docs/quality.md).
    sqlite.pragma('wal_autocheckpoint = 10000');
    sqlite.pragma('foreign_keys = ON');
    installDeadline(sqlite);
    const db = new Kysely<Database>({ dialect: new StoreDialect({ database: sqlite }), plugins: options.boundedReads ? [new DeadlinePlugin()] : [] });
    const migrator = new Migrator({ db, provider: migrationProvider });
    const started = Date.now();
    for (;;) {
      const { error, results } = await migrator.migrateToLatest();
      if (!error) break;
      // Another process is creating or upgrading the same database: once it is done, nothing is left to do.
      if (isBusy(sqliteCode(error)) && Date.now() - started < WRITE_WAIT_MS) {
        await sleep(50 + 100 * Math.random());
        continue;
      }
      await db.destroy();
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new UnavailableError(`${path}: database migration ${failed ?? ''} failed (${(error as Error).message ?? String(error)})`, { cause: error });
    }
    return new SqliteStore(db, sqlite, path, pipelineVersion);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** SQLite's data_version: it moves when another connection commits (this one's own writes the caller knows). */
  async dataVersion(): Promise<string> {
    return String(this.sqlite.pragma('data_version', { simple: true }));
  }

  /**
   * Run `fn` as one write transaction that holds the write lock from its start (BEGIN
   * IMMEDIATE), so it never fails half-way for a lock: it waits for other writers — SQLite's busy
   * timeout, then retries — up to WRITE_WAIT_MS. A database that cannot be written (disk full,
   * read-only) throws StoreUnwritableError with the real cause, not the failed rollback after it.
   */
  async writeTransaction<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.whenUnlocked(() =>
      this.db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (e) {
          // SQLite has already rolled back after some errors (a full disk): roll back only what is open.
          if (this.sqlite.inTransaction) await sql`rollback`.execute(conn);
          throw e;
        }
      }),
    );
  }

  /**
   * Run a write, waiting for other writers' locks (retried with backoff up to WRITE_WAIT_MS)
   * and turning a database that cannot be written into StoreUnwritableError.
   */
  private async whenUnlocked<T>(write: () => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (e) {
        const code = sqliteCode(e);
        const unwritable = unwritableReason(code);
        if (unwritable) throw new StoreUnwritableError(this.path, code!, unwritable, e as Error);
        if (!isBusy(code)) throw e;
        const waited = Date.now() - started;
        if (waited >= WRITE_WAIT_MS) throw new StoreBusyError(this.path, waited);
        await sleep(Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  }
}

/**
 * Open the database in WAL mode. Two processes opening a new file at once both turn it to WAL,
 * which writes its first page in the old journal mode: the one that finds the other's write lock
 * fails at once (SQLite skips its busy wait there, to avoid deadlock), so it waits and tries again.
 */
async function openWal(path: string): Promise<SQLite.Database> {
  const started = Date.now();
  let sqlite: SQLite.Database | undefined;
  for (;;) {
    try {
      sqlite ??= new SQLite(path, { timeout: BUSY_TIMEOUT_MS });
      sqlite.pragma('journal_mode = WAL');
      return sqlite;
    } catch (e) {
      if (isBusy(sqliteCode(e)) && Date.now() - started < WRITE_WAIT_MS) {
        await sleep(50 + 100 * Math.random());
        continue;
      }
      sqlite?.close();
      throw new UnavailableError(`${path}: cannot open the database (${(e as Error).message})`, { cause: e });
    }
  }
}

/**
 * SQLite runs schema changes inside transactions; Kysely's adapter says it does not, and would run
 * the migrations one statement at a time, where two processes opening a new database at once
 * collide half-way. Told so, the migrator runs them in one transaction: the second process waits,
 * fails cleanly, and finds the work done when it tries again.
 */
class StoreDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl(): boolean {
        return true;
      }
    })();
  }
}
