import type { AnalysisRepo } from './analysis-repo.js';
import type { ArticleStore } from './article-store.js';
import type { CorpusRepo } from './corpus-repo.js';
import type { FeedRepo } from './feed-repo.js';

/**
 * A claimtrail store: the articles, the reads across them, and the materialised cross-article
 * analysis, each behind its interface, so that a backend (src/store/sqlite; see "Adding a store
 * backend" in docs/architecture.md) is all that changes with the database.
 */
export interface Store {
  /** Where the store is, as users name it (a file path for SQLite). */
  readonly path: string;
  /**
   * What opens this store again from another process or thread (openStore's `path`): for
   * PostgreSQL the URL with its password, which `path` leaves out. Never shown to users.
   */
  readonly location: string;
  /** The pipeline version this process analyses with: articles another version stored are re-analysed. */
  readonly pipelineVersion: string;
  readonly articles: ArticleStore;
  readonly corpus: CorpusRepo;
  readonly analysis: AnalysisRepo;
  /** The feeds `claimtrail watch` follows. */
  readonly feeds: FeedRepo;
  /**
   * A value that changes whenever any connection commits a write (the server keeps answers
   * while it stays the same).
   */
  dataVersion(): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Stop each read when the current request's budget (budget.ts) is spent or its client has gone:
   * the server's store.
   */
  boundedReads?: boolean;
}
