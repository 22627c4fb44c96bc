import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0024: the articles the refresh has taken, by intake key. The refresh counts those from a re-analysed
 * article's place on to decide whether to take it up (src/analysis/rewind.ts), at every step while the place is noted;
 * without this index that count read every article row, and with it the text that comes before the columns it reads.
 */
export const takenArticles: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index articles_taken on articles (intake) where refreshed = 1`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index articles_taken`.execute(db);
  },
};
