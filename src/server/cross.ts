import { duplicateGroups, listContradictions, listStories, refreshAnalysis, timeline, type Contradiction, type DuplicateGroup, type ListOptions, type Story, type TimelineItem, type TimelineOptions } from '../analysis/index.js';
import type { Page, Store } from '../store/store.js';

export type { Contradiction, DuplicateGroup, Story, TimelineItem };

/**
 * What the workbench reads of the cross-article analysis (src/analysis): contradictions, claim
 * stories, the timeline and near-duplicate groups, materialised in the store; `refresh` brings them up to date after
 * articles were saved. An interface so tests can serve known data through the HTTP layer.
 */
export interface CrossArticle {
  listContradictions(store: Store, options: ListOptions): Promise<Page<Contradiction>>;
  listStories(store: Store, options: ListOptions): Promise<Page<Story>>;
  timeline(store: Store, options: TimelineOptions): Promise<Page<TimelineItem>>;
  duplicateGroups(store: Store, options: { limit?: number; cursor?: string | null }): Promise<Page<DuplicateGroup>>;
  refresh(store: Store): Promise<unknown>;
}

export const crossArticle: CrossArticle = { listContradictions, listStories, timeline, duplicateGroups, refresh: refreshAnalysis };
