import { Type, type Static } from 'typebox';
import { SAVE_STATUSES } from './values.js';
import { Nullable, OneOf } from './kit.js';

/** What POST /api/articles answers: the articles stored and the inputs that failed. */

export const StoredItem = Type.Object({
  id: Type.String(),
  title: Nullable(Type.String()),
  status: OneOf(SAVE_STATUSES, { description: 'new, duplicate (already stored) or replaced' }),
  entities: Type.Integer(),
  claims: Type.Integer(),
  events: Type.Integer(),
  words: Type.Integer(),
});
export type StoredItem = Static<typeof StoredItem>;

export const FailedInput = Type.Object({ origin: Type.String(), message: Type.String() });
export type FailedInput = Static<typeof FailedInput>;

export const IngestResult = Type.Object({ items: Type.Array(StoredItem), errors: Type.Array(FailedInput) });
export type IngestResult = Static<typeof IngestResult>;
