import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The tables the refresh's steps read by key, where the planner's statistics choose between index lookups and whole-table
 * scans, and the columns they are read, joined and ordered by. Only those are analysed: statistics of every column of
 * `claims` (its text, two tsvectors) took 145 ms a time, of its key columns 50 ms; the others are autovacuum's.
 */
const READ_BY_KEY: Readonly<Record<string, readonly string[]>> = {
  articles: ['seq', 'id', 'refreshed', 'intake'],
  claims: ['seq', 'article_id', 'speaker_entity'],
  claim_props: ['claim_seq', 'prop_id', 'rank', 'dup_group'],
  doc_bands: ['band', 'article_id'],
  doc_signatures: ['article_id', 'dup_group'],
  entities: ['id'],
  prop_ids: ['founder'],
  prop_keys: ['key', 'prop_id'],
  propositions: ['id', 'dirty'],
  timeline_items: ['id', 'key'],
};

/**
 * Analyse those of the refresh's tables that have grown well past their statistics: by more than a fifth of the rows the
 * planner believes they hold (and 500) since the last ANALYZE. Autovacuum does the same after a tenth, but
 * only when it next wakes (every minute by default): right after a bulk import the planner still sees the empty tables
 * of its start, and reads a proposition's members by hashing whole tables — 1.7 s of the 10.6 s refresh of PolNeAR's
 * 923 articles, against 0.3 s once analysed (docs/quality.md). In a store that grows steadily autovacuum gets there
 * first and this reads one row of statistics per table. Tables this role does not own (it may not analyse them) are left to autovacuum.
 */
export async function freshenStatistics(db: Kysely<Database>): Promise<void> {
  // Measured against the rows the planner believes in (reltuples, as autovacuum does): the activity counters start at
  // zero in a database copied from a template or after a crash, and a table of millions would be analysed for nothing.
  // Read from pg_class and the counter's function, not the pg_stat_user_tables view: 0.2 ms a step rather than 1–2 ms
  // (the view plans and reads every table's counters). Growth is the live rows counted against reltuples, which every
  // ANALYZE sets: one of some columns does not reset the count of rows changed since the last (pg_stat_get_mod_since_analyze).
  const { rows } = await sql<{ relname: string }>`
    select c.relname from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relname = any(${Object.keys(READ_BY_KEY)}::name[])
      and pg_stat_get_live_tuples(c.oid) > 500 + 1.2 * greatest(c.reltuples, 0) and pg_has_role(c.relowner, 'MEMBER')
    order by c.relname`.execute(db);
  for (const { relname } of rows) await sql`analyze ${sql.table(relname)} (${sql.join(READ_BY_KEY[relname]!.map((c) => sql.ref(c)))})`.execute(db);
}
