import { sql, type Kysely, type Migration } from 'kysely';

/** Migration 0001: articles, their layers as analysed, the tables that index them, and full-text search. */
export const articlesAndLayers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('articles')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('ref', 'text')
      .addColumn('title', 'text')
      .addColumn('published', 'text')
      .addColumn('source', 'text')
      .addColumn('url', 'text')
      .addColumn('language', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('words', 'integer', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('articles_published').on('articles').column('published').execute();

    await db.schema
      .createTable('layers')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('json', 'text', (c) => c.notNull())
      .addColumn('pipeline', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('entities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subtype', 'text')
      .addColumn('kb', 'text')
      .addColumn('country', 'text')
      .addColumn('lat', 'real')
      .addColumn('lon', 'real')
      .execute();
    await db.schema.createIndex('entities_type').on('entities').column('type').execute();

    await db.schema
      .createTable('mentions')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .execute();
    await db.schema.createIndex('mentions_entity').on('mentions').columns(['entity_id', 'article_id']).execute();
    await db.schema.createIndex('mentions_article').on('mentions').column('article_id').execute();

    await db.schema
      .createTable('claims')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('claim_id', 'text', (c) => c.notNull())
      .addColumn('speaker_entity', 'text')
      .addColumn('speaker_text', 'text')
      .addColumn('cue_lemma', 'text')
      .addColumn('cue_text', 'text')
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_start', 'integer', (c) => c.notNull())
      .addColumn('content_end', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('stance', 'text', (c) => c.notNull())
      .addColumn('said', 'text')
      .addColumn('via_entity', 'text')
      .addColumn('via_text', 'text')
      .addColumn('rule', 'text')
      .addUniqueConstraint('claims_article_claim', ['article_id', 'claim_id'])
      .execute();
    await db.schema.createIndex('claims_speaker').on('claims').column('speaker_entity').execute();
    await db.schema.createIndex('claims_stance').on('claims').column('stance').execute();
    await db.schema.createIndex('claims_said').on('claims').column('said').execute();

    await db.schema
      .createTable('events')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('trigger_start', 'integer', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('target', 'text')
      .addColumn('place', 'text')
      .addColumn('time', 'text')
      .addColumn('quantity', 'real')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('claims', 'text', (c) => c.notNull())
      .addColumn('rule', 'text')
      .addPrimaryKeyConstraint('events_pk', ['article_id', 'event_id'])
      .execute();
    await db.schema.createIndex('events_time').on('events').column('time').execute();
    await db.schema.createIndex('events_actor').on('events').column('actor').execute();
    await db.schema.createIndex('events_place').on('events').column('place').execute();

    // Full-text search. External-content FTS5 tables index the text without storing it twice;
    // rows are added and removed by the store in the same transaction as their source rows.
    await sql`create virtual table articles_fts using fts5(title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create virtual table claims_fts using fts5(speaker, content, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['claims_fts', 'articles_fts']) await sql`drop table if exists ${sql.table(t)}`.execute(db);
    for (const t of ['events', 'claims', 'mentions', 'entities', 'layers', 'articles']) await db.schema.dropTable(t).ifExists().execute();
  },
};
