import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0005: tables that materialise the cross-article analysis (schema.ts, AnalysisTables).
 * Rows hang off articles and claims with ON DELETE CASCADE, so replacing an article drops what
 * was derived from it; a trigger marks the propositions that lost a claim for recomputation.
 */
export const crossArticleAnalysis: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('analysis_state').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();

    await db.schema
      .createTable('doc_signatures')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('minhash', 'blob', (c) => c.notNull())
      .addColumn('dup_group', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('doc_signatures_group').on('doc_signatures').column('dup_group').execute();
    await db.schema
      .createTable('doc_bands')
      .addColumn('band', 'integer', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .execute();
    await db.schema.createIndex('doc_bands_band').on('doc_bands').column('band').execute();
    await db.schema.createIndex('doc_bands_article').on('doc_bands').column('article_id').execute();

    await db.schema
      .createTable('propositions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('about', 'text', (c) => c.notNull())
      .addColumn('features', 'text', (c) => c.notNull())
      .addColumn('claims', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sources', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('propositions_dirty').on('propositions').column('dirty').execute();
    await db.schema
      .createTable('prop_keys')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('prop_id', 'integer', (c) => c.notNull().references('propositions.id').onDelete('cascade'))
      .execute();
    await db.schema.createIndex('prop_keys_key').on('prop_keys').column('key').execute();
    await db.schema
      .createTable('claim_props')
      .addColumn('claim_seq', 'integer', (c) => c.primaryKey().references('claims.seq').onDelete('cascade'))
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('prop_id', 'integer', (c) => c.notNull().references('propositions.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('features', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('claim_props_prop').on('claim_props').column('prop_id').execute();
    await sql`create trigger claim_props_gone after delete on claim_props begin update propositions set dirty = 1 where id = old.prop_id; end`.execute(db);

    for (const table of ['contradictions', 'stories']) {
      await db.schema
        .createTable(table)
        .addColumn('prop_id', 'integer', (c) => c.primaryKey().references('propositions.id').onDelete('cascade'))
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .execute();
    }

    await db.schema
      .createTable('timeline_items')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('timeline_items_date').on('timeline_items').columns(['date', 'id']).execute();
    await db.schema
      .createTable('timeline_sources')
      .addColumn('item_id', 'integer', (c) => c.notNull().references('timeline_items.id').onDelete('cascade'))
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('ref', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('timeline_sources_item').on('timeline_sources').column('item_id').execute();
    await db.schema.createIndex('timeline_sources_article').on('timeline_sources').column('article_id').execute();
    await db.schema
      .createTable('timeline_entities')
      .addColumn('item_id', 'integer', (c) => c.notNull().references('timeline_items.id').onDelete('cascade'))
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('timeline_entities_entity').on('timeline_entities').columns(['entity_id', 'item_id']).execute();
  },
  async down(db: Kysely<unknown>) {
    await sql`drop trigger if exists claim_props_gone`.execute(db);
    for (const t of ['timeline_entities', 'timeline_sources', 'timeline_items', 'stories', 'contradictions', 'claim_props', 'prop_keys', 'propositions', 'doc_bands', 'doc_signatures', 'analysis_state']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};
