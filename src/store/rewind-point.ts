/**
 * The key of the refresh's state (analysis_state) under which a save notes the earliest intake key of an article it
 * replaced after the refresh had taken it: the place the refresh takes articles again from (AnalysisStep.rewind).
 */
export const REWIND_STATE = 'rewind';
