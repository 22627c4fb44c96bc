import type { AboutFilter, PageOptions, TimelineFilters } from '../../../contract/index.js';
import type { AnalysisRepo } from '../../analysis-repo.js';
import type { AnalysisStep } from '../../analysis-step.js';
import type { SqliteStore } from '../store.js';
import { refreshPending } from '../../kysely/refresh-pending.js';
import { listTables } from '../../kysely/tables.js';
import { analysisCounts, duplicateGroups, listContradictions, listPropositions, listStories, timeline } from '../../kysely/analysis-lists.js';
import { Statements } from './statements.js';
import { SqliteAnalysisStep } from './step.js';

/**
 * The cross-article analysis in the SQLite store: its tables (migration 0005), read by lists.ts
 * and written by the refresh's steps through statements prepared once per connection.
 */
export class SqliteAnalysis implements AnalysisRepo {
  private steps: SqliteAnalysisStep | null = null;

  constructor(private readonly store: SqliteStore) {}

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

  /** BEGIN IMMEDIATE takes SQLite's one write lock: steps of every process serialise on it. */
  step<T>(work: (step: AnalysisStep) => Promise<T>): Promise<T> {
    return this.store.writeTransaction(() => {
      this.steps ??= new SqliteAnalysisStep(new Statements(this.store.sqlite, this.store.db));
      return work(this.steps);
    });
  }
}
