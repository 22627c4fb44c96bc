import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0022: `articles.copy_intake`, the intake key of the copy whose analysis is stored (src/store/intake.ts,
 * saveOutcome). `intake` is the article's place, which an article analysed again keeps; a re-analysis that meets a
 * copy of its own tells it by this key, so the copy submitted first stands, as in a fresh run. A stored article's
 * copy is the one its place came from.
 */
export const copyIntake: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table articles add column copy_intake text not null default ''`.execute(db);
    await sql`update articles set copy_intake = intake`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table articles drop column copy_intake`.execute(db);
  },
};
