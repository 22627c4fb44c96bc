import type { Migration } from './index.js';

/**
 * Migration 0012: the claim ledger and the article list break a tie of dates by article id, not by the order stored
 * (workers store in an order of their own; the article's id is the hash of its text). Their indexes replace 0003's in
 * that order (SQLite's 0017).
 */
export const ledgerTies: Migration = {
  name: '0012_ledger_ties',
  statements: [
    'drop index if exists claims_made_order',
    'drop index if exists claims_speaker_made_order',
    'drop index if exists articles_published_order',
    `create index claims_ledger_order on claims ((coalesce(made, '')), article_id, seq)`,
    `create index claims_speaker_ledger_order on claims (speaker_entity, (coalesce(made, '')), article_id, seq)`,
    `create index articles_published_order on articles ((coalesce(published, '')), id)`,
  ],
};
