import type { AnalysisStep, Replayed, ReplayMember, RewindPoint } from '../store/index.js';
import type { ClaimFeatures } from './features.js';
import { keysOf, propositionOf, widen, type PropFeatures } from './propositions.js';
import { bumpGeneration } from './state.js';

/** Propositions whose features are derived again per step. */
const REPLAY_BATCH = 500;

/**
 * Take up re-analysed articles in their place, before a refresh step takes articles (those before `before`).
 *
 * The refresh takes articles in intake order, and what it derives from one depends on all before it: which
 * proposition a claim joins, and with it the features (events, places) that the claims after it are matched on. A
 * re-analysis that changes an article the refresh had taken changes what came before the articles after it. So the
 * store notes the earliest such place when it saves (AnalysisStep.rewindPoint), and here everything derived from the
 * articles from that place on is taken back, to be taken again in order. The result is what a refresh from scratch
 * of the same articles gives, at the cost of refreshing the articles after that place again: so this is done only
 * when the articles replaced since pay for it, at most TAKE_UP_COST articles taken again for each. A re-analysis of
 * the whole store, or of its latest articles, is always taken up; old articles re-analysed a few at a time (a server
 * asked to analyse one again) are taken after the others, as new ones are, and their place kept until enough have
 * been replaced to pay for it: otherwise each of them would refresh most of the store again.
 *
 * Either way, every proposition that lost claims, to the re-analysis or to this, gets its features and keys derived
 * again from the claims it has left (`derive`), as the matcher had built them. Returns whether it did anything: then
 * the step ends with it, and the next starts from what it left (the generation it bumps drops every matcher's caches).
 */
export async function rewind(step: AnalysisStep, before: string | null): Promise<boolean> {
  const point = await step.rewindPoint();
  const takeUp = due(point, before);
  if (takeUp) await step.rewind(point.from);
  const replays = await step.replays(REPLAY_BATCH);
  if (!takeUp && !replays.size) return false;
  const derived: Replayed[] = [];
  for (const [id, members] of replays) {
    const d = derive(members);
    derived.push(d ? { id, features: JSON.stringify(d.features), keys: d.keys } : { id, features: null, keys: [] });
  }
  await step.replayed(derived);
  await bumpGeneration(step);
  return true;
}

/**
 * Articles the refresh may take again for each article replaced: a re-analysis of a part of the store in which
 * copies of a few earlier articles come out changed (PolNeAR and FNC-1's bodies in two halves, the second
 * re-analysed: 1,385 replaced, 1,635 articles taken from the earliest changed on) is taken up; an old article analysed
 * again alone in a store of thousands is not, until more are.
 */
export const TAKE_UP_COST = 4;

/**
 * Whether to take up the noted place now: the articles replaced since pay for it (TAKE_UP_COST), and the refresh may
 * take the articles from there (a queue holds back those after the first job it has not finished, and all of them
 * while a re-analysis is under way: taken up before it ends, the place would be paid for by the articles replaced so
 * far, and those replaced after it at earlier places would find no credit left).
 */
export function due(point: RewindPoint | null, before: string | null): point is RewindPoint {
  return point !== null && (before === null || point.from < before) && point.taken <= TAKE_UP_COST * point.replaced;
}

/**
 * A proposition's features and lookup keys as the matcher built them from these claims, taken in the order it
 * matched them (Matcher.assign): the first founded it, with its keys; each later one that the matcher put there
 * widened it, adding keys; one that answers a claim of its article joined without either. Null for no claims.
 */
export function derive(members: readonly ReplayMember[]): { features: PropFeatures; keys: string[] } | null {
  const [first, ...rest] = members;
  if (!first) return null;
  const founder = JSON.parse(first.features) as ClaimFeatures;
  const features = propositionOf(founder);
  const keys = keysOf(founder);
  for (const m of rest) if (m.matched) keys.push(...widen(features, JSON.parse(m.features) as ClaimFeatures).keys);
  return { features, keys };
}
