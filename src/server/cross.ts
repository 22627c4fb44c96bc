import { listContradictions, listStories, refreshAnalysis, timeline, type Contradiction, type ListOptions, type Story, type TimelineItem, type TimelineOptions } from '../analysis/index.js';
import type { Page, Store } from '../store/store.js';

export type { Contradiction, Story, TimelineItem };

/**
 * What the workbench reads of the cross-article analysis (src/analysis): contradictions, claim
 * stories and the timeline, materialised in the store; `refresh` brings them up to date after
 * articles were saved. An interface so tests can serve known data through the HTTP layer.
 */
export interface CrossArticle {
  listContradictions(store: Store, options: ListOptions): Promise<Page<Contradiction>>;
  listStories(store: Store, options: ListOptions): Promise<Page<Story>>;
  timeline(store: Store, options: TimelineOptions): Promise<Page<TimelineItem>>;
  refresh(store: Store): Promise<unknown>;
}

export const crossArticle: CrossArticle = { listContradictions, listStories, timeline, refresh: refreshAnalysis };
