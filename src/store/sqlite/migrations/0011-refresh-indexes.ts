import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0011: indexes that keep the refresh's cost per article flat as the store grows.
 * - `prop_ids(id)`: the highest proposition id, read at every step, was a scan of every founder.
 * - `prop_keys(prop_id)`: deleting a proposition (its claims' article replaced) cascades to its
 *   keys, which was a scan of every key.
 */
export const refreshIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('prop_ids_id').on('prop_ids').column('id').execute();
    await db.schema.createIndex('prop_keys_prop').on('prop_keys').column('prop_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('prop_keys_prop').ifExists().execute();
    await db.schema.dropIndex('prop_ids_id').ifExists().execute();
  },
};
