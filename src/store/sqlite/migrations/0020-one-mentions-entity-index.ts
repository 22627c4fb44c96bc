import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0020: `mentions_entity` (entity, article) goes; `mentions_entity_span` (entity, article, span, text),
 * added in 0006, begins with the same columns and serves every lookup it served, as on PostgreSQL, which never had it.
 * Each save wrote the mentions' keys into both: a batch's mentions land on nearly every leaf page of an index keyed by
 * entity, so the dropped one was about a tenth of the write-ahead log's pages (docs/quality.md).
 */
export const oneMentionsEntityIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('mentions_entity').ifExists().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('mentions_entity').on('mentions').columns(['entity_id', 'article_id']).execute();
  },
};
