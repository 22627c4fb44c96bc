/**
 * "According to X, …", "…, according to X", "according to a report by Y"; polls as sources ("In
 * the latest poll released Wednesday, …"); "In his view, …", "In the minister's words, …".
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import { headEnd } from './subjects.js';
import { newDraft, type Candidate, type Draft, type Range } from './draft.js';

export function according(ctx: Context, c: Candidate): Draft | null {
  const i = c.head;
  const sf = ctx.sentFirst(i);
  const sl = ctx.sentLast(i);
  let end = ctx.npRight(i + 2, sl, true);
  if (end < 0) return null;
  const d = newDraft('according-to', c, [i, i + 2]);
  // "according to a report by the World Food Programme": the report's author speaks.
  let author: Range | null = null;
  if (ctx.lex.AUTHORED.has(ctx.lower[end - 1]!) && (ctx.lower[end] === 'by' || ctx.lower[end] === 'from') && ctx.startsNp(end + 1)) {
    const by = ctx.npRight(end + 1, sl, false);
    if (by > end + 1) {
      author = [end + 1, by];
      end = by;
    }
  }
  d.source = [i + 2, end];
  d.sourceHead = author ?? [i + 2, headEnd(ctx, i + 2, end)];
  let open = i - 1;
  while (open >= sf && (ctx.tags[open] === TAG.CCONJ || ctx.tags[open] === TAG.ADV)) open--;
  let after = end;
  while (after < sl && (ctx.isComma(after) || ctx.isDash(after))) after++;
  if (open < sf || ctx.opensQuote(open)) {
    // "According to X, …"
    if (after >= sl) return null;
    d.rightFrom = after;
    d.parts.push([after, sl]);
    return d;
  }
  // "…, according to X[, …]"
  let e = i - 1;
  if (ctx.isComma(e) || ctx.isDash(e) || ctx.words[e] === '(') d.boundary = e;
  while (e >= sf && (ctx.isComma(e) || ctx.isDash(e) || ctx.words[e] === '(')) e--;
  if (e < sf) return null;
  // "…, he said, according to a translation by X": the sentence's own tag says who speaks; X only relays it. So in
  // "the army chief said, according to the state agency, that …": the verb before it is the cue.
  if (speechTagEnds(ctx, e, sf)) return null;
  if (ctx.cueEntries(e) && ctx.tags[e] === TAG.VERB && ctx.lower[end] === ',' && ctx.lower[after] === 'that') return null;
  // "That's according to X.": what X says is the sentence before.
  if (e === sf + 1 && ctx.lex.DEMONSTRATIVES.has(ctx.lower[sf]!) && ctx.lex.BE_OR_CLITIC.has(ctx.lower[sf + 1]!)) {
    if (sf === 0) return null;
    const before = ctx.sentFirst(sf - 1);
    let last = sf - 1;
    while (last > before && ctx.isPunct(last) && !ctx.closesQuote(last)) last--;
    d.parts.push([before, last + 1]);
    return d;
  }
  const interrupts = after < sl && ctx.lower[end]! === ',' && !ctx.isPunct(after);
  // "…, where, according to X, the founder kept an office": X says only the clause after it.
  if (!(interrupts && (ctx.tags[e] === TAG.WH || ctx.tags[e] === TAG.SCONJ || ctx.lower[e] === 'that'))) d.parts.push([sf, e + 1]);
  if (interrupts) {
    d.rightFrom = after;
    d.parts.push([after, sl]);
  }
  return d;
}

/**
 * A poll as the source of what it shows: "In the latest CNN poll released Wednesday, Trump
 * leads by 5 points", "Clinton stays well ahead in the polls".
 */
export function poll(ctx: Context, c: Candidate): Draft | null {
  const i = c.head;
  const sf = ctx.sentFirst(i);
  const sl = ctx.sentLast(i);
  const np = ctx.npRight(i + 1, sl, false, true);
  if (np < 0 || !ctx.lex.SURVEYS.has(ctx.lower[np - 1]!)) return null;
  const d = newDraft('according-to', c, [i, i + 1]);
  let open = i - 1;
  while (open >= sf && (ctx.tags[open] === TAG.CCONJ || ctx.tags[open] === TAG.ADV)) open--;
  if (open < sf) {
    // "In the latest poll released Wednesday, …": the source runs to the comma.
    let comma = np;
    while (comma < sl && comma < np + 10 && !ctx.isComma(comma) && !(ctx.isVerb(comma) && !ctx.lex.isParticiple(ctx.lower[comma]!))) comma++;
    if (!ctx.isComma(comma) || comma + 1 >= sl) return null;
    d.source = [i + 1, comma];
    d.sourceHead = [i + 1, np];
    d.rightFrom = comma + 1;
    d.parts.push([comma + 1, sl]);
    return d;
  }
  // "… ahead in the polls.": the phrase closes the sentence.
  let after = np;
  while (after < sl && (ctx.isPunct(after) || ctx.timeOf[after]! >= 0)) after++;
  if (after < sl) return null;
  let e = i - 1;
  while (e > sf && (ctx.isComma(e) || ctx.isDash(e))) e--;
  if (e <= sf) return null;
  d.source = [i + 1, np];
  d.sourceHead = d.source;
  d.parts.push([sf, e + 1]);
  return d;
}

/**
 * "In his opinion, …", "In the minister's words, …", "In the view of the agency, …" opening a
 * sentence: whose view it is speaks the rest of the sentence.
 */
export function opinion(ctx: Context, c: Candidate): Draft | null {
  const i = c.head;
  const sl = ctx.sentLast(i);
  let source: Range;
  let noun: number;
  if (ctx.lex.POSSESSIVES.has(ctx.lower[i + 1]!)) {
    // "In his opinion,"
    source = [i + 1, i + 2];
    noun = i + 2;
  } else if (ctx.lower[i + 1] === 'the' && ctx.lex.OPINIONS.has(ctx.lower[i + 2]!) && ctx.lower[i + 3] === 'of') {
    // "In the view of the agency,"
    const end = ctx.npRight(i + 4, sl, false);
    if (end < 0 || !ctx.isComma(end)) return null;
    const d = newDraft('according-to', c, [i, i + 4]);
    return opinionContent(d, [i + 4, end], end + 1, sl);
  } else {
    // "In the minister's words,"
    let k = i + 1;
    while (k < i + 7 && k < sl && ctx.lower[k] !== "'s" && ctx.lower[k] !== '’s') k++;
    if (k >= i + 7 || k >= sl || !ctx.startsNp(i + 1)) return null;
    source = [i + 1, k];
    noun = k + 1;
  }
  if (!ctx.lex.OPINIONS.has(ctx.lower[noun]!) || !ctx.isComma(noun + 1)) return null;
  return opinionContent(newDraft('according-to', c, [i, noun + 1]), source, noun + 2, sl);
}

function opinionContent(d: Draft, source: Range, from: number, sl: number): Draft | null {
  if (from >= sl) return null;
  d.source = source;
  d.sourceHead = source;
  d.rightFrom = from;
  d.parts.push([from, sl]);
  return d;
}

/** A speech tag set off by a comma ends at token e: ", he said", ", Vale said". */
function speechTagEnds(ctx: Context, e: number, sf: number): boolean {
  if (!ctx.cueEntries(e) || ctx.tags[e] !== TAG.VERB) return false;
  const pronoun = /^(?:he|she|they|we|i|it)$/.test(ctx.lower[e - 1] ?? '');
  for (let s = e - 1; s >= sf && s >= e - 3; s--) {
    if (ctx.isComma(s)) return s < e - 1 && (pronoun || /^\p{Lu}/u.test(ctx.words[s + 1]!));
    if (!pronoun && !/^\p{Lu}/u.test(ctx.words[s]!)) return false;
  }
  return false;
}
