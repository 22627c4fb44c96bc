import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0015: the near-duplicate bands of recently refreshed articles go to a small table,
 * `doc_bands_recent`, and move into `doc_bands` a slice of the band range at a time, sorted. A band
 * is a random 32-bit key: inserted straight into a large `doc_bands_band` index, each of an
 * article's 32 bands dirtied its own page, so a refresh of 1,000 articles into a store of 100,000
 * wrote 29,000 pages of that index to the log against 11,000 at 10,000 (docs/quality.md).
 */
export const recentBands: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('doc_bands_recent')
      .addColumn('band', 'integer', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .execute();
    await db.schema.createIndex('doc_bands_recent_band').on('doc_bands_recent').column('band').execute();
    await db.schema.createIndex('doc_bands_recent_article').on('doc_bands_recent').column('article_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await sql`insert into doc_bands (band, article_id) select band, article_id from doc_bands_recent order by band, rowid`.execute(db);
    await db.schema.dropTable('doc_bands_recent').execute();
  },
};
