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
