import type { Analysis, Article } from '../doc/types.js';

/**
 * What the analyze path needs of a pipeline: an article's analysis, made on this thread
 * (Pipeline) or on others (AnalysisPool). Either gives the same analysis of the same article.
 */
export interface Analyzer {
  analyze(article: Article): Analysis | Promise<Analysis>;
}
