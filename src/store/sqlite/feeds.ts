import type { Selectable } from 'kysely';
import type { WatchedFeed } from '../../contract/index.js';
import type { FeedRepo, PollRecord } from '../feed-repo.js';
import type { FeedsTable } from './schema.js';
import type { SqliteStore } from './store.js';

/** Item ids per IN (…) list: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/** The watched feeds of the SQLite store (tables `feeds` and `feed_items`, migration 0010). */
export class SqliteFeeds implements FeedRepo {
  constructor(private readonly store: SqliteStore) {}

  async add(url: string, at: string): Promise<void> {
    await this.store.writeTransaction((trx) => trx.insertInto('feeds').values({ url, added_at: at }).onConflict((oc) => oc.column('url').doNothing()).execute());
  }

  async get(url: string): Promise<WatchedFeed | null> {
    const row = await this.store.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    return row ? toFeed(row) : null;
  }

  async list(): Promise<WatchedFeed[]> {
    const rows = await this.store.db.selectFrom('feeds').selectAll().orderBy('seq').execute();
    return rows.map(toFeed);
  }

  async remove(url: string): Promise<boolean> {
    const result = await this.store.writeTransaction((trx) => trx.deleteFrom('feeds').where('url', '=', url).executeTakeFirst());
    return Number(result.numDeletedRows) > 0;
  }

  async seen(url: string, ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.store.db
        .selectFrom('feed_items')
        .select('item_id')
        .where('feed_url', '=', url)
        .where('item_id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) found.add(r.item_id);
    }
    return found;
  }

  async markSeen(url: string, id: string, stored: number, at: string, keep: number): Promise<void> {
    await this.store.writeTransaction(async (trx) => {
      const inserted = await trx
        .insertInto('feed_items')
        .values({ feed_url: url, item_id: id, seen_at: at })
        .onConflict((oc) => oc.columns(['feed_url', 'item_id']).doNothing())
        .executeTakeFirst();
      if (!Number(inserted.numInsertedOrUpdatedRows)) return;
      await trx
        .updateTable('feeds')
        .set((eb) => ({ items_seen: eb('items_seen', '+', 1), articles_stored: eb('articles_stored', '+', stored) }))
        .where('url', '=', url)
        .execute();
      // The oldest beyond `keep` go: the newest kept item's seq bounds them.
      const bound = await trx.selectFrom('feed_items').select('seq').where('feed_url', '=', url).orderBy('seq', 'desc').limit(1).offset(keep - 1).executeTakeFirst();
      if (bound) await trx.deleteFrom('feed_items').where('feed_url', '=', url).where('seq', '<', bound.seq).execute();
    });
  }

  async recordPoll(url: string, poll: PollRecord): Promise<void> {
    const error = poll.error ?? poll.itemError ?? null;
    await this.store.writeTransaction((trx) =>
      trx
        .updateTable('feeds')
        .set((eb) => ({
          last_polled: poll.polledAt,
          next_poll: poll.nextPoll,
          last_status: poll.status,
          failures: poll.error === null ? 0 : eb('failures', '+', 1),
          ...(poll.title !== undefined ? { title: poll.title } : {}),
          ...(poll.validators ? { etag: poll.validators.etag, last_modified: poll.validators.lastModified } : {}),
          ...(error !== null ? { last_error: error, last_error_at: poll.polledAt } : {}),
        }))
        .where('url', '=', url)
        .execute(),
    );
  }
}

function toFeed(r: Selectable<FeedsTable>): WatchedFeed {
  return {
    url: r.url,
    title: r.title,
    addedAt: r.added_at,
    lastPolled: r.last_polled,
    nextPoll: r.next_poll,
    lastStatus: r.last_status,
    etag: r.etag,
    lastModified: r.last_modified,
    lastError: r.last_error !== null && r.last_error_at !== null ? { message: r.last_error, at: r.last_error_at } : null,
    failures: r.failures,
    itemsSeen: r.items_seen,
    articlesStored: r.articles_stored,
  };
}
