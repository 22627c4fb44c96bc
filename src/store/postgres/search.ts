import { sql, type Kysely } from 'kysely';
import type { ArticleHit, Page, PageOptions, SearchFilters, SearchResults } from '../../contract/index.js';
import { MARK_END, MARK_START } from '../../contract/values.js';
import { clampLimit, decodeCursor, encodeCursor } from '../page.js';
import { listClaims } from './claims.js';
import { listEntities } from './entities.js';
import type { Database } from './schema.js';
import { allWords } from './text-search.js';

const EMPTY = { items: [], next: null };

/** Articles longer than this (words) get a plain passage as their snippet (see searchArticles). */
const SNIPPET_WORDS = 20_000;

/** ts_headline's options: one passage of up to 24 words, matches between MARK_START and MARK_END. */
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1`;

/** Full-text search over articles (tsvector, best match first) and claims, and entity names. */
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
  // ts_headline reads the whole document: for a very long article, the passage around the first
  // query word instead (unmarked), so one huge article cannot slow every search. Otherwise the
  // best passage of about 24 words, its matches marked as the SQLite store marks them.
  const { rows } = await sql<ArticleHit>`
    select a.id, a.title, a.published, a.source,
      case when a.words > ${SNIPPET_WORDS}
        then '…' || substr(a.text, greatest(1, strpos(lower(a.text), ${first}) - 80), 240) || '…'
        else '…' || ts_headline('english', a.text, q, ${HEADLINE}) || '…' end as snippet
    from articles a, ${allWords(q)} q
    where a.fts @@ q
    order by ts_rank(a.fts, q) desc, a.seq
    limit ${limit + 1} offset ${offset}`.execute(db);
  return { items: rows.slice(0, limit), next: rows.length > limit ? encodeCursor(offset + limit) : null };
}
