/**
 * What does not end a content: a relative clause set off by commas inside a clause that goes on
 * after it, a second verb of the same infinitive; and what does: a phrase naming where it was said.
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';

/**
 * The comma closing a relative clause set off at the comma k inside a clause that goes on with a
 * phrase after it ("recognise the valley, which the League took in 2014, as part of …"); or −1.
 * (A relative clause that ends a clause is left out of a content, as PolNeAR's annotators mostly do.)
 */
export function embeddedRelativeEnd(ctx: Context, k: number, limit: number): number {
  const w = ctx.lower[k + 1];
  if (w !== 'which' && w !== 'who') return -1;
  for (let j = k + 2; j < limit && j <= k + 16; j++) {
    // (Not before where it was said: "likened the plan to the pact, which …, in an interview".)
    if (ctx.isComma(j)) return j > k + 3 && ctx.tags[j + 1] === TAG.ADP && ctx.lower[j + 1] !== 'according' && !venueAt(ctx, j + 1, ctx.sentLast(j)) ? j : -1;
    if (ctx.isPunct(j) || ctx.quotes.of[j]! >= 0) return -1;
  }
  return -1;
}

/** The opening comma of a relative clause that the comma j closes as `embeddedRelativeEnd` reads it; or −1. */
export function embeddedRelativeStart(ctx: Context, j: number, floor: number): number {
  for (let k = j - 1; k >= floor && k >= j - 16; k--) {
    if (ctx.isComma(k)) return embeddedRelativeEnd(ctx, k, j + 1) === j ? k : -1;
    if (ctx.isPunct(k) || ctx.quotes.of[k]! >= 0) return -1;
  }
  return -1;
}

/** Whether a verb form is the plain one an infinitive takes ("reopen", not "reopens", "reopened"). */
export function plainForm(w: string): boolean {
  return !/(?:ed|ing)$/.test(w) && !(w.endsWith('s') && !w.endsWith('ss'));
}

/** Does a phrase naming where something was said start at k ("in an interview", "on Twitter")? */
export function venueAt(ctx: Context, k: number, sl: number): boolean {
  if (!ctx.lex.VENUE_PREPOSITIONS.has(ctx.lower[k]!) || !ctx.startsNp(k + 1)) return false;
  const end = ctx.npRight(k + 1, sl, false, true);
  return end > 0 && ctx.lex.VENUES.has(ctx.lower[end - 1]!);
}
