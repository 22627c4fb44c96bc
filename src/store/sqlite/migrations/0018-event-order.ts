import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0018: events are listed in the article list's order (their article's publication, then its id, then text
 * order), not the order stored, which workers make their own (src/store/kysely/events.ts). Each event keeps its
 * article's publication, and the order is indexed overall and by actor, target and place, so an entity's latest events
 * are read from three indexes (PostgreSQL's 0013).
 */
export const eventOrder: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table events add column published text`.execute(db);
    await sql`update events set published = (select published from articles where articles.id = events.article_id)`.execute(db);
    await db.schema.dropIndex('events_actor').ifExists().execute();
    await db.schema.dropIndex('events_place').ifExists().execute();
    await sql`create index events_order on events ((coalesce(published, '')), article_id, (-trigger_start), event_id)`.execute(db);
    for (const role of ['actor', 'target', 'place']) {
      await sql`create index ${sql.id(`events_${role}_order`)} on events (${sql.id(role)}, (coalesce(published, '')), article_id, (-trigger_start), event_id)`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    for (const name of ['events_order', 'events_actor_order', 'events_target_order', 'events_place_order']) await db.schema.dropIndex(name).ifExists().execute();
    await db.schema.alterTable('events').dropColumn('published').execute();
    await db.schema.createIndex('events_actor').on('events').column('actor').execute();
    await db.schema.createIndex('events_place').on('events').column('place').execute();
  },
};
