/**
 * The layers of one analysed article, as the contract (src/contract) defines them: the JSON
 * printed by `claimtrail analyze --json` is exactly an {@link Analysis}. Every span is a UTF-16
 * offset pair into `article.text`, end exclusive, with `text === article.text.slice(start, end)`.
 */
export type {
  Analysis,
  Article,
  Claim,
  Content,
  Cue,
  Entity,
  EntityMention,
  EntityRef,
  Event,
  Explanation,
  Quantity,
  Span,
  TimeExpression,
} from '../contract/analysis.js';
export { ENTITY_TYPES, STANCES, type ClaimKind, type EntityType, type EventStatus, type Stance, type TimeType } from '../contract/values.js';

import type { Analysis } from '../contract/analysis.js';

/** The layers of an analysis (everything but the article). */
export type ContractLayer = Exclude<keyof Analysis, 'article'>;

/** Every contract layer, in a record so that one added to `Analysis` and left out here does not compile. */
const CONTRACT_LAYERS: Record<ContractLayer, true> = { entities: true, times: true, quantities: true, claims: true, events: true };

/** The contract's layers in the order `analyze --json` prints them. */
export const ANALYSIS_LAYERS = Object.keys(CONTRACT_LAYERS) as readonly ContractLayer[];
