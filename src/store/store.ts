import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { countWords } from '../doc/doc.js';
import type { Analysis, Article, ArticleSummary, Page, SaveStatus } from '../contract/index.js';
import { DeadlinePlugin, installDeadline } from './deadline.js';
import { claimMade, migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB = 'claimtrail.db';

/** The store path from an option, else CLAIMTRAIL_DB, else ./claimtrail.db. */
export function resolveDbPath(option?: string): string {
  return option ?? process.env.CLAIMTRAIL_DB ?? DEFAULT_DB;
}

/**
 * The database cannot be written at all (disk full, read-only, I/O error, corrupt file): no later
 * article can be stored either, so a run stops at the first one and says why, once.
 */
export class StoreUnwritableError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    cause: Error,
  ) {
    const known = unwritableKind(code);
    super(`${path}: cannot write the database: ${known ? UNWRITABLE[known] : code} (${cause.message})`, { cause });
    this.name = 'StoreUnwritableError';
  }
}

/** Another writer held the database for longer than a writer waits. */
export class StoreBusyError extends Error {
  constructor(
    readonly path: string,
    waitedMs: number,
  ) {
    super(`${path}: the database stayed locked by another writer for ${(waitedMs / 1000).toFixed(0)} s; try again when it is done`);
    this.name = 'StoreBusyError';
  }
}

const UNWRITABLE: Record<string, string> = {
  SQLITE_FULL: 'the disk (or the database size limit) is full',
  SQLITE_READONLY: 'it is read-only',
  SQLITE_IOERR: 'an I/O error',
  SQLITE_CORRUPT: 'the file is corrupt',
  SQLITE_NOTADB: 'the file is not a claimtrail database',
  SQLITE_CANTOPEN: 'the file cannot be opened',
  SQLITE_PERM: 'permission denied',
};

/** The SQLite error code of a driver error (better-sqlite3's SqliteError), if any. */
export function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** The primary code (SQLITE_IOERR for SQLITE_IOERR_WRITE) when it means the database cannot be written at all. */
function unwritableKind(code: string | null): string | null {
  return (code !== null && Object.keys(UNWRITABLE).find((k) => code === k || code.startsWith(`${k}_`))) || null;
}

/** Whether a driver error code means the database cannot be written at all (see StoreUnwritableError). */
export function isUnwritable(code: string | null): boolean {
  return unwritableKind(code) !== null;
}

/** Whether a driver error means another connection holds the lock: wait and try again. */
function isBusy(code: string | null): boolean {
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_BUSY_') === true;
}

/** How long a writer waits, in all, for another writer's lock before giving up. */
export const WRITE_WAIT_MS = 120_000;
/** SQLite's own wait for a lock on each attempt (it blocks the calling thread). */
const BUSY_TIMEOUT_MS = 5000;

export type { ArticleSummary, Page, SaveStatus };

export interface ListArticlesOptions {
  limit?: number;
  cursor?: string | null;
  /** Full-text query over titles and texts (FTS5 syntax; plain words are ANDed). */
  q?: string;
}

/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit. */
const CHUNK = 400;

/**
 * The claim ledger on disk: embedded SQLite through Kysely, so queries are typed and a
 * PostgreSQL dialect can replace SQLite without rewriting them. Each article and all its layers
 * are written in one transaction: a process killed mid-run leaves whole articles or none.
 */
export class Store {
  readonly db: Kysely<Database>;
  /**
   * The connection under Kysely, for bulk work that needs prepared statements (the analysis
   * refresh). Use it only while holding Kysely's connection (`db.connection().execute(…)`), so it
   * never runs inside another caller's transaction.
   */
  readonly sqlite: SQLite.Database;
  readonly path: string;
  readonly pipelineVersion: string;

  private constructor(db: Kysely<Database>, sqlite: SQLite.Database, path: string, pipelineVersion: string) {
    this.db = db;
    this.sqlite = sqlite;
    this.path = path;
    this.pipelineVersion = pipelineVersion;
  }

  /**
   * Open (creating if needed) the database at `path` and bring its schema up to date. With
   * `boundedReads` (the server), every SELECT stops when the current request's time budget is
   * spent or its client has gone (deadline.ts).
   */
  static async open(path: string, pipelineVersion = 'claimtrail', options: { boundedReads?: boolean } = {}): Promise<Store> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let sqlite: SQLite.Database;
    try {
      sqlite = new SQLite(path);
      sqlite.pragma('journal_mode = WAL');
    } catch (e) {
      throw new Error(`${path}: cannot open the database (${(e as Error).message})`);
    }
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    installDeadline(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: options.boundedReads ? [new DeadlinePlugin()] : [] });
    const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (error) {
      await db.destroy();
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`${path}: database migration ${failed ?? ''} failed (${(error as Error).message ?? String(error)})`);
    }
    return new Store(db, sqlite, path, pipelineVersion);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async has(id: string): Promise<boolean> {
    return (await this.db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** The version of the pipeline that analysed a stored article, or null when it is not stored. */
  async storedPipeline(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('layers').select('pipeline').where('article_id', '=', id).executeTakeFirst();
    return row?.pipeline ?? null;
  }

  /**
   * Run `fn` as one write transaction that holds the write lock from its start (SQLite's BEGIN
   * IMMEDIATE; PostgreSQL would take an advisory lock), so it never fails half-way for a lock:
   * it waits for other writers — SQLite's busy timeout, then retries — up to WRITE_WAIT_MS.
   * A database that cannot be written (disk full, read-only) throws StoreUnwritableError with
   * the real cause, not the failed rollback after it.
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
   * Run a write step, waiting for other writers' locks (retried with backoff up to WRITE_WAIT_MS)
   * and turning a database that cannot be written into StoreUnwritableError.
   */
  async whenUnlocked<T>(step: () => Promise<T> | T): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await step();
      } catch (e) {
        const code = sqliteCode(e);
        if (isUnwritable(code)) throw new StoreUnwritableError(this.path, code!, e as Error);
        if (!isBusy(code)) throw e;
        const waited = Date.now() - started;
        if (waited >= WRITE_WAIT_MS) throw new StoreBusyError(this.path, waited);
        await sleep(Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  }

  /**
   * Write an article and its layers in one transaction. An article already stored (same cleaned
   * text, same id) is left alone unless `replace` is set or another pipeline version analysed
   * it; then its layers are re-written.
   */
  async save(analysis: Analysis, options: { replace?: boolean } = {}): Promise<SaveStatus> {
    return this.writeTransaction(async (trx) => {
      const existing = await trx
        .selectFrom('articles')
        .leftJoin('layers', 'layers.article_id', 'articles.id')
        .select(['articles.seq', 'articles.title', 'articles.text', 'layers.pipeline'])
        .where('articles.id', '=', analysis.article.id)
        .executeTakeFirst();
      if (existing && !options.replace && existing.pipeline === this.pipelineVersion) return 'duplicate';
      if (existing) {
        await deleteLayers(trx, analysis.article.id);
        await sql`insert into articles_fts(articles_fts, rowid, title, text) values ('delete', ${existing.seq}, ${existing.title}, ${existing.text})`.execute(trx);
        await trx.deleteFrom('articles').where('id', '=', analysis.article.id).execute();
      }
      await insertAnalysis(trx, analysis, this.pipelineVersion);
      return existing ? 'replaced' : 'new';
    });
  }

  /** The stored analysis of an article, by id, unique id prefix, or ref. */
  async getAnalysis(key: string): Promise<Analysis | null> {
    const id = await this.resolveArticleId(key);
    return id ? ((await this.getAnalyses([id]))[0] ?? null) : null;
  }

  /** The stored analyses of these articles (full ids), in one query; unknown ids are left out. */
  async getAnalyses(ids: readonly string[]): Promise<Analysis[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom('articles')
      .innerJoin('layers', 'layers.article_id', 'articles.id')
      .select(['articles.id', 'ref', 'title', 'published', 'source', 'url', 'language', 'text', 'json'])
      .where('articles.id', 'in', ids)
      .execute();
    return rows.map(({ json, ...article }) => ({ article: article as Article, ...(JSON.parse(json) as Omit<Analysis, 'article'>) }));
  }

  /**
   * An article id from a full id, a unique prefix of one (at least 4 characters), or a ref; null
   * when none matches. A ref or prefix that several articles share throws AmbiguousArticleError.
   */
  async resolveArticleId(key: string): Promise<string | null> {
    const exact = await this.db.selectFrom('articles').select('id').where((eb) => eb.or([eb('id', '=', key), eb('ref', '=', key)])).execute();
    if (exact.length === 1) return exact[0]!.id;
    if (exact.length > 1) {
      const byId = exact.find((r) => r.id === key);
      if (byId) return byId.id;
      throw new AmbiguousArticleError(key, exact.length);
    }
    if (key.length < 4 || !/^[0-9a-f]+$/.test(key)) return null;
    const prefixed = await this.db.selectFrom('articles').select('id').where('id', '>=', key).where('id', '<', `${key}g`).limit(2).execute();
    if (prefixed.length > 1) throw new AmbiguousArticleError(key, null);
    return prefixed.length === 1 ? prefixed[0]!.id : null;
  }

  /**
   * Articles, most recently published first (undated ones last; the one stored later first on a
   * tie), optionally matching a full-text query, each with its near-duplicate group when it has
   * copies (set by the cross-article analysis).
   */
  async listArticles(options: ListArticlesOptions = {}): Promise<Page<ArticleSummary>> {
    const limit = clampLimit(options.limit);
    const group = sql<string | null>`(select d.dup_group from doc_signatures d where d.article_id = articles.id and exists (select 1 from doc_signatures e where e.dup_group = d.dup_group and e.article_id <> d.article_id))`;
    // '' sorts undated articles after every date when the order is descending.
    const day = sql<string>`coalesce(published, '')`;
    let query = this.db
      .selectFrom('articles')
      .select(['seq', 'id', 'ref', 'title', 'published', 'source', 'url', 'words', 'added_at', group.as('duplicate_group')])
      .orderBy(day, 'desc')
      .orderBy('seq', 'desc')
      .limit(limit + 1);
    const after = decodeDateSeqCursor(options.cursor);
    if (after) query = query.where((eb) => eb.or([eb(day, '<', after.date), eb.and([eb(day, '=', after.date), eb('seq', '<', after.seq)])]));
    if (options.q?.trim()) {
      const match = ftsQuery(options.q);
      query = query.where('seq', 'in', sql<number>`(select rowid from articles_fts where articles_fts match ${match})`);
    }
    const rows = await query.execute();
    const items = rows.slice(0, limit).map(({ seq: _seq, added_at, duplicate_group, ...r }) => ({ ...r, added: added_at, duplicateGroup: duplicate_group }));
    const last = rows[limit - 1];
    return { items, next: rows.length > limit && last ? encodeDateSeqCursor(last.published ?? '', last.seq) : null };
  }

  async countArticles(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

async function deleteLayers(trx: Kysely<Database>, articleId: string): Promise<void> {
  const claimSeqs = await trx.selectFrom('claims').select('seq').where('article_id', '=', articleId).execute();
  for (const { seq } of claimSeqs) await sql`delete from claims_fts where rowid = ${seq}`.execute(trx);
  for (const table of ['mentions', 'claims', 'events', 'layers'] as const) await trx.deleteFrom(table).where('article_id', '=', articleId).execute();
}

async function insertAnalysis(trx: Kysely<Database>, analysis: Analysis, pipeline: string): Promise<void> {
  const { article, entities, times, quantities, claims, events } = analysis;
  const layers = { entities, times, quantities, claims, events };
  const inserted = await trx
    .insertInto('articles')
    .values({
      id: article.id,
      ref: article.ref,
      title: article.title,
      published: article.published,
      source: article.source,
      url: article.url,
      language: article.language,
      text: article.text,
      words: countWords(article.text),
      added_at: new Date().toISOString(),
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await trx.insertInto('articles_fts').values({ rowid: inserted.seq, title: article.title, text: article.text }).execute();
  await trx.insertInto('layers').values({ article_id: article.id, json: JSON.stringify(layers), pipeline }).execute();

  if (entities.length) {
    await insertChunks(
      entities.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        subtype: e.subtype,
        kb: e.kb,
        country: e.country ?? null,
        lat: e.coords?.[0] ?? null,
        lon: e.coords?.[1] ?? null,
      })),
      (rows) => trx.insertInto('entities').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute(),
    );
    await insertChunks(
      entities.flatMap((e) => e.mentions.map((m) => ({ article_id: article.id, entity_id: e.id, start: m.start, end: m.end, text: m.text, label: m.label ?? null }))),
      (rows) => trx.insertInto('mentions').values(rows).execute(),
    );
  }
  if (claims.length) {
    const name = new Map(entities.map((e) => [e.id, e.name]));
    const byId = new Map(claims.map((c) => [c.id, c]));
    await insertChunks(claims, async (chunk) => {
      const rows = await trx
        .insertInto('claims')
        .values(
          chunk.map((c) => ({
            article_id: article.id,
            claim_id: c.id,
            speaker_entity: c.speaker?.entity ?? null,
            speaker_text: c.speaker?.text ?? null,
            cue_lemma: c.cue?.lemma ?? null,
            cue_text: c.cue?.text ?? null,
            content: c.content.text,
            content_start: c.content.start,
            content_end: c.content.end,
            kind: c.kind,
            stance: c.stance,
            negated: c.negated ? 1 : 0,
            said: c.said,
            made: claimMade(c.said, article.published),
            via_entity: c.via?.entity ?? null,
            via_text: c.via?.text ?? null,
            rule: c.explain?.rule ?? null,
          })),
        )
        .returning(['seq', 'claim_id'])
        .execute();
      // Each claim is indexed for search under its speaker's canonical name.
      await trx
        .insertInto('claims_fts')
        .values(
          rows.map(({ seq, claim_id }) => {
            const c = byId.get(claim_id)!;
            return { rowid: seq, speaker: (c.speaker?.entity && name.get(c.speaker.entity)) ?? c.speaker?.text ?? '', content: c.content.text };
          }),
        )
        .execute();
    });
  }
  if (events.length) {
    await insertChunks(
      events.map((e) => ({
        article_id: article.id,
        event_id: e.id,
        type: e.type,
        trigger: e.trigger.text,
        trigger_start: e.trigger.start,
        actor: e.actor,
        target: e.target,
        place: e.place,
        time: e.time,
        quantity: e.quantity,
        status: e.status,
        claims: JSON.stringify(e.claims),
        rule: e.explain?.rule ?? null,
      })),
      (rows) => trx.insertInto('events').values(rows).execute(),
    );
  }
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export function clampLimit(limit: number | undefined, max = 500): number {
  if (limit === undefined || !Number.isFinite(limit)) return 50;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

/** A key that names more than one stored article: the caller should give the article id. */
export class AmbiguousArticleError extends Error {
  constructor(
    readonly key: string,
    /** How many match, when counted. */
    count: number | null,
  ) {
    super(`"${key}" is ambiguous: ${count ?? 'several'} articles match it (give the article id; see claimtrail articles)`);
    this.name = 'AmbiguousArticleError';
  }
}

export function encodeCursor(seq: number): string {
  return Buffer.from(String(seq)).toString('base64url');
}

/** A cursor after a row of a list ordered by a date text, then seq. */
export function encodeDateSeqCursor(date: string, seq: number): string {
  return Buffer.from(JSON.stringify([date, seq])).toString('base64url');
}

export function decodeDateSeqCursor(cursor: string | null | undefined): { date: string; seq: number } | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    value = null;
  }
  if (!Array.isArray(value) || typeof value[0] !== 'string' || !Number.isInteger(value[1])) throw new Error(`invalid cursor "${cursor}"`);
  return { date: value[0], seq: value[1] as number };
}

/** A cursor from a previous page; anything that is not one is an error naming it. */
export function decodeCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const n = Number(Buffer.from(cursor, 'base64url').toString());
  if (!Number.isInteger(n) || n < 0) throw new Error(`invalid cursor "${cursor}"`);
  return n;
}

/** Turn user words into an FTS5 query: each word quoted (no syntax errors), all required. */
export function ftsQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ') || '""';
}
