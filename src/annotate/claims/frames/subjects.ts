/**
 * The speaker left of a verb cue: a pronoun, a relative pronoun and its antecedent, a noun phrase,
 * or one set off by commas ("Scott Pruitt, the attorney general of Oklahoma, said").
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import { type Draft } from './draft.js';

/**
 * The speaker left of a verb: pronoun, relative pronoun (with its antecedent), a noun phrase,
 * or a noun phrase with an appositive between commas. Sets d.source; returns whether found.
 */
export function subject(ctx: Context, d: Draft, before: number, sf: number): boolean {
  const { lower, tags } = ctx;
  if (before < sf) return false;
  // "“[The general] has tried …”": a name an editor put in brackets into a quote.
  if (ctx.words[before] === ']') {
    let open = before - 1;
    while (open > sf && open > before - 8 && ctx.words[open] !== '[') open--;
    if (ctx.words[open] !== '[' || open + 1 >= before || !ctx.startsNp(open + 1)) return false;
    d.source = [open, before + 1];
    d.sourceHead = [open + 1, before];
    return true;
  }
  if (tags[before] === TAG.WH || (lower[before] === 'that' && before > sf && ctx.isNounHead(before - 1))) {
    if (lower[before] !== 'who' && lower[before] !== 'that' && lower[before] !== 'which') return false;
    d.source = [before, before + 1];
    d.sourceHead = d.source;
    let a = before - 1;
    if (a >= sf && ctx.isComma(a)) a--;
    const s = ctx.npLeft(a, sf);
    if (s >= 0) d.antecedent = [s, a + 1];
    return true;
  }
  if (ctx.isComma(before) || ctx.isDash(before)) return setOffSubject(ctx, d, before, sf);
  // "those surveyed said", "A study released Monday said": a participle after its noun (not a pronoun's verb of
  // saying: "video that it said showed …").
  const saidBy = tags[before - 1] === TAG.PRON && ctx.cueEntries(before)?.some((e) => e.frame === 'speech' && !e.noun);
  if (tags[before] === TAG.VERB && before > sf && ctx.lex.isParticiple(lower[before]!) && ctx.isNounHead(before - 1) && !saidBy) {
    const np = ctx.npLeft(before - 1, sf);
    if (np >= 0) {
      d.source = [np, before + 1];
      d.sourceHead = [np, before];
      return true;
    }
  }
  // "Officials who spoke on condition of anonymity said": a relative clause inside the subject.
  for (let k = before - 1; k > sf && k >= before - 10; k--) {
    if (ctx.isPunct(k) || ctx.quotes.of[k]! >= 0) break;
    if (!ctx.lex.RELATIVES.has(lower[k]!) || !ctx.isNounHead(k - 1) || !hasVerbBetween(ctx, k + 1, before + 1)) continue;
    // "video that it said showed …": the relative clause is an attribution of what follows, the claim its cue's.
    if (tags[k + 1] === TAG.PRON && before === k + 2 && ctx.cueEntries(before)?.some((e) => e.frame === 'speech' && !e.noun)) return false;
    // "analysts who reviewed the footage said it showed …": a verb of saying after the relative clause's own verb (which
    // may be one: "officials who spoke on condition …") is the main verb; the subject here is what follows it.
    if (saysBetween(ctx, k + 2, before)) break;
    const np = ctx.npLeft(k - 1, sf);
    if (np < 0) break;
    d.source = [np, before + 1];
    d.sourceHead = [np, k];
    return true;
  }
  let s = withPlace(ctx, ctx.npLeft(before, sf), sf);
  if (s < 0) return false;
  s = withAnonymity(ctx, s, sf);
  // "— claims North Korea initially dismissed as …": the noun refers back; the name speaks.
  if (s < before && ctx.lex.REFER_BACK.has(ctx.lower[s]!) && (tags[s + 1] === TAG.PROPN || tags[s + 1] === TAG.DET || tags[s + 1] === TAG.PRON)) {
    s++;
    d.refersBack = true;
  }
  // "Roe in a radio interview appeared to …": the name before a short phrase speaks.
  if (s - 2 >= sf && ctx.lex.PP_BETWEEN.has(ctx.lower[s - 1]!) && (tags[s - 2] === TAG.PROPN || tags[s - 2] === TAG.PRON) && before - s < 5) {
    const name = ctx.npLeft(s - 2, sf);
    if (name >= 0) {
      d.source = [name, before + 1];
      d.sourceHead = [name, s - 1];
      return true;
    }
  }
  d.source = [s, before + 1];
  d.sourceHead = d.source;
  return true;
}

/** Whether a verb of saying stands among tokens [from, to) ("… said it showed"). */
function saysBetween(ctx: Context, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (ctx.isVerb(j) && ctx.cueEntries(j)?.some((e) => e.frame === 'speech' && !e.noun)) return true;
  return false;
}

/**
 * The speaker before a phrase set off by commas or dashes right before the cue: "Scott Pruitt,
 * the attorney general of Oklahoma, one of the states suing, said", "Cruz, as he has in the
 * past, opposed", "The other candidates -- Bush, Kasich and Paul -- hoped". The noun phrase
 * must open its clause (sentence start, after a conjunction, a subordinator or a closing
 * quote); failing that, the nearest one after a comma. Sets d.source; returns whether found.
 */
function setOffSubject(ctx: Context, d: Draft, before: number, sf: number): boolean {
  const dash = ctx.isDash(before);
  let head = -1;
  let first = -1;
  for (let j = before - 2; j > sf && j >= before - 40; j--) {
    const w = ctx.words[j]!;
    // (A period before a comma closes an abbreviation: "Lindsey Graham, R-S.C., a candidate, said".)
    if ((w === '.' && !ctx.isComma(j + 1)) || w === ';' || w === ':' || ctx.closesQuote(j)) break;
    if (!(dash ? ctx.isDash(j) : ctx.isComma(j))) continue;
    // ", said Obama," is an inverted attribution, not a phrase set off after a speaker.
    if (ctx.tags[j + 1] === TAG.AUX || (ctx.tags[j + 1] === TAG.VERB && !/(?:ing|ed)$/.test(ctx.lower[j + 1]!))) continue;
    const s = withPlace(ctx, ctx.npLeft(j - 1, sf), sf);
    if (s < 0 || ctx.tags[j - 1] === TAG.NUM) continue;
    if (opensClause(ctx, s, sf)) {
      [head, first] = [j, s];
    } else if (head < 0 && ctx.isComma(s - 1)) {
      [head, first] = [j, s];
    }
  }
  if (head < 0) return false;
  d.source = [first, before + 1];
  d.sourceHead = [first, head];
  return true;
}

/**
 * The start of a noun phrase widened over a place phrase inside it ("the head of the aid office
 * in Moldova", "a source at the ministry") or over what its source knows ("officials familiar with
 * the matter"), or `s` as it was.
 */
function withPlace(ctx: Context, s: number, sf: number): number {
  for (;;) {
    if (s - 2 > sf && ctx.lex.LOCATING.has(ctx.lower[s - 1]!) && ctx.isNounHead(s - 2)) {
      const wider = ctx.npLeft(s - 2, sf);
      if (wider < 0) break;
      s = wider;
      continue;
    }
    // "diplomats familiar with the talks", "a source with knowledge of the plan": the source, not what it knows.
    const knows = s - 2 > sf ? ctx.lex.SOURCE_KNOWS.get(ctx.lower[s - 2]!) : undefined;
    if (knows === undefined || ctx.lower[s - 1] !== knows) break;
    const k = ctx.lower[s - 2] === 'knowledge' && ctx.lower[s - 3] === 'with' ? s - 3 : s - 2;
    if (k - 1 < sf || !ctx.isNounHead(k - 1)) break;
    const wider = ctx.npLeft(k - 1, sf);
    if (wider < 0) break;
    s = wider;
  }
  return s;
}

/**
 * The start of a noun phrase widened over "speaking on condition of anonymity" after it ("a
 * senior official speaking on condition of anonymity described …"): the official speaks, not
 * the anonymity. `s` as it was otherwise.
 */
function withAnonymity(ctx: Context, s: number, sf: number): number {
  const { lower } = ctx;
  if (s - 4 <= sf || lower[s - 1] !== 'of' || lower[s - 2] !== 'condition' || lower[s - 3] !== 'on' || !/ing$/.test(lower[s - 4]!) || !ctx.isNounHead(s - 5)) return s;
  const wider = ctx.npLeft(s - 5, sf);
  return wider < 0 ? s : wider;
}

/** Is there a verb in tokens [from, to)? */
function hasVerbBetween(ctx: Context, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ctx.isVerb(k)) return true;
  return false;
}

/** Does a noun phrase starting at s open its clause? */
function opensClause(ctx: Context, s: number, sf: number): boolean {
  if (s === sf) return true;
  const p = s - 1;
  const t = ctx.tags[p];
  if (t === TAG.CCONJ || t === TAG.SCONJ || t === TAG.WH || ctx.closesQuote(p) || ctx.lower[p] === 'that' || ctx.lex.SUBORDINATORS.has(ctx.lower[p]!)) return true;
  // "Even the party's loudest critics, …": an adverb opening the sentence.
  if (t === TAG.ADV && p === sf) return true;
  // "On Wednesday, Ivo Renk, the mayor of …, said": a phrase of place or time opening the sentence, set off by a comma.
  return ctx.isComma(p) && ctx.tags[sf] === TAG.ADP && p - sf <= 6 && !hasVerbBetween(ctx, sf, p);
}

/** End of the name part of "Brian Baker, a longtime adviser" (before the appositive's comma). */
export function headEnd(ctx: Context, first: number, end: number): number {
  for (let k = first; k < end; k++) if (ctx.isComma(k)) return k;
  return end;
}
