/**
 * Keys of the refresh's state (analysis_state) that saves write when they replace an article the refresh had taken
 * (src/analysis/rewind.ts): the earliest intake key of one whose analysis changed, the place to take articles up again
 * from; and how many such articles were replaced since (changed or not), what taking them up may cost.
 */
export const REWIND_STATE = 'rewind';
export const REPLACED_STATE = 'replaced';
