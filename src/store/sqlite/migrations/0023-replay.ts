import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Migration 0023: what the refresh needs to take up a re-analysed article in its place (src/analysis/rewind.ts).
 * - `claim_props.matched`: the claim found its proposition through the matcher (founding it, or widening its features
 *   with its own), not by answering a claim of its article; the proposition's features are those claims' in turn.
 * - `propositions.replay`: it lost a claim, so its features and keys are to be derived again from the claims it has
 *   left. The trigger that marks it dirty marks this too; the partial index finds the few marked.
 */
export const replay: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table claim_props add column matched integer not null default 1`.execute(db);
    await sql`alter table propositions add column replay integer not null default 0`.execute(db);
    await sql`create index propositions_replay on propositions (id) where replay = 1`.execute(db);
    await sql`drop trigger claim_props_gone`.execute(db);
    await sql`create trigger claim_props_gone after delete on claim_props begin update propositions set dirty = 1, replay = 1 where id = old.prop_id; end`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop trigger claim_props_gone`.execute(db);
    await sql`create trigger claim_props_gone after delete on claim_props begin update propositions set dirty = 1 where id = old.prop_id; end`.execute(db);
    await sql`drop index propositions_replay`.execute(db);
    await sql`alter table propositions drop column replay`.execute(db);
    await sql`alter table claim_props drop column matched`.execute(db);
  },
};
