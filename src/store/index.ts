import { isPostgresUrl } from './postgres/url.js';
import type { OpenOptions, Store } from './store.js';

/**
 * The store: interfaces (store.ts, article-store.ts, corpus-repo.ts, analysis-repo.ts,
 * analysis-step.ts) and the backends that implement them (sqlite/, postgres/). Nothing outside src/store
 * knows which database it is.
 */
export type { AnalysisRepo } from './analysis-repo.js';
export type { AnalysisStep, ClaimPropositionRow, MemberRow, Members, MemberWindow, PropositionWrites, Recomputed, Replayed, ReplayMember, RewindPoint, Signature, SignatureRow, StoredArticle, TimelineRow } from './analysis-step.js';
export type { ArticleStore, SaveManyOptions, SaveOptions, SaveResult } from './article-store.js';
export type { CandidateOptions, CorpusRepo } from './corpus-repo.js';
export type { FeedRepo, PollRecord } from './feed-repo.js';
export type { OpenOptions, Store } from './store.js';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB = 'claimtrail.db';

/** The store path (or PostgreSQL URL) from an option, else CLAIMTRAIL_DB, else ./claimtrail.db. */
export function resolveDbPath(option?: string): string {
  return option ?? process.env.CLAIMTRAIL_DB ?? DEFAULT_DB;
}

/**
 * Open (creating if needed) the store at `path` and bring its schema up to date: a PostgreSQL
 * database for a postgres:// or postgresql:// URL, else a SQLite file (or ':memory:').
 * `pipelineVersion` is stored with each analysis saved.
 */
export async function openStore(path: string, pipelineVersion = 'claimtrail', options: OpenOptions = {}): Promise<Store> {
  // The backend (Kysely, the driver: hundreds of modules) loads when a store is opened, not with
  // every command that might open one (`claimtrail --version`, `--help`).
  if (isPostgresUrl(path)) {
    const { PostgresStore } = await import('./postgres/store.js');
    return PostgresStore.open(path, pipelineVersion, options);
  }
  const { SqliteStore } = await import('./sqlite/store.js');
  return SqliteStore.open(path, pipelineVersion, options);
}
