/**
 * What only many articles together show: near-duplicate groups, propositions, contradictions,
 * claim stories and the timeline, materialised in the store by refreshAnalysis() and read by the
 * list functions (used by the CLI and the HTTP API).
 */
export { refreshAnalysis, type RefreshStats } from './refresh.js';
export {
  allItems,
  analysisCounts,
  duplicateGroups,
  listContradictions,
  listPropositions,
  listStories,
  timeline,
  type AnalysisCounts,
  type DuplicateGroup,
  type ListOptions,
  type PropositionSummary,
  type TimelineItem,
  type TimelineOptions,
} from './queries.js';
export type { Contradiction, Side } from './contradictions.js';
export type { Story, StoryStep } from './stories.js';
export type { ClaimRef } from './members.js';
