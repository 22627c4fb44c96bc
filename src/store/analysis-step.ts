import type { Analysis, Stance } from '../contract/index.js';

/**
 * What one step of the cross-article refresh reads and writes, inside the transaction that
 * AnalysisRepo.step holds. The refresh binds thousands of small rows per step, so the methods
 * take and return whole batches: an implementation answers each with few round trips (SQLite:
 * statements prepared once per connection). Features are JSON text the analysis writes and
 * reads back; the store never looks inside them.
 */
export interface AnalysisStep {
  /** A value of the refresh's own state (the last rank it gave, its version, its generation). */
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;
  /** Drop everything the analysis materialised, but not the ids propositions' founders had; every article is to be taken again. */
  clear(): Promise<void>;

  /**
   * Articles the refresh has not taken yet, in intake order (src/store/intake.ts; storing order on
   * a tie), with their layers; only those whose intake key sorts before `before` when it is given.
   * An article is taken once its signature is added (addSignatures).
   */
  nextArticles(limit: number, before: string | null): Promise<StoredArticle[]>;
  /** For each article, its claims' stored sequence numbers by claim id. */
  claimSeqs(articleIds: readonly string[]): Promise<Map<string, Map<string, number>>>;

  /** Articles stored under each LSH band, in the order they were added. */
  bandMembers(bands: readonly number[]): Promise<Map<number, string[]>>;
  /** The stored MinHash signatures and near-duplicate groups of these articles (those that have one). */
  signatures(articleIds: readonly string[]): Promise<Map<string, Signature>>;
  /** Store articles' signatures and groups, each article under the bands the analysis indexes it by, and mark them taken. */
  addSignatures(rows: readonly SignatureRow[]): Promise<void>;

  /** The largest proposition id given so far, including ids only remembered for their founders (0 if none). */
  highestPropositionId(): Promise<number>;
  /** The propositions found under each key, in the order the keys were added. */
  propositionsByKey(keys: readonly string[]): Promise<Map<string, number[]>>;
  /** The features (JSON) of these propositions. */
  propositionFeatures(ids: readonly number[]): Promise<Map<number, string>>;
  /** The id each founding claim ("article/claim") had before, where it had one. */
  foundedIds(founders: readonly string[]): Promise<Map<string, number>>;
  /** Which of these proposition ids exist now. */
  existingPropositions(ids: readonly number[]): Promise<Set<number>>;
  /** Write a batch's new propositions and keys, widened features and dirty marks, and the ids of new founders. */
  writePropositions(writes: PropositionWrites): Promise<void>;
  /** Put claims in their propositions. */
  addClaimPropositions(rows: readonly ClaimPropositionRow[]): Promise<void>;

  /**
   * Where saves noted they replaced articles the refresh had taken (src/analysis/rewind.ts): the earliest place of one
   * whose analysis changed, how many articles they replaced since, and how many the refresh has taken from that place
   * on. Null when none changed.
   */
  rewindPoint(): Promise<RewindPoint | null>;
  /**
   * Take back what the refresh derived from the articles from this place on: their claims leave their propositions,
   * their signatures, bands and timeline sources go, and they are to be taken again. The saves' notes are cleared.
   */
  rewind(from: string): Promise<void>;
  /**
   * Propositions that lost claims since their features were derived, lowest id first (at most `limit`), each with the
   * claims it has left in the order the refresh matched them: by article, then by place in the text.
   */
  replays(limit: number): Promise<Map<number, ReplayMember[]>>;
  /** Store propositions' features and keys derived again (and mark them to be recomputed), or delete those left with no claim. */
  replayed(propositions: readonly Replayed[]): Promise<void>;

  /** Add timeline items, or sources to the stored item of the same key. */
  addTimeline(items: readonly TimelineRow[]): Promise<void>;

  /** Propositions that gained or lost claims since they were last computed, lowest id first. */
  dirtyPropositions(limit: number): Promise<{ id: number; features: string }[]>;
  /**
   * The claims of each proposition with what the analysis needs of them, in the order the refresh
   * took them (their rank): all of them up to `window.size`; of a larger one its first `window.head` and its latest
   * `window.size − window.head`, with the counts of all (so recomputing it costs the same however
   * large it grows).
   */
  members(propositionIds: readonly number[], window: MemberWindow): Promise<Map<number, Members>>;
  /** The canonical names of these entities (those stored). */
  entityNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** Store what was recomputed of each proposition: its summary, contradiction and story, or that it is gone. */
  saveRecomputed(results: readonly Recomputed[]): Promise<void>;
}

export interface StoredArticle {
  analysis: Analysis;
}

export interface Signature {
  minhash: Uint8Array;
  group: string;
}

export interface SignatureRow extends Signature {
  article: string;
  /** The article's place in the order the refresh took articles. */
  seq: number;
  bands: readonly number[];
}

export interface PropositionWrites {
  /** Founding claims and the ids their propositions got. */
  founders: readonly (readonly [founder: string, id: number])[];
  /** New propositions and their features. */
  created: readonly (readonly [id: number, features: string])[];
  keys: readonly (readonly [key: string, id: number])[];
  /** Stored propositions whose features grew. */
  widened: readonly (readonly [id: number, features: string])[];
  /** Propositions to recompute. */
  dirty: readonly number[];
}

export interface ClaimPropositionRow {
  claimSeq: number;
  article: string;
  proposition: number;
  /** +1 affirms the proposition, −1 denies it, 0 takes no side. */
  position: number;
  features: string;
  /** The claim's place in the order the refresh took claims. */
  rank: number;
  /** Its article's near-duplicate group. */
  group: string;
  /** It found its proposition through the matcher (founding it, or widening it), not by answering a claim of its article. */
  matched: boolean;
}

export interface RewindPoint {
  /** The intake key of the earliest article replaced with a changed analysis. */
  from: string;
  /** Articles replaced since the notes were last cleared, whether their analysis changed or not. */
  replaced: number;
  /** Articles the refresh has taken whose intake key sorts at or after `from`. */
  taken: number;
}

/** A claim of a proposition as its features are derived again. */
export interface ReplayMember {
  features: string;
  matched: boolean;
}

/** A proposition's features (JSON) and lookup keys derived again; null features: it has no claim left. */
export interface Replayed {
  id: number;
  features: string | null;
  keys: readonly string[];
}

export interface TimelineRow {
  /** What makes two articles' items one: the same event or claim on the same date. */
  key: string;
  date: string;
  kind: 'event' | 'claim';
  /** The item's fields (JSON). */
  json: string;
  entities: readonly string[];
  /** The articles that report it, and the event or claim id in each. */
  sources: readonly (readonly [article: string, ref: string])[];
}

/** How many of a proposition's claims are read to recompute it, and how many of those are its first. */
export interface MemberWindow {
  size: number;
  head: number;
}

/** The claims read of a proposition, and how many it has: claims, and articles counting near-duplicates once. */
export interface Members {
  rows: MemberRow[];
  claims: number;
  sources: number;
}

/** A claim of a proposition, joined with its article, speaker and near-duplicate group. */
export interface MemberRow {
  position: number;
  features: string;
  claim: string;
  article: string;
  /** The article's place in the order the refresh took articles. */
  articleSeq: number;
  speakerEntity: string | null;
  speakerText: string | null;
  speakerName: string | null;
  stance: Stance;
  content: string;
  contentStart: number;
  contentEnd: number;
  said: string | null;
  published: string | null;
  source: string | null;
  dupGroup: string | null;
}

export type Recomputed =
  | { id: number; gone: true }
  | {
      id: number;
      gone: false;
      about: string;
      claims: number;
      sources: number;
      /** What --about searches, lower case. */
      search: string;
      contradiction: { json: string; search: string } | null;
      story: { json: string; search: string } | null;
    };
