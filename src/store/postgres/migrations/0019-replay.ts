import type { Migration } from './index.js';

/**
 * Migration 0019: `claim_props.matched` and `propositions.replay`, as on SQLite (its 0023, which says why): what the
 * refresh needs to take up a re-analysed article in its place.
 */
export const replay: Migration = {
  name: '0019_replay',
  statements: [
    'alter table claim_props add column matched smallint not null default 1',
    'alter table propositions add column replay smallint not null default 0',
    'create index propositions_replay on propositions (id) where replay = 1',
    `create or replace function claim_props_gone() returns trigger language plpgsql as $$
      begin
        update propositions set dirty = 1, replay = 1 where id = old.prop_id;
        return null;
      end $$`,
  ],
};
