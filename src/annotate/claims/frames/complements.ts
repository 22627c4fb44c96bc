/**
 * Content after the cue: a that-clause, a colon, a quote, an object ("called the vote a sham"),
 * past what stands between ("told reporters on Monday that", "said in a statement carried by KCNA
 * that"); relays named there ("told state TV").
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import { attachedAt, attributionTail } from './quotes.js';
import { embeddedRelativeEnd, plainForm, venueAt } from './relatives.js';
import { type Draft, type Range } from './draft.js';

/** Whether a noun phrase from k is one addressed, a that-clause after it: "said to reporters (on Monday) that …". */
function addressedBeforeThat(ctx: Context, k: number, sl: number): boolean {
  if (!ctx.startsNp(k) || ctx.opensQuote(k)) return false;
  const end = ctx.npRight(k, sl, false);
  let j = end;
  while (j > 0 && j < sl && ctx.timeOf[j]! >= 0) j++;
  return j > 0 && ctx.lower[j] === 'that';
}

/** Content after the cue, from `from` to the sentence end (cut later at attached clauses). */
export function contentAfter(ctx: Context, d: Draft, from: number, sl: number): void {
  const { lower, tags } = ctx;
  let start = from;
  const frame = d.entry.frame;
  if (frame === 'speech' || frame === 'quote' || frame === 'think' || frame === 'evidence' || frame === 'direct') {
    // "He told his audience, to applause:" — what follows the colon is the content.
    const colon = lower[sl - 1] === ':' && sl - from < 20 && !lower.slice(from, sl).includes('that') ? sl : -1;
    if (colon > 0) start = colon;
    // Skip what stands between the cue and its complement: "told reporters on Monday that".
    for (let k = from; colon < 0 && k < sl && k < from + 16; k++) {
      // A date is passed whole ("on 3 May 2025 that": its "May" is no verb).
      if (ctx.timeOf[k]! >= 0) continue;
      const w = lower[k]!;
      if (w === 'that' && tags[k + 1] !== TAG.AUX && tags[k + 1] !== TAG.VERB) {
        start = k + 1;
        break;
      }
      if (w === ':') {
        start = k + 1;
        break;
      }
      if (ctx.opensQuote(k)) {
        // "says voter fraud “would be one hell of a way to lose”": the words before the quote are its subject.
        const subject = k > from && !ctx.isPunct(k - 1) && !ctx.lex.ADDRESSEES.has(d.entry.lemma) && ctx.startsNp(from) && ctx.npRight(from, k + 1, false) === k;
        if (!subject && (ctx.quoteLength(k) > 4 || k === from || (k === from + 1 && ctx.isComma(from)))) start = k;
        break;
      }
      if (w === 'about' && ctx.lex.ABOUT_TAKERS.has(d.entry.lemma)) {
        start = k + 1;
        break;
      }
      // "said in a statement carried by KCNA that", "said in a meeting shown on state television that"
      const venue = venueEnd(ctx, k, sl);
      if (venue > 0) {
        k = venue - 1;
        continue;
      }
      // "convince the envoys and, to a lesser degree, the public that …": an aside set off by commas.
      const aside = ctx.isComma(k) ? asideEnd(ctx, k, Math.min(sl, from + 24)) : -1;
      if (aside > 0) {
        k = aside;
        continue;
      }
      // ("said to reporters that …" passes the one addressed; "told them to leave" is no such "to".)
      if (ctx.isVerb(k) || tags[k] === TAG.WH || w === 'whether' || w === 'if' || (w === 'to' && !(k === from && addressedBeforeThat(ctx, k + 1, sl))) || ctx.isPunct(k)) break;
    }
    // "told state TV the talks had failed", "told reporters how …": past the one addressed.
    if (start === from && ctx.lex.ADDRESSEES.has(d.entry.lemma) && ctx.startsNp(from) && ctx.timeOf[from]! < 0) {
      let np = ctx.npCore(from, sl);
      // "told MSNBC’s “Morning Joe” on Friday that …", "told the host on Thursday how …": a
      // programme's quoted name and a time may follow the one addressed.
      if (np < 0) {
        let poss = from + 1;
        while (poss < from + 6 && poss < sl && tags[poss] !== TAG.POSS) poss++;
        if (tags[poss] === TAG.POSS && ctx.opensQuote(poss + 1)) np = poss + 1;
      }
      let past = np;
      if (past > from && ctx.opensQuote(past) && ctx.quoteLength(past) <= 6) past += ctx.quoteLength(past);
      while (past > from && past < sl && (ctx.timeOf[past]! >= 0 || (ctx.lex.TIME_PREPOSITIONS.has(lower[past]!) && ctx.timeOf[past + 1]! >= 0))) past++;
      if (past > np && past < sl && (lower[past] === 'that' || tags[past] === TAG.WH || lower[past] === 'whether')) np = past;
      if (np > from && np < sl && lower[np] === 'that') start = np + 1;
      else if (np > from && np < sl && (ctx.startsNp(np) || tags[np] === TAG.WH || lower[np] === 'whether' || lower[np] === 'to' || ctx.opensQuote(np))) start = np;
    }
    while (start < sl && (ctx.timeOf[start]! >= 0 || ctx.isComma(start) || (ctx.lex.TIME_PREPOSITIONS.has(lower[start]!) && ctx.timeOf[start + 1]! >= 0))) {
      // "tweeted Friday, saying …": the participle is an attribution of its own.
      if (ctx.isComma(start) && !ctx.opensQuote(start + 1) && attachedAt(ctx, start)) return;
      start++;
    }
  } else if (frame === 'object' && lower[start] === 'as') start++;
  // Bringing someone to believe a that-clause ("convince the envoys that …"): the clause is the
  // content. (Only these: after other objects a "that" mostly opens a relative clause.)
  const clause = frame === 'object' && d.entry.learned && ctx.lex.CAUSATIVES.has(lower[d.head]!) ? thatAfterObject(ctx, from, sl) : -1;
  if (clause > 0) start = clause;
  if (start >= sl) {
    // "She said:" at the end of a paragraph introduces the next one.
    if (lower[sl - 1] === ':' && sl < ctx.count) {
      const end = ctx.lineLast(sl);
      d.rightFrom = sl;
      d.parts.push([sl, end]);
      d.rule = ctx.opensQuote(sl) ? 'quote-after' : d.rule;
    }
    return;
  }
  // "… are continuing, he said": what follows is another attribution's tail, not this content.
  if (attributionTail(ctx, start, sl)) return;
  // "said as he entered the talks", "said Friday as he …": no content follows.
  // (Not after a comma: "cautioned, as did the campaign, that …" goes on to its content.)
  const adjacent = lower.slice(from, start).every((_, k) => ctx.timeOf[from + k]! >= 0 || ctx.lex.TIME_PREPOSITIONS.has(lower[from + k]!));
  if (adjacent && (frame === 'speech' || frame === 'think') && ctx.lex.TEMPORAL.has(lower[start]!) && lower[start + 1] !== 'much' && lower[start + 1] !== 'well') return;
  d.rightFrom = start;
  if (ctx.opensQuote(start) && d.rule === 'complement') d.rule = 'quote-after';
  d.parts.push([start, clause < 0 && (frame === 'object' || frame === 'intend' || frame === 'direct') ? objectEnd(ctx, start, sl) : sl]);
}

/**
 * The first token of a that-clause after the people a cue addresses ("the envoys and, to a
 * lesser degree, the public that …"): nouns, "and", asides set off by commas; or −1.
 */
function thatAfterObject(ctx: Context, from: number, sl: number): number {
  if (!ctx.startsNp(from)) return -1;
  for (let k = from; k < sl && k < from + 16; k++) {
    if (ctx.lower[k] === 'that') return ctx.tags[k + 1] !== TAG.AUX && ctx.tags[k + 1] !== TAG.VERB && k + 1 < sl ? k + 1 : -1;
    const aside = ctx.isComma(k) ? asideEnd(ctx, k, sl) : -1;
    if (aside > 0) k = aside;
    else if (ctx.isVerb(k) || ctx.isPunct(k) || ctx.quotes.of[k]! >= 0 || ctx.tags[k] === TAG.WH || ctx.lower[k] === 'to') return -1;
  }
  return -1;
}

/**
 * The comma closing a short aside that opens at the comma k ("…, to a lesser degree, …", "…, in
 * a statement, …"), when the words after it go on towards a complement; or −1. An aside has no
 * verb, quote or "that" of its own.
 */
function asideEnd(ctx: Context, k: number, limit: number): number {
  // ", according to the state agency, that …": the source of the report is an aside too.
  const according = ctx.lower[k + 1] === 'according' && ctx.lower[k + 2] === 'to';
  for (let j = according ? k + 3 : k + 1; j < limit && j <= k + 7; j++) {
    if (ctx.isComma(j)) return j > k + 1 && ctx.lower[j + 1] !== 'and' ? j : -1;
    if (ctx.isPunct(j) || ctx.isVerb(j) || ctx.lower[j] === 'that' || ctx.quotes.of[j]! >= 0 || ctx.tags[j] === TAG.WH) return -1;
  }
  return -1;
}

/**
 * Where the content of a judging or naming verb ends: at the end of its clause — the first
 * comma, semicolon or dash outside quotes, or "and" before another verb ("praised the soldiers'
 * actions and announced …") — not at the end of the sentence.
 */
export function objectEnd(ctx: Context, start: number, sl: number): number {
  let infinitive = false;
  let gerund = false;
  for (let k = start + 1; k < sl; k++) {
    if (ctx.quotes.of[k]! >= 0) continue;
    // "the new levies, including the fuel duty": still the object.
    if (ctx.isComma(k) && ctx.lower[k + 1] === 'including') continue;
    const relative = ctx.isComma(k) ? embeddedRelativeEnd(ctx, k, sl) : -1;
    if (relative > 0) {
      k = relative;
      continue;
    }
    if (ctx.isComma(k) || ctx.words[k] === ';' || ctx.isDash(k)) return k;
    const w = ctx.lower[k]!;
    if (w === 'to' && ctx.isVerb(k + 1)) infinitive = true;
    if ((w === 'of' || w === 'for') && (ctx.lower[k + 1] ?? '').endsWith('ing')) gerund = true;
    // "the port to reopen and pay the fees": a second verb of the same "to" goes on; so does a
    // second gerund of the same "of" ("accused the firm of hiding the report and lying about it").
    const second = (infinitive && ctx.tags[k + 1] === TAG.VERB && plainForm(ctx.lower[k + 1]!)) || (gerund && (ctx.lower[k + 1] ?? '').endsWith('ing'));
    if ((w === 'and' || w === 'but') && ctx.isVerb(k + 1) && !second) return k;
    if (ctx.lex.OCCASIONS.has(w) || venueAt(ctx, k, sl)) return k;
  }
  return sl;
}

/**
 * One past a phrase naming where something was said, with what qualifies it ("in a statement
 * carried by the state news agency KCNA", "in an interview with CNN on Monday", "on
 * Telegram"), or −1 when none starts at k.
 */
function venueEnd(ctx: Context, k: number, sl: number): number {
  if (!venueAt(ctx, k, sl)) return -1;
  let end = ctx.npRight(k + 1, sl, false, true);
  for (let steps = 0; steps < 4 && end < sl; steps++) {
    const w = ctx.lower[end]!;
    if (ctx.timeOf[end]! >= 0) {
      while (end < sl && ctx.timeOf[end]! >= 0) end++;
    } else if (ctx.tags[end] === TAG.VERB && ctx.lex.isParticiple(w)) end++;
    else if (ctx.lex.VENUE_LINKS.has(w) && ctx.startsNp(end + 1) && ctx.timeOf[end + 1]! < 0) {
      const e = ctx.npRight(end + 1, sl, false, true);
      if (e < 0) break;
      end = e;
    } else break;
  }
  return end;
}

/**
 * The outlet or platform that carried a claim, named between its cue and its content or in the
 * tail after it: "told state TV", "in a statement carried by KCNA", "wrote on Telegram".
 */
export function relayBetween(ctx: Context, from: number, to: number): Range | null {
  const { start, end } = ctx.doc.tokens;
  for (let k = from; k < to; k++) {
    if (!ctx.startsNp(k) || ctx.quotes.of[k]! >= 0 || (k > from && ctx.startsNp(k - 1) && ctx.tags[k - 1] !== TAG.VERB)) continue;
    const e = ctx.npRight(k, to, false, true);
    // (A phrase that ends where it starts moves nothing on: the next token is tried.)
    if (e <= k) continue;
    const head = ctx.lower[e - 1]!;
    const media = ctx.doc.mentionsIn(start[k]!, end[e - 1]!).some((m) => m.entity.subtype === 'media');
    if (ctx.lex.RELAYS.has(head) || ctx.lex.PLATFORMS.has(head) || media) return [k, e];
    k = e - 1;
  }
  return null;
}

/**
 * A claim whose speaker opens a clause of its own after a comma, semicolon or dash
 * (", where he acknowledged", "; Smith said", "— claims Pyongyang dismissed as …") is attached
 * to the sentence, not part of an earlier content.
 */
export function markClause(ctx: Context, d: Draft, sf: number): void {
  if (!d.source) return;
  let k = d.source[0] - 1;
  if (k >= sf && (ctx.lex.CLAUSE_OPENERS.has(ctx.lower[k]!) || ctx.lex.REFER_BACK.has(ctx.lower[k]!))) k--;
  if (k >= sf && (ctx.isComma(k) || ctx.isDash(k) || ctx.words[k] === ';')) d.boundary = k;
  // "…,” while 73 percent said …": the comma sits inside the closing mark.
  else if (k > sf && k < d.source[0] - 1 && ctx.closesQuote(k) && ctx.isComma(k - 1)) d.boundary = k + 1;
  // "… delayed the audit and the opposition accused …": a new speaker after "and".
  else if (k + 1 === d.source[0] - 1 && ctx.tags[k + 1] === TAG.CCONJ && ctx.tags[d.source[1] - 1] !== TAG.PRON) d.boundary = k + 1;
}

