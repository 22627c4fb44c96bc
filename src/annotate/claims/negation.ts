import type { Context } from './context.js';
import type { Range } from './frames/index.js';

const REACH = 4;
const SUBJECT_REACH = 10;
/** "No group has claimed": how far the cue may stand from a "No" that opens its subject. */
const NO_SUBJECT = 3;


/**
 * Whether the cue itself is negated — "has not confirmed", "never said", "did not deny", "was not
 * confirmed by", "has yet to confirm", "declined to confirm", "stopped short of confirming", "without naming", "neither
 * Moscow nor Pyongyang has acknowledged": the speaker did not make the claim the cue names, so it
 * takes no side. A negation inside the content ("said it had not") is the content's own; "not
 * only said" adds to the claim.
 */
export function negatedCue(ctx: Context, cue: Range): boolean {
  const lower = ctx.lower;
  const first = ctx.sentFirst(cue[0]);
  const isNegator = (k: number) => ctx.lex.NEGATORS.has(lower[k]!) && lower[k + 1] !== 'only';
  // A passive cue's range holds its auxiliary ("was not confirmed").
  for (let k = cue[0]; k < cue[1] - 1; k++) if (isNegator(k)) return true;
  const one = cue[0] - 1 >= first ? lower[cue[0] - 1]! : '';
  const two = cue[0] - 2 >= first ? lower[cue[0] - 2]! : '';
  // "has yet to confirm", "stopped short of confirming", "without naming", "refrained from saying", "avoided naming".
  if (one === 'without' || ctx.lex.WITHHOLD.test(one)) return true;
  if ((one === 'to' && (two === 'yet' || ctx.lex.DECLINING.test(two))) || (one === 'of' && two === 'short') || (one === 'from' && ctx.lex.WITHHOLD.test(two))) return true;
  for (let k = cue[0] - 1, n = 0; k >= first && n < REACH; k--, n++) {
    if (isNegator(k)) return true;
    if (!ctx.lex.BRIDGE.has(lower[k]!)) break;
  }
  // "Neither Moscow nor Pyongyang has acknowledged", "No one has confirmed", "No group has claimed": a subject that denies it.
  const opening = lower[first]!;
  // "No" with one noun right before the cue or its auxiliary ("No group has claimed"; not "No doubt the army will deny").
  const noOne = opening === 'no' && (lower[first + 1] === 'one' || cue[0] - first <= NO_SUBJECT);
  if (cue[0] - first > SUBJECT_REACH || !(ctx.lex.NO_ONE.has(opening) || noOne)) return false;
  // The subject runs up to the cue: no other verb or clause between ("Neither side said …, officials said").
  for (let k = first + 1; k < cue[0]; k++) if (ctx.isPunct(k) || (ctx.isVerb(k) && !ctx.lex.BRIDGE.has(lower[k]!))) return false;
  return true;
}
