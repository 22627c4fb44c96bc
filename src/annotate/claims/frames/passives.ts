/**
 * Passives: "was asked about …", "is expected to …", "Kim was quoted as saying …", and participles
 * without their "be" ("As reported by …", "when asked how …").
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import { objectEnd } from './complements.js';
import { contentBefore, isTail } from './quotes.js';
import { newDraft, type Candidate, type Draft } from './draft.js';

export function passive(ctx: Context, c: Candidate, aux: number, cueEnd: number, sl: number): Draft | null {
  const { lower } = ctx;
  const sf = ctx.sentFirst(c.head);
  const d = newDraft('passive', c, [aux, cueEnd]);
  let k = cueEnd;
  // "were described to him by a reporter": a short phrase before the agent.
  for (let j = k; j < sl && j < k + 4 && !ctx.isPunct(j); j++) {
    if (lower[j] === 'by' && ctx.tags[k] === TAG.ADP && j > k) {
      k = j;
      break;
    }
  }
  if (k < sl && lower[k] === 'by') {
    k = byAgent(ctx, d, k, sl);
    if (k < 0) return null;
  }
  const subjectEnd = ctx.skipBetweenLeft(aux - 1, sf);
  const subjectStart = subjectEnd >= sf ? ctx.npLeft(subjectEnd, sf) : -1;
  const expletive = subjectStart >= 0 && subjectStart === subjectEnd && lower[subjectStart] === 'it';
  // "Kim was quoted as saying that …": the one quoted is the speaker.
  if (!d.source && subjectStart >= 0 && !expletive && lower[k] === 'as' && lower[k + 1]!.endsWith('ing') && ctx.cueEntries(k + 1)?.some((e) => e.frame === 'speech')) {
    d.cue = [aux, k + 2];
    d.stanceEntry = ctx.cueEntries(k + 1)!.find((e) => e.frame === 'speech')!;
    d.source = [subjectStart, subjectEnd + 1];
    d.sourceHead = d.source;
    let from = k + 2;
    // "“…,” Wang was quoted as saying.": the quote before the one quoted.
    if (isTail(ctx, from, sl) && subjectStart > sf) return contentBefore(ctx, d, subjectStart - 1, from, sl);
    if (lower[from] === 'that' || lower[from] === ':' || ctx.isComma(from)) from++;
    if (from >= sl) return null;
    d.rightFrom = from;
    d.parts.push([from, sl]);
    return d;
  }
  // "The general is said to have warned that …", "X is understood to have told aides that …": what its subject is said
  // to have said, with the cue it says it with (the hedge is the reporter's).
  const hearsay = lower[k] === 'to' && lower[k + 1] === 'have' ? ctx.cueEntries(k + 2)?.find((e) => e.frame === 'speech') : undefined;
  if (!d.source && subjectStart >= 0 && !expletive && hearsay && ctx.lex.HEARSAY.has(lower[c.head]!)) {
    d.cue = [k + 2, k + 3];
    d.stanceEntry = hearsay;
    d.source = [subjectStart, subjectEnd + 1];
    d.sourceHead = d.source;
    let from = k + 3;
    // Past the one told ("told aides that").
    for (let j = from; j < sl && j <= from + 4 && !ctx.isPunct(j); j++) {
      if (lower[j] === 'that') {
        from = j + 1;
        break;
      }
    }
    if (from >= sl) return null;
    d.rightFrom = from;
    d.parts.push([from, sl]);
    return d;
  }
  // "Vitrenko is convinced (that) Putin will …": a belief its subject holds.
  if (!d.source && subjectStart >= 0 && !expletive && ctx.lex.CONVINCED.has(lower[c.head]!) && k === cueEnd && k < sl && (lower[k] === 'that' || (ctx.startsNp(k) && ctx.lower[k] !== 'of'))) {
    d.source = [subjectStart, subjectEnd + 1];
    d.sourceHead = d.source;
    d.rightFrom = lower[k] === 'that' ? k + 1 : k;
    if (d.rightFrom >= sl) return null;
    d.parts.push([d.rightFrom, sl]);
    return d;
  }
  // "was asked about the strategy", "was asked whether …": the question, not the one asked.
  const question = k < sl && (lower[k] === 'about' || ctx.tags[k] === TAG.WH || lower[k] === 'whether' || lower[k] === 'if') && !ctx.lex.TEMPORAL.has(lower[k]!);
  const complement = question || (k < sl && (lower[k] === 'to' || lower[k] === 'that' || lower[k] === 'as'));
  if (!complement && !d.source) return null;
  // "is seen as Russia's ally": the article's own hedge, nobody's claim.
  if (!d.source && ctx.lex.HEDGES.has(c.entry.lemma)) return null;
  if (subjectStart >= 0 && !expletive && !question) d.parts.push([subjectStart, subjectEnd + 1]);
  if (complement) {
    d.rightFrom = lower[k] === 'about' || lower[k] === 'that' ? k + 1 : k;
    if (d.rightFrom < sl) d.parts.push([d.rightFrom, sl]);
  }
  return d.parts.length ? d : null;
}

/**
 * The agent after "by" at token k made the draft's speaker, ending before a time it runs on into ("denied by the
 * ministry on Monday"): the token after the agent and that time ("asked by her on Thursday about …"), or -1.
 */
function byAgent(ctx: Context, d: Draft, k: number, sl: number): number {
  let end = ctx.npRight(k + 1, sl, false);
  if (end < 0) return -1;
  const opensTime = (j: number) => ctx.tags[j] === TAG.ADP && ctx.timeOf[j + 1]! >= 0;
  for (let j = k + 2; j + 1 < end; j++) {
    if (opensTime(j)) {
      end = j;
      break;
    }
  }
  d.source = [k + 1, end];
  d.sourceHead = d.source;
  let next = end;
  if (opensTime(next)) {
    next++;
    while (next < sl && ctx.timeOf[next]! >= 0) next++;
  }
  return next;
}

/**
 * A participle with its "be" left out: "As reported by the Coast Gazette, there are …",
 * "…, he said when asked how …", "Asked about the polls, Smith said …". The content is the
 * question asked, or for "as reported by" the clause it introduces.
 */
export function elliptical(ctx: Context, c: Candidate, sl: number): Draft | null {
  const { lower } = ctx;
  const i = c.head;
  const sf = ctx.sentFirst(i);
  const d = newDraft('passive', c, [i, i + 1]);
  let k = i + 1;
  if (k < sl && lower[k] === 'by') {
    k = byAgent(ctx, d, k, sl);
    if (k < 0) return null;
  }
  while (k < sl && (ctx.timeOf[k]! >= 0 || ctx.tags[k] === TAG.ADV)) k++;
  const w = lower[k];
  if (w === 'about' || w === 'whether' || w === 'if' || (ctx.tags[k] === TAG.WH && !ctx.lex.TEMPORAL.has(w!)) || w === 'to') {
    d.rightFrom = w === 'about' ? k + 1 : k;
    d.parts.push([d.rightFrom, objectEnd(ctx, d.rightFrom, sl)]);
    return d.rightFrom < sl ? d : null;
  }
  // "As reported by X, …" opens the sentence; "…, as reported by X" closes it.
  if (lower[i - 1] !== 'as' || !d.source) return null;
  if (i - 1 === sf && ctx.isComma(k) && k + 1 < sl) {
    d.rightFrom = k + 1;
    d.parts.push([k + 1, sl]);
    return d;
  }
  let e = i - 2;
  if (e > sf && ctx.isComma(e)) {
    d.boundary = e;
    while (e > sf && ctx.isComma(e)) e--;
    d.parts.push([sf, e + 1]);
    return d;
  }
  return null;
}
