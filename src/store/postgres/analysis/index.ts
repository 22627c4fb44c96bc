import type { AboutFilter, PageOptions, TimelineFilters } from '../../../contract/index.js';
import type { AnalysisRepo } from '../../analysis-repo.js';
import type { AnalysisStep } from '../../analysis-step.js';
import type { PostgresStore } from '../store.js';
import { refreshPending } from '../../kysely/refresh-pending.js';
import { listTables } from '../../kysely/tables.js';
import { analysisCounts, duplicateGroups, listContradictions, listPropositions, listStories, timeline } from '../../kysely/analysis-lists.js';
import { PostgresAnalysisStep } from './step.js';

/**
 * The cross-article analysis in the PostgreSQL store: its tables (migration 0002), read by
 * lists.ts and written by the refresh's steps (step.ts), a few batched statements each.
 */
export class PostgresAnalysis implements AnalysisRepo {
  constructor(private readonly store: PostgresStore) {}

  listContradictions(options?: AboutFilter & PageOptions) {
    return listContradictions(listTables(this.store.db), options);
  }

  listStories(options?: AboutFilter & PageOptions) {
    return listStories(listTables(this.store.db), options);
  }

  listPropositions(options?: AboutFilter & PageOptions & { minClaims?: number }) {
    return listPropositions(listTables(this.store.db), options);
  }

  duplicateGroups(options?: PageOptions) {
    return duplicateGroups(listTables(this.store.db), options);
  }

  counts() {
    return analysisCounts(listTables(this.store.db));
  }

  timeline(options?: TimelineFilters & PageOptions) {
    return timeline(listTables(this.store.db), options);
  }

  pending(version: string, before: string | null) {
    return refreshPending(this.store.db, version, before);
  }

  /**
   * One transaction that first takes the store's write lock (pg_advisory_xact_lock on one key):
   * steps of every process and machine serialise with each other and with saves.
   */
  step<T>(work: (step: AnalysisStep) => Promise<T>): Promise<T> {
    return this.store.writeTransaction((trx) => work(new PostgresAnalysisStep(trx)));
  }
}
