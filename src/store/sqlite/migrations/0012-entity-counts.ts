import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0012: what the entity page reads of a common entity without going through all its
 * mentions (measured: docs/quality.md, "## API").
 * - `entity_counts`, `entity_aliases`: each entity's mention and article counts and its surface
 *   forms' counts, kept by the saves (mention-counts.ts) as on PostgreSQL (its 0004). An entity
 *   has rows only while some article mentions it. Filled here from the mentions already stored.
 */
export const entityCounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('entity_counts')
      .addColumn('entity_id', 'text', (c) => c.primaryKey())
      .addColumn('mentions', 'integer', (c) => c.notNull())
      .addColumn('articles', 'integer', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    await sql`create index entity_counts_order on entity_counts (mentions desc, entity_id)`.execute(db);
    await db.schema
      .createTable('entity_aliases')
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('entity_aliases_pk', ['entity_id', 'text'])
      .modifyEnd(sql`without rowid`)
      .execute();
    await sql`insert into entity_counts (entity_id, mentions, articles) select entity_id, count(*), count(distinct article_id) from mentions group by entity_id`.execute(db);
    await sql`insert into entity_aliases (entity_id, text, count) select entity_id, text, count(*) from mentions group by entity_id, text`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('entity_aliases').ifExists().execute();
    await db.schema.dropTable('entity_counts').ifExists().execute();
  },
};
