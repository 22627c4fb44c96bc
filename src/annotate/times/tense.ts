/**
 * Which way an expression the text does not place points ("on Friday", "in October"): news
 * reports the past, so the most recent one, unless the nearest tense cue in the sentence says
 * future ("will meet on Friday", "is scheduled to vote in October"). A cheap stand-in for the
 * verb tense a tagger would give: no part-of-speech tags are available at this stage.
 */
import type { Tokens } from '../../doc/tokenize.js';
import type { Direction } from './resolve.js';

const FUTURE = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'scheduled', 'expected', 'planned', 'plans', 'plan', 'upcoming', 'expires', 'due', 'tomorrow', 'next']);
/** Future only when followed by "to": "going to", "set to", "due to". */
const FUTURE_BEFORE_TO = new Set(['going', 'set', 'slated', 'poised']);
const PAST = new Set(['was', 'were', 'had', 'did', 'said', 'told', 'ago', 'last', 'yesterday', 'earlier', 'came', 'went', 'took', 'made', 'began', 'met', 'held', 'left', 'gave', 'saw', 'won', 'lost', 'fell', 'rose']);
/** After these an -ed word is a passive or perfect, not a past tense ("will be released"). */
const AUXILIARIES = new Set(['be', 'been', 'being', 'is', 'are', 'am', 'to', "'s", '’s', 'has', 'have', 'get', 'gets']);

/** +1 future cue, -1 past cue, 0 none. */
function cue(t: Tokens, k: number): number {
  const w = t.lower[k]!;
  if (FUTURE.has(w)) return 1;
  if (FUTURE_BEFORE_TO.has(w) && t.lower[k + 1] === 'to') return 1;
  if (PAST.has(w)) return -1;
  if (w.length > 4 && w.endsWith('ed') && !AUXILIARIES.has(t.lower[k - 1] ?? '')) return -1;
  return 0;
}

/** Direction for the expression over tokens [start, end): the nearest cue in its sentence decides. */
export function directionAt(t: Tokens, first: number, last: number, start: number, end: number): Direction {
  for (let d = 1; d < 40; d++) {
    const before = start - d;
    const after = end - 1 + d;
    if (before < first && after >= last) break;
    // Cues before the expression win ties: "will … on Friday".
    const b = before >= first ? cue(t, before) : 0;
    if (b) return b > 0 ? 'future' : 'past';
    const a = after < last ? cue(t, after) : 0;
    if (a) return a > 0 ? 'future' : 'past';
  }
  return 'past';
}
