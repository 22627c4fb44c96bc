import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0019: the layers' pipeline versions are indexed, so whether the store holds an article another version
 * analysed is two index lookups, not a read of every article's layers (src/store/kysely/other-pipelines.ts;
 * PostgreSQL's 0014).
 */
export const layerPipelines: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('layers_pipeline').on('layers').column('pipeline').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('layers_pipeline').ifExists().execute();
  },
};
