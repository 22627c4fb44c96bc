import type { Migration } from './index.js';

/**
 * Migration 0005: which entities each claim's content mentions, one row per pair, kept by the
 * saves (mention-counts.ts) and gone with the claim. "Claims about an entity" reads it by index
 * whether the entity is rare or in most articles — without it, an entity mentioned often but
 * seldom inside claims (a ministry that speaks more than it is spoken of) made the ledger scan
 * every claim. Filled here from the claims and mentions already stored.
 */
export const claimMentions: Migration = {
  name: '0005_claim_mentions',
  statements: [
    `create table claim_mentions (
      entity_id text collate "C" not null,
      claim_seq integer not null references claims (seq) on delete cascade,
      primary key (entity_id, claim_seq)
    )`,
    `create index claim_mentions_claim on claim_mentions (claim_seq)`,
    `insert into claim_mentions (entity_id, claim_seq)
      select distinct m.entity_id, c.seq from mentions m
      join claims c on c.article_id = m.article_id and m.start >= c.content_start and m.end <= c.content_end`,
  ],
};
