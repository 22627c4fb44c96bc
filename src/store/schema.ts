import type { Generated } from 'kysely';

/**
 * Tables of the store. `layers.json` holds each article's analysis as analysed (the record);
 * the other tables index it for queries across articles (by entity, speaker, stance, date …).
 */
export interface Database {
  articles: ArticlesTable;
  layers: LayersTable;
  entities: EntitiesTable;
  mentions: MentionsTable;
  claims: ClaimsTable;
  events: EventsTable;
  articles_fts: ArticlesFtsTable;
  claims_fts: ClaimsFtsTable;
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

export interface ArticlesTable {
  /** Insertion order; cursors page on it. */
  seq: Generated<number>;
  id: string;
  ref: string | null;
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
  text: string;
  words: number;
  added_at: string;
}

export interface LayersTable {
  article_id: string;
  /** JSON of { entities, times, quantities, claims, events }. */
  json: string;
  /** Version of the pipeline that produced the layers. */
  pipeline: string;
}

export interface EntitiesTable {
  id: string;
  name: string;
  type: string;
  subtype: string | null;
  kb: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface MentionsTable {
  article_id: string;
  entity_id: string;
  start: number;
  end: number;
  text: string;
  label: string | null;
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

export interface EventsTable {
  article_id: string;
  event_id: string;
  type: string;
  trigger: string;
  trigger_start: number;
  actor: string | null;
  target: string | null;
  place: string | null;
  time: string | null;
  quantity: number | null;
  status: string;
  /** JSON array of claim ids reporting the event. */
  claims: string;
  rule: string | null;
}
