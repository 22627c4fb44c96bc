/**
 * Content before the cue — a quote ("“…,” she said") or a clause ("The talks failed, he said") —
 * and what may follow the speaker without being content (", he said in an interview on Monday").
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import { isMedia } from '../contents.js';
import { type Draft } from './draft.js';

/** Content before the cue: the quote or clause ending at `leftEnd`. */
export function contentBefore(ctx: Context, d: Draft, leftEnd: number, tail: number, sl: number): Draft | null {
  // "…, a source said": an earlier cue's content ends where this attribution begins.
  d.boundary = leftEnd;
  let end = leftEnd;
  if (!ctx.closesQuote(end) && ctx.words[end] !== ',' && end > 0 && ctx.closesQuote(end - 1)) end--;
  if (ctx.words[end] === ',' && end > 0 && ctx.closesQuote(end - 1)) end--;
  // A quoted phrase closing a clause of the article's words ("… to reopen the ferry “by spring”,
  // the minister said") is part of that clause: the clause is the content.
  const fragment = ctx.closesQuote(end) && quotedTail(ctx, ctx.quotes.list[ctx.quotes.of[end]!]!.open);
  if (ctx.closesQuote(end) && !fragment) {
    const q = ctx.quotes.list[ctx.quotes.of[end]!]!;
    d.rule = 'quote-before';
    for (const [a, b] of q.pieces) d.parts.push([a, b + 1]);
  } else {
    d.rule = 'clause-before';
    // A clause-before content runs from the sentence start (cues inside it are nested in it).
    const first = ctx.sentFirst(d.head);
    if (end <= first) return null;
    let e = end;
    while (e > first && (ctx.isComma(e) || ctx.isDash(e) || ctx.words[e] === ':')) e--;
    if (e < first) return null;
    d.parts.push([first, e + 1]);
  }
  // A split quote: "“…,” he said, “…”" — the second half follows the tail.
  for (let k = tail; k < sl && !(ctx.isVerb(k) && ctx.quotes.of[k]! < 0); k++) {
    if (ctx.opensQuote(k) && ctx.quoteLength(k) > 2 && k > tail && (ctx.isComma(k - 1) || (ctx.tags[k - 1] === TAG.CCONJ && ctx.isComma(k - 2)))) {
      const q = ctx.quotes.list[ctx.quotes.of[k]!]!;
      for (const [a, b] of q.pieces) d.parts.push([a, b + 1]);
      break;
    }
    if (ctx.isComma(k) && k + 1 < sl && (ctx.lower[k + 1]!.endsWith('ing') || ctx.lower[k + 1] === 'according')) break;
  }
  return d;
}

/**
 * Does the quote opening at token `open` close a clause of unquoted words — several words, or a
 * few with a verb, before it in its sentence, the last no punctuation ("expects the ferry to
 * reopen “by spring”", "They will discuss “…”")?
 */
function quotedTail(ctx: Context, open: number): boolean {
  const sf = ctx.sentFirst(open);
  if (open - sf < 2 || ctx.isPunct(open - 1)) return false;
  let verb = false;
  for (let k = sf; k < open; k++) {
    if (ctx.quotes.of[k]! >= 0) return false;
    verb ||= ctx.isVerb(k);
  }
  // "They will discuss “…”": a verb makes even a short run of words a clause.
  return verb || open - sf >= 4;
}

/**
 * Is the rest of the sentence from `from` only the attribution's tail — times, places, media,
 * short titles in quotes — and no clause of its own? (", he said in an interview on Monday.")
 */
export function isTail(ctx: Context, from: number, sl: number, afterCue = true): boolean {
  let wh = false;
  for (let k = from; k < sl; k++) {
    const w = ctx.lower[k]!;
    // "explains why …", "asked whether …": a complement, not a tail ("said when asked" is one).
    if (afterCue && k === from && (ctx.tags[k] === TAG.WH || w === 'whether' || w === 'if') && !ctx.lex.TEMPORAL.has(w)) return false;
    // "said a member who supports Trump", "said Jane Doe, director of a union that …": a relative clause.
    if (!afterCue && w === 'that' && k > 0 && ctx.isNounHead(k - 1)) {
      wh = true;
      continue;
    }
    if (ctx.opensQuote(k)) {
      // "shouted “Get back!”": a quote right after the cue is what was said, unless it is a title.
      if (k === from && !isTitle(ctx, ctx.quotes.of[k]!)) return false;
      if (ctx.quoteLength(k) > 8) return k > from && ctx.isComma(k - 1); // split quote: "…,” he said, “…”
      k = ctx.quotes.list[ctx.quotes.of[k]!]!.close;
      continue;
    }
    if (ctx.isComma(k) && k + 1 < sl && (ctx.lower[k + 1]!.endsWith('ing') || ctx.lower[k + 1] === 'according' || agencyTail(ctx, k + 1, sl))) return true;
    // "…, the Pentagon said on Monday, more than tripling the figure …"
    if (ctx.isComma(k) && ctx.lower[k + 1] === 'more' && ctx.lower[k + 2] === 'than' && ctx.lower[k + 3]?.endsWith('ing')) return true;
    // "…, the agency said on Friday, the first time Seoul has …" (or "… – the latest in a series"): an appositive to the sentence.
    if ((ctx.isComma(k) || ctx.isDash(k)) && k > from && ctx.tags[k + 1] === TAG.DET && !ctx.lex.POSSESSIVES.has(ctx.lower[k + 1]!)) return true;
    if (w === 'that' || w === ':' || w === ';') return false;
    // "…, he said as he accepted the credentials": the verbs of a clause of time are the tail's.
    // ("…, days after troops left", "…, shortly before the vote": a span of time or an adverb before after/before.)
    const sequence = ctx.lex.SEQUENCE.has(w) && k > from && (ctx.tags[k - 1] === TAG.ADV || ctx.language.times.UNITS.has(ctx.lower[k - 1]!));
    if (ctx.tags[k] === TAG.WH || ((ctx.lex.TEMPORAL.has(w) || sequence) && ctx.startsNp(k + 1))) wh = true;
    if (ctx.tags[k] === TAG.VERB && !wh && ctx.timeOf[k]! < 0) return false;
  }
  return true;
}

/** Is [k, sl) an outlet saying it relays the sentence ("Meridian Wire has learned", "the agency reported")? */
function agencyTail(ctx: Context, k: number, sl: number): boolean {
  if (!ctx.startsNp(k)) return false;
  const np = ctx.npRight(k, sl, false);
  if (np < 0 || np - k > 4 || !isMedia(ctx, [k, np])) return false;
  let v = np;
  while (v < sl && (ctx.tags[v] === TAG.AUX || ctx.tags[v] === TAG.ADV)) v++;
  const w = ctx.lower[v];
  if (w !== 'learned' && w !== 'learnt' && w !== 'reports' && w !== 'reported') return false;
  for (let e = v + 1; e < sl; e++) if (!ctx.isPunct(e)) return false;
  return true;
}

/** Is [start, sl) only "speaker cue" closing the sentence ("he said.", "said the minister.")? */
export function attributionTail(ctx: Context, start: number, sl: number): boolean {
  if (start === 0 || !ctx.isComma(start - 1)) return false;
  let k = start;
  const np = ctx.startsNp(k) ? ctx.npRight(k, sl, false) : -1;
  if (np > 0 && np - k <= 4) k = np;
  while (k < sl && (ctx.tags[k] === TAG.ADV || ctx.tags[k] === TAG.AUX)) k++;
  if (k >= sl || !ctx.cueEntries(k)?.some((e) => e.frame === 'speech' && !e.noun)) return false;
  if (np < 0 && k === start) {
    const after = ctx.npRight(k + 1, sl, true);
    return after > 0 && isTail(ctx, after, sl, false);
  }
  return np > 0 && isTail(ctx, k + 1, sl);
}

/** Is quote q a title ("on “Fox News Sunday,”"): a few words, every one capitalised? */
export function isTitle(ctx: Context, q: number): boolean {
  const quote = ctx.quotes.list[q]!;
  let words = 0;
  for (let k = quote.open + 1; k < quote.close; k++) {
    if (ctx.isPunct(k)) continue;
    const c = ctx.words[k]!.charCodeAt(0);
    // "Face the Nation", "Meet the Press": small words inside a title stay lower-case.
    if (!(c >= 65 && c <= 90) && !(c >= 48 && c <= 57) && !(words > 0 && ctx.lex.TITLE_SMALL_WORDS.has(ctx.lower[k]!))) return false;
    words++;
  }
  return words > 0 && words <= 6;
}

/**
 * Does the text after an interrupting attribution go on with the interrupted clause ("The
 * museum, he said, would …")? Not when it opens an appositive ("…, the first time …") or a
 * clause of its own ("…, he said, and he called on …").
 */
export function continues(ctx: Context, k: number, sl: number): boolean {
  if (ctx.tags[k] === TAG.DET && !ctx.lex.POSSESSIVES.has(ctx.lower[k]!)) return false;
  if (ctx.tags[k] !== TAG.CCONJ || !ctx.startsNp(k + 1)) return true;
  const end = ctx.npRight(k + 1, sl, false);
  return !(end > 0 && end < sl && ctx.isVerb(ctx.skipAdverbsRight(end, sl)));
}

/** Does another attribution attach at the comma k (", adding …", ", according to …")? */
export function attachedAt(ctx: Context, k: number): boolean {
  const next = ctx.lower[k + 1];
  return next !== undefined && (next.endsWith('ing') || next === 'according' || ctx.opensQuote(k + 1));
}

/** Does a that-clause, colon or quote follow the cue (times and commas skipped)? */
export function complementFollows(ctx: Context, k: number, sl: number): boolean {
  while (k < sl && (ctx.timeOf[k]! >= 0 || ctx.isComma(k))) k++;
  return k < sl && (ctx.lower[k] === 'that' || ctx.words[k] === ':' || (ctx.opensQuote(k) && ctx.quoteLength(k) > 4));
}
