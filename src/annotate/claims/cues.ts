import { TAG } from '../pos/tags.js';
import type { Context } from './context.js';
import { labelAt, type Candidate } from './frames/index.js';
import type { CueEntry } from './lexicon.js';

/** Quotes longer than this many tokens are speech: cues inside them belong to the quoted speaker. */
const SPEECH_QUOTE = 5;

/**
 * Cue candidates outside speech in quotes: words of the lexicon (with the reading their use
 * fits), learned cue words, "according to", and speaker labels opening a line; inside speech,
 * verbs of the lexicon.
 */
export function cueCandidates(ctx: Context, vocabulary: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const { lower, quotes } = ctx;
  for (let i = 0; i < ctx.count; i++) {
    if (ctx.doc.tokens.lineStart[i]) {
      // "– Putin accuses US –": a subheading framed by dashes names a section, it reports nothing.
      const end = ctx.lineLast(i);
      if (end - i > 2 && ctx.isDash(i) && ctx.isDash(end - 1)) {
        i = end - 1;
        continue;
      }
      const mark = labelAt(ctx, i);
      if (mark >= 0) {
        out.push({ head: mark, entry: LABEL, kind: 'label' });
        i = mark;
        continue;
      }
    }
    const q = quotes.of[i]!;
    // Inside speech only a verb of the lexicon may report a third party's words (kept by the frames if so).
    const inSpeech = q >= 0 && ctx.quoteLength(i) > SPEECH_QUOTE;
    if (inSpeech) {
      const e = ctx.cueEntries(i)?.filter((x) => !x.noun && x.frame !== 'quote');
      if (e?.length && verbal(ctx, i, e[0]!)) out.push({ head: i, entry: e.length === 1 ? e[0]! : chooseEntry(ctx, i, e), kind: 'lexicon', quoted: true });
      continue;
    }
    const w = lower[i]!;
    if (w === 'according' && lower[i + 1] === 'to') {
      out.push({ head: i, entry: ACCORDING, kind: 'according' });
      continue;
    }
    if (w === 'in' && pollAhead(ctx, i)) {
      out.push({ head: i, entry: POLL, kind: 'poll' });
      continue;
    }
    if (w === 'in' && ctx.sentFirst(i) === i) {
      out.push({ head: i, entry: OPINION, kind: 'opinion' });
      continue;
    }
    const entries = ctx.cueEntries(i);
    let entry: CueEntry;
    if (entries) entry = entries.length === 1 ? entries[0]! : chooseEntry(ctx, i, entries);
    else if (vocabulary.has(w) && !ctx.lex.LIGHT_VERBS.has(w) && !ctx.lex.NOT_SAYING.has(w)) entry = learnedEntry(ctx, i);
    else {
      const count = countCue(ctx, i);
      if (!count) continue;
      entry = count;
    }
    if (!entry.noun && (!verbal(ctx, i, entry) || ascribes(ctx, i))) continue;
    out.push({ head: i, entry, kind: 'lexicon' });
  }
  return out;
}

/** "Dozens reported dead", "two confirmed killed": the verb ascribes a state to its subject, it reports no speech ("reported wounded soldiers" does). */
function ascribes(ctx: Context, i: number): boolean {
  if (!ctx.lex.ASCRIBED_STATES.has(ctx.lower[i + 1] ?? '')) return false;
  const next = ctx.tags[i + 2];
  return i + 2 >= ctx.count || ctx.sentFirst(i + 2) === i + 2 || (next !== TAG.NOUN && next !== TAG.PROPN && next !== TAG.ADJ);
}

/**
 * "Officials put the death toll at 14", "medics placed the number of dead at 21", "revised its tally to 30": a verb that
 * alone says nothing states a count when its object is one and the number follows. The object is the content.
 */
function countCue(ctx: Context, i: number): CueEntry | null {
  const verb = ctx.lex.COUNT_VERBS.get(ctx.lower[i]!);
  if (!verb) return null;
  const last = Math.min(ctx.sentLast(i), i + 10);
  let counted = false;
  for (let k = i + 1; k < last; k++) {
    const w = ctx.lower[k]!;
    if (ctx.lex.COUNTS.has(w) || (verb.before === 'at' && ctx.lex.ESTIMATED.has(w))) counted = true;
    else if (w === verb.before && counted) return numberAfter(ctx, k + 1) ? { lemma: verb.lemma, noun: false, frame: 'object', stance: 'assert' } : null;
    else if (ctx.isVerb(k) || ctx.isPunct(k)) return null;
  }
  return null;
}

/** Whether a number opens the words from k, after words like "more than" or "at least". */
function numberAfter(ctx: Context, k: number): boolean {
  for (const end = Math.min(ctx.count, k + 3); k < end && ctx.lex.COUNT_APPROXIMATORS.has(ctx.lower[k]!); ) k++;
  return ctx.tags[k] === TAG.NUM;
}

/** A learned cue word: a noun cue where it is a noun, else a verb or adjective taking an object. */
function learnedEntry(ctx: Context, i: number): CueEntry {
  const noun = ctx.tags[i] === TAG.NOUN;
  return { lemma: ctx.lower[i]!, noun, frame: noun ? 'noun' : 'object', stance: 'assert', learned: true };
}

/** Whether a word with only a verb reading stands where a verb can ("state" in "state media" does not). */
function verbal(ctx: Context, i: number, entry: CueEntry): boolean {
  const t = ctx.tags[i];
  const w = ctx.lower[i]!;
  // "press secretary", "the casualty estimate": a verb's plain form does not follow a singular noun.
  if (!entry.learned && w === entry.lemma && i > 0 && (ctx.tags[i - 1] === TAG.NOUN || ctx.tags[i - 1] === TAG.PROPN) && singularSubject(ctx, i)) return false;
  // "told state TV": a word read as a noun right after a verb is its object.
  if (t === TAG.NOUN && i > 0 && ctx.tags[i - 1] === TAG.VERB) return false;
  if (t === TAG.VERB) return true;
  if (t !== TAG.NOUN && t !== TAG.ADJ && t !== TAG.PROPN) return false;
  const p = i > 0 ? ctx.tags[i - 1] : TAG.PUNCT;
  if (p === TAG.DET || p === TAG.ADJ || p === TAG.POSS || p === TAG.NUM || p === TAG.ADP) return false;
  // After a name, a noun reading wins unless the verb's company follows — or the class was only
  // guessed from the word's shape ("acknowledges" is no noun).
  if ((p === TAG.PROPN || p === TAG.NOUN) && ctx.lexicon.knows(ctx.lower[i]!) && !verbAfterNoun(ctx, i) && ctx.tags[i + 1] !== TAG.PUNCT) return false;
  return t !== TAG.PROPN || ctx.sentFirst(i) === i || headline(ctx, i);
}


/**
 * Whether the noun phrase before token i is one singular thing ("the Pentagon", "the casualty"),
 * not a plural, a coordination ("China and Russia"), a count ("1 percent") or the object of a
 * preposition ("data from the Survey").
 */
function singularSubject(ctx: Context, i: number): boolean {
  const w = ctx.lower[i - 1]!;
  if ((w.endsWith('s') && !w.endsWith('ss')) || ctx.lex.PLURALS_WITHOUT_S.has(w)) return false;
  const s = ctx.npLeft(i - 1, ctx.sentFirst(i));
  if (s < 0) return false;
  const before = ctx.tags[s - 1];
  if (s > 0 && (before === TAG.ADP || before === TAG.PART || before === TAG.CCONJ || ctx.isComma(s - 1))) return false;
  for (let k = s; k < i; k++) if (ctx.tags[k] === TAG.NUM || ctx.tags[k] === TAG.CCONJ || ctx.tags[k] === TAG.ADP || ctx.tags[k] === TAG.PART) return false;
  return true;
}

/**
 * After a noun, is word i a verb? Yes before a that-, wh- or whether-clause, a colon or quote, a
 * determiner or pronoun, or a clause of its own ("the mayor hopes the bridge would …");
 * for an -s form also before an infinitive, a noun or "on"/"for" ("Trump demands
 * accountability", "the ministry plans to", "the accord calls on"), and for a plain form after a
 * plural before a name or a gerund ("unions support extending …"). "Clinton's plans are …"
 * keeps the noun.
 */
function verbAfterNoun(ctx: Context, i: number): boolean {
  const next = ctx.lower[i + 1];
  const nt = ctx.tags[i + 1];
  if (next === 'that' || next === 'whether' || next === ':' || nt === TAG.DET || nt === TAG.PRON || nt === TAG.WH || ctx.opensQuote(i + 1)) return true;
  const w = ctx.lower[i]!;
  // "The council calls Dorf its rival": a plural noun does not stand before a name.
  if (nt === TAG.PROPN && w.endsWith('s') && !w.endsWith('ss')) return true;
  const possessed = ctx.tags[i - 2] === TAG.DET || ctx.tags[i - 2] === TAG.POSS;
  if (ctx.startsNp(i + 1) && !possessed) {
    const end = ctx.npRight(i + 1, ctx.sentLast(i), false);
    if (end > 0 && ctx.isVerb(end)) return true;
  }
  if (w.endsWith('s') && !w.endsWith('ss')) {
    return (next === 'to' || next === 'on' || next === 'for' || nt === TAG.NOUN || nt === TAG.PROPN || nt === TAG.ADJ || nt === TAG.NUM) && !possessed;
  }
  const plural = ctx.lower[i - 1]!.endsWith('s') && !ctx.lower[i - 1]!.endsWith('ss') && ctx.tags[i - 1] === TAG.NOUN;
  return plural && (nt === TAG.PROPN || (nt === TAG.VERB && next!.endsWith('ing')));
}

/** Whether token i's line is a title-cased headline ("Trump Urges Supporters to …"). */
function headline(ctx: Context, i: number): boolean {
  let first = i;
  while (first > 0 && !ctx.doc.tokens.lineStart[first]) first--;
  const end = ctx.lineLast(i);
  let words = 0;
  let capitals = 0;
  for (let k = first; k < end; k++) {
    const c = ctx.words[k]!.charCodeAt(0);
    if (ctx.isPunct(k)) continue;
    words++;
    if (c >= 65 && c <= 90) capitals++;
  }
  return words >= 3 && capitals >= 0.7 * words;
}

const ACCORDING: CueEntry = { lemma: 'according to', noun: false, frame: 'speech', stance: 'assert' };
const POLL: CueEntry = { lemma: 'in', noun: false, frame: 'evidence', stance: 'assert' };
const OPINION: CueEntry = { lemma: 'in the view of', noun: false, frame: 'think', stance: 'assert' };

/** Does a poll's noun follow "in" within a few words ("in the latest CNN/ORC poll")? */
function pollAhead(ctx: Context, i: number): boolean {
  for (let k = i + 1; k < i + 7 && k < ctx.count; k++) {
    if (ctx.lex.SURVEYS.has(ctx.lower[k]!)) return true;
    if (ctx.isVerb(k) || ctx.isPunct(k)) return false;
  }
  return false;
}
const LABEL: CueEntry = { lemma: ':', noun: false, frame: 'speech', stance: 'assert' };

/** Noun or verb reading of a word that can be both ("claims", "report", "call"), from its left neighbour. */
function chooseEntry(ctx: Context, i: number, entries: CueEntry[]): CueEntry {
  const verb = entries.find((e) => !e.noun);
  const noun = entries.find((e) => e.noun);
  if (!verb || !noun) return entries[0]!;
  const p = i - 1;
  const pt = p >= 0 ? ctx.tags[p] : TAG.PUNCT;
  // "expressed hope that …", "voiced concern": the object of a light verb is the noun.
  if (pt === TAG.DET || pt === TAG.POSS || pt === TAG.ADJ || pt === TAG.NUM || pt === TAG.ADP || (p >= 0 && ctx.lex.LIGHT_VERBS.has(ctx.lower[p]!))) return noun;
  if (pt === TAG.PRON || pt === TAG.AUX || pt === TAG.PART || pt === TAG.ADV || pt === TAG.WH) return verb;
  if (pt === TAG.PROPN || pt === TAG.NOUN) return verbAfterNoun(ctx, i) ? verb : noun;
  return ctx.tags[i] === TAG.NOUN ? noun : verb;
}
