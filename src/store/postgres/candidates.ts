import { sql, type Kysely } from 'kysely';
import type { CandidateOptions } from '../corpus-repo.js';
import type { Database } from './schema.js';
import { anyWord } from './text-search.js';

/** The articles a claim check reads: by the claim's words and by the entities it names. */

/** Publication-date bounds: a month or year in `to` includes all of it. */
function published(options: CandidateOptions) {
  return sql`(${options.from ?? null}::text is null or a.published >= ${options.from ?? null}) and (${options.to ?? null}::text is null or a.published <= ${options.to ? `${options.to}\uffff` : null})`;
}

/**
 * Any of the words, best matches first (ts_rank, then the latest stored): an article need not
 * repeat the claim's every word.
 */
export async function articlesWithWords(db: Kysely<Database>, words: readonly string[], options: CandidateOptions): Promise<string[]> {
  if (!words.length) return [];
  const { rows } = await sql<{ id: string }>`
    select a.id from articles a, ${anyWord(words)} q
    where a.fts @@ q and ${published(options)}
    order by ts_rank(a.fts, q) desc, a.seq desc limit ${options.limit}`.execute(db);
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
