import type { Kysely, Migration } from 'kysely';

/** Migration 0007: claims whose cue is negated ("has not confirmed"); 1 or 0, as SQLite has no boolean. */
export const claimNegation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('claims').addColumn('negated', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('claims').dropColumn('negated').execute();
  },
};
