/**
 * What only many articles together show: near-duplicate groups, propositions, contradictions,
 * claim stories and the timeline, computed by refreshAnalysis() and materialised in the store,
 * whose AnalysisRepo serves them as lists (to the CLI and the HTTP API).
 */
export { refreshAnalysis, type RefreshCache, type RefreshOptions, type RefreshStats } from './refresh.js';
