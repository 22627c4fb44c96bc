import type { EntityRef } from '../../doc/types.js';
import type { PositionIndex } from '../ranges.js';
import type { Context } from './context.js';
import type { Draft } from './frames.js';

/** Time values that say nothing about when ("today" resolved to a reference, not a date). */
const VAGUE_TIME = /_REF$/;

/**
 * When the claim was made: a date attached to the cue — between speaker and content
 * ("confirmed on 3 May that", "reported in March 2023 that"), in the tail after a quote
 * ("…,” the commission said on 27 April."), or opening the sentence ("On Monday, she said").
 */
export function timeOfCue(ctx: Context, d: Draft): string | null {
  const doc = ctx.doc;
  const sf = ctx.sentFirst(d.head);
  const sl = ctx.sentLast(d.head);
  let from: number;
  let to: number;
  if (d.rightFrom >= 0 && d.rule !== 'according-to') {
    from = d.source && d.source[0] < d.cue[0] ? d.source[1] : d.cue[0];
    to = d.rightFrom;
  } else {
    from = d.source && d.source[0] < d.cue[0] ? d.source[1] : d.cue[0];
    to = sl;
    for (const [a] of d.parts) if (a > d.cue[1] && a < to) to = a;
  }
  const inside = (t: number) => d.parts.some(([a, b]) => t >= a && t < b);
  const pick = (a: number, b: number): string | null => {
    for (let k = a; k < b; k++) {
      const ti = ctx.timeOf[k]!;
      if (ti < 0 || inside(k)) continue;
      const t = doc.times[ti]!;
      if ((t.type === 'DATE' || t.type === 'TIME') && !VAGUE_TIME.test(t.value)) return t.value;
    }
    return null;
  };
  const own = pick(from, to);
  if (own) return own;
  // "On Monday, X said …": a time before the speaker, set off by a comma.
  const speakerStart = d.source && d.source[0] < d.cue[0] ? d.source[0] : -1;
  if (speakerStart > sf && ctx.isComma(speakerStart - 1)) return pick(sf, speakerStart - 1);
  return null;
}

/** A claim with no date of its own shares that of the sentence's earlier claim by the same speaker. */
export function inheritedTime(ctx: Context, d: Draft, heads: PositionIndex<Draft>, speakers: Map<Draft, EntityRef | null>, said: Map<Draft, string | null>): string | null {
  const entity = speakers.get(d)?.entity;
  for (const i of heads.between(ctx.sentFirst(d.head), d.head + 1)) {
    const o = heads.items[i]!;
    if (o === d || o.head > d.head || ctx.sentence[o.head] !== ctx.sentence[d.head]) continue;
    const value = said.get(o);
    if (value && (d.inherits || (entity && speakers.get(o)?.entity === entity))) return value;
  }
  return null;
}
