import type { Analysis, Article } from '../contract/index.js';

/** What an article's row and its layers' row hold of its analysis, as read back. */
export type StoredAnalysis = Pick<Article, 'ref' | 'title' | 'published' | 'source' | 'url' | 'language'> & { json: string };

/** The layers of an analysis as their row stores them: one JSON text, the same on every store. */
export function layersJson({ entities, times, quantities, claims, events }: Analysis): string {
  return JSON.stringify({ entities, times, quantities, claims, events });
}

const FIELDS = ['ref', 'title', 'published', 'source', 'url', 'language'] as const;

/**
 * Whether writing `analysis` over the stored analysis of the same text (same id, same pipeline) would store what is there
 * already: the same metadata and the same layers. A re-analysis then leaves the article, its rows and what the
 * cross-article analysis derived from it alone, as a fresh run would have them, where writing it again would drop
 * them and the refresh would derive them once more, in an order of its own.
 */
export function unchangedBy(stored: StoredAnalysis, analysis: Analysis): boolean {
  return FIELDS.every((f) => (stored[f] ?? null) === (analysis.article[f] ?? null)) && stored.json === layersJson(analysis);
}
