import type {
  AboutFilter,
  AnalysisCounts,
  Contradiction,
  DuplicateGroup,
  Page,
  PageOptions,
  PropositionSummary,
  Story,
  TimelineFilters,
  TimelineItem,
} from '../contract/index.js';
import type { AnalysisStep, RewindPoint } from './analysis-step.js';

/** What a refresh would find to do: an analysis of another version to clear, dirty propositions, articles not yet taken. */
export interface RefreshPending {
  stale: boolean;
  dirty: boolean;
  articles: boolean;
  /** Where saves noted replaced articles (AnalysisStep.rewindPoint), as read outside a step. */
  rewind: RewindPoint | null;
}

/**
 * The cross-article analysis materialised in the store (src/analysis computes it): read as lists,
 * brought up to date in steps.
 */
export interface AnalysisRepo {
  listContradictions(options?: AboutFilter & PageOptions): Promise<Page<Contradiction>>;
  listStories(options?: AboutFilter & PageOptions): Promise<Page<Story>>;
  listPropositions(options?: AboutFilter & PageOptions & { minClaims?: number }): Promise<Page<PropositionSummary>>;
  /** Groups of near-duplicate articles (two or more members), by their first stored article. */
  duplicateGroups(options?: PageOptions): Promise<Page<DuplicateGroup>>;
  counts(): Promise<AnalysisCounts>;
  /** Dated events and claims in date order, each with the articles it comes from. */
  timeline(options?: TimelineFilters & PageOptions): Promise<Page<TimelineItem>>;
  /**
   * Run one step of the refresh as a write transaction that holds the analysis's write lock from
   * its start, waiting for other writers (other processes included) as a save does. Steps of
   * different processes serialise, and each reads where the analysis stands inside its own, so
   * none repeats or skips another's work. (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction
   * that first takes pg_advisory_xact_lock on one key.)
   */
  step<T>(work: (step: AnalysisStep) => Promise<T>): Promise<T>;
  /**
   * What a refresh would find to do (articles counted only before the intake key `before`), read
   * outside any step, so that one with nothing to do takes no write lock: on PostgreSQL a step holds
   * it alone, and every save waits for it. Safe to act on without the lock: whatever another process
   * writes after this read, that process refreshes after it.
   */
  pending(version: string, before: string | null): Promise<RefreshPending>;
}
