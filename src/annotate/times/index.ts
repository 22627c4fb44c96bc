/**
 * The times layer: every date, time, duration and set expression with its TIMEX3 value,
 * resolved against the publication date (`article.published`, the document creation time).
 * Grammar in grammar/ (a file per family of expressions), values in resolve.ts, direction of
 * open expressions in tense.ts (from the verb group they hang on), named days in holidays.ts;
 * the words are the language's (src/lang/en/times.ts).
 *
 * Story-relative expressions ("the next day", "that year", "later in the day", "the previous
 * Friday") count from the last date the text named; earnings language ("the quarter", "a year
 * earlier", "the 1988 period") from the last completed quarter it named, or from the year after
 * "the nine months".
 *
 * Values: 2025-04-27, 2025-04, 2025, 2025-W17, 2025-W17-WE, 2025-Q1, 2025-H1, 2024-SU, 199 (the
 * 1990s), 19 (the 20th century), 2025-04-27T14:30, 2025-04-27TMO; durations P3D, P2Y, PT5H, PXY
 * (some years); sets P1W ("every week"), XXXX-WXX-5 ("every Friday"); PRESENT_REF, PAST_REF,
 * FUTURE_REF. Without a publication date, relative values keep an X for what is unknown.
 *
 * Not annotated: "former" (a property of a role, which the entities layer keeps), "soon" and
 * "recent" as adjectives (in TimeBank less often a time than not; "current" before a noun is,
 * and reads PRESENT_REF), ages ("6-year-old", "52 years old") and fractions ("three-quarters").
 */
import type { Doc } from '../../doc/doc.js';
import type { TimeExpression } from '../../doc/types.js';
import type { Language } from '../../lang/language.js';
import type { ComponentSpec } from '../pipeline.js';
import { parseAnchor } from './calendar.js';
import { scanTimes, type Match } from './grammar/index.js';
import { isDay, resolve, type Context, type Sem } from './resolve.js';
import { TenseReader } from './tense.js';

/** Durations that, with "the", name the period a report covers: "the nine months", "the six months ended". */
const PERIODS_UNDER_REPORT = new Set(['P6M', 'P9M', 'P1Y']);

const TODAY: Sem = { k: 'offset', unit: 'day', n: 0 };

export function findTimes(doc: Doc, language: Language): TimeExpression[] {
  const anchor = parseAnchor(doc.article.published);
  const tokens = doc.tokens;
  const matches = scanTimes(tokens, language);
  const out: TimeExpression[] = [];
  const ctx: Context = { anchor, dir: null, quarter: null, reference: null };
  const tense = new TenseReader(tokens, doc.pos, language);
  for (const m of matches) {
    const sem = m.sem ?? dayOfSentence(doc, matches, m) ?? TODAY;
    const sentence = doc.sentences[tokens.sentence[m.start]!]!;
    const needsDirection = sem.k === 'cal' || sem.k === 'holiday' || sem.k === 'weekday' || sem.k === 'season' || sem.k === 'weekend';
    ctx.dir = needsDirection && anchor ? tense.directionAt(sentence.first, sentence.last, m.start, m.end) : null;
    const value = resolve(sem, ctx) + (m.tod ?? '');
    if (m.type === 'DATE' && /^\d{4}(?:-\d{2}){0,2}$/.test(value)) ctx.reference = value;
    // The quarter under report, for "the quarter" and "a year earlier" further on; never one still
    // to come. After "the nine months" a longer period is under report, compared with last year's.
    else if (m.type === 'DURATION' && PERIODS_UNDER_REPORT.has(value) && (tokens.lower[m.start] === 'the' || tokens.lower[m.start] === 'first')) ctx.quarter = null;
    if ((sem.k === 'part' || (sem.k === 'quarterRef' && sem.years === 0 && sem.year === undefined)) && value.includes('-Q') && (!anchor || value < `${anchor.y}-Q${Math.floor((anchor.m - 1) / 3) + 1}`)) ctx.quarter = value;
    const span = m.chars ? doc.span(m.chars[0], m.chars[1]) : doc.tokenSpan(m.start, m.end);
    const time: TimeExpression = { ...span, value, type: m.type };
    if (m.mod) time.mod = m.mod;
    out.push(time);
  }
  return out;
}

/** The day a bare clock time ("at 10:35 a.m.") belongs to: the nearest day named in its sentence. */
function dayOfSentence(doc: Doc, matches: Match[], m: Match): Sem | null {
  const s = doc.tokens.sentence[m.start];
  let best: Sem | null = null;
  let bestDistance = Infinity;
  for (const other of matches) {
    if (other === m || !other.sem || doc.tokens.sentence[other.start] !== s || !isDay(other.sem)) continue;
    const distance = Math.abs(other.start - m.start);
    if (distance < bestDistance) {
      best = other.sem;
      bestDistance = distance;
    }
  }
  return best;
}

export const TIMES: ComponentSpec = {
  name: 'times',
  assigns: ['times'],
  requires: ['tokens', 'sentences', 'pos'],
  create: ({ language }) => (doc) => doc.set('times', findTimes(doc, language)),
};
