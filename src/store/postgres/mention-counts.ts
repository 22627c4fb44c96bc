import { sql, type Kysely } from 'kysely';
import type { Analysis } from '../../contract/index.js';
import type { Database } from './schema.js';
import { tallyMentions } from '../kysely/mention-tally.js';

/**
 * What the saves keep about mentions beside the mentions themselves, in the transaction that saves
 * or replaces an article: its entities' mention, article and surface-form counts (migration 0004;
 * a replaced article's are taken away, rows that fall to zero go, so an entity is listed only
 * while mentioned), and which entities each claim's content mentions (0005; gone with the claim).
 */

export async function addMentionCounts(trx: Kysely<Database>, analysis: Analysis): Promise<void> {
  const { mentions: counts, aliases } = tallyMentions(analysis);
  if (!counts.size) return;
  await sql`
    insert into entity_counts (entity_id, mentions, articles)
    select entity_id, n, 1 from unnest(${[...counts.keys()]}::text[], ${[...counts.values()]}::integer[]) as u(entity_id, n)
    on conflict (entity_id) do update set mentions = entity_counts.mentions + excluded.mentions, articles = entity_counts.articles + 1`.execute(trx);
  await sql`
    insert into entity_aliases (entity_id, text, count)
    select * from unnest(${aliases.map((r) => r.entity)}::text[], ${aliases.map((r) => r.text)}::text[], ${aliases.map((r) => r.n)}::integer[])
    on conflict (entity_id, text) do update set count = entity_aliases.count + excluded.count`.execute(trx);
}

/** Before an article's mentions are deleted: take them out of the counts. */
export async function removeMentionCounts(trx: Kysely<Database>, articleId: string): Promise<void> {
  await sql`
    update entity_counts c set mentions = c.mentions - m.n, articles = c.articles - 1
    from (select entity_id, count(*)::integer as n from mentions where article_id = ${articleId} group by entity_id) m
    where c.entity_id = m.entity_id`.execute(trx);
  await sql`delete from entity_counts where mentions <= 0`.execute(trx);
  await sql`
    update entity_aliases a set count = a.count - m.n
    from (select entity_id, text, count(*)::integer as n from mentions where article_id = ${articleId} group by entity_id, text) m
    where a.entity_id = m.entity_id and a.text = m.text`.execute(trx);
  await sql`delete from entity_aliases where count <= 0`.execute(trx);
}

/** The entities each claim's content mentions: a mention inside the content's span. */
export async function addClaimMentions(trx: Kysely<Database>, analysis: Analysis, seqs: ReadonlyMap<string, number>): Promise<void> {
  const mentions = analysis.entities.flatMap((e) => e.mentions.map((m) => ({ entity: e.id, start: m.start, end: m.end }))).sort((a, b) => a.start - b.start);
  const pairs = new Set<string>();
  const entities: string[] = [];
  const claims: number[] = [];
  for (const c of analysis.claims) {
    const seq = seqs.get(c.id)!;
    // The first mention starting inside the content, then on while they do.
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid]!.start < c.content.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < mentions.length && mentions[i]!.start < c.content.end; i++) {
      const m = mentions[i]!;
      const key = `${m.entity}\u0000${seq}`;
      if (m.end > c.content.end || pairs.has(key)) continue;
      pairs.add(key);
      entities.push(m.entity);
      claims.push(seq);
    }
  }
  if (!claims.length) return;
  await sql`
    insert into claim_mentions (entity_id, claim_seq)
    select * from unnest(${entities}::text[], ${claims}::integer[])`.execute(trx);
}
