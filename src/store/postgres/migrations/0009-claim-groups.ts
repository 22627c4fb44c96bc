import type { Migration } from './index.js';

/**
 * Migration 0009: each claim of a proposition keeps its article's near-duplicate group, indexed
 * with the proposition, so a proposition's sources are counted along one index (SQLite's 0014,
 * which says why).
 */
export const claimGroups: Migration = {
  name: '0009_claim_groups',
  statements: [
    `alter table claim_props add column dup_group text collate "C" not null default ''`,
    'update claim_props cp set dup_group = coalesce((select s.dup_group from doc_signatures s where s.article_id = cp.article_id), cp.article_id)',
    'create index claim_props_groups on claim_props (prop_id, dup_group)',
  ],
};
