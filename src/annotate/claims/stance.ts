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
 * The stance of a claim. The cue's own stance from the lexicon stands where it says more than
 * "assert" ("denied", "accused", "warned"). A neutral cue ("said", "told", "added") takes its
 * stance from the content, in this order: a question; a denial ("is not true", "nothing of the
 * kind"); a commitment of the speaker's own side ("we will", "are ready to") — a promise, or a
 * warning when what it commits to is harm; an obligation laid on someone ("should", "must") — a
 * demand; a danger ahead ("could", "if … will", with words of harm) — a warning; a judgement of
 * others in words of strong disapproval — condemnation, or of approval — praise. "asked … to"
 * and "called on/for" are requests, "asked whether" a question.
 */
export function stanceOf(lex: Language['claims'], entry: CueEntry, cue: string, content: string, ofItself = false): StanceReading {
  const base = entry.stance;
  const plain = { stance: base, why: null };
  if (entry.lemma === 'call' && /\b(?:on|for|upon)$/i.test(cue)) return { stance: 'demand', why: null };
  if (entry.lemma === 'ask') {
    const question = /^\W*(?:whether|if|what|why|how|when|where|who|which)\b/i.test(content) || content.trimEnd().endsWith('?');
    return { stance: !question && /\bto \w+/.test(content.slice(0, 60)) ? 'demand' : 'question', why: null };
  }
  // Judging verbs ("called the vote a sham", "described the plan as workable") judge by their words.
  const judging = entry.frame === 'object' && base === 'assert' && lex.JUDGING.has(entry.lemma);
  // "called them baseless", "described the scheme as unrealistic": judged false or unworkable, denied.
  if (judging) {
    const falsity = lex.UNFOUNDED.exec(content);
    if (falsity) return { stance: 'deny', why: falsity[0] };
  }
  if (base !== 'assert') return plain;
  if (lex.PLAN.test(content) && (entry.lemma === 'announce' || entry.lemma === 'say' || entry.lemma === 'state' || entry.lemma === 'declare')) return { stance: 'promise', why: 'a plan announced' };
  const text = content.replace(/[“”"]/g, ' ').trim();
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => /\p{L}/u.test(s));
  const last = sentences[sentences.length - 1] ?? text;
  if (!judging && /\?\W*$/.test(last) && sentences.length <= 2) return { stance: 'question', why: '?' };
  for (const d of lex.DENIAL) {
    const m = d.exec(text);
    if (m) return { stance: 'deny', why: m[0].trim() };
  }
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const against = words.filter((w) => lex.DISAPPROVAL.has(w));
  const harm = words.filter((w) => lex.HARM.has(w));
  const approval = words.filter((w) => lex.APPROVAL.has(w));
  // A commitment near the start, where the speaker's own side is the subject ("it will provide …").
  const opening = text.split(/\s+/).slice(0, 8).join(' ');
  // The speaker's side doing something now, as announced ("it is closing the crossing").
  const doing = ofItself ? lex.ANNOUNCED_ACT.exec(opening) : null;
  const commitment = lex.COMMITMENT.exec(opening) ?? (doing && !lex.MENTAL.test(doing[0]) ? doing : null);
  if (!judging && commitment && (ofItself || lex.FIRST_PERSON.test(text)) && !lex.BELIEF.test(text)) {
    const harming = lex.HARMING.exec(text);
    return harming && harm.length ? { stance: 'warn', why: harming[0] } : { stance: 'promise', why: commitment[0] };
  }
  // An obligation is the claim's point only where it opens it: in its first words, not somewhere in a long quotation.
  const firstWords = (sentences[0] ?? text).split(/\s+/).slice(0, OBLIGATION_WORDS).join(' ');
  const obligation = lex.DEMAND.exec(firstWords);
  const accusing = lex.ACCUSING.exec(text);
  const condemning = against.length > 0 || accusing !== null;
  if (!judging && obligation && !lex.EPISTEMIC.test(firstWords) && !(condemning && sentences.length > 1)) return { stance: 'demand', why: obligation[0] };
  if (condemning) return { stance: 'condemn', why: accusing?.[0] ?? against.slice(0, 2).join(', ') };
  // A danger ahead, told in the claim's first sentence.
  const first = sentences[0] ?? text;
  const possible = lex.POSSIBLE.exec(first);
  const firstHarm = (first.toLowerCase().match(/[\p{L}']+/gu) ?? []).find((w) => lex.HARM.has(w));
  if (!judging && (possible || lex.CONDITION.test(first)) && firstHarm) return { stance: 'warn', why: `${possible?.[0] ?? 'if'} … ${firstHarm}` };
  if (approval.length) return { stance: 'praise', why: approval.slice(0, 2).join(', ') };
  return plain;
}


