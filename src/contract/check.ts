import { Type, type Static } from 'typebox';
import { CHECK_SIDES, STANCES } from './values.js';
import { Nullable, OneOf } from './kit.js';
import { Span } from './analysis.js';

/** A claim checked against the store (src/check): who holds it true, who denies it, who only reports it. */

const CheckSideEnum = OneOf(CHECK_SIDES, { description: 'agree: holds the claim true; disagree: holds it false; discuss: reports it without taking a side' });

/** A claim the pipeline found in an evidence sentence: who said what, and how. */
export const EvidenceClaim = Type.Object({
  id: Type.String(),
  speaker: Nullable(Type.String({ description: 'the speaker’s canonical name, else the words naming them; null when unattributed' })),
  speakerEntity: Nullable(Type.String()),
  cue: Nullable(Type.String()),
  stance: OneOf(STANCES),
  negated: Type.Boolean(),
  content: Type.String(),
  said: Nullable(Type.String()),
});
export type EvidenceClaim = Static<typeof EvidenceClaim>;

/** A sentence of the article that decides its stance. */
export const Evidence = Type.Object({
  sentence: Type.Object(Span.properties, { description: 'a sentence of the article (offsets into its text)' }),
  cover: Type.Number({ description: 'weighted share of the claim’s words the sentence holds' }),
  cues: Type.Array(Type.String(), { description: 'refuting, hedging, confirming and negating words in it ("hoax", "reportedly", "not")' }),
  claims: Type.Array(EvidenceClaim, { description: 'claims the pipeline found in the sentence' }),
});
export type Evidence = Static<typeof Evidence>;

/** A source's side on the claim, in one stored article. */
export const Verdict = Type.Object({
  article: Type.String(),
  title: Nullable(Type.String()),
  published: Nullable(Type.String()),
  source: Nullable(Type.String()),
  url: Nullable(Type.String()),
  stance: CheckSideEnum,
  score: Type.Number({
    description: 'how sure: the speaker’s claim’s share of the claim times the model’s probability that the article is related; for the own voice, the model’s probability of its stance',
  }),
  speaker: Nullable(Type.String({ description: 'the speaker whose claim holds the claim; null: the article’s own voice' })),
  speakerEntity: Nullable(Type.String()),
  claim: Nullable(EvidenceClaim),
  articleStance: CheckSideEnum,
  date: Nullable(Type.String({ description: 'when the speaker’s claim was made, else the publication date' })),
  evidence: Evidence,
});
export type Verdict = Static<typeof Verdict>;

/** One step of the checked claim's story: who took which side, when. */
export const CheckStep = Type.Object({
  date: Nullable(Type.String()),
  stance: CheckSideEnum,
  speaker: Nullable(Type.String()),
  source: Nullable(Type.String()),
  article: Type.String(),
  title: Nullable(Type.String()),
  sentence: Type.String({ description: 'the sentence that says it' }),
});
export type CheckStep = Static<typeof CheckStep>;

export const CheckAnswer = Type.Object({
  claim: Type.String(),
  statement: Type.String({ description: 'the claim as judged: a yes–no question as the statement it asks about' }),
  agree: Type.Array(Verdict),
  disagree: Type.Array(Verdict),
  discuss: Type.Array(Verdict),
  story: Type.Array(CheckStep, { description: 'every source’s side in date order, undated last' }),
  searched: Type.Integer({ description: 'stored articles read and judged' }),
});
export type CheckAnswer = Static<typeof CheckAnswer>;
