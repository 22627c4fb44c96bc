import { Type, type Static } from 'typebox';
import { CLAIM_KINDS, ENTITY_TYPES, EVENT_STATUSES, STANCES, TIME_TYPES } from './values.js';
import { Coords, Nullable, OneOf } from './kit.js';

/**
 * The layers of one analysed article: what `claimtrail analyze --json` prints per line and
 * GET /api/articles/:id answers. schema/analysis.schema.json is generated from these schemas
 * (npm run build:schema). Every span is a UTF-16 offset pair into `article.text`, end exclusive,
 * with `text === article.text.slice(start, end)`. Fields may be added; none may be dropped or
 * renamed (consumers hold the published schema).
 */

const Offset = Type.Integer({ minimum: 0 });
const SpanFields = { start: Offset, end: Offset, text: Type.String() };
const IsoValue = (description: string) => Type.String({ description });
const TIMEX = 'TIMEX3-style value: 2025-04-27, 2025-04, 2025, 2025-W17, 2025-04-27T14:00, P3D, PRESENT_REF, PAST_REF, FUTURE_REF …';
const EntityId = Nullable(Type.String(), { description: 'entities[].id' });

export const Span = Type.Object(SpanFields);
export type Span = Static<typeof Span>;

export const Article = Type.Object({
  id: Type.String({ description: 'stable id, derived from the cleaned text (same text, same id)' }),
  title: Nullable(Type.String()),
  published: Nullable(Type.String(), { description: 'ISO 8601 date (or date-time) of publication' }),
  source: Nullable(Type.String(), { description: 'outlet or site name / domain where known' }),
  url: Nullable(Type.String()),
  language: Nullable(Type.String()),
  text: Type.String({ description: 'cleaned article text: boilerplate and duplicated lines removed; every offset points into this' }),
  ref: Nullable(Type.String(), {
    description: "the caller's own id for this article: the id field of a JSONL input record, or the input file's name; echoed unchanged",
  }),
});
export type Article = Static<typeof Article>;

const EntityTypeEnum = OneOf(ENTITY_TYPES);

export const EntityMention = Type.Object({
  ...SpanFields,
  label: Type.Optional(OneOf(ENTITY_TYPES, { description: "this mention's own label where it differs from the entity's type, e.g. NORP for the adjective 'North Korean' of the GPE North Korea" })),
  role: Type.Optional(Type.String({ description: 'a title or role the text gives the entity at this mention ("President", "Chief of General Staff")' })),
  kind: Type.Optional(OneOf(['name', 'description'] as const, { description: "'description' for a definite description referring to the entity ('the commission'); absent for names" })),
});
export type EntityMention = Static<typeof EntityMention>;

export const Entity = Type.Object({
  id: Type.String({ description: 'global id: the same real-world entity gets the same id in every article' }),
  name: Type.String({ description: 'canonical name' }),
  type: EntityTypeEnum,
  subtype: Nullable(Type.String(), { description: 'e.g. military, intelligence, media, ministry, party, government' }),
  kb: Nullable(Type.String(), { description: 'knowledge-base id such as wikidata:Q423' }),
  mentions: Type.Array(EntityMention),
  country: Type.Optional(Nullable(Type.String(), { description: 'ISO 3166-1 alpha-2 code of the country the entity belongs to or lies in, where known' })),
  coords: Type.Optional(Nullable(Coords(), { description: '[latitude, longitude] for places, where the gazetteer knows them' })),
});
export type Entity = Static<typeof Entity>;

export const TimeExpression = Type.Object({
  ...SpanFields,
  value: IsoValue(TIMEX),
  type: OneOf(TIME_TYPES),
  mod: Type.Optional(Type.String({ description: 'TIMEX3 mod where the text qualifies the value: BEFORE, AFTER, APPROX, START, END …' })),
});
export type TimeExpression = Static<typeof TimeExpression>;

export const Quantity = Type.Object({
  ...SpanFields,
  value: Type.Number(),
  unit: Nullable(Type.String(), { description: 'what is counted: soldiers, troops, people killed …' }),
  approximate: Type.Boolean(),
});
export type Quantity = Static<typeof Quantity>;

export const EntityRef = Type.Object({ ...SpanFields, entity: Nullable(Type.String(), { description: 'entities[].id after coreference, or null when unresolved' }) });
export type EntityRef = Static<typeof EntityRef>;

export const Cue = Type.Object({ ...SpanFields, lemma: Type.String() });
export type Cue = Static<typeof Cue>;

export const Content = Type.Object({
  ...SpanFields,
  parts: Type.Optional(Type.Array(Span, { description: 'the pieces of a content interrupted by its cue or speaker (“X,” he said, “Y”), in order' })),
});
export type Content = Static<typeof Content>;

export const Explanation = Type.Object(
  { rule: Type.String(), detail: Type.Optional(Type.String()) },
  { description: 'why an extractor produced it: the rule or model, and the lexicon entry it matched' },
);
export type Explanation = Static<typeof Explanation>;

export const Claim = Type.Object({
  id: Type.String(),
  speaker: Nullable(EntityRef, { description: 'who is speaking; entity is entities[].id after coreference' }),
  cue: Nullable(Cue),
  content: Content,
  kind: OneOf(CLAIM_KINDS),
  stance: OneOf(STANCES),
  said: Nullable(IsoValue(TIMEX), { description: 'when the claim was made, or null when the text does not say' }),
  via: Nullable(EntityRef, { description: 'intermediary that relayed the claim (e.g. state media)' }),
  refersTo: Type.Optional(
    Type.String({ description: 'id of the earlier claim of the same article that this one answers or refers back to (“… — claims North Korea dismissed as groundless”)' }),
  ),
  negated: Type.Optional(
    Type.Literal(true, {
      description: 'present when the cue is negated (“has not confirmed”, “never said”): the speaker did not make this claim, so it takes no side; its stance is that of the negated cue',
    }),
  ),
  explain: Type.Optional(Explanation),
});
export type Claim = Static<typeof Claim>;

export const Event = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'from the project’s event taxonomy (docs/events.md), e.g. deploy, capture, attack, sign_agreement, military_operation, commemorate' }),
  trigger: Span,
  actor: EntityId,
  target: EntityId,
  place: EntityId,
  time: Nullable(IsoValue(TIMEX)),
  quantity: Nullable(Type.Number()),
  status: OneOf(EVENT_STATUSES),
  claims: Type.Array(Type.String(), { description: 'ids of the claims that report this event, if any' }),
  explain: Type.Optional(Explanation),
});
export type Event = Static<typeof Event>;

export const Analysis = Type.Object(
  {
    article: Article,
    entities: Type.Array(Entity),
    times: Type.Array(TimeExpression),
    quantities: Type.Array(Quantity),
    claims: Type.Array(Claim),
    events: Type.Array(Event),
  },
  { $id: 'Analysis', description: 'one analysed article: its text and every layer, offsets into article.text' },
);
export type Analysis = Static<typeof Analysis>;
