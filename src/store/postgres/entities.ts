import { sql, type Kysely } from 'kysely';
import type { ClaimItem, EntityFilters, EntityPage, EntitySummary, EntityTimelineItem as TimelineItem, EntityType, Page, PageOptions } from '../../contract/index.js';
import { clampLimit, decodeCursor, encodeCursor } from '../page.js';
import { listClaims } from './claims.js';
import { entityEvents } from '../kysely/events.js';
import { listTables } from '../kysely/tables.js';
import type { Database } from './schema.js';
import { likePattern } from './text-search.js';


const OUTLET = sql<boolean>`(coalesce(entities.subtype, '') in ('media', 'platform') or entities.name in (select source from articles where source is not null))`;

/**
 * Canonical entities, most mentioned first. Ranked lists page by position: the cursor holds the
 * offset of the next page.
 */
export async function listEntities(db: Kysely<Database>, options: EntityFilters & PageOptions = {}): Promise<Page<EntitySummary>> {
  const limit = clampLimit(options.limit);
  const offset = decodeCursor(options.cursor) ?? 0;
  let query = db
    .selectFrom('entities')
    .innerJoin('entity_counts as c', 'c.entity_id', 'entities.id')
    .select(['entities.id', 'entities.name', 'entities.type', 'entities.subtype', 'entities.kb', 'entities.country', 'entities.lat', 'entities.lon', 'c.mentions', 'c.articles'])
    .orderBy('c.mentions', 'desc')
    .orderBy('entities.id')
    .limit(limit + 1)
    .offset(offset);
  if (options.type) query = query.where('entities.type', '=', options.type);
  if (options.q?.trim()) query = query.where(sql<boolean>`entities.name ilike ${likePattern(options.q)} escape '\\'`);
  if (options.role) query = query.where(options.role === 'outlets' ? OUTLET : sql<boolean>`not ${OUTLET}`);
  const rows = await query.execute();
  return { items: rows.slice(0, limit).map(toSummary), next: rows.length > limit ? encodeCursor(offset + limit) : null };
}

/** The entity page: who it is, what it said, what was said about it, where it acted. */
export async function entityPage(db: Kysely<Database>, id: string, limit = 20): Promise<EntityPage | null> {
  // Counts from the rows the saves keep (mention-counts.ts); the parts of the page are
  // independent reads, run at once on the pool's connections.
  const row = await db
    .selectFrom('entities')
    // An entity no stored article names any more has no counts: no page, as it is in no list.
    .innerJoin('entity_counts as c', 'c.entity_id', 'entities.id')
    .select(['entities.id', 'entities.name', 'entities.type', 'entities.subtype', 'entities.kb', 'entities.country', 'entities.lat', 'entities.lon', 'c.mentions', 'c.articles'])
    .where('entities.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [aliases, by, about, events, articles] = await Promise.all([
    db
      .selectFrom('entity_aliases')
      .select(['text', 'count'])
      .where('entity_id', '=', id)
      .orderBy('count', 'desc')
      // Ties in text order, so every backend lists them alike.
      .orderBy('text')
      .limit(12)
      .execute(),
    listClaims(db, { speaker: id, limit }),
    listClaims(db, { mentions: id, limit }),
    entityEvents(listTables(db), id, limit),
    entityArticles(db, id, Number(row.mentions), limit),
  ]);
  const timeline: TimelineItem[] = [
    ...dedupeClaims([...by.items, ...about.items]).map((claim): TimelineItem => ({ kind: 'claim', date: claim.said ?? claim.published?.slice(0, 10) ?? null, claim })),
    ...events.map((event): TimelineItem => ({ kind: 'event', date: event.time ?? event.published?.slice(0, 10) ?? null, event })),
  ].sort(byDate);
  return {
    entity: toSummary(row),
    aliases: aliases.map((a) => ({ text: a.text, count: Number(a.count) })),
    claimsBy: by.items,
    claimsByNext: by.next,
    claimsAbout: about.items,
    claimsAboutNext: about.next,
    events,
    articles,
    timeline,
  };
}

/** Below this many mentions, an entity's articles are read from its mentions, then ordered. */
const FEW_MENTIONS = 5000;

/**
 * The latest articles naming the entity, in the article list's order (published, then id: not the order stored, which
 * workers make their own). A rare entity's few articles are gathered from its mentions first; a common one's are found
 * scanning the latest articles (a page fills at once).
 */
async function entityArticles(db: Kysely<Database>, id: string, mentions: number, limit: number) {
  if (mentions < FEW_MENTIONS) {
    const { rows } = await sql<{ id: string; title: string | null; published: string | null; source: string | null }>`
      with named as materialized (select distinct article_id from mentions where entity_id = ${id})
      select a.id, a.title, a.published, a.source from articles a join named on named.article_id = a.id
      order by coalesce(a.published, '') desc, a.id desc limit ${limit}`.execute(db);
    return rows;
  }
  return db
    .selectFrom('articles')
    .select(['id', 'title', 'published', 'source'])
    .where('id', 'in', (eb) => eb.selectFrom('mentions').select('article_id').where('entity_id', '=', id))
    .orderBy(sql`coalesce(published, '')`, 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

function dedupeClaims(claims: ClaimItem[]): ClaimItem[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.article}/${c.claim}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byDate(a: TimelineItem, b: TimelineItem): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

interface EntityRow {
  id: string;
  name: string;
  type: string;
  subtype: string | null;
  kb: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  mentions: number | null;
  articles: number | null;
}

function toSummary(r: EntityRow): EntitySummary {
  return {
    id: r.id,
    name: r.name,
    type: r.type as EntityType,
    subtype: r.subtype,
    kb: r.kb,
    country: r.country,
    coords: r.lat !== null && r.lon !== null ? [r.lat, r.lon] : null,
    mentions: Number(r.mentions ?? 0),
    articles: Number(r.articles ?? 0),
  };
}
