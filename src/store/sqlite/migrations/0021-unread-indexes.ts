import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0021: two indexes no query reads go, as on PostgreSQL (its 0017). `claims_said`: claims are filtered and
 * ordered by the day they were made (`made`, migration 0008), never by `said`. `events_time`: events are listed by
 * type, place and role, in the article list's order (0018), never by time. Every insert paid for both.
 */
export const unreadIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('claims_said').ifExists().execute();
    await db.schema.dropIndex('events_time').ifExists().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('claims_said').on('claims').column('said').execute();
    await db.schema.createIndex('events_time').on('events').column('time').execute();
  },
};
