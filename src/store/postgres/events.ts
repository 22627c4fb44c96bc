import type { Kysely } from 'kysely';
import type { EventFilters, EventItem, Page, PageOptions, Place } from '../../contract/index.js';
import { clampLimit, decodeCursor, encodeCursor } from '../page.js';
import type { Database } from './schema.js';


/** Events, most recently stored first. */
export async function listEvents(db: Kysely<Database>, options: EventFilters & PageOptions = {}): Promise<Page<EventItem>> {
  const limit = clampLimit(options.limit);
  let query = db
    .selectFrom('events')
    .innerJoin('articles', 'articles.id', 'events.article_id')
    .leftJoin('entities as ac', 'ac.id', 'events.actor')
    .leftJoin('entities as ta', 'ta.id', 'events.target')
    .leftJoin('entities as pl', 'pl.id', 'events.place')
    .select([
      'events.seq',
      'events.article_id',
      'events.event_id',
      'events.type',
      'events.trigger',
      'events.trigger_start',
      'events.actor',
      'ac.name as actor_name',
      'events.target',
      'ta.name as target_name',
      'events.place',
      'pl.name as place_name',
      'pl.lat',
      'pl.lon',
      'events.time',
      'events.quantity',
      'events.status',
      'events.claims',
      'articles.title',
      'articles.published',
    ])
    .orderBy('events.seq', 'desc')
    .limit(limit + 1);
  const after = decodeCursor(options.cursor);
  if (after !== null) query = query.where('events.seq', '<', after);
  if (options.type) query = query.where('events.type', '=', options.type);
  if (options.place) query = query.where('events.place', '=', options.place);
  if (options.entity) {
    const id = options.entity;
    query = query.where((eb) => eb.or([eb('events.actor', '=', id), eb('events.target', '=', id), eb('events.place', '=', id)]));
  }
  const rows = await query.execute();
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
  return { items, next: rows.length > limit ? encodeCursor(rows[limit - 1]!.seq) : null };
}

/** Every geocoded event place with its event counts. */
export async function listPlaces(db: Kysely<Database>): Promise<Place[]> {
  const rows = await db
    .selectFrom('events')
    .innerJoin('entities', 'entities.id', 'events.place')
    .select(['entities.id', 'entities.name', 'entities.type as entityType', 'entities.subtype', 'entities.country', 'entities.lat', 'entities.lon', 'events.type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('entities.lat', 'is not', null)
    .where('entities.lon', 'is not', null)
    .groupBy(['entities.id', 'events.type'])
    // In group order, as SQLite gives them: places and types of equal counts keep it below.
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
