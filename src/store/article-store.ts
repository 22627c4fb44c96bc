import type { Analysis, ArticleFilters, ArticleSummary, Page, PageOptions, SaveStatus } from '../contract/index.js';

/**
 * How to save: `replace` re-writes a stored article; `intake` is its place in the order articles were submitted
 * (src/store/intake.ts), a new key when not given. A re-analysis given `runStart` (runStartKey(), made as it began)
 * re-writes only what was stored before it: of its own copies of one article, the one submitted first stands.
 */
export interface SaveOptions {
  replace?: boolean;
  runStart?: string;
  intake?: string;
}

/** How to save several: as SaveOptions, with `intakes` one key per analysis. */
export interface SaveManyOptions {
  replace?: boolean;
  runStart?: string;
  intakes?: readonly string[];
}

/** What saveMany did with one article. */
export type SaveResult = { ok: true; status: SaveStatus } | { ok: false; error: Error };

/**
 * The articles of a store, one at a time: each saved with all its layers in one transaction (a
 * process killed mid-run leaves whole articles or none), read back whole, listed.
 */
export interface ArticleStore {
  /**
   * Write an article and its layers. An article already stored (same cleaned text, same id) is
   * left alone unless `replace` is set or another pipeline version analysed it; then its layers
   * are re-written, and what the cross-article analysis derived from them is dropped with them.
   */
  save(analysis: Analysis, options?: SaveOptions): Promise<SaveStatus>;
  /**
   * Write several articles as save() does, in one transaction (one commit for an import's batch,
   * not one per article): an article that fails is left out whole and the others are stored
   * (src/store/kysely/save-batch.ts). A database that cannot be written throws, and none is stored.
   */
  saveMany(analyses: readonly Analysis[], options?: SaveManyOptions): Promise<SaveResult[]>;
  /** The version of the pipeline that analysed each of these articles the store holds (full ids; the others are left out), in one read. */
  storedPipelines(ids: readonly string[]): Promise<Map<string, string>>;
  /** Whether the store holds an article another pipeline version analysed: one a run of this version would re-analyse and replace. */
  holdsOtherPipelines(version: string): Promise<boolean>;
  /** The stored analysis of an article, by id, unique id prefix, or ref. */
  getAnalysis(key: string): Promise<Analysis | null>;
  /** The stored analyses of these articles (full ids), in one read; unknown ids are left out. */
  getAnalyses(ids: readonly string[]): Promise<Analysis[]>;
  /**
   * An article id from a full id, a unique prefix of one (at least 4 hex characters), or a ref;
   * null when none matches. A ref or prefix that several articles share throws AmbiguousError.
   */
  resolveArticleId(key: string): Promise<string | null>;
  /**
   * Articles, most recently published first (undated ones last; on a tie by id, so that stores of the same articles list
   * them alike however they were stored), optionally matching full-text words, each with its near-duplicate group when it has copies.
   */
  listArticles(options?: ArticleFilters & PageOptions): Promise<Page<ArticleSummary>>;
  countArticles(): Promise<number>;
}
