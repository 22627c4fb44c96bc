import type { Migration } from './index.js';

/**
 * Migration 0007: the highest proposition id, read at every refresh step, from an index rather
 * than a scan of every founder (SQLite's 0011; PostgreSQL had prop_keys(prop_id) from the start).
 */
export const refreshIndexes: Migration = {
  name: '0007_refresh_indexes',
  statements: ['create index prop_ids_id on prop_ids (id)'],
};
