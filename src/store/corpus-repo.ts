import type {
  ClaimFilters,
  ClaimItem,
  EntityFilters,
  EntityPage,
  EntitySummary,
  EventFilters,
  EventItem,
  Page,
  PageOptions,
  Place,
  SearchFilters,
  SearchResults,
  StoreStats,
} from '../contract/index.js';

/** Which articles a claim check reads: at most `limit`, published within [from, to] when given. */
export interface CandidateOptions {
  limit: number;
  from?: string;
  to?: string;
}

/**
 * Reads across the stored articles: the ledger of claims, entities, events and places, full-text
 * search, and the candidates a claim check reads. Every count and list a surface shows comes
 * from here (or from AnalysisRepo), never from its own query.
 */
export interface CorpusRepo {
  /** How much the store holds. */
  stats(): Promise<StoreStats>;
  /** Claims, most recently made first (when said, else when published; on a tie by article id, the article's last claim first). */
  listClaims(options?: ClaimFilters & PageOptions): Promise<Page<ClaimItem>>;
  /** Every claim matching the filters, oldest first, read in chunks (exports of any size). */
  eachClaim(filters?: ClaimFilters): AsyncIterable<ClaimItem>;
  /** Canonical entities, most mentioned first. */
  listEntities(options?: EntityFilters & PageOptions): Promise<Page<EntitySummary>>;
  /** The entity page: who it is, what it said, what was said about it, where it acted; null when no stored article names it. */
  entityPage(id: string, limit?: number): Promise<EntityPage | null>;
  /** Events, newest article first (its publication, then id), an article's in text order: the same for any order stored. */
  listEvents(options?: EventFilters & PageOptions): Promise<Page<EventItem>>;
  /** Every geocoded event place with its event counts, most events first. */
  listPlaces(): Promise<Place[]>;
  /** Full-text search over articles (best match first) and claims, and entity names. */
  search(q: string, options?: SearchFilters & PageOptions): Promise<SearchResults>;
  /** Ids of articles holding any of these words, best matches first. */
  articlesWithWords(words: readonly string[], options: CandidateOptions): Promise<string[]>;
  /** Ids of articles naming these entities, those naming most of them first (then the latest stored). */
  articlesNaming(entityIds: readonly string[], options: CandidateOptions): Promise<string[]>;
}
