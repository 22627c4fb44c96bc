import { sql, type Kysely, type Migration } from 'kysely';
import { dateKey } from '../../../doc/dates.js';

/**
 * Migration 0008: the day a claim was made, for the ledger's order: the first day of when it was
 * said (a week or month as its first day, src/doc/dates.ts), else its article's publication day.
 */
export const claimMade: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('claims').addColumn('made', 'text').execute();
    const rows = await sql<{ seq: number; said: string | null; published: string | null }>`select c.seq, c.said, a.published from claims c join articles a on a.id = c.article_id`.execute(db);
    for (const r of rows.rows) {
      const made = claimDay(r.said, r.published);
      if (made) await sql`update claims set made = ${made} where seq = ${r.seq}`.execute(db);
    }
    await db.schema.createIndex('claims_made').on('claims').columns(['made', 'seq']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('claims_made').ifExists().execute();
    await db.schema.alterTable('claims').dropColumn('made').execute();
  },
};

/** The day a claim was made (YYYY-MM-DD): when it was said, else when its article was published. */
export function claimDay(said: string | null, published: string | null): string | null {
  return dateKey(said) ?? dateKey(published);
}
