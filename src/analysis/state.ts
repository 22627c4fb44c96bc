import type { AnalysisStep } from '../store/index.js';

/** The refresh's own state in the store: the last rank it gave, its version, its generation. */

export async function stateNumber(step: AnalysisStep, key: 'rank' | 'generation'): Promise<number> {
  return Number((await step.getState(key)) ?? 0);
}

/**
 * Count a write to the propositions: a process whose caches reflect an older generation drops
 * them. Returns the new generation.
 */
export async function bumpGeneration(step: AnalysisStep): Promise<number> {
  const next = (await stateNumber(step, 'generation')) + 1;
  await step.setState('generation', String(next));
  return next;
}
