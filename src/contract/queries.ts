import { Type, type Static } from 'typebox';
import { ENTITY_TYPES, SEARCH_KINDS, STANCES } from './values.js';
import { OneOf } from './kit.js';

/**
 * What the lists are asked: filters and paging, as the HTTP API takes them in its query string
 * (validated against these schemas) and the store's queries take them as options.
 */

const DatePrefix = (description: string) => Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: `${description}: YYYY, YYYY-MM or YYYY-MM-DD` });

export const PageParams = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'items per page' })),
  cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 64, description: 'the `next` of the previous page' })),
};

/** Paging of the store's lists: a missing or null cursor is the first page. */
export interface PageOptions {
  limit?: number;
  cursor?: string | null;
}

export const DateRange = {
  from: Type.Optional(DatePrefix('earliest date')),
  to: Type.Optional(DatePrefix('latest date; a month or year includes all of it')),
};

export const ClaimFilters = Type.Object({
  speaker: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'entity id, or words of the speaker’s name (all of them, in any order)' })),
  stance: Type.Optional(OneOf(STANCES)),
  from: Type.Optional(DatePrefix('earliest day the claim was made (said, else its article published)')),
  to: Type.Optional(DatePrefix('latest day the claim was made; a month or year includes all of it')),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'full-text words over speaker and content' })),
  article: Type.Optional(Type.String({ minLength: 4, maxLength: 200, description: 'article id, unique id prefix or ref' })),
  about: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'an entity name mentioned in the content, or words of the content' })),
  mentions: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'entity id mentioned in the content' })),
});
export type ClaimFilters = Static<typeof ClaimFilters>;

export const EntityFilters = Type.Object({
  type: Type.Optional(OneOf(ENTITY_TYPES)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'words of the name' })),
  role: Type.Optional(
    OneOf(['actors', 'outlets'] as const, { description: 'actors: without outlets and platforms (media, and the sources of stored articles); outlets: only those' }),
  ),
});
export type EntityFilters = Static<typeof EntityFilters>;

export const EventFilters = Type.Object({
  type: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  entity: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'entity id as actor, target or place' })),
  place: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'entity id of the place' })),
});
export type EventFilters = Static<typeof EventFilters>;

export const ArticleFilters = Type.Object({ q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'full-text words over title and text' })) });
export type ArticleFilters = Static<typeof ArticleFilters>;

export const SearchFilters = Type.Object({
  kind: Type.Optional(OneOf(SEARCH_KINDS, { description: 'search one kind only (to page it with cursor); all three when absent' })),
});
export type SearchFilters = Static<typeof SearchFilters>;

/** Contradictions, stories and propositions whose about, speakers or claim contents hold these words. */
export const AboutFilter = Type.Object({ about: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'words of what it is about' })) });
export type AboutFilter = Static<typeof AboutFilter>;

export const TimelineFilters = Type.Object({
  entity: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'entity id or name' })),
  ...DateRange,
});
export type TimelineFilters = Static<typeof TimelineFilters>;

export const CheckFilters = Type.Object({
  ...DateRange,
  candidates: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'articles each search (full text, entities) brings at most' })),
});
export type CheckFilters = Static<typeof CheckFilters>;
