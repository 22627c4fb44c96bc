import type { Migration } from './index.js';

/**
 * Migration 0004: each entity's mention and article counts, and its surface forms' counts, kept
 * as articles are saved and replaced (mention-counts.ts), so the entity page and the entity list
 * read a row instead of counting hundreds of thousands of mentions of a common entity. An entity
 * has rows only while some article mentions it. Filled here from the mentions already stored.
 */
export const mentionCounts: Migration = {
  name: '0004_mention_counts',
  statements: [
    `create table entity_counts (
      entity_id text collate "C" primary key,
      mentions integer not null,
      articles integer not null
    )`,
    `create index entity_counts_order on entity_counts (mentions desc, entity_id)`,
    `create table entity_aliases (
      entity_id text collate "C" not null,
      text text collate "C" not null,
      count integer not null,
      primary key (entity_id, text)
    )`,
    `insert into entity_counts (entity_id, mentions, articles) select entity_id, count(*), count(distinct article_id) from mentions group by entity_id`,
    `insert into entity_aliases (entity_id, text, count) select entity_id, text, count(*) from mentions group by entity_id, text`,
  ],
};
