import type { Migration } from './index.js';

/**
 * Migration 0008: the refresh takes articles in the order they were submitted, not the order they
 * were stored (SQLite's 0013, which says why): `articles.intake` and `articles.refreshed` with a
 * partial index of the articles the refresh has not taken, and `claim_props.rank`, the order a
 * proposition's members are read in.
 */
export const refreshOrder: Migration = {
  name: '0008_refresh_order',
  statements: [
    `alter table articles add column intake text collate "C" not null default ''`,
    `update articles set intake = lpad(seq::text, 20, '0')`,
    'alter table articles add column refreshed integer not null default 0',
    'update articles set refreshed = 1 where exists (select 1 from doc_signatures s where s.article_id = articles.id)',
    'create index articles_to_refresh on articles (intake, seq) where refreshed = 0',
    'alter table claim_props add column rank bigint not null default 0',
    'update claim_props set rank = claim_seq',
    'drop index claim_props_prop',
    'create index claim_props_prop on claim_props (prop_id, rank)',
  ],
};
