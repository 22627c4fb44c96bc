import { Type, type TSchema } from 'typebox';
import { ENTITY_TYPES, STANCES } from '../doc/types.js';

/** Request and response schemas: Fastify validates with them and /openapi.json documents them. */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DatePrefix = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'items per page' })),
  cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 64, description: 'the `next` of the previous page' })),
};

/** One of a list of strings, typed as their union. */
export const OneOf = <T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v)), options));

export const Stance = OneOf(STANCES);
export const EntityTypeSchema = OneOf(ENTITY_TYPES);

export const ErrorReply = Type.Object({ error: Type.String(), message: Type.String(), statusCode: Type.Integer() }, { $id: 'Error' });

export const ClaimFilterQuery = {
  speaker: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'entity id, or words of the speaker’s name' })),
  stance: Type.Optional(Stance),
  from: Type.Optional(DatePrefix),
  to: Type.Optional(DatePrefix),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'full-text words over speaker and content' })),
  article: Type.Optional(Type.String({ minLength: 4, maxLength: 200, description: 'article id, unique id prefix or ref' })),
  about: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'an entity name mentioned in the content, or words of the content' })),
  mentions: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'entity id mentioned in the content' })),
};

const Party = Nullable(Type.Object({ entity: Nullable(Type.String()), name: Type.String(), text: Nullable(Type.String()) }));

export const ClaimItem = Type.Object(
  {
    article: Type.String(),
    claim: Type.String(),
    speaker: Party,
    cue: Nullable(Type.String()),
    cueLemma: Nullable(Type.String()),
    content: Type.String(),
    contentStart: Type.Integer(),
    contentEnd: Type.Integer(),
    kind: Type.String(),
    stance: Type.String(),
    negated: Type.Boolean({ description: 'the cue is negated ("has not confirmed"): the speaker did not make this claim' }),
    said: Nullable(Type.String()),
    via: Party,
    rule: Nullable(Type.String()),
    title: Nullable(Type.String()),
    published: Nullable(Type.String()),
    source: Nullable(Type.String()),
    url: Nullable(Type.String()),
  },
  { $id: 'Claim' },
);

export const EntitySummary = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    type: Type.String(),
    subtype: Nullable(Type.String()),
    kb: Nullable(Type.String()),
    country: Nullable(Type.String()),
    coords: Nullable(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })),
    mentions: Type.Integer(),
    articles: Type.Integer(),
  },
  { $id: 'Entity' },
);

export const ArticleSummary = Type.Object(
  {
    id: Type.String(),
    ref: Nullable(Type.String()),
    title: Nullable(Type.String()),
    published: Nullable(Type.String()),
    source: Nullable(Type.String()),
    url: Nullable(Type.String()),
    words: Type.Integer(),
    added: Type.String(),
    duplicateGroup: Nullable(Type.String({ description: 'the near-duplicate group it shares with its copies (GET /api/duplicates), or null' })),
  },
  { $id: 'ArticleSummary' },
);

const ArticleRef = Type.Object({ id: Type.String(), title: Nullable(Type.String()), published: Nullable(Type.String()), source: Nullable(Type.String()) });

const Named = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));

export const EventItem = Type.Object(
  {
    article: Type.String(),
    event: Type.String(),
    type: Type.String(),
    trigger: Type.String(),
    triggerStart: Type.Integer(),
    actor: Named,
    target: Named,
    place: Nullable(Type.Object({ id: Type.String(), name: Type.String(), coords: Nullable(Type.Array(Type.Number())) })),
    time: Nullable(Type.String()),
    quantity: Nullable(Type.Number()),
    status: Type.String(),
    claims: Type.Array(Type.String()),
    title: Nullable(Type.String()),
    published: Nullable(Type.String()),
  },
  { $id: 'Event' },
);

const EntityEvent = Type.Object({
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
  role: Type.String(),
  title: Nullable(Type.String()),
  published: Nullable(Type.String()),
});

export const EntityPage = Type.Object({
  entity: Type.Ref('Entity'),
  aliases: Type.Array(Type.Object({ text: Type.String(), count: Type.Integer() })),
  claimsBy: Type.Array(Type.Ref('Claim')),
  claimsByNext: Nullable(Type.String()),
  claimsAbout: Type.Array(Type.Ref('Claim')),
  claimsAboutNext: Nullable(Type.String()),
  events: Type.Array(EntityEvent),
  articles: Type.Array(ArticleRef),
  timeline: Type.Array(
    Type.Union([
      Type.Object({ kind: Type.Literal('claim'), date: Nullable(Type.String()), claim: Type.Ref('Claim') }),
      Type.Object({ kind: Type.Literal('event'), date: Nullable(Type.String()), event: EntityEvent }),
    ]),
  ),
});

export const Place = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String({ description: 'entity type: a GPE country, LOC region, sea or continent is an area, a city or FAC facility a point' }),
  subtype: Nullable(Type.String()),
  country: Nullable(Type.String()),
  coords: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
  events: Type.Integer(),
  types: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
});

export const ArticleHit = Type.Object({
  id: Type.String(),
  title: Nullable(Type.String()),
  published: Nullable(Type.String()),
  source: Nullable(Type.String()),
  snippet: Type.String({ description: 'matched words between U+0002 and U+0003' }),
});

const ClaimRef = {
  article: Type.String(),
  claim: Type.String(),
  speaker: Nullable(Type.String()),
  stance: Type.String(),
  content: Type.String(),
  said: Nullable(Type.String()),
  source: Nullable(Type.String()),
  published: Nullable(Type.String()),
};

export const Contradiction = Type.Object({
  id: Type.String(),
  about: Type.String(),
  kind: Type.String({ description: 'stance, number or date' }),
  proposition: Type.String(),
  sides: Type.Array(
    Type.Object({
      stance: Type.String({ description: 'assert: affirms the proposition; deny: denies it or says the contrary' }),
      value: Type.Optional(Type.Union([Type.Number(), Type.String()])),
      label: Type.Optional(Type.String({ description: 'a count as its claims give it, with its bound and measure: "at least 100 killed"' })),
      claims: Type.Array(Type.Object(ClaimRef)),
    }),
  ),
  why: Type.Array(Type.String(), { description: 'why the sides are set against each other: each kind of link between them, most frequent first' }),
});

export const DuplicateGroup = Type.Object({
  id: Type.String({ description: 'the group' }),
  articles: Type.Array(ArticleRef, { description: 'its articles, in the order they were stored' }),
});

export const Story = Type.Object({
  id: Type.String(),
  about: Type.String(),
  proposition: Type.String(),
  steps: Type.Array(Type.Object({ ...ClaimRef, placed: Nullable(Type.String({ description: 'the date the step is placed at: when said, else inferred' })) })),
});

export const TimelineItem = Type.Object(
  {
    date: Type.String(),
    kind: Type.String({ description: 'event or claim' }),
    sources: Type.Array(
      Type.Object({ article: Type.String(), ref: Type.String(), title: Nullable(Type.String()), source: Nullable(Type.String()), published: Nullable(Type.String()), url: Nullable(Type.String()) }),
    ),
  },
  { additionalProperties: true, description: 'events: type, actor, target, place ({id, name}), quantity, status, trigger; claims: speaker, stance, negated (when the cue is negated), content, proposition' },
);

export const PageOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), next: Nullable(Type.String({ description: 'cursor of the next page, null at the end' })) });

export const DateQuery = { from: Type.Optional(DatePrefix), to: Type.Optional(DatePrefix) };

/** Schemas with an $id, added to the server once and referenced by Type.Ref. */
export const SHARED_SCHEMAS = [ErrorReply, ClaimItem, EntitySummary, ArticleSummary, EventItem];
