import type { EntityRef } from '../../doc/types.js';
import type { Context } from './context.js';
import type { Draft } from './frames/index.js';

/** How many sentences after a dated claim the same speaker's next claims are taken as said then. */
const SAME_OCCASION = 2;

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

/**
 * A claim with no date of its own shares that of the sentence's earlier claim by the same
 * speaker, else that of the same speaker's dated claim a sentence or two before: a statement
 * dated once ("said on Sunday …") and told on over the next sentences.
 */
export function inheritedTime(ctx: Context, d: Draft, drafts: readonly Draft[], at: number, speakers: Map<Draft, EntityRef | null>, said: Map<Draft, string | null>): string | null {
  const entity = speakers.get(d)?.entity;
  const sentence = ctx.sentence[d.head]!;
  let sameSentence: string | null = null;
  let earlier: string | null = null;
  // Back from the claim before it (drafts are in text order), as far as a statement told on reaches.
  // A quotation goes on with the speech it is taken from: it reaches back to the speaker's dated claim however far.
  const quoted = d.parts.length > 0 && ctx.opensQuote(d.parts[0]![0]);
  for (let k = at - 1; k >= 0; k--) {
    const o = drafts[k]!;
    if (sentence - ctx.sentence[o.head]! > SAME_OCCASION && !quoted) break;
    if (o.head > d.head) continue;
    const value = said.get(o);
    if (!value) continue;
    const same = entity && speakers.get(o)?.entity === entity;
    if (ctx.sentence[o.head] === sentence && (d.inherits || same)) sameSentence = value;
    else if (same && earlier === null && /^\d{4}-\d{2}(?:-\d{2})?$/.test(value)) earlier = value;
  }
  return sameSentence ?? earlier;
}
