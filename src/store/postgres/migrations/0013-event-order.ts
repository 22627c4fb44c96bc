import type { Migration } from './index.js';

const ORDER = `(coalesce(published, '')), article_id, (-trigger_start), event_id`;

/**
 * Migration 0013: events are listed in the article list's order (their article's publication, then its id, then text
 * order), not the order stored, which workers make their own (src/store/kysely/events.ts). Each event keeps its
 * article's publication, and the order is indexed overall and by actor, target and place, so an entity's latest events
 * are read from three indexes (SQLite's 0018).
 */
export const eventOrder: Migration = {
  name: '0013_event_order',
  statements: [
    'alter table events add column published text collate "C"',
    'update events set published = articles.published from articles where articles.id = events.article_id',
    'drop index if exists events_actor',
    'drop index if exists events_target',
    'drop index if exists events_place',
    `create index events_order on events (${ORDER})`,
    `create index events_actor_order on events (actor, ${ORDER})`,
    `create index events_target_order on events (target, ${ORDER})`,
    `create index events_place_order on events (place, ${ORDER})`,
  ],
};
