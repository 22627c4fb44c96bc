import type { Generated, Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';

/**
 * Tables the cross-article analysis materialises (migration 0005): refreshed incrementally after
 * articles are saved, so the lists answer from indexed rows instead of recomputing per request.
 */
export type AnalysisTables = {
  analysis_state: { key: string; value: string };
  /** One MinHash signature per article and the near-duplicate group it belongs to. */
  doc_signatures: { article_id: string; seq: number; minhash: Buffer; dup_group: string };
  /** LSH band hashes of the signatures: articles sharing a band are near-duplicate candidates. */
  doc_bands: { band: number; article_id: string };
  propositions: {
    id: Generated<number>;
    about: string;
    /** JSON of the founding claim's features (see features.ts). */
    features: string;
    claims: number;
    sources: number;
    dirty: number;
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
  claim_props: { claim_seq: number; article_id: string; prop_id: number; position: number; features: string };
  contradictions: { prop_id: number; json: string; search: string };
  stories: { prop_id: number; json: string; search: string };
  timeline_items: { id: Generated<number>; key: string; date: string; kind: string; json: string };
  timeline_sources: { item_id: number; article_id: string; ref: string };
  timeline_entities: { item_id: number; entity_id: string };
};

export type AnalysisDatabase = Database & AnalysisTables;

/** The store's database with the analysis tables in its type. */
export function analysisDb(store: Store): Kysely<AnalysisDatabase> {
  return store.db.withTables<AnalysisTables>();
}
