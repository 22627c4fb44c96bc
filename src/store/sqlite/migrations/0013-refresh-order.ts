import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0013: the refresh takes articles in the order they were submitted, not the order
 * they were stored, so several workers storing one queue's articles in an order of their own give
 * what one process gives (src/store/intake.ts, src/analysis/refresh.ts).
 * - `articles.intake`: the article's place in that order. Articles stored before keep their storing
 *   order ('0…0seq' sorts before every key given since).
 * - `articles.refreshed` and the partial index `articles_to_refresh`: which articles the refresh has
 *   not taken yet, in intake order, found without reading those it has.
 * - `claim_props.rank`: a claim's place in the order the refresh took claims; a proposition's members
 *   are read in it (their founder first), where they were read in storing order (claim_seq).
 */
export const refreshOrder: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table articles add column intake text not null default ''`.execute(db);
    await sql`update articles set intake = printf('%020d', seq)`.execute(db);
    await sql`alter table articles add column refreshed integer not null default 0`.execute(db);
    await sql`update articles set refreshed = 1 where exists (select 1 from doc_signatures s where s.article_id = articles.id)`.execute(db);
    await sql`create index articles_to_refresh on articles (intake, seq) where refreshed = 0`.execute(db);
    await sql`alter table claim_props add column rank integer not null default 0`.execute(db);
    await sql`update claim_props set rank = claim_seq`.execute(db);
    await sql`drop index claim_props_prop`.execute(db);
    await sql`create index claim_props_prop on claim_props (prop_id, rank)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index claim_props_prop`.execute(db);
    await sql`create index claim_props_prop on claim_props (prop_id)`.execute(db);
    await sql`alter table claim_props drop column rank`.execute(db);
    await sql`drop index articles_to_refresh`.execute(db);
    await sql`alter table articles drop column refreshed`.execute(db);
    await sql`alter table articles drop column intake`.execute(db);
  },
};
