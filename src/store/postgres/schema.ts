import type { Generated } from 'kysely';
import type { FeedTables } from '../kysely/feeds.js';
import type { ArticlesTable, EntitiesTable, EventsTable, MentionsTable, ResultTables } from '../kysely/tables.js';

export type { ArticlesTable, EntitiesTable, MentionsTable };

/**
 * Tables of the PostgreSQL store, as Kysely sees them: the PostgreSQL store's (src/store/sqlite/schema.ts)
 * with PostgreSQL's own full-text search instead of FTS5 tables (tsvector columns the queries use
 * in raw SQL, so they are not listed here) and explicit order columns where SQLite has rowids.
 * `layers.json` holds each article's analysis as analysed (the record); the other tables index it
 * for queries across articles, and AnalysisTables hold the cross-article analysis.
 */
export interface Database extends AnalysisTables, FeedTables {
  articles: ArticlesTable;
  layers: LayersTable;
  entities: EntitiesTable;
  mentions: MentionsTable;
  claims: ClaimsTable;
  events: PgEventsTable;
  /** Each mentioned entity's counts, and its surface forms' (migration 0004, mention-counts.ts). */
  entity_counts: { entity_id: string; mentions: number; articles: number };
  entity_aliases: { entity_id: string; text: string; count: number };
  /** Which entities each claim's content mentions (migration 0005): the ledger's "about" filters. */
  claim_mentions: { entity_id: string; claim_seq: number };
  /** One row bumped by every write transaction: Store.dataVersion(). */
  data_version: { id: number; n: number };
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
  /** 1 when the cue is negated ("has not confirmed"), as in SQLite. */
  negated: Generated<number>;
  said: string | null;
  /** The day it was made: when said, else its article's publication day. */
  made: string | null;
  via_entity: string | null;
  via_text: string | null;
  rule: string | null;
  /** The speaker's canonical name (else its text), indexed with the content for search (the claim's `fts`). */
  fts_speaker: string;
}

/** Its seq is the order stored, which no list shows (workers store in an order of their own). */
export interface PgEventsTable extends EventsTable {
  seq: Generated<number>;
}

/**
 * Tables the cross-article analysis materialises (migration 0002): refreshed incrementally after
 * articles are saved, so the lists answer from indexed rows instead of recomputing per request.
 */
export interface AnalysisTables extends ResultTables {
  analysis_state: { key: string; value: string };
  /** LSH band hashes of the signatures: articles sharing a band are near-duplicate candidates. */
  doc_bands: { band: number; article_id: string; /** The order rows were added in. */ ord: Generated<number> };
  propositions: {
    id: number;
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
  prop_keys: { key: string; prop_id: number; ord: Generated<number> };
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
  timeline_items: { id: number; key: string; date: string; kind: string; json: string };
}
