/**
 * The layers of one analysed article. These shapes are the project's contract
 * (schema/analysis.schema.json): the JSON printed by `claimtrail analyze --json`
 * is exactly an {@link Analysis}. Every span is a UTF-16 offset pair into
 * `article.text`, end exclusive, with `text === article.text.slice(start, end)`.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'LAW', 'EVENT', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Article {
  /** Stable id derived from the cleaned text: same text, same id. */
  id: string;
  title: string | null;
  /** ISO 8601 date or date-time of publication. */
  published: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
  /** Cleaned text; every offset of every layer points into it. */
  text: string;
  /** The caller's own id: a JSONL record's `id`, or the input file's path. */
  ref: string | null;
}

export interface EntityMention extends Span {
  /** This mention's own label where it differs from its entity's type (NORP for "North Korean"). */
  label?: EntityType;
  /** A title or role the text gives the entity at this mention ("President", "Chief of General Staff"). */
  role?: string;
  /** "description" for a definite description referring to the entity ("the commission"); absent for names. */
  kind?: 'name' | 'description';
}

export interface Entity {
  /** Global id: the same real-world entity gets the same id in every article (see entityId()). */
  id: string;
  /** Canonical name. */
  name: string;
  type: EntityType;
  /** ORG subtype: military, intelligence, government, ministry, party, media, international … */
  subtype: string | null;
  /** Knowledge-base id such as wikidata:Q423. */
  kb: string | null;
  mentions: EntityMention[];
  /** ISO 3166-1 alpha-2 code of the country the entity belongs to or lies in, where known. */
  country?: string | null;
  /** [latitude, longitude] for places, where the gazetteer knows them. */
  coords?: [number, number] | null;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends Span {
  /** TIMEX3-style value: 2025-04-27, 2025-04, 2025, 2025-W17, 2025-04-27T14:00, P3D, PRESENT_REF … */
  value: string;
  type: TimeType;
  /** TIMEX3 mod where the text qualifies the value: BEFORE, AFTER, APPROX, START, END … */
  mod?: string;
}

export interface Quantity extends Span {
  value: number;
  /** What is counted ("special forces soldiers"), or null. */
  unit: string | null;
  approximate: boolean;
}

export type ClaimKind = 'direct' | 'indirect' | 'mixed';
export const STANCES = ['assert', 'deny', 'confirm', 'praise', 'condemn', 'warn', 'demand', 'promise', 'question'] as const;
export type Stance = (typeof STANCES)[number];

export interface EntityRef extends Span {
  /** entities[].id after coreference, or null when unresolved. */
  entity: string | null;
}

export interface Cue extends Span {
  lemma: string;
}

export interface Content extends Span {
  /** The pieces of a content interrupted by its cue or speaker, in order. */
  parts?: Span[];
}

/** Why an extractor produced a claim or event: the rule or model, and the lexicon entry it matched. */
export interface Explanation {
  rule: string;
  detail?: string;
}

export interface Claim {
  id: string;
  speaker: EntityRef | null;
  cue: Cue | null;
  content: Content;
  kind: ClaimKind;
  stance: Stance;
  /** When the claim was made (TIMEX3 value), or null when the text does not say. */
  said: string | null;
  /** Intermediary that relayed the claim (e.g. state media). */
  via: EntityRef | null;
  /**
   * Id of the earlier claim of the same article that this one answers or refers back to
   * ("… — claims North Korea dismissed as groundless", "Kyiv rejected the Russian account").
   */
  refersTo?: string;
  /** The cue is negated ("has not confirmed", "never said"): the speaker did not make this claim, so it takes no side. */
  negated?: true;
  explain?: Explanation;
}

export type EventStatus = 'asserted' | 'reported' | 'confirmed' | 'denied' | 'disputed' | 'planned';

export interface Event {
  id: string;
  /** From the taxonomy in docs/events.md. */
  type: string;
  trigger: Span;
  actor: string | null;
  target: string | null;
  place: string | null;
  time: string | null;
  quantity: number | null;
  status: EventStatus;
  /** Ids of the claims that report this event. */
  claims: string[];
  explain?: Explanation;
}

/** One analysed article: what `claimtrail analyze --json` prints per line. */
export interface Analysis {
  article: Article;
  entities: Entity[];
  times: TimeExpression[];
  quantities: Quantity[];
  claims: Claim[];
  events: Event[];
}

/** The layers of an analysis (everything but the article). */
export type ContractLayer = Exclude<keyof Analysis, 'article'>;

/** Every contract layer, in a record so that one added to `Analysis` and left out here does not compile. */
const CONTRACT_LAYERS: Record<ContractLayer, true> = { entities: true, times: true, quantities: true, claims: true, events: true };

/** The contract's layers in the order `analyze --json` prints them. */
export const ANALYSIS_LAYERS = Object.keys(CONTRACT_LAYERS) as readonly ContractLayer[];
