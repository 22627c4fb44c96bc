import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0014: each claim of a proposition keeps its article's near-duplicate group
 * (`claim_props.dup_group`, indexed with the proposition), so a proposition's sources — its
 * articles, copies counted once — are counted along one index. They were counted by joining every
 * member with its claim and its article's signature: 0.35 s for a proposition of 82,000 claims in a
 * store of 100,000 articles (docs/quality.md), paid each time a claim joined it.
 */
export const claimGroups: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table claim_props add column dup_group text not null default ''`.execute(db);
    await sql`update claim_props set dup_group = coalesce((select s.dup_group from doc_signatures s where s.article_id = claim_props.article_id), claim_props.article_id)`.execute(db);
    await sql`create index claim_props_groups on claim_props (prop_id, dup_group)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index claim_props_groups`.execute(db);
    await sql`alter table claim_props drop column dup_group`.execute(db);
  },
};
