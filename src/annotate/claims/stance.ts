import type { Stance } from '../../doc/types.js';
import type { CueEntry } from './lexicon.js';

/** A claim's stance and what decided it, for `explain`. */
export interface StanceReading {
  stance: Stance;
  /** The words that decided it when the content did ("should", "a lie", "will"), else null. */
  why: string | null;
}

/** Wording of a plan announced ("announced plans to build …"). */
const PLAN = /^(?:plans?|intentions?|an? (?:plan|intention|decision|pledge|promise)) to\b|^to\b/i;

/**
 * Saying that something is false or did not happen ("That is simply untrue", "there is no
 * evidence", "nothing of the sort", "No, we did not", "the claims are baseless").
 */
const DENIAL = [
  /\b(?:is|was|are|were|'s|’s)\s+(?:absolutely |completely |totally |simply |entirely |just )?(?:not true|untrue|false|wrong|a lie|lies|a fabrication|fabricated|fake|nonsense|baseless|groundless|unfounded|absurd|ridiculous|a myth|fiction|a hoax|slander|disinformation)\b/i,
  /^\W*(?:this|that|it|these|those|such)\b[^.?!]{0,40}\b(?:is|was|are|were|'s|’s)\s+(?:absolutely |completely |totally |simply )?(?:not the case|not so)\b/i,
  /\bnothing of the (?:kind|sort)\b/i,
  /\b(?:there (?:is|was|were|are)|we (?:have|had|see|saw))\s+(?:absolutely\s+)?no\s+(?:\w+\s+){0,2}(?:reason|evidence|proof|basis|truth|grounds|sign|indication)\b/i,
  /\b(?:is|are|am|was|were)\s+not\s+(?:a\s+)?(?:part|party|parties|involved|responsible|guilty|to blame|behind)\b/i,
  /\b(?:have|has|had)\s+not\s+seen\s+(?:any\s+)?(?:\w+\s+){0,6}?(?:evidence|indication|sign|proof|reason)\b/i,
  /(?:^|[.!?]\s+)\W*no,\s/i,
  /\bno need to blame\b/i,
  /\b(?:never|not) (?:happened|took place|occurred)\b/i,
];

/** Obligation: a demand on someone ("Minsk should withdraw …", "it is time to …", "let us act"). */
const DEMAND = /\b(?:should|must|ought to|needs? to|has to|have to|had better|it is (?:high )?time|it's (?:high )?time)\b|^\W*let(?:'s| us)\b/i;
/** An act in progress: "is closing", "are sending". */
const ANNOUNCED_ACT = /\b(?:is|are) (?:now )?\w+ing\b/i;
/** Progressive forms of thinking and trying, which announce no act ("is hoping", "are considering"). */
const MENTAL = /\b(?:hoping|considering|thinking|seeking|trying|looking|expecting|waiting|planning|going|being|getting|facing|working)\b/i;
/** How far into a content an obligation still makes it a demand. */
const OBLIGATION_WORDS = 12;
/** "Should" of likelihood, not of duty: "this should be obvious", "the strikes should not affect …". */
const EPISTEMIC = /\b(?:should|must) (?:not )?(?:be (?:obvious|clear|evident|enough|possible)|affect|change|matter)\b/i;
/** First person: the speaker speaking of itself or its side. */
const FIRST_PERSON = /^\W*(?:i|we|our \w+|my \w+)\b|\b(?:we|i)\s+(?:will|shall|'ll|’ll|would|are|am|stand|remain|intend|plan|want|won't|won’t)\b/i;
/** Commitments about one's own future: "will", "are ready to", "intends to", "had decided to". */
const COMMITMENT = /\b(?:will|shall|'ll|’ll|won't|won’t|(?:is|are|am|was|were)(?: not)? (?:going|ready|prepared|determined|committed|willing) to|stands? ready|(?:intends?|intended|plans?|planned|decided|vows?|vowed|pledges?|pledged) to|will never|willingness|readiness)\b/i;
/** Future or possibility: what may come ("could", "may", "threatens to", "risk of"). */
const POSSIBLE = /\b(?:could|may|might|will|would|can|shall|'ll|’ll|threatens? to|risks? (?:of|to)?|danger|likely|unless|otherwise)\b/i;
/** A condition: "if they …, …", "unless …" */
const CONDITION = /^\W*(?:should they|in case)\b|\b(?:if|unless)\s+\p{L}/iu;
/** Statement openings that do not commit the speaker to an act of their own ("we believe", "we know"). */
const BELIEF = /^\W*(?:we|i) (?:believe|think|know|see|understand|are (?:convinced|sure|certain|concerned|worried))\b/i;

/**
 * Words that judge rather than report: disapproval of what someone did or is ("illegal",
 * "brutal", "lies", "blackmail", "to blame"). A report of harm ("killed", "torture") is not a
 * judgement by itself.
 */
const DISAPPROVAL = new Set(
  (
    'illegal illegitimate unlawful unjustified unjustifiable unprovoked unacceptable brutal brutality cruel cruelty senseless barbaric barbarism ' +
    'monstrous savage reckless irresponsible shameful shameless shamelessly outrageous disgraceful despicable hypocritical hypocrisy selfish ' +
    'cynical cowardly aggressor aggressors imperialist imperialism hegemonism hegemony lies lying liar ' +
    'liars propaganda disinformation misinformation blackmail blackmailing blackmails sham fraudulent rigged fraud blatant flagrant trampled ' +
    'trampling violation violations violated violating violates atrocities atrocity genocide terrorist occupiers ' +
    'occupier invaders puppet puppets vassal vassals fodder guilty culpable blame blamed blames blaming provoked provoking provocation provocations ' +
    'instigation instigated goad goaded arrogant arrogance contempt bullying destabilising destabilizing sabotaging ' +
    'insulted insulting demonized demonised humiliated deceived betrayed slaughter fuelling fueling prolonging manipulation manipulating lawless thugs bandits oppressive repressive dictator dictatorship tyranny tyrant'
  ).split(' '),
);
/** Accusing constructions: blame laid on someone ("bears full responsibility", "is to blame", "is trying to"). */
const ACCUSING = /\b(?:bears?|bore) (?:full |the |sole )?responsibility\b|\bcan(?:not|'t|’t) be trusted\b|\bacts? of terror(?:ism)?\b|\bresponsibility for\b[^.]{0,60}\blies\b|\b(?:is|are|was|were) to blame\b|\b(?:is|are) (?:trying|seeking|attempting) to\b|\bis (?:using|exploiting)\b/i;
/** Words of approval of someone or something ("brave", "warm and friendly", "welcome"). */
const APPROVAL = new Set(
  (
    'brave bravery courage courageous heroic heroes hero admirable admire commend commendable praiseworthy welcome welcomed welcomes grateful ' +
    'gratitude thank thanks appreciate appreciated constructive positive friendly warm excellent outstanding remarkable successful success ' +
    'wise wisdom generous generosity trustworthy reliable fruitful productive valuable helpful encouraging impressive historic'
  ).split(' '),
);
/** Harm ahead: what a warning warns of. */
const HARM = new Set(
  (
    'war wars nuclear catastrophe catastrophic disaster hunger famine poverty starvation escalation escalate escalating crisis collapse death deaths ' +
    'die dying killed kill destroy destroyed destruction danger dangerous risk risks threat threats threaten threatens conflict attack attacks ' +
    'strike strikes suffer suffering loss lose losses defeat chaos instability bloodshed retaliation retaliate punish punishment consequences ' +
    'dire grave serious severe shortage shortages blackout blackouts emergency harm damage'
  ).split(' '),
);

/** Words that make a harm something done to others (a threat), not suffered. */
const HARMING = /\b(?:destroy|strike|retaliate|respond|punish|use (?:all means|nuclear|force|weapons)|attack|crush|wipe|annihilate|fight|retake|return|strike back|hit back)\w*/i;

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
export function stanceOf(entry: CueEntry, cue: string, content: string, ofItself = false): StanceReading {
  const base = entry.stance;
  const plain = { stance: base, why: null };
  if (entry.lemma === 'call' && /\b(?:on|for|upon)$/i.test(cue)) return { stance: 'demand', why: null };
  if (entry.lemma === 'ask') {
    const question = /^\W*(?:whether|if|what|why|how|when|where|who|which)\b/i.test(content) || content.trimEnd().endsWith('?');
    return { stance: !question && /\bto \w+/.test(content.slice(0, 60)) ? 'demand' : 'question', why: null };
  }
  // Judging verbs ("called the vote a sham", "described the plan as workable") judge by their words.
  const judging = entry.frame === 'object' && base === 'assert' && JUDGING.has(entry.lemma);
  // "called them baseless", "described the scheme as unrealistic": judged false or unworkable, denied.
  if (judging) {
    const falsity = UNFOUNDED.exec(content);
    if (falsity) return { stance: 'deny', why: falsity[0] };
  }
  if (base !== 'assert') return plain;
  if (PLAN.test(content) && (entry.lemma === 'announce' || entry.lemma === 'say' || entry.lemma === 'state' || entry.lemma === 'declare')) return { stance: 'promise', why: 'a plan announced' };
  const text = content.replace(/[“”"]/g, ' ').trim();
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => /\p{L}/u.test(s));
  const last = sentences[sentences.length - 1] ?? text;
  if (!judging && /\?\W*$/.test(last) && sentences.length <= 2) return { stance: 'question', why: '?' };
  for (const d of DENIAL) {
    const m = d.exec(text);
    if (m) return { stance: 'deny', why: m[0].trim() };
  }
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const against = words.filter((w) => DISAPPROVAL.has(w));
  const harm = words.filter((w) => HARM.has(w));
  const approval = words.filter((w) => APPROVAL.has(w));
  // A commitment near the start, where the speaker's own side is the subject ("it will provide …").
  const opening = text.split(/\s+/).slice(0, 8).join(' ');
  // The speaker's side doing something now, as announced ("it is closing the crossing").
  const doing = ofItself ? ANNOUNCED_ACT.exec(opening) : null;
  const commitment = COMMITMENT.exec(opening) ?? (doing && !MENTAL.test(doing[0]) ? doing : null);
  if (!judging && commitment && (ofItself || FIRST_PERSON.test(text)) && !BELIEF.test(text)) {
    const harming = HARMING.exec(text);
    return harming && harm.length ? { stance: 'warn', why: harming[0] } : { stance: 'promise', why: commitment[0] };
  }
  // An obligation is the claim's point only where it opens it: in its first words, not somewhere in a long quotation.
  const firstWords = (sentences[0] ?? text).split(/\s+/).slice(0, OBLIGATION_WORDS).join(' ');
  const obligation = DEMAND.exec(firstWords);
  const accusing = ACCUSING.exec(text);
  const condemning = against.length > 0 || accusing !== null;
  if (!judging && obligation && !EPISTEMIC.test(firstWords) && !(condemning && sentences.length > 1)) return { stance: 'demand', why: obligation[0] };
  if (condemning) return { stance: 'condemn', why: accusing?.[0] ?? against.slice(0, 2).join(', ') };
  // A danger ahead, told in the claim's first sentence.
  const first = sentences[0] ?? text;
  const possible = POSSIBLE.exec(first);
  const firstHarm = (first.toLowerCase().match(/[\p{L}']+/gu) ?? []).find((w) => HARM.has(w));
  if (!judging && (possible || CONDITION.test(first)) && firstHarm) return { stance: 'warn', why: `${possible?.[0] ?? 'if'} … ${firstHarm}` };
  if (approval.length) return { stance: 'praise', why: approval.slice(0, 2).join(', ') };
  return plain;
}

/** Words that judge something said or proposed unfounded or unworkable. */
const UNFOUNDED = /\b(?:false|untrue|baseless|groundless|unfounded|unsubstantiated|fabricated|fabrications?|fake|lies|a lie|nonsense|absurd|ridiculous|preposterous|propaganda|disinformation|misinformation|fiction|a myth|a hoax|unworkable|unrealistic|impossible|a non-starter|misleading|wrong)\b/i;

/** Verbs that name or describe something, whose second complement judges it ("called the vote a sham"). */
const JUDGING = new Set(['call', 'describe', 'characterize', 'characterise', 'portray', 'label', 'dub', 'brand', 'liken', 'compare']);
