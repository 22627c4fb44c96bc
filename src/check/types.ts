/** How an article stands towards a claim (FNC-1's labels). */
export const STANCE_LABELS = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type StanceLabel = (typeof STANCE_LABELS)[number];
