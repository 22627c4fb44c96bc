import { sql, type Kysely } from 'kysely';
import type { Analysis } from '../../contract/index.js';
import type { ArticleStatements } from './article-statements.js';
import type { Database } from './schema.js';
import { tallyMentions } from '../kysely/mention-tally.js';

/**
 * The counts the saves keep beside the mentions, in the transaction (or savepoint) that writes
 * them: each entity's mention and article counts and its surface forms' counts (migration 0012),
 * as the PostgreSQL store keeps them. Every write of mentions goes through insertAnalysis and
 * deleteLayers (articles.ts), which call these; rows that fall to zero go, so an entity is listed
 * only while mentioned.
 */

/** After an article's mentions are inserted: add them to the counts. */
export function addMentionCounts(st: ArticleStatements, analysis: Analysis): void {
  const { mentions: counts, aliases } = tallyMentions(analysis);
  // One article per entity, however many times it is listed or mentioned in this one.
  for (const [entity, n] of counts) st.addEntityCount.run(entity, n, 1);
  for (const a of aliases) st.addAliasCount.run(a.entity, a.text, a.n);
}

/** Before an article's mentions are deleted: take them out of the counts. */
export async function removeMentionCounts(trx: Kysely<Database>, articleId: string): Promise<void> {
  // Rows that fell to zero are looked for among this article's entities only (by key, not a scan).
  const named = trx.selectFrom('mentions').select('entity_id').where('article_id', '=', articleId);
  await sql`
    update entity_counts set mentions = entity_counts.mentions - m.n, articles = entity_counts.articles - 1
    from (select entity_id, count(*) as n from mentions where article_id = ${articleId} group by entity_id) as m
    where entity_counts.entity_id = m.entity_id`.execute(trx);
  await trx.deleteFrom('entity_counts').where('entity_id', 'in', named).where('mentions', '<=', 0).execute();
  await sql`
    update entity_aliases set count = entity_aliases.count - m.n
    from (select entity_id, text, count(*) as n from mentions where article_id = ${articleId} group by entity_id, text) as m
    where entity_aliases.entity_id = m.entity_id and entity_aliases.text = m.text`.execute(trx);
  await trx.deleteFrom('entity_aliases').where('entity_id', 'in', named).where('count', '<=', 0).execute();
}
