/**
 * What a count in a claim counts, and its bound, read from the words of the claim: "At least 100
 * soldiers have been killed" counts the killed, "More than 3,000 … killed or wounded" the killed
 * and wounded together. Only counts of one measure disagree; "100 killed" against "3,000 killed
 * or wounded" are two measures, not a contradiction.
 */

/** The measure of an event type's count, said as readers say it. */
const MEASURE: Record<string, string> = {
  deploy: 'sent',
  attack: 'attacks',
  military_operation: 'fighting',
  capture: 'captured',
  kill: 'killed',
  injure: 'wounded',
  withdraw: 'withdrawn',
  arrest: 'arrested',
  intercept: 'shot down',
};

/** Killed and wounded counted together: "killed or wounded", "dead and injured", "casualties". */
const COMBINED = /\b(?:killed|dead|died)\s+(?:or|and)\s+(?:wounded|injured)\b|\b(?:wounded|injured)\s+(?:or|and)\s+(?:killed|dead)\b|\bcasualt(?:y|ies)\b|\blosses\b/i;

/** Words before a number that bound it, and how a label says them. */
const BOUNDS: [RegExp, string][] = [
  [/(?:at least|no fewer than|a minimum of)$/i, 'at least'],
  [/(?:more than|over|in excess of|upwards of)$/i, 'more than'],
  [/(?:up to|as many as|at most)$/i, 'up to'],
  [/(?:fewer than|less than|under)$/i, 'fewer than'],
  [/(?:nearly|almost|close to)$/i, 'nearly'],
  [/(?:about|around|roughly|some|approximately|an estimated)$/i, 'about'],
];

export interface Count {
  /** "killed", "killed or wounded", "sent" …: counts disagree only within one measure. */
  measure: string;
  /** "at least", "more than", "about" … or null for a bare count. */
  bound: string | null;
  /** "at least 100 killed", "more than 3,000 killed or wounded". */
  label: string;
}

/** Characters before and after a count in which its measure is read: "casualties at about 1,100, including at least 100 dead" counts 100 dead. */
const MEASURE_BEFORE = 30;
const MEASURE_AFTER = 60;

/** The count `value` of an event of `type` as a claim's content gives it. */
export function countIn(content: string, value: number, type: string): Count {
  const shown = value.toLocaleString('en-US');
  let bound: string | null = null;
  // The words around the count, or the whole content when it gives the count in words ("above three thousand").
  let around = content;
  for (const written of new Set([shown, String(value)])) {
    const at = content.search(new RegExp(`(?<![\\d,.])${written.replace(/[.,]/g, '\\$&')}(?!\\d|,\\d)`));
    if (at < 0) continue;
    const before = content.slice(Math.max(0, at - 20), at).trimEnd();
    bound = BOUNDS.find(([words]) => words.test(before))?.[1] ?? null;
    around = content.slice(Math.max(0, at - MEASURE_BEFORE), at + written.length + MEASURE_AFTER);
    break;
  }
  const killedOrWounded = (type === 'kill' || type === 'injure') && COMBINED.test(around);
  const measure = killedOrWounded ? 'killed or wounded' : (MEASURE[type] ?? type.replace(/_/g, ' '));
  return { measure, bound, label: `${bound ? `${bound} ` : ''}${shown} ${measure}` };
}
