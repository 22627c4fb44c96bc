import { Type, type Static } from 'typebox';
import { CLAIM_KINDS, ENTITY_TYPES, STANCES } from './values.js';
import { Coords, Nullable, OneOf, PageOf, Ref } from './kit.js';

/**
 * What the store answers across articles: the ledger of claims, entities, events, places and
 * search (GET /api/…, the CLI's --json lines, the workbench). Schemas with an $id are components
 * of the OpenAPI description, referenced by name.
 */

export const ArticleSummary = Type.Object(
  {
    id: Type.String(),
    ref: Nullable(Type.String()),
    title: Nullable(Type.String()),
    published: Nullable(Type.String()),
    source: Nullable(Type.String()),
    url: Nullable(Type.String()),
    words: Type.Integer(),
    added: Type.String({ description: 'when it was stored (ISO 8601)' }),
    duplicateGroup: Nullable(Type.String({ description: 'the near-duplicate group it shares with its copies (GET /api/duplicates), or null' })),
  },
  { $id: 'ArticleSummary' },
);
export type ArticleSummary = Static<typeof ArticleSummary>;

/** Who a claim names as its speaker or intermediary: the resolved entity where there is one. */
export const Party = Type.Object({
  entity: Nullable(Type.String()),
  name: Type.String({ description: 'the entity’s canonical name, else the text of the mention' }),
  text: Nullable(Type.String()),
});
export type Party = Static<typeof Party>;

/** One claim of the ledger with where it was published. */
export const ClaimItem = Type.Object(
  {
    article: Type.String(),
    claim: Type.String(),
    speaker: Nullable(Party),
    cue: Nullable(Type.String()),
    cueLemma: Nullable(Type.String()),
    content: Type.String(),
    contentStart: Type.Integer(),
    contentEnd: Type.Integer(),
    kind: OneOf(CLAIM_KINDS),
    stance: OneOf(STANCES),
    negated: Type.Boolean({ description: 'the cue is negated ("has not confirmed"): the speaker did not make this claim' }),
    said: Nullable(Type.String({ description: 'when the claim was made, as the text says (TIMEX3)' })),
    via: Nullable(Party),
    rule: Nullable(Type.String()),
    title: Nullable(Type.String()),
    published: Nullable(Type.String()),
    source: Nullable(Type.String()),
    url: Nullable(Type.String()),
  },
  { $id: 'Claim' },
);
export type ClaimItem = Static<typeof ClaimItem>;

/** A canonical entity with how much the store speaks of it. */
export const EntitySummary = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    type: OneOf(ENTITY_TYPES),
    subtype: Nullable(Type.String()),
    kb: Nullable(Type.String()),
    country: Nullable(Type.String()),
    coords: Nullable(Coords({ description: '[latitude, longitude] where the gazetteer knows them' })),
    mentions: Type.Integer(),
    articles: Type.Integer(),
  },
  { $id: 'Entity' },
);
export type EntitySummary = Static<typeof EntitySummary>;

const Named = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));

/** One stored event with its article and the names of the entities it links. */
export const EventItem = Type.Object(
  {
    article: Type.String(),
    event: Type.String(),
    type: Type.String(),
    trigger: Type.String(),
    triggerStart: Type.Integer(),
    actor: Named,
    target: Named,
    place: Nullable(Type.Object({ id: Type.String(), name: Type.String(), coords: Nullable(Coords()) })),
    time: Nullable(Type.String()),
    quantity: Nullable(Type.Number()),
    status: Type.String(),
    claims: Type.Array(Type.String()),
    title: Nullable(Type.String()),
    published: Nullable(Type.String()),
  },
  { $id: 'Event' },
);
export type EventItem = Static<typeof EventItem>;

/** An event on an entity's page, with what the entity is in it. */
export const EntityEvent = Type.Object({
  article: Type.String(),
  event: Type.String(),
  type: Type.String(),
  trigger: Type.String(),
  actor: Nullable(Type.String()),
  target: Nullable(Type.String()),
  place: Nullable(Type.String()),
  time: Nullable(Type.String()),
  quantity: Nullable(Type.Number()),
  status: Type.String(),
  role: OneOf(['actor', 'target', 'place'] as const),
  title: Nullable(Type.String()),
  published: Nullable(Type.String()),
});
export type EntityEvent = Static<typeof EntityEvent>;

export const ArticleRef = Type.Object({ id: Type.String(), title: Nullable(Type.String()), published: Nullable(Type.String()), source: Nullable(Type.String()) });
export type ArticleRef = Static<typeof ArticleRef>;

/** How the text calls an entity, and how often. */
export const Alias = Type.Object({ text: Type.String(), count: Type.Integer() });
export type Alias = Static<typeof Alias>;

export const EntityTimelineItem = Type.Union([
  Type.Object({ kind: Type.Literal('claim'), date: Nullable(Type.String()), claim: Ref(ClaimItem) }),
  Type.Object({ kind: Type.Literal('event'), date: Nullable(Type.String()), event: EntityEvent }),
]);
export type EntityTimelineItem = Static<typeof EntityTimelineItem>;

/** Everything the entity page shows, each list capped (newest first). */
export const EntityPage = Type.Object({
  entity: Ref(EntitySummary),
  aliases: Type.Array(Alias),
  claimsBy: Type.Array(Ref(ClaimItem)),
  claimsByNext: Nullable(Type.String({ description: 'cursor of more claims by it (GET /api/claims?speaker=ID&cursor=…)' })),
  claimsAbout: Type.Array(Ref(ClaimItem)),
  claimsAboutNext: Nullable(Type.String()),
  events: Type.Array(EntityEvent),
  articles: Type.Array(ArticleRef),
  timeline: Type.Array(EntityTimelineItem, { description: 'claims by or about it and its events in date order (undated last)' }),
});
export type EntityPage = Static<typeof EntityPage>;

/** A place on the map: an entity with coordinates where stored events happened. */
export const Place = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String({ description: 'entity type: a GPE country, LOC region, sea or continent is an area, a city or FAC facility a point' }),
  subtype: Nullable(Type.String()),
  country: Nullable(Type.String()),
  coords: Coords(),
  events: Type.Integer(),
  types: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() }), { description: 'event counts by type, most frequent first' }),
});
export type Place = Static<typeof Place>;

export const ArticleHit = Type.Object({
  id: Type.String(),
  title: Nullable(Type.String()),
  published: Nullable(Type.String()),
  source: Nullable(Type.String()),
  snippet: Type.String({ description: 'a passage around the match, matched words between U+0002 and U+0003' }),
});
export type ArticleHit = Static<typeof ArticleHit>;

export const SearchResults = Type.Object({ articles: PageOf(ArticleHit), claims: PageOf(Ref(ClaimItem)), entities: PageOf(Ref(EntitySummary)) });
export type SearchResults = Static<typeof SearchResults>;

/** How much the store holds. */
export const StoreStats = Type.Object({ articles: Type.Integer(), entities: Type.Integer(), claims: Type.Integer(), events: Type.Integer(), words: Type.Integer() });
export type StoreStats = Static<typeof StoreStats>;
