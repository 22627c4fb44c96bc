import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { EntityEvent, EventFilters, EventItem, Page, PageOptions, Place } from '../../contract/index.js';
import { clampLimit, decodeEventCursor, encodeEventCursor, type EventPosition } from '../page.js';
import type { ListTables } from './tables.js';

/** '' sorts events of undated articles after every dated one when the order is descending. */
const day = sql<string>`coalesce(events.published, '')`;
/** Descending, it puts an article's events in text order. */
const fromStart = sql<number>`-events.trigger_start`;

/** What both lists read of an event and its article. */
const COLUMNS = [
  'events.article_id',
  'events.event_id',
  'events.type',
  'events.trigger',
  'events.trigger_start',
  'events.actor',
  'events.target',
  'events.place',
  'events.time',
  'events.quantity',
  'events.status',
  'articles.title',
  'articles.published',
] as const;

const ROLES = ['actor', 'target', 'place'] as const;
type Role = (typeof ROLES)[number];

/**
 * Events in the article list's order — newest article first (its publication, then its id), an article's events in
 * text order — not the order stored, which workers make their own. Both backends' indexes hold this order (SQLite 0018,
 * PostgreSQL 0013): overall and by actor, target and place, so an entity's events are three index reads, merged.
 */
export async function listEvents(db: Kysely<ListTables>, options: EventFilters & PageOptions = {}): Promise<Page<EventItem>> {
  const limit = clampLimit(options.limit);
  const after = decodeEventCursor(options.cursor);
  const page = (role?: Role) => {
    let query = db
      .selectFrom('events')
      .innerJoin('articles', 'articles.id', 'events.article_id')
      .leftJoin('entities as ac', 'ac.id', 'events.actor')
      .leftJoin('entities as ta', 'ta.id', 'events.target')
      .leftJoin('entities as pl', 'pl.id', 'events.place')
      .select([...COLUMNS, 'ac.name as actor_name', 'ta.name as target_name', 'pl.name as place_name', 'pl.lat', 'pl.lon', 'events.claims']);
    if (options.type) query = query.where('events.type', '=', options.type);
    if (options.place) query = query.where('events.place', '=', options.place);
    if (role && options.entity) query = query.where(`events.${role}`, '=', options.entity);
    return inEventOrder(query, after).limit(limit + 1).execute();
  };
  const rows = options.entity ? merged(await Promise.all(ROLES.map((role) => page(role))), limit + 1) : await page();
  const items = rows.slice(0, limit).map(
    (r): EventItem => ({
      article: r.article_id,
      event: r.event_id,
      type: r.type,
      trigger: r.trigger,
      triggerStart: r.trigger_start,
      actor: r.actor ? { id: r.actor, name: r.actor_name ?? r.actor } : null,
      target: r.target ? { id: r.target, name: r.target_name ?? r.target } : null,
      place: r.place ? { id: r.place, name: r.place_name ?? r.place, coords: r.lat !== null && r.lon !== null ? [r.lat, r.lon] : null } : null,
      time: r.time,
      quantity: r.quantity,
      status: r.status,
      claims: JSON.parse(r.claims) as string[],
      title: r.title,
      published: r.published,
    }),
  );
  const last = rows[limit - 1];
  return { items, next: rows.length > limit && last ? encodeEventCursor(positionOf(last)) : null };
}

/** The entity's latest events and what it is in each, in the event list's order: fewer columns, no names joined. */
export async function entityEvents(db: Kysely<ListTables>, id: string, limit: number): Promise<EntityEvent[]> {
  const page = (role: Role) =>
    inEventOrder(
      db
        .selectFrom('events')
        .innerJoin('articles', 'articles.id', 'events.article_id')
        .select(COLUMNS)
        .where(`events.${role}`, '=', id),
      null,
    )
      .limit(limit)
      .execute();
  const rows = merged(await Promise.all(ROLES.map(page)), limit);
  return rows.map(({ article_id, event_id, trigger_start: _start, ...r }) => ({
    article: article_id,
    event: event_id,
    ...r,
    role: r.actor === id ? 'actor' : r.target === id ? 'target' : 'place',
  }));
}

/** Events from `after` on, in the lists' order; the indexes of SQLite 0018 and PostgreSQL 0013 hold it. */
function inEventOrder<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, after: EventPosition | null): SelectQueryBuilder<DB, TB, O> {
  // One row-value comparison: PostgreSQL seeks the index to it, so a deep page costs what the first does.
  if (after) query = query.where(sql<boolean>`(${day}, events.article_id, ${fromStart}, events.event_id) < (${after.date}, ${after.id}, ${-after.start}, ${after.event})`);
  return query.orderBy(day, 'desc').orderBy(sql`events.article_id`, 'desc').orderBy(fromStart, 'desc').orderBy(sql`events.event_id`, 'desc');
}

interface Positioned {
  published: string | null;
  article_id: string;
  trigger_start: number;
  event_id: string;
}

function positionOf(r: Positioned): EventPosition {
  return { date: r.published ?? '', id: r.article_id, start: r.trigger_start, event: r.event_id };
}

/**
 * The first `n` of pages in the list's order, an event named in two roles once. Ids and dates are ASCII, so text
 * compares here as in both databases (SQLite's binary collation, PostgreSQL's "C").
 */
function merged<R extends Positioned>(pages: R[][], n: number): R[] {
  const seen = new Set<string>();
  const rows: R[] = [];
  for (const page of pages) {
    for (const r of page) {
      const key = `${r.article_id}/${r.event_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(r);
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => cmp(b.published ?? '', a.published ?? '') || cmp(b.article_id, a.article_id) || a.trigger_start - b.trigger_start || cmp(b.event_id, a.event_id));
  return rows.slice(0, n);
}

/** Every geocoded event place with its event counts. */
export async function listPlaces(db: Kysely<ListTables>): Promise<Place[]> {
  const rows = await db
    .selectFrom('events')
    .innerJoin('entities', 'entities.id', 'events.place')
    .select(['entities.id', 'entities.name', 'entities.type as entityType', 'entities.subtype', 'entities.country', 'entities.lat', 'entities.lon', 'events.type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('entities.lat', 'is not', null)
    .where('entities.lon', 'is not', null)
    .groupBy(['entities.id', 'events.type'])
    // Places and types of equal counts keep this order below, on either backend.
    .orderBy('entities.id')
    .orderBy('events.type')
    .execute();
  const places = new Map<string, Place>();
  for (const r of rows) {
    let p = places.get(r.id);
    if (!p) places.set(r.id, (p = { id: r.id, name: r.name, type: r.entityType, subtype: r.subtype, country: r.country, coords: [r.lat!, r.lon!], events: 0, types: [] }));
    p.events += Number(r.n);
    p.types.push({ type: r.type, count: Number(r.n) });
  }
  for (const p of places.values()) p.types.sort((a, b) => b.count - a.count);
  return [...places.values()].sort((a, b) => b.events - a.events);
}
