import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0009: ids that survive recomputes, and no orphans after a re-analysis.
 * - `prop_ids` remembers the id of each proposition's founding claim, so contradictions and
 *   stories (named after their proposition) keep their ids when the analysis is recomputed.
 * - A timeline item whose last source article is deleted (replaced by --reanalyze) goes with it,
 *   and its entity rows by cascade; items already orphaned are removed.
 */
export const stableIds: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('prop_ids')
      .addColumn('founder', 'text', (c) => c.primaryKey())
      .addColumn('id', 'integer', (c) => c.notNull())
      .execute();
    await sql`insert into prop_ids (founder, id)
      select cp.article_id || '/' || c.claim_id, cp.prop_id from claim_props cp join claims c on c.seq = cp.claim_seq
      where cp.claim_seq = (select min(claim_seq) from claim_props where prop_id = cp.prop_id)`.execute(db);
    await sql`create trigger timeline_sources_gone after delete on timeline_sources
      when not exists (select 1 from timeline_sources where item_id = old.item_id)
      begin delete from timeline_items where id = old.item_id; end`.execute(db);
    await sql`delete from timeline_items where not exists (select 1 from timeline_sources s where s.item_id = timeline_items.id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop trigger if exists timeline_sources_gone`.execute(db);
    await db.schema.dropTable('prop_ids').ifExists().execute();
  },
};
