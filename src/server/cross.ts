import { refreshAnalysis } from '../analysis/index.js';
import type { AnalysisRepo, Store } from '../store/index.js';

/**
 * What the workbench reads of the cross-article analysis (contradictions, claim stories, the
 * timeline, near-duplicate groups) and how it is brought up to date after articles were saved.
 * An interface so tests can serve known data through the HTTP layer.
 */
export type CrossArticle = Pick<AnalysisRepo, 'listContradictions' | 'listStories' | 'timeline' | 'duplicateGroups'> & {
  refresh(): Promise<unknown>;
};

/** The store's own analysis, refreshed by src/analysis. */
export function crossArticleOf(store: Store): CrossArticle {
  const lists = store.analysis;
  return {
    listContradictions: (options) => lists.listContradictions(options),
    listStories: (options) => lists.listStories(options),
    timeline: (options) => lists.timeline(options),
    duplicateGroups: (options) => lists.duplicateGroups(options),
    refresh: () => refreshAnalysis(store),
  };
}
