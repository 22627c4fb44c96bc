/**
 * Verb cues and their speakers: "X said that …", "…, describing …" (participial), "praised … and
 * announced" (coordinated), "erred in saying" (gerund), "took to Twitter to accuse" (infinitive),
 * "…, said X" (inverted).
 */
import { TAG } from '../../pos/tags.js';
import type { Context } from '../context.js';
import { contentAfter, markClause } from './complements.js';
import { embeddedRelativeStart, plainForm } from './relatives.js';
import { elliptical, passive } from './passives.js';
import { attachedAt, complementFollows, contentBefore, continues, isTail, isTitle } from './quotes.js';
import { headEnd, subject } from './subjects.js';
import { newDraft, type Candidate, type Draft, type Range } from './draft.js';

export function verb(ctx: Context, c: Candidate): Draft | null {
  const { lower, tags } = ctx;
  const i = c.head;
  const sf = ctx.sentFirst(i);
  const sl = ctx.sentLast(i);
  const before = ctx.skipBetweenLeft(i - 1, sf);
  // Attributive uses are no cues: "the expected result", "a so-called expert".
  if (before >= sf && (tags[before] === TAG.DET || tags[before] === TAG.POSS) && before === i - 1 && ctx.quotes.of[before]! < 0) return null;
  let cueEnd = i + 1;
  const frame = c.entry.frame;
  if (frame === 'object' && cueEnd < sl && ctx.lex.CUE_PARTICLES.has(lower[cueEnd]!) && !(lower[cueEnd] === 'to' && ctx.isVerb(cueEnd + 1))) cueEnd++;
  // "lashed out at the council": a second particle after "out" belongs to the cue too.
  if (frame === 'object' && lower[cueEnd - 1] === 'out' && cueEnd < sl && ctx.lex.CUE_PARTICLES.has(lower[cueEnd]!) && lower[cueEnd] !== 'to') cueEnd++;
  // "storms lashed the coast", "appealed the ruling": some verbs speak only with a particle.
  const particles = ctx.lex.PARTICLE_ONLY.get(c.entry.lemma);
  if (particles && !particles.has(lower[i + 1]!)) return null;
  // "a group calling itself the Northern Front": a name a noun takes, in a participle after it ("Sanders calls himself
  // a democratic socialist" still says something of himself).
  if (c.entry.lemma === 'call' && lower[i]!.endsWith('ing') && ctx.lex.REFLEXIVES.has(lower[i + 1] ?? '') && before >= sf && ctx.isNounHead(before)) return null;

  // Passive: "was asked", "is expected to", "were appointed by".
  const beforeAux = auxBefore(ctx, i, sf);
  if (beforeAux >= 0 && ctx.lex.isParticiple(lower[i]!)) return passive(ctx, c, beforeAux, cueEnd, sl);
  // Without "be": "when asked about …", "As reported by …", "Asked whether …, she said".
  if (ctx.lex.isParticiple(lower[i]!) && (i === sf || ctx.lex.ELLIPSIS.has(lower[i - 1]!)) && c.entry.frame !== 'think') return elliptical(ctx, c, sl);

  // "an attack believed to be the work of saboteurs": a passive without its "be" and without a
  // believer; what it calls its subject is no speaker.
  if (ctx.lex.PASSIVE_BEFORE_TO.has(lower[i]!) && lower[i + 1] === 'to' && ctx.isVerb(i + 2) && beforeAux < 0) return null;
  // Participle after a comma: "…, describing their mission as …" speaks for the main clause.
  const w = lower[i]!;
  // (Not after an auxiliary: "… and was planning to …" is a verb of the clause, with its own tense.)
  if (w.endsWith('ing') && before >= sf && (ctx.isComma(before) || ctx.isDash(before) || lower[before] === 'and' || lower[before] === 'while' || lower[before] === 'by') && !auxBetween(ctx, before, i)) {
    const d = newDraft('participial', c, [i, cueEnd]);
    d.inherits = true;
    d.boundary = lower[before] === 'and' && before > sf && ctx.isComma(before - 1) ? before - 1 : before;
    contentAfter(ctx, d, cueEnd, sl);
    return d.parts.length ? d : null;
  }
  // Coordinated verb: "praised the soldiers and announced plans" shares the subject.
  if (before >= sf && (lower[before] === 'and' || lower[before] === 'but' || lower[before] === 'yet' || lower[before] === 'nor') && verbBefore(ctx, before, sf)) {
    const d = newDraft('coordinated', c, [i, cueEnd]);
    d.inherits = true;
    // Coordinated with a cue ("praised … and announced"), it attaches to the sentence; so does a
    // verb of saying ("confirmed that Ukraine held them and said …") or one after a comma
    // ("…, and called on"). Coordinated with another verb ("reported that Pyongyang deployed …
    // and planned …") it may be reported speech.
    const verb = nearestVerb(ctx, before, sf);
    const comma = before > sf && ctx.isComma(before - 1);
    // So does one that answers what others say ("said no one was killed and dismissed the reports as lies", "… and
    // called the reports fake news"), when a cue came before it.
    const answering = c.entry.frame === 'object' && (c.entry.stance === 'deny' || ctx.lex.JUDGING.has(c.entry.lemma)) && !ctx.lex.PARTICLES_AFTER_CUE.has(lower[i + 1] ?? '');
    // So does one in the tense of the cue before, after the speaker's own deed reported in the past perfect ("said it
    // had struck a command post and accused Peru of …": "accused" goes with "said", and either way the speaker accuses).
    const tenseOfCue = verb >= 0 && before === i - 1 && lower[i]!.endsWith('ed') && pastPerfectOfPronoun(ctx, verb, sf);
    const main = (verb >= 0 && ctx.cueEntries(verb)?.some((e) => !e.noun)) || (!c.entry.learned && (c.entry.frame === 'speech' || comma || answering || tenseOfCue) && cueBefore(ctx, before, sf));
    // (Not a second verb of an infinitive: "wants the port to reopen and pay …" goes on with the "to".)
    if (main && !(tags[i] !== TAG.AUX && plainForm(w) && infinitiveBefore(ctx, before, sf))) d.boundary = comma ? before - 1 : before;
    contentAfter(ctx, d, cueEnd, sl);
    return d.parts.length ? d : null;
  }
  // A gerund after a preposition or a verb ("erred in saying", "stopped short of calling for",
  // "avoided directly criticizing"): its speaker is the sentence's.
  if (w.endsWith('ing') && before >= sf && (ctx.lex.GERUND_PREPOSITIONS.has(lower[before]!) || (ctx.isVerb(before) && !ctx.lex.BE_OR_CLITIC.has(lower[before]!)))) {
    if (ctx.isVerb(before) && tags[before] === TAG.AUX) return null;
    const d = newDraft('gerund', c, [i, cueEnd]);
    d.inherits = true;
    contentAfter(ctx, d, cueEnd, sl);
    return d.parts.length ? d : null;
  }
  // An infinitive shares the subject of the verb it depends on ("took to Twitter to accuse …").
  if (
    before >= sf &&
    lower[before] === 'to' &&
    before - 1 >= sf &&
    (c.entry.lemma === w || !ctx.cueEntries(i)) &&
    lower[before - 1] !== 'according' &&
    // (After a cue of intent the infinitive is that cue's content — unless the cue tells a deed,
    // "sought to convince …", and so reads as no claim: then the infinitive's cue speaks.)
    !ctx.cueEntries(before - 1)?.some((e) => (e.frame === 'intend' || e.frame === 'direct') && !ctx.lex.OWN_DEEDS.has(e.lemma))
  ) {
    // "simplistic to say", "important to note": an impersonal remark, nobody's claim; "not authorised to discuss": leave to speak.
    if (tags[before - 1] === TAG.ADJ || ctx.lex.PERMITTED.has(lower[before - 1]!)) return null;
    const d = newDraft('infinitive', c, [i, cueEnd]);
    infinitiveSubject(ctx, d, before - 1, sf);
    contentAfter(ctx, d, cueEnd, sl);
    return d.parts.length ? d : null;
  }

  const d = newDraft('complement', c, [i, cueEnd]);
  const speakerFound = subject(ctx, d, before, sf);
  // "“…,” the mayor urged.": a verb of asking that closes the sentence after a quote reports it.
  const closesQuoted = frame === 'direct' && !c.entry.learned && isTail(ctx, cueEnd, sl);
  const inversion = frame === 'speech' || frame === 'quote' || frame === 'think' || frame === 'evidence' || closesQuoted;
  // Inverted speaker: "…, said Brian Baker, an adviser".
  let tail = cueEnd;
  if (!speakerFound && inversion && cueEnd < sl && ctx.startsNp(cueEnd) && !ctx.lex.BE_OR_CLITIC.has(lower[cueEnd]!)) {
    const end = ctx.npRight(cueEnd, sl, true);
    // The speaker ends its clause: "…, said the minister.", "Said Ellis: …" — not "declared the
    // Kursk region fully retaken".
    const closes = end > 0 && (end >= sl || ctx.isPunct(end) || ctx.isComma(end - 1) || ctx.opensQuote(end) || isTail(ctx, end, sl, false));
    if (closes) {
      d.source = [cueEnd, end];
      d.sourceHead = [cueEnd, headEnd(ctx, cueEnd, end)];
      tail = end;
    }
  }
  if (!d.source) return null;
  // "Said Ellis: “…”" — an inverted speaker before a colon or a quote.
  if (!speakerFound && tail < sl && (ctx.words[tail] === ':' || (ctx.isComma(tail) && ctx.opensQuote(tail + 1)))) {
    contentAfter(ctx, d, tail, sl);
    return d.parts.length ? d : null;
  }
  const leftEnd = speakerFound ? d.source[0] - 1 : i - 1;
  // A quote right before the speaker is the content unless a complement follows the cue.
  const quoteBefore =
    leftEnd > sf &&
    ctx.words[leftEnd - 1] !== '.' &&
    (ctx.closesQuote(leftEnd) || (ctx.isComma(leftEnd) && ctx.closesQuote(leftEnd - 1))) &&
    !isTitle(ctx, ctx.quotes.of[ctx.closesQuote(leftEnd) ? leftEnd : leftEnd - 1]!);
  if (inversion && quoteBefore && !complementFollows(ctx, tail, sl)) return contentBefore(ctx, d, leftEnd, tail, sl);
  // "The bridge, the mayor said, would open …": the attribution interrupts its content.
  let after = tail;
  while (after < sl && ctx.timeOf[after]! >= 0) after++;
  if (inversion && !quoteBefore && leftEnd > sf && ctx.isComma(leftEnd) && after + 1 < sl && ctx.isComma(after) && !attachedAt(ctx, after)) {
    const left = contentBefore(ctx, d, leftEnd, tail, sl);
    // "Radiation levels were normal, he said, and he called on …": what follows is not the content.
    if (left && left.parts.length === 1 && continues(ctx, after + 1, sl)) {
      left.rule = 'interrupted';
      left.parts.push([after + 1, sl]);
      left.rightFrom = after + 1;
    }
    return left;
  }
  // "In her book, Clinton noted the clot's existence": an object after the cue is its content.
  const object = tail === cueEnd && tail < sl && ctx.startsNp(tail) && ctx.timeOf[tail]! < 0 && !ctx.lex.ADDRESSEES.has(c.entry.lemma);
  // (A quote closed after a full stop ends a sentence of its own: "… “Go home.” He continued to fight.")
  // (“…!” and “…?” before their speaker are split off by the sentence splitter, but not closed.)
  const closedSentence = ctx.closesQuote(leftEnd) && ctx.words[leftEnd - 1] === '.' && leftEnd === sf - 1;
  if (inversion && !object && leftEnd >= 0 && !closedSentence && ctx.endsClauseBefore(leftEnd) && isTail(ctx, tail, sl, tail === cueEnd)) return contentBefore(ctx, d, leftEnd, tail, sl);
  if (!inversion && frame !== 'object' && frame !== 'intend' && frame !== 'direct') return null;
  if (tail !== cueEnd) return null; // "said X" with content after: not an inversion after all
  contentAfter(ctx, d, cueEnd, sl);
  if (speakerFound && relativeClaim(ctx, d)) return d;
  markClause(ctx, d, sf);
  // "called an emergency meeting" names no judgement; "called the attacks reckless" does.
  if (c.entry.lemma === 'call' && cueEnd === i + 1 && d.parts.length && !secondComplement(ctx, d.parts[0]!)) return null;
  return d.parts.length ? d : null;
}

/**
 * The subject of an infinitive cue: the object of a verb that makes someone do it ("prompted
 * NATO to order"), else the subject of the verb it hangs on ("Stumpf appeared to blame").
 */
function infinitiveSubject(ctx: Context, d: Draft, j: number, sf: number): void {
  const { tags } = ctx;
  if (ctx.isNounHead(j) && ctx.timeOf[j]! < 0) {
    const s = ctx.npLeft(j, sf);
    // Only a verb that makes someone act hands its object the infinitive ("prompted NATO to
    // order"); after others it says what for ("called an emergency meeting to discuss").
    const v = s - 1;
    if (s > sf && tags[v] === TAG.VERB && (ctx.lex.CAUSATIVES.has(ctx.lower[v]!) || ctx.cueEntries(v)?.some((e) => e.frame === 'direct' || e.frame === 'intend'))) {
      d.source = [s, j + 1];
      d.sourceHead = d.source;
      return;
    }
  }
  let k = j;
  // ("has tried again and again to …": adverbs joined by "and" are adverbs too.)
  while (k >= sf && (ctx.isVerb(k) || tags[k] === TAG.ADV || tags[k] === TAG.PART || (tags[k] === TAG.CCONJ && tags[k - 1] === TAG.ADV && tags[k + 1] === TAG.ADV))) k--;
  if (k < j && k >= sf && subject(ctx, d, k, sf)) return;
  d.inherits = true;
}

/** Whether an auxiliary stands between tokens `from` and `to` (both excluded). */
function auxBetween(ctx: Context, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (ctx.tags[k] === TAG.AUX) return true;
  return false;
}

/** Index of a form of "be" right before the cue (adverbs skipped), or −1. */
function auxBefore(ctx: Context, i: number, sf: number): number {
  let k = i - 1;
  while (k >= sf && (ctx.tags[k] === TAG.ADV || ctx.tags[k] === TAG.PART)) k--;
  return k >= sf && ctx.lex.BE_OR_CLITIC.has(ctx.lower[k]!) ? k : -1;
}

/** The nearest verb (outside quotes) before token `k` in the sentence, or −1. */
function nearestVerb(ctx: Context, k: number, sf: number): number {
  for (let j = k - 1; j >= sf; j--) if (ctx.tags[j] === TAG.VERB && ctx.quotes.of[j]! < 0) return j;
  return -1;
}

/**
 * Is the nearest verb before token k an infinitive after "to" ("to recognise the valley, which
 * …, as part of Osterlich and")? A relative clause set off in between is passed over.
 */
function infinitiveBefore(ctx: Context, k: number, sf: number): boolean {
  for (let j = k - 1; j > sf; j--) {
    if (ctx.isComma(j)) {
      const open = embeddedRelativeStart(ctx, j, sf);
      if (open < 0) return false;
      j = open;
      continue;
    }
    if (!ctx.isVerb(j)) continue;
    let t = j - 1;
    while (t > sf && ctx.tags[t] === TAG.ADV) t--;
    return ctx.lower[t] === 'to';
  }
  return false;
}

/** Is there a lexicon verb cue (outside quotes) between the sentence start and token `k`? */
function cueBefore(ctx: Context, k: number, sf: number): boolean {
  for (let j = k - 1; j >= sf; j--) if (ctx.isVerb(j) && ctx.quotes.of[j]! < 0 && ctx.cueEntries(j)?.some((e) => !e.noun)) return true;
  return false;
}

/**
 * Is the verb at `k` in the past perfect of reported speech with a pronoun subject, or the speaker's own ("it had
 * struck", "they had already left", "its forces had hit")?
 */
function pastPerfectOfPronoun(ctx: Context, k: number, sf: number): boolean {
  let j = k - 1;
  while (j > sf && ctx.tags[j] === TAG.ADV) j--;
  if (j <= sf || ctx.lower[j] !== 'had') return false;
  if (ctx.tags[j - 1] === TAG.PRON) return true;
  let s = j - 1;
  while (s > sf && s > j - 4 && (ctx.tags[s] === TAG.NOUN || ctx.tags[s] === TAG.ADJ)) s--;
  return s < j - 1 && ctx.lex.SPEAKER_POSSESSIVES.has(ctx.lower[s]!);
}

/** Is there a verb (outside quotes) between the sentence start and token `k`? */
export function verbBefore(ctx: Context, k: number, sf: number): boolean {
  for (let j = k - 1; j >= sf; j--) if ((ctx.tags[j] === TAG.VERB || ctx.tags[j] === TAG.AUX) && ctx.quotes.of[j]! < 0) return true;
  return false;
}

/** Does an object ("the attacks") come with a second complement ("reckless", "a disaster", a quote)? */
function secondComplement(ctx: Context, [a, b]: Range): boolean {
  const { tags } = ctx;
  // A quoted name for it ("called the plan “a disgrace”") or a relative object ("what he called …").
  for (let k = a; k < b; k++) if (ctx.quotes.of[k]! >= 0 || ctx.words[k] === '‘') return true;
  if (tags[a] === TAG.WH) return true;
  // "called the claims absurd", "called the accusation false": a judgement right after a noun, whatever the tagger took it for.
  for (let k = a + 1; k < b; k++) if (ctx.language.references.FALSE.has(ctx.lower[k]!) && (tags[k - 1] === TAG.NOUN || tags[k - 1] === TAG.PROPN)) return true;
  // The object, then any "of"/"in" phrases.
  let np = ctx.npCore(a, b);
  while (np > 0 && np < b && tags[np] === TAG.ADP && ctx.lower[np] !== 'as') np = ctx.npCore(np + 1, b);
  if (np < 0 || np >= b) return false;
  const w = ctx.words[np]!;
  return ctx.startsNp(np) || ctx.quotes.of[np]! >= 0 || w === '‘' || w === "'" || ctx.lower[np] === 'as';
}

/**
 * A cue in a relative clause set off inside another claim's content, its pronoun the subject of
 * what is claimed ("the fires, which she believes were set by drones, hurt …"): a claim of its
 * own, its content the rest of the clause. Sets the draft's rule and content end; false otherwise.
 */
function relativeClaim(ctx: Context, d: Draft): boolean {
  const s = d.source![0];
  const rel = ctx.lower[s - 1];
  if ((rel !== 'which' && rel !== 'who') || !ctx.isComma(s - 2) || d.parts.length !== 1 || d.rightFrom !== d.cue[1] || !ctx.isVerb(d.rightFrom)) return false;
  const part = d.parts[0]!;
  for (let k = part[0] + 1; k < part[1]; k++) {
    if (ctx.quotes.of[k]! >= 0) return false;
    if (!ctx.isComma(k) && !ctx.isDash(k)) continue;
    d.rule = 'relative';
    part[1] = k;
    return true;
  }
  return false;
}
