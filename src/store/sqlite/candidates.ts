import { sql, type Kysely } from 'kysely';
import type { CandidateOptions } from '../corpus-repo.js';
import type { Database } from './schema.js';
import { anyWordQuery } from './text-search.js';

/** The articles a claim check reads: by the claim's words and by the entities it names. */

/** Publication-date bounds: a month or year in `to` includes all of it. */
function published(options: CandidateOptions) {
  return sql`(${options.from ?? null} is null or a.published >= ${options.from ?? null}) and (${options.to ?? null} is null or a.published <= ${options.to ? `${options.to}\uffff` : null})`;
}

/** Any of the words, best matches first (bm25): an article need not repeat the claim's every word. */
export async function articlesWithWords(db: Kysely<Database>, words: readonly string[], options: CandidateOptions): Promise<string[]> {
  if (!words.length) return [];
  const { rows } = await sql<{ id: string }>`
    select a.id from articles_fts join articles a on a.seq = articles_fts.rowid
    where articles_fts match ${anyWordQuery(words)} and ${published(options)}
    order by rank limit ${options.limit}`.execute(db);
  return rows.map((r) => r.id);
}

export async function articlesNaming(db: Kysely<Database>, entityIds: readonly string[], options: CandidateOptions): Promise<string[]> {
  if (!entityIds.length) return [];
  const { rows } = await sql<{ id: string }>`
    select m.article_id as id from mentions m join articles a on a.id = m.article_id
    where m.entity_id in (${sql.join([...entityIds])}) and ${published(options)}
    group by m.article_id order by count(distinct m.entity_id) desc, max(a.seq) desc limit ${options.limit}`.execute(db);
  return rows.map((r) => r.id);
}
