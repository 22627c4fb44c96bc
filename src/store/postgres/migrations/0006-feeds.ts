import type { Migration } from './index.js';

/**
 * Migration 0006: watched feeds (`claimtrail watch`), as SQLite's 0010: each feed's polling state,
 * and the ids of the items it has handled, dropped with the feed.
 */
export const feeds: Migration = {
  name: '0006_feeds',
  statements: [
    `create table feeds (
      seq serial primary key,
      url text collate "C" not null unique,
      title text,
      added_at text not null,
      last_polled text,
      next_poll text,
      last_status integer,
      etag text,
      last_modified text,
      last_error text,
      last_error_at text,
      failures integer not null default 0,
      items_seen integer not null default 0,
      articles_stored integer not null default 0
    )`,
    `create table feed_items (
      seq serial primary key,
      feed_url text collate "C" not null references feeds (url) on delete cascade,
      item_id text collate "C" not null,
      seen_at text not null,
      unique (feed_url, item_id)
    )`,
    `create index feed_items_order on feed_items (feed_url, seq)`,
  ],
};
