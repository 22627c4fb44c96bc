/**
 * Noun cues: "a statement praising …", "his promise to …", "criticism from Roe about …", "issued a
 * statement that …", and backing ("earned the support of four in ten voters").
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import type { CueEntry } from '../lexicon.js';
import { subject } from './subjects.js';
import { verbBefore } from './verbs.js';
import { newDraft, type Candidate, type Draft, type Range } from './draft.js';

export function noun(ctx: Context, c: Candidate): Draft | null {
  const { lower, tags } = ctx;
  const n = c.head;
  const sf = ctx.sentFirst(n);
  const sl = ctx.sentLast(n);
  if (n + 1 >= sl) return null;
  // Left edge of the noun's phrase: determiners, adjectives, possessors, names.
  let k = n - 1;
  let possessor = -1;
  while (k >= sf && (tags[k] === TAG.ADJ || tags[k] === TAG.DET || tags[k] === TAG.NUM || tags[k] === TAG.ADV)) {
    if (ctx.lex.POSSESSIVES.has(lower[k]!)) possessor = k;
    k--;
  }
  // "expressed grave concerns", "voiced security fears": a modifier read as a noun is still part
  // of a light verb's object (only there: elsewhere a noun before the cue may be its own phrase).
  let m = k;
  while (m >= sf && (tags[m] === TAG.NOUN || tags[m] === TAG.ADJ || tags[m] === TAG.DET)) m--;
  if (m < k && m >= sf && ctx.lex.LIGHT_VERBS.has(lower[m]!)) k = m;
  // "in a statement", "during an interview": the noun only qualifies another cue.
  if (k >= sf && (lower[k] === 'in' || lower[k] === 'during' || lower[k] === 'on' || lower[k] === 'with') && (possessor < 0 || ctx.lex.VENUES.has(lower[n]!))) return null;
  // "launched its largest drone attack", "a missile attack on the port": an attack with weapons is a deed, not words
  // ("a military statement" still speaks).
  if (c.entry.stance === 'condemn') for (let j = n - 1; j >= sf && j >= n - 3; j--) if (ctx.language.events.WEAPONS.has(lower[j]!) || ctx.lex.ARMED.has(lower[j]!)) return null;

  // "Trump earned the support of four in ten voters": the backers speak, about the one backed.
  if (ctx.lex.BACKING.has(lower[n]!) && k >= sf && ctx.lex.RECEIVING.has(lower[k]!)) return backing(ctx, c, k, sf, sl);
  // The complement says where the content is; "criticism from Roe about …" names the speaker first.
  let next = lower[n + 1]!;
  let agent: Range | null = null;
  if (next === 'from' && ctx.startsNp(n + 2)) {
    const end = ctx.npRight(n + 2, sl, false, true);
    if (end < 0 || end >= sl) return null;
    agent = [n + 2, end];
    next = lower[end]!;
  } else if ((next === 'in' || next === 'among') && ctx.startsNp(n + 2)) {
    // "concern in the capital that …", "fears among officials that …": where the feeling is held
    // names who holds it — a named place or body, or people who speak for one.
    const end = ctx.npRight(n + 2, sl, false, true);
    const { start, end: ends } = ctx.doc.tokens;
    const holder = end > n + 2 && (ctx.doc.mentionsIn(start[n + 2]!, ends[end - 1]!).length > 0 || ctx.lex.ROLES.has(lower[end - 1]!));
    if (holder && lower[end] === 'that') {
      agent = [n + 2, end];
      next = 'that';
    }
  }
  const after = agent ? agent[1] : n + 1;
  let from = -1;
  let cueEnd = n + 1;
  let stanceEntry: CueEntry | null = null;
  const participle = next.endsWith('ing') ? ctx.cueEntries(n + 1)?.find((e) => !e.noun) : undefined;
  // "concern that raising the tariff …" opens a clause; "the statement that was issued" a relative one.
  if (next === 'that' && tags[after + 1] !== TAG.AUX && !(tags[after + 1] === TAG.VERB && !lower[after + 1]!.endsWith('ing')) && tags[after + 1] !== TAG.ADV) from = after + 1;
  else if (participle && !agent) {
    cueEnd = n + 2;
    from = n + 2;
    stanceEntry = participle;
  } else if (next === 'of' || next === 'about' || next === 'over' || next === 'regarding' || next === 'against' || next === 'for' || next === 'on') from = after + 1;
  else if (next === 'to' && ctx.isVerb(after + 1)) from = after;
  // "threw their support behind Cruz", "lent his backing to the plan"
  else if ((next === 'behind' || next === 'to') && ctx.lex.BACKING.has(lower[n]!)) from = after + 1;
  if (from < 0 || from >= sl) return null;

  const d = newDraft('noun', c, [n, cueEnd]);
  d.stanceEntry = stanceEntry;
  // Speaker: the subject of a light verb ("issued a statement"), a possessor ("Trump's claim",
  // "his promise"), a name ("a Times report"), or who it came from ("warnings from experts").
  if (agent) {
    d.source = agent;
    d.sourceHead = agent;
  } else if (k >= sf && ctx.lex.LIGHT_VERBS.has(lower[k]!)) {
    d.cue = [k, cueEnd];
    const aux = ctx.skipBetweenLeft(k - 1, sf);
    if (aux >= sf && (lower[aux] === 'and' || lower[aux] === 'but') && verbBefore(ctx, aux, sf)) {
      d.inherits = true;
      d.boundary = aux;
    } else if (aux >= sf && (ctx.isComma(aux) || lower[aux] === 'and') && lower[k]!.endsWith('ing')) {
      d.inherits = true;
      d.boundary = aux;
    } else if (!subject(ctx, d, aux, sf)) return null;
  } else if (k >= sf && tags[k] === TAG.POSS) {
    const s = ctx.npLeft(k - 1, sf);
    if (s < 0) return null;
    d.source = [s, k];
    d.sourceHead = d.source;
  } else if (k >= sf && tags[k] === TAG.PROPN) {
    const s = ctx.npLeft(k, sf);
    d.source = [s, k + 1];
    d.sourceHead = d.source;
  } else if (possessor >= 0) {
    d.source = [possessor, possessor + 1];
    d.sourceHead = d.source;
  } else if (next !== 'that' && !participle) return null;
  d.rightFrom = from;
  d.parts.push([from, sl]);
  return d;
}

/**
 * "Trump earned the support of nearly four in ten voters", "Clinton received support from
 * black voters": whoever gives the support (after of/from/among) backs the subject of the
 * receiving verb.
 */
function backing(ctx: Context, c: Candidate, verb: number, sf: number, sl: number): Draft | null {
  const n = c.head;
  const by = ctx.lower[n + 1];
  if (by !== 'of' && by !== 'from' && by !== 'among') return null;
  // "of about three in 10 residents"
  let first = n + 2;
  while (first < sl && ctx.tags[first] === TAG.ADV) first++;
  const end = ctx.npRight(first, sl, false);
  if (end < 0) return null;
  const subjectEnd = ctx.skipBetweenLeft(verb - 1, sf);
  const subjectStart = subjectEnd >= sf ? ctx.npLeft(subjectEnd, sf) : -1;
  if (subjectStart < 0) return null;
  const d = newDraft('noun', c, [verb, n + 2]);
  d.source = [n + 2, end];
  d.sourceHead = d.source;
  d.parts.push([subjectStart, subjectEnd + 1]);
  return d;
}
