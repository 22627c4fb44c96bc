import { Type, type Static } from 'typebox';
import { CONTRADICTION_KINDS, STANCES } from './values.js';
import { Nullable, OneOf } from './kit.js';
import { ArticleRef } from './ledger.js';

/**
 * What only many articles together show (src/analysis): contradictions, claim stories,
 * propositions, near-duplicate groups and the timeline.
 */

/** A claim as the cross-article lists give it. */
const ClaimRefFields = {
  article: Type.String(),
  claim: Type.String(),
  speaker: Nullable(Type.String()),
  stance: OneOf(STANCES),
  content: Type.String(),
  said: Nullable(Type.String()),
  source: Nullable(Type.String()),
  published: Nullable(Type.String()),
};
export const ClaimRef = Type.Object(ClaimRefFields);
export type ClaimRef = Static<typeof ClaimRef>;

export const Side = Type.Object({
  stance: OneOf(['assert', 'deny'] as const, { description: 'assert: affirms the proposition; deny: denies it or says the contrary' }),
  value: Type.Optional(Type.Union([Type.Number(), Type.String()], { description: 'for a number or date disagreement, the value this side gives' })),
  label: Type.Optional(Type.String({ description: 'a count as its claims give it, with its bound and measure: "at least 100 killed"' })),
  claims: Type.Array(ClaimRef),
});
export type Side = Static<typeof Side>;

export const Contradiction = Type.Object({
  id: Type.String(),
  about: Type.String(),
  kind: OneOf(CONTRADICTION_KINDS, {
    description: 'what the sides disagree on: stance (deny against assert, or ended against goes on), number, date, or who is to blame',
  }),
  proposition: Type.String(),
  sides: Type.Array(Side),
  why: Type.Array(Type.String(), { description: 'why the sides are set against each other: each kind of link between them, most frequent first' }),
});
export type Contradiction = Static<typeof Contradiction>;

export const StoryStep = Type.Object({
  ...ClaimRefFields,
  placed: Nullable(Type.String({ description: 'the date the step is placed at: when said, else inferred' })),
  repeat: Type.Optional(Type.Literal(true, { description: 'present when the step repeats what was said before on the same side (another voice, or another article): no turn of the story' })),
});
export type StoryStep = Static<typeof StoryStep>;

export const Story = Type.Object({ id: Type.String(), about: Type.String(), proposition: Type.String(), steps: Type.Array(StoryStep) });
export type Story = Static<typeof Story>;

export const PropositionSummary = Type.Object({
  id: Type.String(),
  about: Type.String(),
  claims: Type.Integer(),
  sources: Type.Integer({ description: 'distinct articles, copies of one article counted once' }),
});
export type PropositionSummary = Static<typeof PropositionSummary>;

export const DuplicateGroup = Type.Object({
  id: Type.String({ description: 'the group' }),
  articles: Type.Array(ArticleRef, { description: 'its articles, in the order they were submitted' }),
});
export type DuplicateGroup = Static<typeof DuplicateGroup>;

export const TimelineSource = Type.Object({
  article: Type.String(),
  ref: Type.String({ description: 'the event or claim id within the article' }),
  title: Nullable(Type.String()),
  source: Nullable(Type.String()),
  published: Nullable(Type.String()),
  url: Nullable(Type.String()),
});
export type TimelineSource = Static<typeof TimelineSource>;

const Named = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));

export const TimelineEvent = Type.Object({
  date: Type.String(),
  kind: Type.Literal('event'),
  type: Type.String(),
  actor: Named,
  target: Named,
  place: Named,
  quantity: Nullable(Type.Number()),
  status: Type.String(),
  trigger: Type.String(),
  sources: Type.Array(TimelineSource),
});
export type TimelineEvent = Static<typeof TimelineEvent>;

export const TimelineClaim = Type.Object({
  date: Type.String(),
  kind: Type.Literal('claim'),
  speaker: Nullable(Type.String()),
  stance: OneOf(STANCES),
  negated: Type.Optional(Type.Literal(true, { description: 'present when the cue is negated: a non-denial stays apart from a denial' })),
  content: Type.String(),
  proposition: Nullable(Type.String()),
  sources: Type.Array(TimelineSource),
});
export type TimelineClaim = Static<typeof TimelineClaim>;

/** A dated event or claim, merged across the articles that report it. */
export const TimelineItem = Type.Union([TimelineEvent, TimelineClaim]);
export type TimelineItem = Static<typeof TimelineItem>;

export const AnalysisCounts = Type.Object({
  articles: Type.Integer(),
  duplicateGroups: Type.Integer(),
  articlesInDuplicateGroups: Type.Integer(),
  propositions: Type.Integer(),
  crossArticlePropositions: Type.Integer({ description: 'propositions with claims from two or more distinct articles' }),
  contradictions: Type.Integer(),
  stories: Type.Integer(),
});
export type AnalysisCounts = Static<typeof AnalysisCounts>;
