import type { Migration } from './index.js';

/**
 * Migration 0003: indexes in the claim ledger's own order (the day made, '' for none, then seq),
 * overall and per speaker, so its pages — the entity page's "claims by" among them — are read
 * straight from an index instead of sorting every claim (measured on 100,000 articles:
 * docs/quality.md).
 */
export const ledgerOrderIndexes: Migration = {
  name: '0003_ledger_order_indexes',
  statements: [
    `create index claims_made_order on claims ((coalesce(made, '')), seq)`,
    `create index claims_speaker_made_order on claims (speaker_entity, (coalesce(made, '')), seq)`,
    `create index articles_published_order on articles ((coalesce(published, '')), seq)`,
  ],
};
