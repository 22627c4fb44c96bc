import type { AnalysisStep, Replayed, ReplayMember } from '../store/index.js';
import type { ClaimFeatures } from './features.js';
import { keysOf, propositionOf, widen, type PropFeatures } from './propositions.js';
import { bumpGeneration } from './state.js';

/** Propositions whose features are derived again per step. */
const REPLAY_BATCH = 500;

/**
 * Take up re-analysed articles in their place, before a refresh step takes articles.
 *
 * The refresh takes articles in intake order, and what it derives from one depends on all before it: which
 * proposition a claim joins, and with it the features (events, places) that the claims after it are matched on. A
 * re-analysis that writes an article the refresh had taken changes what came before the articles after it. So the
 * store notes the earliest such place when it saves (AnalysisStep.rewind), and here everything derived from the
 * articles from that place on is taken back, to be taken again in order; and every proposition that lost claims,
 * to the re-analysis or to this, gets its features and keys derived again from the claims it has left (`derive`),
 * as the matcher had built them. The result is what a refresh from scratch of the same articles gives, at the cost of
 * the articles after the earliest one re-analysed. Returns whether it did anything: then the step ends with it, and
 * the next starts from what it left (the generation it bumps drops every matcher's caches).
 */
export async function rewind(step: AnalysisStep): Promise<boolean> {
  const untaken = await step.rewind();
  const replays = await step.replays(REPLAY_BATCH);
  if (!untaken && !replays.size) return false;
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
