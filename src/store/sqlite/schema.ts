import type { Generated } from 'kysely';
import type { FeedTables } from '../kysely/feeds.js';
import type { ArticlesTable, EntitiesTable, EventsTable, MentionsTable, ResultTables } from '../kysely/tables.js';

export type { ArticlesTable, EntitiesTable, MentionsTable };

/**
 * Tables of the SQLite store. `layers.json` holds each article's analysis as analysed (the
 * record); the other tables index it for queries across articles (by entity, speaker, stance,
 * date …), and AnalysisTables hold the cross-article analysis.
 */
export interface Database extends AnalysisTables, FeedTables {
  articles: ArticlesTable;
  layers: LayersTable;
  entities: EntitiesTable;
  mentions: MentionsTable;
  claims: ClaimsTable;
  events: EventsTable;
  articles_fts: ArticlesFtsTable;
  claims_fts: ClaimsFtsTable;
  /** Each mentioned entity's counts, and its surface forms' (migration 0012, mention-counts.ts). */
  entity_counts: { entity_id: string; mentions: number; articles: number };
  entity_aliases: { entity_id: string; text: string; count: number };
}

/** FTS5 index of articles (external content: rowid = articles.seq). */
export interface ArticlesFtsTable {
  rowid: number;
  title: string | null;
  text: string;
}

/** FTS5 index of claims (contentless: rowid = claims.seq). */
export interface ClaimsFtsTable {
  rowid: number;
  speaker: string;
  content: string;
}

export interface LayersTable {
  article_id: string;
  /** JSON of { entities, times, quantities, claims, events }. */
  json: string;
  /** Version of the pipeline that produced the layers. */
  pipeline: string;
}

export interface ClaimsTable {
  seq: Generated<number>;
  article_id: string;
  claim_id: string;
  speaker_entity: string | null;
  speaker_text: string | null;
  cue_lemma: string | null;
  cue_text: string | null;
  content: string;
  content_start: number;
  content_end: number;
  kind: string;
  stance: string;
  /** 1 when the cue is negated ("has not confirmed"). */
  negated: Generated<number>;
  said: string | null;
  /** The day it was made: when said, else its article's publication day (migration 0008). */
  made: string | null;
  via_entity: string | null;
  via_text: string | null;
  rule: string | null;
}

/**
 * Tables the cross-article analysis materialises (migration 0005): refreshed incrementally after
 * articles are saved, so the lists answer from indexed rows instead of recomputing per request.
 */
export interface AnalysisTables extends ResultTables {
  analysis_state: { key: string; value: string };
  /**
   * LSH band hashes of the signatures: articles sharing a band are near-duplicate candidates. The
   * level (migration 0015) is where the row stands in the levelled index (analysis/band-index.ts).
   */
  doc_bands: { band: number; article_id: string; level: Generated<number> };
  propositions: {
    id: Generated<number>;
    about: string;
    /** JSON of the founding claim's features (src/analysis/features.ts). */
    features: string;
    claims: number;
    sources: number;
    dirty: number;
    /** 1: it lost a claim, and its features and keys are to be derived again from those it has left (migration 0023 / 0019). */
    replay: Generated<number>;
    /** Text searched by --about: about, speakers and contents. */
    search: string;
  };
  /**
   * The id each proposition's founding claim ("article/claim") got, never cleared: a proposition
   * founded by the same claim again (after a recompute or a re-analysis) takes the same id.
   */
  prop_ids: { founder: string; id: number };
  /** Keys under which a proposition is found: event type with an argument, MinHash of its words. */
  prop_keys: { key: string; prop_id: number };
  /** `rank`: the claim's place in the order the refresh took claims (members are read in it); `dup_group`: its article's near-duplicate group. */
  claim_props: {
    claim_seq: number;
    article_id: string;
    prop_id: number;
    position: number;
    features: string;
    rank: number;
    dup_group: string;
    /** 1: the claim found its proposition through the matcher (its features are the proposition's), 0: it answers a claim of its article. */
    matched: number;
  };
  timeline_items: { id: Generated<number>; key: string; date: string; kind: string; json: string };
}
