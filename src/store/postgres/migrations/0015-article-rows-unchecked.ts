import type { Migration } from './index.js';

/**
 * Migration 0015: the rows written by the thousand for each article no longer check, row by row, that their article
 * (or claim) exists: its mentions, claims, events and layers, its claims' mentions and propositions, and the refresh's
 * MinHash bands, signature and timeline sources. Each check is a locking read of the parent row: 61,383 mentions took
 * 587–739 ms to insert with the check and 73–80 ms without (timed in psql), and PolNeAR's 923 articles make 154,772 of
 * them (docs/quality.md). As with 0010, nothing is lost with the cascades: the one place an article is deleted (saved
 * again, PostgresArticles) deletes these rows first (deleteArticle), every new article's rows are written in the
 * transaction that writes the article, and a claim's rows go in the statements that delete it.
 */
export const articleRowsUnchecked: Migration = {
  name: '0015_article_rows_unchecked',
  statements: [
    'alter table mentions drop constraint mentions_article_id_fkey',
    'alter table claims drop constraint claims_article_id_fkey',
    'alter table events drop constraint events_article_id_fkey',
    'alter table layers drop constraint layers_article_id_fkey',
    'alter table doc_bands drop constraint doc_bands_article_id_fkey',
    'alter table doc_signatures drop constraint doc_signatures_article_id_fkey',
    'alter table timeline_sources drop constraint timeline_sources_article_id_fkey',
    'alter table claim_mentions drop constraint claim_mentions_claim_seq_fkey',
    'alter table claim_props drop constraint claim_props_claim_seq_fkey',
  ],
};
