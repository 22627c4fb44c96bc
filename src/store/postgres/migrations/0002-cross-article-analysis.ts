import type { Migration } from './index.js';

/**
 * Migration 0002: the tables that materialise the cross-article analysis (schema.ts,
 * AnalysisTables), as the SQLite store's 0005 and 0009 left them. Rows hang off articles and
 * claims with ON DELETE CASCADE, so replacing an article drops what was derived from it; triggers
 * mark the propositions that lost a claim for recomputation, and remove a timeline item whose last
 * source went. `ord` columns keep the order rows were added in (SQLite's rowid).
 */
export const crossArticleAnalysis: Migration = {
  name: '0002_cross_article_analysis',
  statements: [
    `create table analysis_state (key text collate "C" primary key, value text collate "C" not null)`,

    `create table doc_signatures (
      article_id text collate "C" primary key references articles (id) on delete cascade,
      seq integer not null,
      minhash bytea not null,
      dup_group text collate "C" not null
    )`,
    `create index doc_signatures_group on doc_signatures (dup_group)`,
    `create table doc_bands (
      band integer not null,
      article_id text collate "C" not null references articles (id) on delete cascade,
      ord bigint generated always as identity
    )`,
    `create index doc_bands_band on doc_bands (band, ord)`,
    `create index doc_bands_article on doc_bands (article_id)`,

    `create table propositions (
      id integer primary key,
      about text collate "C" not null,
      features text collate "C" not null,
      claims integer not null default 0,
      sources integer not null default 0,
      dirty integer not null default 1,
      search text collate "C" not null default ''
    )`,
    `create index propositions_dirty on propositions (dirty, id)`,
    `create table prop_keys (
      key text collate "C" not null,
      prop_id integer not null references propositions (id) on delete cascade,
      ord bigint generated always as identity
    )`,
    `create index prop_keys_key on prop_keys (key, ord)`,
    `create index prop_keys_prop on prop_keys (prop_id)`,
    `create table prop_ids (founder text collate "C" primary key, id integer not null)`,
    `create table claim_props (
      claim_seq integer primary key references claims (seq) on delete cascade,
      article_id text collate "C" not null,
      prop_id integer not null references propositions (id) on delete cascade,
      position integer not null,
      features text collate "C" not null
    )`,
    `create index claim_props_prop on claim_props (prop_id, claim_seq)`,
    `create function claim_props_gone() returns trigger language plpgsql as $$
      begin
        update propositions set dirty = 1 where id = old.prop_id;
        return null;
      end $$`,
    `create trigger claim_props_gone after delete on claim_props for each row execute function claim_props_gone()`,

    `create table contradictions (
      prop_id integer primary key references propositions (id) on delete cascade,
      json text collate "C" not null,
      search text collate "C" not null
    )`,
    `create table stories (
      prop_id integer primary key references propositions (id) on delete cascade,
      json text collate "C" not null,
      search text collate "C" not null
    )`,

    `create table timeline_items (
      id integer primary key,
      key text collate "C" not null unique,
      date text collate "C" not null,
      kind text collate "C" not null,
      json text collate "C" not null
    )`,
    `create index timeline_items_date on timeline_items (date, id)`,
    `create table timeline_sources (
      item_id integer not null references timeline_items (id) on delete cascade,
      article_id text collate "C" not null references articles (id) on delete cascade,
      ref text collate "C" not null
    )`,
    `create index timeline_sources_item on timeline_sources (item_id)`,
    `create index timeline_sources_article on timeline_sources (article_id)`,
    `create table timeline_entities (
      item_id integer not null references timeline_items (id) on delete cascade,
      entity_id text collate "C" not null
    )`,
    `create index timeline_entities_entity on timeline_entities (entity_id, item_id)`,
    `create index timeline_entities_item on timeline_entities (item_id)`,
    `create function timeline_sources_gone() returns trigger language plpgsql as $$
      begin
        if not exists (select 1 from timeline_sources where item_id = old.item_id) then
          delete from timeline_items where id = old.item_id;
        end if;
        return null;
      end $$`,
    `create trigger timeline_sources_gone after delete on timeline_sources for each row execute function timeline_sources_gone()`,
  ],
};
