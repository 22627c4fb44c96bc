import type { Kysely, Migration } from 'kysely';

/**
 * Covering indexes for the workbench's reads: "claims about an entity" joins its mentions to the
 * claims whose content spans them, and the entity page counts its surface forms. With these the
 * join and the counts never leave the indexes (the entity page stays fast on a large store).
 */
export const queryIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('mentions_entity_span').on('mentions').columns(['entity_id', 'article_id', 'start', 'end', 'text']).execute();
    await db.schema.createIndex('claims_article_span').on('claims').columns(['article_id', 'content_start', 'content_end']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('claims_article_span').ifExists().execute();
    await db.schema.dropIndex('mentions_entity_span').ifExists().execute();
  },
};
