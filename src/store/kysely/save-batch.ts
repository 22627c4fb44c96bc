import { sql, type Kysely } from 'kysely';
import type { Analysis, SaveStatus } from '../../contract/index.js';
import { ClaimtrailError } from '../../errors.js';
import type { SaveResult } from '../article-store.js';

/** What saveBatch needs of a store. */
export interface BatchWriter<DB> {
  /** One write transaction (the store's writeTransaction). */
  transaction<R>(fn: (trx: Kysely<DB>) => Promise<R>): Promise<R>;
  /**
   * Save the batch's i-th analysis inside it. `alone` when it is saved under a savepoint of its own (the second try):
   * whatever it writes must be written before this returns, so that its failure is its own.
   */
  write(trx: Kysely<DB>, analysis: Analysis, i: number, alone: boolean): Promise<SaveStatus>;
  /** Called last inside the transaction, once every article is written or failed: rows the written articles share (PostgreSQL: SharedRows). */
  finish?(trx: Kysely<DB>): Promise<void>;
  /** An error, met inside the transaction, that fails the whole batch, not one article (the database cannot be written). */
  fatal(e: unknown): boolean;
}

/**
 * Save analyses in one transaction, each article whole or not at all, and one that fails alone.
 * First all at once, with no savepoint: on SQLite a savepoint per article cost a third of the
 * store's time (the full-text index flushes its pending terms at each, and every page an article
 * changes is first copied to the statement journal; docs/quality.md), and on PostgreSQL two round
 * trips each. If an article fails, the transaction rolls back and the batch is saved again, each
 * article under a savepoint of its own, so the others are stored and it alone fails.
 */
export async function saveBatch<DB>(analyses: readonly Analysis[], w: BatchWriter<DB>): Promise<SaveResult[]> {
  try {
    return await w.transaction(async (trx) => {
      const results: SaveResult[] = [];
      for (const [i, analysis] of analyses.entries()) results.push({ ok: true, status: await w.write(trx, analysis, i, false) });
      await w.finish?.(trx);
      return results;
    });
  } catch (e) {
    // The store's own errors (busy, cannot be written) are the batch's, not an article's.
    if (e instanceof ClaimtrailError) throw e;
  }
  return w.transaction(async (trx) => {
    const results: SaveResult[] = [];
    for (const [i, analysis] of analyses.entries()) {
      // A failed statement aborts the whole transaction in PostgreSQL unless rolled back to a savepoint.
      await sql`savepoint article`.execute(trx);
      try {
        results.push({ ok: true, status: await w.write(trx, analysis, i, true) });
        await sql`release savepoint article`.execute(trx);
      } catch (e) {
        if (w.fatal(e)) throw e;
        await sql`rollback to savepoint article`.execute(trx);
        await sql`release savepoint article`.execute(trx);
        results.push({ ok: false, error: e as Error });
      }
    }
    await w.finish?.(trx);
    return results;
  });
}
