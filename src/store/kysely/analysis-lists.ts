import { sql, type Kysely } from 'kysely';
import type { AboutFilter, AnalysisCounts, Contradiction, DuplicateGroup, Page, PageOptions, PropositionSummary, Story, TimelineFilters, TimelineItem } from '../../contract/index.js';
import { isDatePrefix } from '../../doc/dates.js';
import { UsageError } from '../../errors.js';
import { clampLimit, decodeDateIdCursor, decodeIdCursor, encodeDateIdCursor, encodeIdCursor } from '../page.js';
import type { ListTables } from './tables.js';
import { likePattern } from './like.js';

/**
 * Reads of the materialised analysis, as pages `{items, next}`, written once for every backend
 * (their tables read alike: tables.ts). They read what the refresh wrote; refresh first when
 * articles were just saved.
 */
type ListOptions = AboutFilter & PageOptions;

export function listContradictions(db: Kysely<ListTables>, options: ListOptions = {}): Promise<Page<Contradiction>> {
  return pageOf<Contradiction>(db, 'contradictions', options);
}

export function listStories(db: Kysely<ListTables>, options: ListOptions = {}): Promise<Page<Story>> {
  return pageOf<Story>(db, 'stories', options);
}

async function pageOf<T>(db: Kysely<ListTables>, table: 'contradictions' | 'stories', options: ListOptions): Promise<Page<T>> {
  const limit = clampLimit(options.limit);
  let q = db.selectFrom(table).select(['prop_id', 'json']).orderBy('prop_id').limit(limit + 1);
  const after = decodeIdCursor(options.cursor);
  if (after !== null) q = q.where('prop_id', '>', after);
  if (options.about?.trim()) q = q.where(contains(options.about));
  const rows = await q.execute();
  return { items: rows.slice(0, limit).map((r) => JSON.parse(r.json) as T), next: rows.length > limit ? encodeIdCursor(rows[limit - 1]!.prop_id) : null };
}

export async function listPropositions(db: Kysely<ListTables>, options: ListOptions & { minClaims?: number } = {}): Promise<Page<PropositionSummary>> {
  const limit = clampLimit(options.limit);
  let q = db.selectFrom('propositions').select(['id', 'about', 'claims', 'sources']).where('claims', '>=', options.minClaims ?? 1).orderBy('id').limit(limit + 1);
  const after = decodeIdCursor(options.cursor);
  if (after !== null) q = q.where('id', '>', after);
  if (options.about?.trim()) q = q.where(contains(options.about));
  const rows = await q.execute();
  return { items: rows.slice(0, limit).map((r) => ({ id: `p${r.id}`, about: r.about, claims: r.claims, sources: r.sources })), next: rows.length > limit ? encodeIdCursor(rows[limit - 1]!.id) : null };
}

/** Groups of near-duplicate articles (two or more members), by their first article in the order the refresh took them. */
export async function duplicateGroups(db: Kysely<ListTables>, options: PageOptions = {}): Promise<Page<DuplicateGroup>> {
  const limit = clampLimit(options.limit);
  let q = db
    .selectFrom('doc_signatures')
    .select(['dup_group', sql<number>`min(seq)`.as('first')])
    .groupBy('dup_group')
    .having(sql<number>`count(*)`, '>', 1)
    .orderBy('first')
    .limit(limit + 1);
  const after = decodeIdCursor(options.cursor);
  if (after !== null) q = q.having(sql<number>`min(seq)`, '>', after);
  const groups = await q.execute();
  const page = groups.slice(0, limit);
  const members = page.length
    ? await db
        .selectFrom('doc_signatures')
        .innerJoin('articles', 'articles.id', 'doc_signatures.article_id')
        .select(['doc_signatures.dup_group', 'articles.id', 'articles.title', 'articles.source', 'articles.published'])
        .where('doc_signatures.dup_group', 'in', page.map((g) => g.dup_group))
        // In the order the refresh took them (the group's first member first).
        .orderBy('doc_signatures.seq')
        .execute()
    : [];
  return {
    items: page.map((g) => ({ id: g.dup_group, articles: members.filter((m) => m.dup_group === g.dup_group).map(({ dup_group: _g, ...a }) => a) })),
    next: groups.length > limit ? encodeIdCursor(page[page.length - 1]!.first) : null,
  };
}

export async function analysisCounts(db: Kysely<ListTables>): Promise<AnalysisCounts> {
  const one = async (q: Promise<{ n: number } | undefined>) => Number((await q)?.n ?? 0);
  const groups = await db
    .selectFrom((eb) => eb.selectFrom('doc_signatures').select(['dup_group', sql<number>`count(*)`.as('size')]).groupBy('dup_group').having(sql<number>`count(*)`, '>', 1).as('g'))
    .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(size), 0)`.as('m')])
    .executeTakeFirst();
  return {
    articles: await one(db.selectFrom('articles').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
    duplicateGroups: Number(groups?.n ?? 0),
    articlesInDuplicateGroups: Number(groups?.m ?? 0),
    propositions: await one(db.selectFrom('propositions').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
    crossArticlePropositions: await one(db.selectFrom('propositions').select(sql<number>`count(*)`.as('n')).where('sources', '>=', 2).executeTakeFirst()),
    contradictions: await one(db.selectFrom('contradictions').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
    stories: await one(db.selectFrom('stories').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
  };
}


/** Dated events and claims in date order, each with the articles it comes from. */
export async function timeline(db: Kysely<ListTables>, options: TimelineFilters & PageOptions = {}): Promise<Page<TimelineItem>> {
  const limit = clampLimit(options.limit);
  for (const [name, value] of [['from', options.from], ['to', options.to]] as const) {
    if (value !== undefined && !isDatePrefix(value)) throw new UsageError(`timeline: --${name} must be a date like 2024, 2024-10 or 2024-10-05, got "${value}"`);
  }
  let q = db.selectFrom('timeline_items').select(['id', 'date', 'kind', 'json']).where(sql<boolean>`exists (select 1 from timeline_sources s where s.item_id = timeline_items.id)`).orderBy('date').orderBy('id').limit(limit + 1);
  if (options.from) q = q.where('date', '>=', options.from);
  if (options.to) q = q.where('date', '<', `${options.to}\uffff`);
  if (options.entity?.trim()) {
    const ids = await resolveEntity(db, options.entity.trim());
    if (!ids.length) return { items: [], next: null };
    q = q.where('id', 'in', db.selectFrom('timeline_entities').select('item_id').where('entity_id', 'in', ids));
  }
  const after = decodeDateIdCursor(options.cursor);
  if (after) q = q.where((eb) => eb.or([eb('date', '>', after.date), eb.and([eb('date', '=', after.date), eb('id', '>', after.id)])]));
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const sources = page.length
    ? await db
        .selectFrom('timeline_sources')
        .innerJoin('articles', 'articles.id', 'timeline_sources.article_id')
        .select(['timeline_sources.item_id', 'timeline_sources.ref', 'articles.id', 'articles.title', 'articles.source', 'articles.published', 'articles.url'])
        .where('timeline_sources.item_id', 'in', page.map((r) => r.id))
        // In the order articles were submitted, however they were stored.
        .orderBy('articles.intake')
        .orderBy('articles.seq')
        .execute()
    : [];
  const items = page.map((r): TimelineItem => {
    const seen = new Set<string>();
    const own = sources
      .filter((s) => s.item_id === r.id && !seen.has(s.id) && seen.add(s.id))
      .map((s) => ({ article: s.id, ref: s.ref, title: s.title, source: s.source, published: s.published, url: s.url }));
    return { date: r.date, kind: r.kind, ...JSON.parse(r.json), sources: own } as TimelineItem;
  });
  const lastRow = page[page.length - 1];
  return { items, next: rows.length > limit && lastRow ? encodeDateIdCursor(lastRow.date, lastRow.id) : null };
}

/** Entity ids for a name: the id itself, a canonical name, or a mention's text (case-insensitive). */
async function resolveEntity(db: Kysely<ListTables>, name: string): Promise<string[]> {
  const lower = name.toLowerCase();
  const direct = await db.selectFrom('entities').select('id').where((eb) => eb.or([eb('id', '=', name), eb(sql`lower(name)`, '=', lower)])).execute();
  if (direct.length) return direct.map((r) => r.id);
  const mentioned = await db.selectFrom('mentions').select('entity_id').distinct().where(sql`lower(text)`, '=', lower).limit(20).execute();
  return mentioned.map((r) => r.entity_id);
}

/** `search` holds the words to look in (lower case): a LIKE with the text's own % and _ escaped. */
function contains(text: string) {
  return sql<boolean>`search like ${likePattern(text.toLowerCase())} escape '\\'`;
}
