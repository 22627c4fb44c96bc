import type { Context } from './context.js';
import type { Draft, Range } from './frames/index.js';
import type { CueEntry } from './lexicon.js';

/** What a paragraph of quotes with no cue of its own is: more of what the speaker said. */
const CONTINUED: CueEntry = { lemma: 'say', noun: false, frame: 'quote', stance: 'assert' };
/** A line with fewer tokens than this and no claim, between a quote and its speaker's paragraph, is a subheading. */
const HEADING_TOKENS = 14;

/**
 * Quoted paragraphs that go on with a speaker's words: each paragraph of a quotation that runs
 * over several paragraphs ("The mayor said: “… ¶ “… ¶ “…”") and each paragraph that is only a
 * quotation, with no cue of its own, right after a paragraph where someone speaks (“It plays to
 * my strengths.” after a paragraph quoting her) is a claim of that speaker, one per paragraph; so
 * is a quotation of whole sentences after a sentence of its paragraph where someone speaks.
 * Returns the drafts with the first kind split and the others added, in text order.
 */
export function continueSpeakers(ctx: Context, drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) for (const p of splitParagraphs(ctx, d)) out.push(...splitDenials(ctx, p));
  const covered = new Uint8Array(ctx.count);
  for (const d of out) for (const [a, b] of d.parts) covered.fill(1, a, b);
  const lines = ctx.lines;
  // The drafts of each paragraph, looked up by paragraph (a page may have many thousands).
  const byLine = new Map<number, Draft[]>();
  for (const d of out) byLine.set(lines[d.head]!, [...(byLine.get(lines[d.head]!) ?? []), d]);
  const added: Draft[] = [];
  for (let i = 0; i < ctx.count; i = ctx.lineLast(i)) {
    const end = ctx.lineLast(i);
    if (!quotedParagraph(ctx, i, end) || covered[i + 1] || byLine.has(lines[i]!)) continue;
    const speaker = speakerBefore(ctx, i, byLine);
    if (!speaker) continue;
    const d = continuation(ctx, speaker, i, end);
    added.push(...splitDenials(ctx, d));
    byLine.set(lines[i]!, [d]);
  }
  for (const d of quotedSentencesAfter(ctx, out, covered)) added.push(...splitDenials(ctx, d));
  return added.length ? [...out, ...added].sort((a, b) => a.head - b.head) : out;
}

/**
 * A claim whose quoted content runs on into later paragraphs — its own quote, or quoted sentences
 * after a quote before the cue ("“…,” he said. “… ¶ “…”") — as one claim per paragraph.
 */
function splitParagraphs(ctx: Context, d: Draft): Draft[] {
  if (d.parts.length < 2) return [d];
  const lines = ctx.lines;
  const next = ctx.lineLast(d.head);
  const own = d.parts.filter(([a]) => a < next);
  const rest = d.parts.filter(([a]) => a >= next);
  if (!own.length || !rest.length) return [d];
  // Only a quotation runs on: each later paragraph must open with its mark.
  if (!rest.every(([a]) => ctx.opensQuote(a) || ctx.quotes.of[a]! >= 0)) return [d];
  const head: Draft = { ...d, parts: own };
  const byLine = new Map<number, Range[]>();
  for (const r of rest) {
    const l = lines[r[0]]!;
    byLine.set(l, [...(byLine.get(l) ?? []), r]);
  }
  return [head, ...[...byLine.values()].map((parts) => ({ ...continuation(ctx, head, parts[0]![0], parts[parts.length - 1]![1]), parts }))];
}

/**
 * A quotation that makes up whole sentences of a paragraph, with no cue of its own, after a
 * sentence of that paragraph where someone speaks ("She warned that the talks would fail. “Nobody
 * is listening.”"): the speaker goes on, one claim per quotation.
 */
function quotedSentencesAfter(ctx: Context, drafts: readonly Draft[], covered: Uint8Array): Draft[] {
  const added: Draft[] = [];
  let d = 0;
  for (let i = 0; i < ctx.count; i++) {
    if (ctx.sentFirst(i) !== i || ctx.doc.tokens.lineStart[i] || !ctx.opensQuote(i) || covered[i + 1]) continue;
    const q = ctx.quotes.list[ctx.quotes.of[i]!]!;
    const end = Math.min(ctx.sentLast(q.close), ctx.lineLast(i));
    if (!quotedParagraph(ctx, i, end)) continue;
    while (d < drafts.length && drafts[d]!.head < i) d++;
    if (d < drafts.length && drafts[d]!.head < end) continue;
    // The speaker: the last claim before it in its paragraph that has one.
    let speaker: Draft | null = null;
    for (let k = d - 1; k >= 0 && ctx.lines[drafts[k]!.head] === ctx.lines[i]; k--) {
      if (drafts[k]!.source !== null || drafts[k]!.continues !== undefined) {
        speaker = drafts[k]!;
        break;
      }
    }
    if (!speaker) continue;
    added.push(continuation(ctx, speaker, i, end));
    covered.fill(1, i, end);
    i = end - 1;
  }
  return added;
}

/**
 * A quoted sentence that denies ("“… tell a story that NATO caused this,” he said. “That's
 * absolutely wrong.”") is a claim of its own, not the tail of what came before: the ledger must
 * show the denial as one. The sentences after it go on as a further claim.
 */
function splitDenials(ctx: Context, d: Draft): Draft[] {
  // A quote, or a paragraph of one that runs on, opening with its mark.
  const first = d.parts[0]![0];
  if (!ctx.opensQuote(first) && !(ctx.quotes.of[first]! >= 0 && /^[“"]$/.test(ctx.words[first]!))) return [d];
  const text = ctx.doc.text;
  const { start, end } = ctx.doc.tokens;
  for (const [pi, [a, b]] of d.parts.entries()) {
    for (let k = pi === 0 ? ctx.sentLast(a) : a; k < b; k = ctx.sentLast(k)) {
      const e = Math.min(ctx.sentLast(k), b);
      const sentence = text.slice(start[k]!, end[e - 1]!).replace(/[“”"]/g, ' ');
      // ("No," alone, or "No, they are not", answers what came before and stays with it.)
      if (words(ctx, k, e) < DENIAL_WORDS || /^\W*no\s*,/i.test(sentence) || !ctx.lex.DENIAL.some((p) => p.test(sentence))) continue;
      const before = [...d.parts.slice(0, pi), ...(k > a ? [[a, k] as Range] : [])];
      const after = [...(e < b ? [[e, b] as Range] : []), ...d.parts.slice(pi + 1)];
      if (!before.length) return [d];
      const head: Draft = { ...d, parts: before };
      const denial = continuation(ctx, head, k, e);
      const rest = after.length ? splitDenials(ctx, { ...continuation(ctx, head, after[0]![0], after[after.length - 1]![1]), parts: after }) : [];
      return [head, denial, ...rest];
    }
  }
  return [d];
}

/** How many words a quoted sentence needs to stand as a denial of its own. */
const DENIAL_WORDS = 3;

/** The words (not punctuation) among tokens [a, b). */
function words(ctx: Context, a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) if (!ctx.isPunct(k)) n++;
  return n;
}

/** Tokens [i, end) form a paragraph that is all quotation: it opens with a mark and has no verb outside quotes. */
function quotedParagraph(ctx: Context, i: number, end: number): boolean {
  const mark = ctx.words[i];
  if (mark !== '“' && mark !== '"' && mark !== '”') return false;
  // A stage direction ("(CROSSTALK)") or a few words are no statement.
  if (ctx.words[i + 1] === '(' || ctx.words[i + 1] === '[') return false;
  let words = 0;
  for (let k = i; k < end; k++) {
    if (ctx.quotes.of[k]! < 0 && ctx.isVerb(k)) return false;
    if (!ctx.isPunct(k)) words++;
  }
  return words >= 4;
}

/**
 * The claim whose speaker goes on talking in the quoted paragraph at token `i`: the last claim
 * with a speaker in the paragraph before (a short subheading between them skipped).
 */
function speakerBefore(ctx: Context, i: number, byLine: ReadonlyMap<number, readonly Draft[]>): Draft | null {
  const lines = ctx.lines;
  // Back over the paragraphs before, token by token: the nearest paragraph with a speaking claim.
  let start = i;
  for (let step = 0; step < 2 && start > 0; step++) {
    const end = start;
    start = end - 1;
    while (start > 0 && lines[start - 1] === lines[end - 1]) start--;
    const inLine = (byLine.get(lines[start]!) ?? []).filter((d) => d.source !== null || d.continues !== undefined);
    if (inLine.length) return inLine.reduce((a, b) => (b.head > a.head ? b : a));
    if (end - start >= HEADING_TOKENS) return null;
  }
  return null;
}

/** A claim of `governor`'s speaker for the quoted tokens [i, end). */
function continuation(ctx: Context, governor: Draft, i: number, end: number): Draft {
  let e = end;
  while (e > i + 1 && (ctx.isPunct(e - 1) && !ctx.closesQuote(e - 1))) e--;
  return {
    rule: 'quote-continued',
    entry: CONTINUED,
    cue: [i, i + 1],
    head: i,
    source: null,
    sourceHead: null,
    antecedent: null,
    inherits: true,
    continues: governor.continues ?? governor,
    parts: [[i, e]],
    rightFrom: i,
    boundary: -1,
    via: governor.via,
    stanceEntry: null,
    nests: 0,
    refersBack: false,
  };
}
