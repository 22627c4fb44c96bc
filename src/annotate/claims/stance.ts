import type { Stance } from '../../doc/types.js';
import type { Language } from '../../lang/language.js';
import type { CueEntry } from './lexicon.js';

/** A claim's stance and what decided it, for `explain`. */
export interface StanceReading {
  stance: Stance;
  /** The words that decided it when the content did ("should", "a lie", "will"), else null. */
  why: string | null;
}



/** How far into a content an obligation still makes it a demand. */
const OBLIGATION_WORDS = 12;



/**
 * The words of a text that may judge, in lower case. A capitalised word inside a sentence is part
 * of a name ("the ship Heroic Tern", "the Cold War"), not a judgement.
 */
function judgingWords(text: string): string[] {
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    // Lower-case first letter (or an apostrophe): no name.
    const first = m[0][0]!;
    if (first !== first.toLowerCase()) {
      let k = m.index - 1;
      while (k >= 0 && SPACE.test(text[k]!)) k--;
      if (k >= 0 && !SENTENCE_OPENERS.has(text[k]!)) continue;
    }
    words.push(m[0].toLowerCase());
  }
  return words;
}

const WORD = /[\p{L}']+/gu;
const SPACE = /\s/;
/** A judged object names something said when such a noun is among its first words ("the latest reports"). */
const REFERENCE_OPENING = 3;
/** Marks after which a capital opens a sentence or a quote rather than a name. */
const SENTENCE_OPENERS = new Set(['.', '!', '?', ':', ';', '"', '“', '‘', '(', '—', '–', '-']);

/** The words of harm in a text, but not a harm said not to come ("nobody will die", "without bloodshed"). */
function harmsIn(lex: Language['claims'], words: readonly string[]): string[] {
  return words.filter((w, k) => lex.HARM.has(w) && !words.slice(Math.max(0, k - 2), k).some((p) => lex.NO_HARM.has(p)));
}

/**
 * The stance of a claim. The cue's own stance from the lexicon stands where it says more than
 * "assert" ("denied", "accused", "warned"), but an obligation confirmed is a demand. A neutral cue
 * ("said", "told", "added") takes its stance from the content, in this order: a question; doubt
 * denied ("no reason to doubt") — a confirmation; a denial ("is not true", "nothing of the kind");
 * a threat ("not a bluff", "if they attack, our response will be …", the speaker's side using
 * force); a commitment of the speaker's own side in the opening ("we will", "are ready to",
 * reported "he would") — a promise; an obligation laid on someone ("should", "must", "the need
 * for") — a demand, or a warning when it is to prepare for a danger; words of strong disapproval —
 * condemnation; a danger ahead ("could", "if … will", with words of harm) — a warning; a
 * commitment of the speaker's side later in a quotation — a promise; words of approval — praise.
 * Verbs of naming ("called it …") judge only by their words; topic verbs ("discussed") take no
 * side. "asked … to", "called on/for", "argued for" and "expects X not to" are requests, "asked
 * whether" a question; "claimed responsibility" owns up to an act.
 */
export function stanceOf(lex: Language['claims'], entry: CueEntry, cue: string, content: string, ofItself = false): StanceReading {
  const base = entry.stance;
  const plain = { stance: base, why: null };
  if (entry.lemma === 'call' && /\b(?:on|for|upon)$/i.test(cue)) return { stance: 'demand', why: null };
  if (entry.lemma === 'ask') {
    const question = /^\W*(?:whether|if|what|why|how|when|where|who|which)\b/i.test(content) || content.trimEnd().endsWith('?');
    return { stance: !question && /\bto \w+/.test(content.slice(0, 60)) ? 'demand' : 'question', why: null };
  }
  if (entry.lemma === 'claim' && /^\W*(?:full |sole )?responsibility\b/i.test(content)) return { stance: 'confirm', why: 'responsibility' };
  // Judging verbs ("called the vote a sham", "described the plan as workable") judge by their words.
  const judging = entry.frame === 'object' && base === 'assert' && lex.JUDGING.has(entry.lemma);
  // "called them baseless", "described the scheme as unrealistic": judged false or unworkable, denied.
  if (judging) {
    const falsity = lex.UNFOUNDED.exec(content);
    if (falsity) return { stance: 'deny', why: falsity[0] };
    // "branded the reports a provocation", "called the accusations cynical": what was said, judged with words of
    // disapproval, is dismissed.
    const words = judgingWords(content);
    const against = words.slice(0, REFERENCE_OPENING).some((w) => lex.REFER_BACK.has(w)) ? words.find((w) => lex.DISAPPROVAL.has(w)) : undefined;
    if (against) return { stance: 'deny', why: against };
  }
  // "confirmed that the allies should …": what is confirmed is an obligation, a demand.
  if (base === 'confirm') {
    const opening = content.replace(/[“”"]/g, ' ').trim().split(/\s+/, OBLIGATION_WORDS).join(' ');
    const duty = lex.DEMAND.exec(opening);
    if (duty && !lex.EPISTEMIC.test(opening)) return { stance: 'demand', why: duty[0] };
  }
  if (base !== 'assert' || lex.TOPICAL.has(entry.lemma)) return plain;
  if (entry.lemma === 'expect' && lex.EXPECTED_OF.test(content)) return { stance: 'demand', why: 'expected of a party' };
  if (lex.ADVOCATING.has(entry.lemma) && /^\W*for\b/i.test(content)) return { stance: 'demand', why: `${entry.lemma} for` };
  const announcing = entry.lemma === 'announce' || entry.lemma === 'say' || entry.lemma === 'state' || entry.lemma === 'declare';
  if ((announcing && lex.PLAN.test(content)) || (entry.lemma === 'announce' && lex.PLAN_AMONG.test(content))) return { stance: 'promise', why: 'a plan announced' };
  // Quotation marks dropped, spaces made single: a quoted phrase reads as the words it quotes.
  const text = content.replace(/[“”"]/g, ' ').replace(/\s+/g, ' ').trim();
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => /\p{L}/u.test(s));
  const last = sentences[sentences.length - 1] ?? text;
  if (!judging && /\?\W*$/.test(last) && sentences.length <= 2) return { stance: 'question', why: '?' };
  const confirming = lex.CONFIRMING.exec(text);
  if (confirming) return { stance: 'confirm', why: confirming[0] };
  for (const d of lex.DENIAL) {
    const m = d.exec(text);
    if (m) return { stance: 'deny', why: m[0].trim() };
  }
  const words = judgingWords(content);
  const prejudice = lex.PREJUDICE.exec(text);
  const against = [...words.filter((w) => lex.DISAPPROVAL.has(w)), ...(prejudice ? [prejudice[0]] : [])];
  const harm = harmsIn(lex, words);
  const approval = words.filter((w) => lex.APPROVAL.has(w));
  const accusing = lex.ACCUSING.exec(text) ?? lex.AT_A_PARTY.exec(text);
  const condemning = against.length > 0 || accusing !== null;
  const condemnation: StanceReading = { stance: 'condemn', why: accusing?.[0] ?? against.slice(0, 2).join(', ') };
  const praise: StanceReading = { stance: 'praise', why: approval.slice(0, 2).join(', ') };
  if (judging) return condemning ? condemnation : approval.length ? praise : plain;
  const threat = threatIn(lex, sentences);
  if (threat) return { stance: 'warn', why: threat };
  // A commitment near the start, where the speaker's own side is the subject ("it will provide …").
  const opening = text.replace(lex.ASIDE, ' ').split(/\s+/, 8).join(' ');
  // The speaker's side doing something now, as announced ("it is closing the crossing").
  const doing = ofItself ? (lex.ANNOUNCED_ACT.exec(opening) ?? (entry.lemma === 'announce' ? lex.ANNOUNCED_ACT_PAST.exec(opening) : null)) : null;
  // Not a deed: thinking or trying ("is hoping"), or judging others ("was blaming them").
  const deed = doing && !lex.MENTAL.test(doing[0]) && !lex.DISAPPROVAL.has(doing[0].split(' ').pop()!.toLowerCase());
  const commitment = lex.COMMITMENT.exec(opening) ?? (deed ? doing : null);
  // Only the main clause's subject commits: not "that they will …", "there will be", "hoping it will".
  const own = commitment !== null && !lex.NOT_OWN_ACT.test(opening.slice(0, commitment.index));
  if (own && (ofItself || lex.FIRST_PERSON.test(text) || lex.OWN_SIDE.test(text)) && !lex.BELIEF.test(text)) {
    const harming = lex.FORCE.exec(text) ?? (harm.length ? lex.HARMING.exec(text) : null);
    return harming ? { stance: 'warn', why: harming[0] } : { stance: 'promise', why: commitment[0] };
  }
  // An obligation is the claim's point only where it opens it: in its first words, not somewhere in a long quotation.
  const first = sentences[0] ?? text;
  const firstWords = first.split(/\s+/, OBLIGATION_WORDS).join(' ');
  // To prepare for what is coming is to be warned of it.
  const wary = lex.WARY.exec(first);
  if (wary) return { stance: 'warn', why: wary[0] };
  const obligation = lex.DEMAND.exec(firstWords) ?? lex.WE_EXPECT.exec(firstWords);
  if (obligation && !lex.EPISTEMIC.test(firstWords) && !(condemning && sentences.length > 1)) return { stance: 'demand', why: obligation[0] };
  if (condemning) return condemnation;
  // A danger ahead, told in the claim's first sentence.
  const ahead = lex.POSSIBLE.exec(first) ?? lex.CONDITION.exec(first);
  const firstHarm = ahead ? harmsIn(lex, judgingWords(first))[0] : undefined;
  if (ahead && firstHarm) return { stance: 'warn', why: `${ahead[0].trim()} … ${firstHarm}` };
  // Nothing else decided: the speaker's side committing itself later in a quotation ("… We are ready for it.").
  for (const sentence of sentences) {
    const later = lex.SELF_COMMITMENT.exec(sentence);
    if (later && !lex.NOT_OWN_ACT.test(sentence.slice(0, later.index))) return { stance: 'promise', why: later[0] };
  }
  // The speaker's own side called good ("it remains a reliable partner") describes itself; praise is of others.
  const selfPraise = ofItself ? lex.SELF_DESCRIBED.exec(text) : null;
  return approval.length && !(selfPraise && lex.APPROVAL.has(selfPraise[1]!.toLowerCase())) ? praise : plain;
}

/**
 * A threat in any sentence of a claim, what decides it or null: a formula of one ("this is not a
 * bluff"); a condition on which the speaker's side will act, with harm ("if they attack us, our
 * response will be …"); the speaker's side saying it will use force ("our gunners would use heavy
 * weapons").
 */
function threatIn(lex: Language['claims'], sentences: readonly string[]): string | null {
  for (const s of sentences) {
    const formula = lex.THREAT.exec(s);
    if (formula) return formula[0];
    const self = lex.SELF_FUTURE.exec(s);
    if (!self) continue;
    const force = lex.FORCE.exec(s.slice(self.index));
    if (force) return force[0];
    const harm = harmsIn(lex, judgingWords(s))[0];
    if (lex.CONDITION.test(s) && (harm || lex.HARMING.test(s))) return `if … ${self[0]}`;
  }
  return null;
}
