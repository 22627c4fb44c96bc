import type { Kysely, Migration } from 'kysely';

/**
 * Migration 0010: watched feeds (`claimtrail watch`): each feed's polling state, and the ids of
 * the items it has handled, dropped with the feed.
 */
export const feeds: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('feeds')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text')
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('last_polled', 'text')
      .addColumn('next_poll', 'text')
      .addColumn('last_status', 'integer')
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('last_error', 'text')
      .addColumn('last_error_at', 'text')
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('articles_stored', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('feed_items')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('feed_url', 'text', (c) => c.notNull().references('feeds.url').onDelete('cascade'))
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('feed_items_feed_item', ['feed_url', 'item_id'])
      .execute();
    await db.schema.createIndex('feed_items_order').on('feed_items').columns(['feed_url', 'seq']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('feed_items').ifExists().execute();
    await db.schema.dropTable('feeds').ifExists().execute();
  },
};
