import { sql, type Kysely } from 'kysely';
import type { ArticleHit, Page, PageOptions, SearchFilters, SearchResults } from '../../contract/index.js';
import { MARK_END, MARK_START } from '../../contract/values.js';
import { clampLimit, decodeCursor, encodeCursor } from '../page.js';
import { listClaims } from './claims.js';
import { listEntities } from './entities.js';
import type { Database } from './schema.js';
import { ftsQuery } from './text-search.js';

const EMPTY = { items: [], next: null };

/** Articles longer than this (words) get a plain passage as their snippet (see searchArticles). */
const SNIPPET_WORDS = 20_000;

/** Full-text search over articles (FTS5, best match first) and claims, and entity names. */
export async function search(db: Kysely<Database>, q: string, options: SearchFilters & PageOptions = {}): Promise<SearchResults> {
  const { kind, limit } = options;
  const cursor = kind ? options.cursor : null;
  const [articles, claims, entities] = await Promise.all([
    !kind || kind === 'articles' ? searchArticles(db, q, limit, cursor) : EMPTY,
    !kind || kind === 'claims' ? listClaims(db, { q, limit, cursor }) : EMPTY,
    !kind || kind === 'entities' ? listEntities(db, { q, limit: kind ? limit : Math.min(clampLimit(limit), 10), cursor }) : EMPTY,
  ]);
  return { articles, claims, entities };
}

async function searchArticles(db: Kysely<Database>, q: string, limitOption: number | undefined, cursor: string | null | undefined): Promise<Page<ArticleHit>> {
  const limit = clampLimit(limitOption);
  const offset = decodeCursor(cursor) ?? 0;
  const first = (q.match(/[\p{L}\p{N}]+/u)?.[0] ?? '').toLowerCase();
  // FTS5 builds a snippet by reading the whole document: for a very long article, the passage
  // around the first query word instead (unmarked), so one huge article cannot slow every search.
  const { rows } = await sql<ArticleHit>`
    select a.id, a.title, a.published, a.source,
      case when a.words > ${SNIPPET_WORDS}
        then '…' || substr(a.text, max(1, instr(lower(a.text), ${first}) - 80), 240) || '…'
        else snippet(articles_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) end as snippet
    from articles_fts join articles a on a.seq = articles_fts.rowid
    where articles_fts match ${ftsQuery(q)}
    order by rank
    limit ${limit + 1} offset ${offset}`.execute(db);
  return { items: rows.slice(0, limit), next: rows.length > limit ? encodeCursor(offset + limit) : null };
}
