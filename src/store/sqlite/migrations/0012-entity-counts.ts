import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0012: what the entity page reads of a common entity without going through all its
 * mentions or sorting every claim (measured: docs/quality.md, "## API").
 * - `entity_counts`, `entity_aliases`: each entity's mention and article counts and its surface
 *   forms' counts, kept by the saves (mention-counts.ts) as on PostgreSQL (its 0004). An entity
 *   has rows only while some article mentions it. Filled here from the mentions already stored.
 * - `claims_made_order`, `claims_speaker_made_order`: the claim ledger's own order (the day made,
 *   '' for none, then seq), overall and per speaker, as on PostgreSQL (its 0003). "Claims about" a
 *   common entity scans claims in that order and stops once a page is full; on `claims_made`
 *   (made, seq) it sorted every claim first, as did the ledger's first page. The per-speaker one
 *   replaces `claims_speaker` (its first column), so a saved claim updates one index more, not two.
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
    await sql`create index claims_made_order on claims ((coalesce(made, '')), seq)`.execute(db);
    await sql`create index claims_speaker_made_order on claims (speaker_entity, (coalesce(made, '')), seq)`.execute(db);
    await db.schema.dropIndex('claims_speaker').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('claims_speaker').ifNotExists().on('claims').column('speaker_entity').execute();
    await db.schema.dropIndex('claims_speaker_made_order').ifExists().execute();
    await db.schema.dropIndex('claims_made_order').ifExists().execute();
    await db.schema.dropTable('entity_aliases').ifExists().execute();
    await db.schema.dropTable('entity_counts').ifExists().execute();
  },
};
