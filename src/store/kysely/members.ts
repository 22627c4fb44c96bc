import { sql, type InferResult, type Kysely } from 'kysely';
import type { Stance } from '../../contract/index.js';
import type { MemberRow } from '../analysis-step.js';
import type { ArticlesTable, EntitiesTable, ResultTables } from './tables.js';

/** The tables a proposition's members are read from, as both backends have them. */
export interface MemberTables {
  /** `rank`: the claim's place in the order the refresh took claims (members are read in it); `dup_group`: its article's near-duplicate group. */
  claim_props: { claim_seq: number; article_id: string; prop_id: number; position: number; features: string; rank: number; dup_group: string; matched: number };
  claims: {
    seq: number;
    article_id: string;
    claim_id: string;
    speaker_entity: string | null;
    speaker_text: string | null;
    stance: string;
    content: string;
    content_start: number;
    content_end: number;
    said: string | null;
  };
  articles: ArticlesTable;
  doc_signatures: ResultTables['doc_signatures'];
  entities: EntitiesTable;
}

/** A store's database seen as the tables the member reads use (see listTables in tables.ts for why a cast). */
export function memberTables<DB extends Record<keyof MemberTables, unknown>>(db: Kysely<DB>): Kysely<MemberTables> {
  return db as unknown as Kysely<MemberTables>;
}

/** A proposition's claims joined with their articles, speakers and near-duplicate groups (filter and order added by the caller). */
export function memberQuery(db: Kysely<MemberTables>) {
  return db
    .selectFrom('claim_props as cp')
    .innerJoin('claims as c', 'c.seq', 'cp.claim_seq')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    // Every claim in a proposition is of an article the refresh took, so signed.
    .innerJoin('doc_signatures as ds', 'ds.article_id', 'a.id')
    .leftJoin('entities as e', 'e.id', 'c.speaker_entity')
    .select([
      'cp.prop_id',
      'cp.position',
      'cp.features',
      'c.claim_id',
      'c.article_id',
      'c.speaker_entity',
      'c.speaker_text',
      'c.stance',
      'c.content',
      'c.content_start',
      'c.content_end',
      'c.said',
      'ds.seq',
      'a.published',
      'a.source',
      'ds.dup_group',
      'e.name as speaker_name',
    ]);
}

/**
 * Propositions' claims as their features are derived again (filter on cp.prop_id added by the caller), in the order
 * the refresh matched them: by rank, given to each article and then to its claims in the order they are matched
 * (assignArticle in src/analysis/matcher.ts).
 */
export function replayQuery(db: Kysely<MemberTables>) {
  return db
    .selectFrom('claim_props as cp')
    .select(['cp.prop_id', 'cp.features', 'cp.matched'])
    .orderBy('cp.prop_id')
    .orderBy('cp.rank');
}

/** How many articles a proposition's claims come from, copies of one article counted once (filter on cp.prop_id added by the caller): along claim_props_groups alone. */
export function memberSourcesQuery(db: Kysely<MemberTables>) {
  return db.selectFrom('claim_props as cp').select(sql<number | string>`count(distinct cp.dup_group)`.as('n'));
}

/** A proposition's claim as both stores' member queries return it (claim_props joined with claims, articles, signatures, entities). */
export type MemberSqlRow = InferResult<ReturnType<typeof memberQuery>>[number];

export function memberRow(r: MemberSqlRow): MemberRow {
  return {
    position: r.position,
    features: r.features,
    claim: r.claim_id,
    article: r.article_id,
    articleSeq: r.seq,
    speakerEntity: r.speaker_entity,
    speakerText: r.speaker_text,
    speakerName: r.speaker_name,
    stance: r.stance as Stance,
    content: r.content,
    contentStart: r.content_start,
    contentEnd: r.content_end,
    said: r.said,
    published: r.published,
    source: r.source,
    dupGroup: r.dup_group,
  };
}
