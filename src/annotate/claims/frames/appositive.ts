/**
 * A cue whose object is a noun set off after what was just said: "…, a claim Osterlich denies",
 * "…, something the League opposes on legal grounds", "…, an allegation the ministry rejected",
 * "…, which Vale denies". The cue answers that earlier content, which ends at the comma.
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import { newDraft, type Candidate, type Draft } from './draft.js';

/** How far before its cue the comma opening the phrase may stand. */
const REACH = 9;

export function appositive(ctx: Context, c: Candidate, earlier: readonly Draft[]): Draft | null {
  const i = c.head;
  const sf = ctx.sentFirst(i);
  if (earlier.some((o) => o.head === i)) return null;
  // The cue takes no complement of its own: the clause ends, or only a phrase follows ("on legal
  // grounds") — not "as …", "to …", a quote or an object, which say something of their own
  // ("which he called “a disgrace”", "which she describes as her home").
  const next = i + 1 < ctx.sentLast(i) ? i + 1 : -1;
  const ends = next < 0 || (ctx.isPunct(next) && !ctx.opensQuote(next));
  const phrase = next >= 0 && ctx.tags[next] === TAG.ADP && !['that', 'to', 'as', 'of'].includes(ctx.lower[next]!);
  // "…, a claim the ministry described as “slander”": a claim judged false is denied.
  const judged = !ends && !phrase && next >= 0 ? judgedFalse(ctx, next) : false;
  if (!ends && !phrase && !judged) return null;
  let k = i - 1;
  while (k > sf && k >= i - REACH && !ctx.isComma(k) && !ctx.isDash(k)) {
    if (ctx.isPunct(k) || ctx.quotes.of[k]! >= 0) return null;
    k--;
  }
  if (k <= sf || k < i - REACH || !(ctx.isComma(k) || ctx.isDash(k))) return null;
  const j = subjectStart(ctx, k + 1, i);
  if (j < 0 || (judged && !ctx.lex.ANSWERED.has(ctx.lower[j - 1] === 'that' ? ctx.lower[j - 2]! : ctx.lower[j - 1]!))) return null;
  // "…, which Vale denies." — a relative pronoun answers only with the clause ended at the cue.
  if (ctx.lower[k + 1] === 'which' && !ends) return null;
  // Adverbs and auxiliaries between the subject and the cue ("has long denied").
  let e = i - 1;
  while (e > j && (ctx.tags[e] === TAG.ADV || ctx.tags[e] === TAG.AUX || ctx.tags[e] === TAG.PART)) e--;
  if (!ctx.startsNp(j) || ctx.npRight(j, e + 1, false) !== e + 1 || e + 1 - j > 5) return null;
  // What was said: the latest claim of the sentence before the comma; its content ends there.
  const said = [...earlier].reverse().find((o) => o.head < k && ctx.sentence[o.head] === ctx.sentence[i] && o.parts.length && o.parts[o.parts.length - 1]![0] < k);
  if (!said) return named(ctx, c, sf, k, [j, e + 1]);
  const last = said.parts[said.parts.length - 1]!;
  if (last[1] > k) last[1] = k;
  let from = last[0];
  // "…, which Vale opposed" answers the noun phrase before it ("backed the plan, which …"); "…, which the rebels
  // denied" the whole clause ("accused the rebels of shelling villages, which …"): a denial's object is a statement.
  if (ctx.lower[k + 1] === 'which' && !ctx.lex.DENYING_STATEMENTS.has(c.entry.lemma)) {
    from = ctx.npLeft(k - 1, last[0]);
    if (from < 0) return null;
  }
  // "argued for a court …, something X opposes": what is opposed is the court, not "for" it.
  if (ctx.tags[from] === TAG.ADP && from + 1 < k) from++;
  const d = newDraft('appositive', c, [i, i + 1]);
  d.source = [j, e + 1];
  d.sourceHead = d.source;
  d.parts.push([from, last[1]]);
  d.boundary = k;
  d.refersBack = true;
  if (judged) d.stanceEntry = ctx.entriesOf('denied')?.find((e) => e.stance === 'deny') ?? null;
  return d;
}

/**
 * "The claim, which Bolivia rejected, came a day after …": with no claim before it in the sentence, a relative clause
 * answers the noun opening the sentence when it names something said; the analysis finds the claim that noun names as
 * it does for any reference (src/lang/en/references.ts).
 */
function named(ctx: Context, c: Candidate, sf: number, k: number, source: [number, number]): Draft | null {
  const head = ctx.lower[k - 1]!;
  if (ctx.lower[k + 1] !== 'which' || !ctx.startsNp(sf) || ctx.npRight(sf, k, false) !== k) return null;
  if (!ctx.lex.ANSWERED.has(head) && !ctx.lex.REFER_BACK.has(head)) return null;
  const d = newDraft('appositive', c, [c.head, c.head + 1]);
  d.source = source;
  d.sourceHead = source;
  d.parts.push([sf, k]);
  d.boundary = k;
  return d;
}

/** Whether the words from `k` judge the thing false and end the clause: "as “slander”", "baseless", "a complete fabrication". */
function judgedFalse(ctx: Context, k: number): boolean {
  const sl = ctx.sentLast(k);
  let j = k;
  if (ctx.lower[j] === 'as') j++;
  let judged = false;
  for (; j < sl && j < k + 6; j++) {
    if (ctx.language.references.FALSE.has(ctx.lower[j]!)) judged = true;
    else if (!(ctx.opensQuote(j) || ctx.closesQuote(j) || ctx.tags[j] === TAG.DET || ctx.tags[j] === TAG.ADV || ctx.tags[j] === TAG.ADJ)) break;
  }
  return judged && (j >= sl || (ctx.isPunct(j) && !ctx.opensQuote(j)));
}

/**
 * Where the subject starts after the phrase's noun: "a claim [that] X", "an allegation X",
 * "something X", "which X"; −1 when the words after the comma are no such phrase.
 */
function subjectStart(ctx: Context, a: number, i: number): number {
  let j = a;
  if (ctx.lower[j] === 'which') return j + 1 < i ? j + 1 : -1;
  if (ctx.lower[j] === 'a' || ctx.lower[j] === 'an') {
    j++;
    while (j < i && ctx.tags[j] === TAG.ADJ) j++;
    if (!ctx.lex.ANSWERED.has(ctx.lower[j]!)) return -1;
  } else if (ctx.lower[j] !== 'something') return -1;
  j++;
  if (ctx.lower[j] === 'that') j++;
  return j < i ? j : -1;
}
