import { TAG } from '../pos/tags.js';
import { PositionIndex, SpanIndex } from '../ranges.js';
import type { Context } from './context.js';
import { embeddedRelativeEnd } from './frames/relatives.js';
import type { Draft, Range } from './frames/index.js';


/**
 * The drafts the frames read, made whole: contents cut where attached clauses begin, relays made
 * `via`, cues nested in another claim's content dropped, direct quotes joined with the quoted
 * sentences around them.
 */
export function finishDrafts(ctx: Context, drafts: Draft[]): Draft[] {
  cutAtAttachedClauses(ctx, drafts);
  const kept = dropRepeated(ctx, dropNested(citedSources(ctx, relayVia(ctx, drafts))));
  for (const d of kept) quotedAs(ctx, d);
  // (A claim told inside a quotation is part of it: the quote still runs on past it.)
  const heads = new PositionIndex(kept.filter((d) => !d.quoted), (d) => d.head);
  for (const d of kept) if (!d.quoted) continueQuote(ctx, d, heads);
  return kept;
}

/**
 * Content after a cue runs to the sentence end, except where another claim attaches its own
 * clause to the sentence ("…, stating that …", "… and announced …", "…, according to …").
 */
function cutAtAttachedClauses(ctx: Context, drafts: Draft[]): void {
  // Only a draft whose cue or boundary lies in d's content can cut it.
  const cues = new PositionIndex(drafts, (o) => o.cue[0]);
  const boundaries = new PositionIndex(drafts, (o) => o.boundary);
  for (const d of drafts) {
    if (d.rightFrom < 0) continue;
    const last = d.parts[d.parts.length - 1]!;
    let end = last[1];
    const near = [...new Set([...cues.between(d.rightFrom, end), ...boundaries.between(d.rightFrom, end)])].sort((a, b) => a - b);
    for (const o of near.map((i) => drafts[i]!)) {
      // "South Korea, which first reported the deployment on Oct. 18, said …": a claim made in
      // another's speaker ends where that speaker's cue begins.
      if (o !== d && o.source && d.head >= o.source[0] && d.head < o.source[1] && o.cue[0] >= d.rightFrom && o.cue[0] < end) {
        end = o.source[1] - (ctx.isComma(o.source[1] - 1) ? 1 : 0);
        continue;
      }
      if (o === d || o.boundary < d.rightFrom || o.boundary >= end) continue;
      // A bare comma after an opening phrase ("that at one of his first meetings, in 1972, he
      // supported …") does not end the content: a clause needs a verb before its comma.
      if (ctx.isComma(o.boundary) && o.source && o.source[0] === o.boundary + 1 && !hasVerb(ctx, d.rightFrom, o.boundary)) continue;
      end = o.boundary;
    }
    end = clauseEnd(ctx, d.rightFrom, end);
    // A quote opened right at the start of the content may run on over several sentences.
    if (ctx.opensQuote(d.rightFrom) && end === last[1]) {
      const q = ctx.quotes.list[ctx.quotes.of[d.rightFrom]!]!;
      if (q.close >= end) {
        d.parts.pop();
        for (const [a, b] of q.pieces) d.parts.push([a, b + 1]);
        continue;
      }
    }
    last[1] = trimEnd(ctx, last[0], end);
    if (last[1] <= last[0]) d.parts.pop();
  }
}

/** Whether a verb stands in tokens [from, to), outside quotes (not after a determiner: "in the face of" has none). */
function hasVerb(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ctx.isVerb(k) && ctx.quotes.of[k]! < 0 && ctx.tags[k - 1] !== TAG.DET) return true;
  return false;
}


/**
 * Where reported content after the cue ends: before a trailing clause that hangs on it — a
 * participle, "which"/"who"/"but"/"while" or "and when …" after a comma, or a semicolon —
 * outside quotes.
 * (PolNeAR's annotators leave those out about twice as often as they keep them.)
 */
function clauseEnd(ctx: Context, from: number, end: number): number {
  // Whether the content has a verb yet: before one, it is an object ("those claims").
  let clauseSoFar = ctx.opensQuote(from) || ctx.isVerb(from) || ctx.isVerb(from + 1);
  for (let k = from + 2; k < end - 1; k++) {
    // A comma just inside a closing mark ("…,” while …") ends the clause as one outside would.
    if (ctx.closesQuote(k) && ctx.words[k - 1] === ',' && ctx.lex.TRAILING_CLAUSES.has(ctx.lower[k + 1]!)) return k + 1;
    if (ctx.quotes.of[k]! >= 0) continue;
    const w = ctx.words[k]!;
    if (w === ';') return k;
    if (ctx.isVerb(k)) clauseSoFar = true;
    // "… the results of the vote – which sparked protests": a dash sets a trailing clause off as a comma does.
    if (ctx.isDash(k) && (ctx.lower[k + 1] === 'which' || ctx.lower[k + 1] === 'who')) return k;
    // "citing maintenance while warning that …": a second participle of the speaker's.
    if (w === 'while' && ctx.lower[k + 1]!.endsWith('ing')) return k;
    // "confirming the loss of the town four days after denying it": after an object, "after"/"before" with a
    // participle dates the speaker's act, and so does the span of time before it.
    if (!clauseSoFar && (w === 'after' || w === 'before') && ctx.lower[k + 1]!.endsWith('ing') && ctx.tags[k + 1] === TAG.VERB) return spanOfTimeBefore(ctx, from, k);
    if (w !== ',') {
      // "denied the reports and instead blamed …": a second verb of the speaker after an object;
      // "vowed to deepen ties and expressed …": a past tense after an infinitive is the speaker's too.
      if ((!clauseSoFar || ctx.lower[from] === 'to') && (w === 'and' || w === 'but')) {
        const v = ctx.skipAdverbsRight(k + 1, end);
        if (ctx.tags[v] === TAG.VERB && !ctx.lower[v]!.endsWith('ing') && (!clauseSoFar || ctx.lower[v]!.endsWith('ed'))) return k;
      }
      continue;
    }
    const next = ctx.lower[k + 1]!;
    // "…, three days after denying that the town had fallen": set off by a comma, a span of time before "after"/"before"
    // and a participle dates the speaker's act, after a clause too.
    // So does such a span before a clause: "…, four days after its president dismissed reports of such plans".
    const span = spanOfTimeAfter(ctx, k + 1, end);
    if (span > k + 1 && (ctx.lower[span] === 'after' || ctx.lower[span] === 'before') && (ctx.tags[span + 1] === TAG.VERB ? ctx.lower[span + 1]!.endsWith('ing') : clauseFollows(ctx, span + 1, end))) return k;
    // "…, without providing evidence", "…, without giving details": the reporter's word on how it was said.
    if (next === 'without' && ctx.lower[k + 2]?.endsWith('ing') && ctx.tags[k + 2] === TAG.VERB) return k;
    const relative = embeddedRelativeEnd(ctx, k, end);
    if (relative > 0) {
      k = relative;
      continue;
    }
    // "the port, which handles most of the grain, has been the target": a relative
    // clause set off inside the subject, its verb still to come — not a trailing clause.
    if ((next === 'which' || next === 'who') && !clauseSoFar && insideSubject(ctx, k, end)) continue;
    // "his troops were entering Rostov, a large city in the south": an appositive to a name after the clause.
    if (clauseSoFar && ctx.tags[k - 1] === TAG.PROPN && (next === 'a' || next === 'an')) return k;
    // "…had shot down 14 drones, a claim that could not be verified": the reporter's word on the whole claim.
    if (clauseSoFar && (next === 'a' || next === 'an') && ctx.lex.REFER_BACK.has(ctx.lower[k + 2]!)) return k;
    if (ctx.lex.TRAILING_CLAUSES.has(next) || (next.endsWith('ing') && next !== 'including' && ctx.tags[k + 1] === TAG.VERB && ctx.tags[k + 2] !== TAG.NOUN && ctx.tags[k + 2] !== TAG.ADJ)) return k;
    // ", and posted a video …": a verb after ", and" goes on with the speaker, not the content.
    if ((next === 'and' || next === 'but') && ctx.tags[ctx.skipAdverbsRight(k + 2, end)] === TAG.VERB && !ctx.lower[ctx.skipAdverbsRight(k + 2, end)]!.endsWith('ing')) return k;
    // ", and when pressed …", ", but if …": a new clause opening with a subordinator (", and that …" goes on reporting).
    if ((next === 'and' || next === 'but') && (ctx.tags[k + 2] === TAG.SCONJ || ctx.tags[k + 2] === TAG.WH) && ctx.lower[k + 2] !== 'that') return k;
  }
  return end;
}

/** The first token of "four days", "a week", "just hours" ending right before token k (k itself when none does). */
function spanOfTimeBefore(ctx: Context, from: number, k: number): number {
  let j = k;
  while (j > from && (ctx.lex.SPAN_OF_TIME.has(ctx.lower[j - 1]!) || ctx.tags[j - 1] === TAG.NUM)) j--;
  return j;
}

/** The first token after "three days", "a week", "just hours" starting at token k (k itself when none does). */
function spanOfTimeAfter(ctx: Context, k: number, end: number): number {
  let j = k;
  while (j < end && (ctx.lex.SPAN_OF_TIME.has(ctx.lower[j]!) || ctx.tags[j] === TAG.NUM)) j++;
  return j;
}

/** Does a clause open at token k: a subject of a few words, then its verb (a verb, not a participle, after the noun)? */
function clauseFollows(ctx: Context, k: number, end: number): boolean {
  if (!ctx.startsNp(k)) return false;
  for (let j = k + 1; j < end && j < k + 6; j++) if (ctx.isVerb(j)) return ctx.tags[j - 1] !== TAG.DET && !ctx.lower[j]!.endsWith('ing');
  return false;
}

/** Does the relative clause opening after the comma at k close with a comma and the main verb after it? */
function insideSubject(ctx: Context, k: number, end: number): boolean {
  for (let j = k + 2; j < end - 1; j++) {
    if (ctx.quotes.of[j]! >= 0) continue;
    if (ctx.words[j] === ';' || ctx.words[j] === '.') return false;
    if (ctx.isComma(j)) return ctx.isVerb(ctx.skipAdverbsRight(j + 1, end)) && !ctx.lower[ctx.skipAdverbsRight(j + 1, end)]!.endsWith('ing');
  }
  return false;
}

/** Drop trailing punctuation, keeping a closing quote and what it closes. */
function trimEnd(ctx: Context, first: number, end: number): number {
  let e = end;
  while (e > first) {
    const w = ctx.words[e - 1]!;
    if (ctx.closesQuote(e - 1)) break;
    if (w === '.' || w === ',' || w === ';' || w === ':' || w === '(' || ctx.isDash(e - 1) || w === '...' || w === '…') e--;
    else break;
  }
  return e;
}

/** Whether token t lies in what claim d covers: its content, or between its cue and its content. */
function covers(d: Draft, t: number): boolean {
  if (t > d.cue[0] && t < d.cue[1] && t !== d.head) return true;
  for (const [a, b] of d.parts) if (t >= a && t < b) return true;
  return d.rightFrom >= 0 && t >= d.cue[1] && t < d.rightFrom;
}

/** The first and one past the last token `covers` can hold. */
function extentStart(d: Draft): number {
  return Math.min(d.cue[0], ...d.parts.map(([a]) => a));
}

function extentEnd(d: Draft): number {
  return Math.max(d.cue[1], d.rightFrom, ...d.parts.map(([, b]) => b));
}

/** A cue inside another claim's content is part of what that speaker said, not a claim of its own. */
function dropNested(drafts: Draft[]): Draft[] {
  const extents = new SpanIndex(drafts, extentStart, extentEnd);
  return drafts.filter((d) => {
    if (!d.parts.length) return false;
    // A claim told inside a quotation stands beside the quoting one; so does one told in a
    // relative clause within it ("which she believes …").
    if (d.quoted || d.rule === 'relative') return true;
    const outer = extents
      .containing(d.head)
      .map((i) => drafts[i]!)
      .find((o) => o !== d && o.parts.length && covers(o, d.head) && (!covers(d, o.head) || o.head < d.head));
    if (outer) outer.nests++;
    return !outer;
  });
}

/**
 * One quote attributed twice in its sentence ('Stoltenberg said: "…," Stoltenberg said.') is one
 * claim: the later attribution is dropped.
 */
function dropRepeated(ctx: Context, drafts: Draft[]): Draft[] {
  const seen = new Set<number>();
  return drafts.filter((d) => {
    const a = d.parts[0]![0];
    const q = ctx.opensQuote(a) ? ctx.quotes.of[a]! : -1;
    if (q < 0) return true;
    if (seen.has(q)) return false;
    seen.add(q);
    return true;
  });
}

/**
 * "…, according to state media" after a claim with its own speaker names who relayed it:
 * it becomes that claim's `via`, not a claim of its own.
 */
function relayVia(ctx: Context, drafts: Draft[]): Draft[] {
  const drop = new Set<Draft>();
  const heads = new PositionIndex(drafts, (o) => o.head);
  for (const d of drafts) {
    if (!d.sourceHead) continue;
    // "…, according to state media", and an agency's "…, Meridian Wire has learned" closing the sentence.
    const agencyLine = d.rule === 'clause-before' && ctx.lex.RELAY_CUES.has(d.entry.lemma) && isMedia(ctx, d.sourceHead);
    if (!agencyLine && (d.rule !== 'according-to' || d.boundary < 0 || !ctx.lex.RELAYS.has(ctx.lower[d.sourceHead[1] - 1]!))) continue;
    const sentence = ctx.sentence[d.head];
    const speakers = heads
      .between(ctx.sentFirst(d.head), d.head)
      .map((i) => drafts[i]!)
      .filter((o) => o !== d && ctx.sentence[o.head] === sentence && o.head < d.head && (o.source || o.inherits) && o.rule !== 'according-to');
    if (!speakers.length) {
      // "…, BelTA learned." from the agency that files the article: its own narration, nobody's claim.
      if (agencyLine && filedBy(ctx, d.sourceHead)) drop.add(d);
      continue;
    }
    // Not a claim in a clause that opens the sentence ("After its diplomats called …, Kim said
    // …, according to KCNA").
    const intro = introClauseEnd(ctx, ctx.sentFirst(d.head), d.head);
    for (const o of speakers) if (o.head > intro) o.via = d.source;
    drop.add(d);
  }
  // The relayed claims' contents end before "according to"; nothing else covered them.
  return drafts.filter((d) => !drop.has(d));
}


/**
 * "…, citing hospital officials": the officials are the source of the claim the participle hangs on, and whoever
 * reported it relays it (`via`). Three shapes: "Z, the agency reported, citing X" (the claim before it), "the agency
 * reported, citing X, that Z" (the content after it) and "the agency, citing X, reported that Z" (the claim in whose
 * speaker it stands). The participle is then no claim of its own.
 */
function citedSources(ctx: Context, drafts: Draft[]): Draft[] {
  const drop = new Set<Draft>();
  for (const d of drafts) {
    const at = d.cue[0];
    if (d.entry.lemma !== 'cite' || !ctx.lower[at]!.endsWith('ing') || d.parts.length !== 1 || d.parts[0]![0] !== d.rightFrom || !ctx.isComma(at - 1)) continue;
    const [from, to] = d.parts[0]!;
    const np = ctx.npRight(from, to, false);
    if (np <= from || !citable(ctx, from, np)) continue;
    const cited: Range = [from, np];
    const host = drafts.find((o) => o !== d && o.source && o.source[0] < at && o.source[1] > at);
    const before = drafts.find((o) => o !== d && o.cue[1] === at - 1 && (o.source || o.inherits));
    if (host) {
      host.via = [host.source![0], at - 1];
      cite(host, cited);
      drop.add(d);
    } else if (before && np >= to) {
      before.via = before.source;
      cite(before, cited);
      drop.add(d);
    } else {
      reportedThat(ctx, d, cited);
    }
  }
  return drop.size ? drafts.filter((d) => !drop.has(d)) : drafts;
}

/**
 * "The agency reported, citing X, that Z": the participle's draft becomes the report, its cue the reporting verb
 * before the comma and its content the clause after "that"; one of another shape is left as it is.
 */
function reportedThat(ctx: Context, d: Draft, cited: Range): void {
  const at = d.cue[0];
  const np = cited[1];
  const entry = ctx.cueEntries(at - 2)?.find((e) => !e.noun);
  if (!d.source || !entry || !ctx.isComma(np) || ctx.lower[np + 1] !== 'that') return;
  const end = trimEnd(ctx, np + 2, ctx.sentLast(at));
  if (end <= np + 2) return;
  d.via = d.source;
  cite(d, cited);
  d.entry = entry;
  d.cue = [at - 2, at - 1];
  d.head = at - 2;
  d.rightFrom = np + 2;
  d.parts = [[np + 2, end]];
  d.rule = 'complement';
}

/** Whether tokens [from, to) name someone or something that can be a source: a party named, or a source's noun ("citing precedent" cites none). */
function citable(ctx: Context, from: number, to: number): boolean {
  const { lex, lower, doc } = ctx;
  const { start, end } = doc.tokens;
  if (doc.mentionsIn(start[from]!, end[to - 1]!).some((m) => m.entity.type === 'PERSON' || m.entity.type === 'ORG' || m.entity.type === 'GPE' || m.entity.type === 'NORP')) return true;
  for (let k = from; k < to; k++) {
    const w = lower[k]!;
    if (lex.SPOKESPEOPLE.has(w) || lex.DOCUMENTS.has(w) || lex.PUBLISHED_WORKS.has(w) || lex.AGENTS.has(w) || lex.CITED_SOURCES.has(w)) return true;
  }
  return false;
}

/** `source` speaks in draft `d`, in place of whoever it held ("quoted X as saying", "citing X"). */
function cite(d: Draft, source: Range): void {
  d.source = source;
  d.sourceHead = source;
  d.antecedent = null;
  d.inherits = false;
}

/**
 * "The agency quoted the minister as saying that the talks had collapsed": the minister speaks, the agency relays
 * (`via`), and the cue is the verb after "as" ("saying", "warning"), which gives the stance. The draft is rewritten
 * in place; one of another shape is left as it is.
 */
function quotedAs(ctx: Context, d: Draft): void {
  if (!ctx.lex.QUOTING_CUES.has(d.entry.lemma) || d.rightFrom < 0 || !d.parts.length || d.parts[0]![0] !== d.rightFrom || !ctx.startsNp(d.rightFrom)) return;
  const first = d.parts[0]!;
  const np = ctx.npRight(d.rightFrom, first[1], false);
  if (np < 0 || ctx.lower[np] !== 'as' || np + 2 >= first[1]) return;
  const entry = ctx.cueEntries(np + 1)?.find((e) => !e.noun);
  if (!entry || !ctx.lower[np + 1]!.endsWith('ing')) return;
  d.via = d.source;
  cite(d, [d.rightFrom, np]);
  d.entry = entry;
  d.cue = [np + 1, np + 2];
  d.head = np + 1;
  d.rightFrom = ctx.lower[np + 2] === 'that' ? np + 3 : np + 2;
  first[0] = d.rightFrom;
}

/** Whether tokens of `r` name the agency whose dateline opens the article. */
function filedBy(ctx: Context, r: Range): boolean {
  const { start, end } = ctx.doc.tokens;
  return ctx.doc.mentionsIn(start[r[0]]!, end[r[1] - 1]!).some((m) => ctx.agencies.has(m.entity.id));
}

/** Whether tokens of `r` name a news outlet: a media organisation (or one filing a dateline), or a noun for one ("state media"). */
export function isMedia(ctx: Context, r: Range): boolean {
  const { start, end } = ctx.doc.tokens;
  if (ctx.lex.RELAYS.has(ctx.lower[r[1] - 1]!)) return true;
  return ctx.doc.mentionsIn(start[r[0]]!, end[r[1] - 1]!).some((m) => m.entity.subtype === 'media' || ctx.agencies.has(m.entity.id));
}


/** The comma that closes a subordinate clause opening the sentence at `sf` ("After …, "), or −1. */
function introClauseEnd(ctx: Context, sf: number, limit: number): number {
  if (!ctx.lex.SUBORDINATORS.has(ctx.lower[sf]!)) return -1;
  for (let k = sf + 1; k < limit; k++) if (ctx.isComma(k) && ctx.quotes.of[k]! < 0) return k;
  return -1;
}

/**
 * A direct quote goes on in the quoted sentences around its attribution, within the paragraph:
 * after it ("“…,” he said. “…”") and, for a quote before the cue, before it ("“…” “…,” he said.").
 * A quoted sentence joins when it has no claim of its own and, after its closing mark, no verb.
 */
function continueQuote(ctx: Context, d: Draft, heads: PositionIndex<Draft>): void {
  const first = d.parts[0]![0];
  if (d.rule !== 'quote-before' && d.rule !== 'quote-after' && !(d.rule === 'clause-before' && ctx.opensQuote(first))) return;
  const quotedSentence = (k: number): [number, number] | null => {
    if (!ctx.opensQuote(k)) return null;
    const q = ctx.quotes.list[ctx.quotes.of[k]!]!;
    const sentenceEnd = ctx.sentLast(q.close);
    if (heads.between(k, sentenceEnd).length) return null;
    for (let t = q.close + 1; t < sentenceEnd; t++) if (ctx.isVerb(t) && ctx.quotes.of[t]! < 0) return null;
    return [k, trimEnd(ctx, k, sentenceEnd)];
  };
  let last = Math.max(d.cue[1], d.parts[d.parts.length - 1]![1], d.source ? d.source[1] : 0);
  const lineEnd = ctx.lineLast(Math.max(0, last - 1));
  for (;;) {
    const k = ctx.sentLast(Math.max(0, last - 1));
    const next = k < lineEnd ? quotedSentence(k) : null;
    if (!next) break;
    // A quote that runs on into later paragraphs goes in one part per paragraph, as the
    // paragraphs are later told apart (continued.ts).
    const q = ctx.quotes.list[ctx.quotes.of[k]!]!;
    if (q.pieces.length > 1) {
      for (const [a, b] of q.pieces) d.parts.push([a, Math.min(b + 1, next[1])]);
      break;
    }
    d.parts.push(next);
    last = ctx.sentLast(next[1] - 1);
  }
  if (d.rule !== 'quote-before') return;
  for (let start = ctx.sentFirst(d.parts[0]![0]); start > 0 && !ctx.doc.tokens.lineStart[start]; ) {
    const k = ctx.sentFirst(start - 1);
    const before = quotedSentence(k);
    if (!before || before[1] > start) break;
    d.parts.unshift(before);
    start = k;
  }
}
