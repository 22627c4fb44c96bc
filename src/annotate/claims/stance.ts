import type { Stance } from '../../doc/types.js';
import type { CueEntry } from './lexicon.js';

/** Modal wording that turns a statement into a demand ("Minsk should withdraw …"). */
const DEMAND = /\b(?:should|must|ought to|needs? to|has to|have to|had better)\b/i;
/** Wording of a plan announced ("announced plans to build …"). */
const PLAN = /^(?:plans?|intentions?|an? (?:plan|intention|decision|pledge|promise)) to\b|^to\b/i;

/**
 * The stance of a claim: the cue's own stance from the lexicon, refined by the content where
 * the cue is neutral — modal "should"/"must" make a demand, a question mark a question, an
 * announced plan a promise; "asked … to" and "called on/for" are requests, "asked whether" a question.
 */
export function stanceOf(entry: CueEntry, cue: string, content: string): Stance {
  const base = entry.stance;
  if (entry.lemma === 'call' && /\b(?:on|for|upon)$/i.test(cue)) return 'demand';
  if (entry.lemma === 'ask') {
    const question = /^\W*(?:whether|if|what|why|how|when|where|who|which)\b/i.test(content) || content.trimEnd().endsWith('?');
    return !question && /\bto \w+/.test(content.slice(0, 60)) ? 'demand' : 'question';
  }
  if (base !== 'assert') return base;
  if (PLAN.test(content) && (entry.lemma === 'announce' || entry.lemma === 'say' || entry.lemma === 'state' || entry.lemma === 'declare')) return 'promise';
  if (DEMAND.test(content)) return 'demand';
  if (/\?["”’]?$/.test(content.trimEnd())) return 'question';
  return base;
}
