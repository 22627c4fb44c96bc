import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Page } from '../store/store.js';

/**
 * What the workbench needs from the cross-article analysis (src/analysis, issue 5). The shapes
 * are the contract of `claimtrail contradictions --json` and `claimtrail stories --json`.
 */
export interface SideClaim {
  article: string;
  claim: string;
  speaker: string | null;
  content: string;
  said: string | null;
}

export interface Contradiction {
  id: string;
  about: string;
  sides: { stance: string; claims: SideClaim[] }[];
}

export interface StoryStep {
  stance: string;
  speaker: string | null;
  content: string;
  said: string | null;
  article: string;
  claim: string;
}

export interface Story {
  id: string;
  about: string;
  steps: StoryStep[];
}

/** One dated entry of the timeline: an event or a claim, with the articles that report it. */
export interface TimelineEntry {
  date: string | null;
  kind: 'event' | 'claim';
  /** Event type or claim stance. */
  type: string;
  text: string;
  sources: { article: string; id: string; title: string | null; source: string | null; published: string | null }[];
}

export interface CrossListOptions {
  about?: string;
  limit?: number;
  cursor?: string | null;
}

export interface TimelineOptions {
  entity?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string | null;
}

export interface CrossArticle {
  listContradictions(db: Kysely<Database>, options: CrossListOptions): Promise<Page<Contradiction>>;
  listStories(db: Kysely<Database>, options: CrossListOptions): Promise<Page<Story>>;
  timeline(db: Kysely<Database>, options: TimelineOptions): Promise<Page<TimelineEntry>>;
}

/**
 * The cross-article analysis of this build, or null while src/analysis does not provide it yet:
 * the endpoints that need it then answer 503 and say so.
 */
export async function loadCrossArticle(): Promise<CrossArticle | null> {
  const path = '../analysis/index.js';
  try {
    const m = (await import(path)) as Partial<CrossArticle>;
    if (typeof m.listContradictions === 'function' && typeof m.listStories === 'function' && typeof m.timeline === 'function') {
      return { listContradictions: m.listContradictions, listStories: m.listStories, timeline: m.timeline };
    }
    return null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
}
