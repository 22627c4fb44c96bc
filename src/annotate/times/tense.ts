/**
 * Which way an expression the text does not place points ("on Friday", "in October"): the
 * nearest tense cue within a few tokens decides ("will meet on Friday" → the coming Friday,
 * "crossed the border in September" → last September). Without a cue resolve.ts falls back to
 * the past (weekdays, seasons) or to a date close ahead (deadlines). A cheap stand-in for the
 * verb tense a tagger would give: no part-of-speech tags are available at this stage.
 */
import type { Tokens } from '../../doc/tokenize.js';
import type { Direction } from './resolve.js';

const FUTURE = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would', 'upcoming', 'expires', 'tomorrow', 'next']);
/** Future unless a past auxiliary comes just before: "is scheduled" but "had been scheduled". */
const FUTURE_PARTICIPLES = new Set(['scheduled', 'expected', 'planned', 'slated']);
/** Future only when followed by "to": "going to", "set to", "is to resume", "plans to" (not "the plan"). */
const FUTURE_BEFORE_TO = new Set(['going', 'set', 'poised', 'is', 'are', 'plan', 'plans', 'planning', 'planned']);
const PAST_AUXILIARIES = new Set(['had', 'was', 'were', 'been']);
const PAST = new Set(['was', 'were', 'had', 'did', 'said', 'told', 'ago', 'last', 'yesterday', 'earlier', 'came', 'went', 'took', 'made', 'began', 'met', 'held', 'left', 'gave', 'saw', 'won', 'lost', 'fell', 'rose']);
/** After these an -ed word is a passive or perfect, not a past tense ("will be released"). */
const AUXILIARIES = new Set(['be', 'been', 'being', 'is', 'are', 'am', 'to', "'s", '’s', 'has', 'have', 'get', 'gets']);

/** Cues further than this many tokens away belong to another clause more often than not. */
const WINDOW = 6;

/** +1 future cue, -1 past cue, 0 none. */
function cue(t: Tokens, k: number): number {
  const w = t.lower[k]!;
  if (FUTURE.has(w)) return 1;
  if (FUTURE_PARTICIPLES.has(w)) return PAST_AUXILIARIES.has(t.lower[k - 1] ?? '') || PAST_AUXILIARIES.has(t.lower[k - 2] ?? '') ? -1 : 1;
  if (FUTURE_BEFORE_TO.has(w) && t.lower[k + 1] === 'to') return 1;
  if (PAST.has(w)) return -1;
  if (w.length > 4 && w.endsWith('ed') && !AUXILIARIES.has(t.lower[k - 1] ?? '')) return -1;
  return 0;
}

/** Prepositions of deadlines: "extended to Nov. 16", "by 15 May" say nothing of the tense of the date. */
const DEADLINES = new Set(['to', 'through', 'by', 'before', 'record']);
/** Words after which a date is still to come: "until Tuesday", "effective Feb. 1", "payable Jan. 2". */
const AHEAD = new Set(['until', 'till', 'effective', 'payable']);

/**
 * Direction for the expression over tokens [start, end): the nearest cue in its sentence
 * decides; null without one or after a deadline preposition, except that a weekday after
 * "until" or "as soon as" is the coming one.
 */
export function directionAt(t: Tokens, first: number, last: number, start: number, end: number): Direction | null {
  const prev = start > first ? t.lower[start - 1]! : '';
  if (AHEAD.has(prev) || (prev === 'as' && start - 2 > first && (t.lower[start - 2] === 'soon' || t.lower[start - 2] === 'early'))) return 'future';
  if (DEADLINES.has(prev)) return null;
  for (let d = 1; d <= WINDOW; d++) {
    const before = start - d;
    const after = end - 1 + d;
    if (before < first && after >= last) break;
    // Cues before the expression win ties: "will … on Friday".
    const b = before >= first ? cue(t, before) : 0;
    if (b) return b > 0 ? 'future' : 'past';
    const a = after < last ? cue(t, after) : 0;
    if (a) return a > 0 ? 'future' : 'past';
  }
  return null;
}
