/**
 * Speaker labels opening a line: transcripts ("PENCE: …"), headlines ("Sanders: …"), lists of
 * reactions ("Jane Doe ― “…”").
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import { newDraft, type Candidate, type Draft } from './draft.js';

/** Quote marks that open a paragraph of a quotation running over paragraphs. */
const PARAGRAPH_QUOTES = new Set(['"', '“']);

/**
 * A line opening with a name and a colon or dash says what that speaker said: transcripts
 * ("PENCE: …"), headlines ("Pence: …"), lists of reactions ("Jane Doe ― “…”").
 */
export function labelAt(ctx: Context, first: number): number {
  const { words, lower, tags } = ctx;
  const end = ctx.lineLast(first);
  if (ctx.lex.NOT_SPEAKERS.has(lower[first]!)) return -1;
  // "“…” ― Jane Doe": a quote signed at the end of its line.
  if (ctx.opensQuote(first)) {
    const q = ctx.quotes.list[ctx.quotes.of[first]!]!;
    const dash = q.close + 1;
    if (q.closed && dash + 1 < end && end - dash <= 7 && ctx.isDash(dash) && names(ctx, dash + 1, end)) return dash;
  }
  // A transcript quoted paragraph by paragraph ("“PENCE: …"): the label follows the quote mark,
  // which may pair as the close of the paragraph before.
  if (PARAGRAPH_QUOTES.has(words[first]!)) return first + 2 < end ? labelAt(ctx, first + 1) : -1;
  for (let k = first; k < end && k < first + 7; k++) {
    const w = words[k]!;
    if (w === ':' || w === '―' || w === '—' || w === '–') {
      if (k === first || k + 2 >= end || !names(ctx, first, k)) return -1;
      return k;
    }
    const c = w.charCodeAt(0);
    const capital = c >= 65 && c <= 90;
    if (!(capital || tags[k] === TAG.POSS || (w === '.' && k > first) || (k > first && (lower[k] === 'of' || lower[k] === 'the')))) return -1;
  }
  return -1;
}

/** Do tokens [first, end) name someone: in capitals (a transcript), or holding an entity mention? */
function names(ctx: Context, first: number, end: number): boolean {
  // A transcript's speaker: one or two words in capitals before a colon ("PENCE:").
  if (end - first <= 2 && ctx.words[end] === ':' && ctx.words.slice(first, end).every((w) => w.length > 1 && w === w.toUpperCase())) return true;
  // A headline's speaker: a capitalised word or two before a colon on a short line ("Sanders: …").
  if (end - first <= 2 && ctx.words[end] === ':' && ctx.lineLast(end) - end <= 20 && ctx.tags[first] === TAG.PROPN && ctx.tags[end - 1] === TAG.PROPN) return true;
  const { start, end: ends } = ctx.doc.tokens;
  return ctx.doc.mentionsIn(start[first]!, ends[end - 1]!).some((m) => m.entity.type !== 'MISC' && m.entity.type !== 'EVENT' && m.entity.type !== 'LAW');
}

export function label(ctx: Context, c: Candidate): Draft | null {
  const mark = c.head;
  let first = lineFirst(ctx, mark);
  const end = ctx.lineLast(mark);
  const quote = ctx.opensQuote(first) ? ctx.quotes.list[ctx.quotes.of[first]!]! : null;
  if (quote?.closed && quote.close < mark) {
    // "“…” ― Jane Doe"
    const d = newDraft('speaker-label', c, [mark, mark + 1]);
    d.source = [mark + 1, end];
    d.sourceHead = d.source;
    d.parts.push([first, mark]);
    return d;
  }
  // "“PENCE: …": a paragraph's opening quote mark is no part of the label.
  if (PARAGRAPH_QUOTES.has(ctx.words[first]!)) first++;
  const d = newDraft('speaker-label', c, [mark, mark + 1]);
  d.source = [first, mark];
  d.sourceHead = d.source;
  const last = ctx.isDash(end - 1) ? end - 1 : end;
  if (last <= mark + 1) return null;
  d.rightFrom = mark + 1;
  d.parts.push([mark + 1, last]);
  return d;
}

function lineFirst(ctx: Context, i: number): number {
  let k = i;
  while (k > 0 && !ctx.doc.tokens.lineStart[k]) k--;
  return k;
}
