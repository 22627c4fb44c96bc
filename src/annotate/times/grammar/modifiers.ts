/**
 * What surrounds an expression: a day after a clock time ("noon Thursday"), "ago" and "from now",
 * "or so", and modifiers before it ("early", "about", "more than", "the end of").
 */
import { TIME_UNITS } from '../timex.js';
import { dayLedAt } from './relative.js';
import type { Match, Scanner } from './scanner.js';

/** Add what surrounds a core match: a day after a clock time, "ago", "or so", modifiers, "the". */
export function extend(g: Scanner, m: Match): Match {
  // "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 9", "midnight Friday"
  if (m.type === 'TIME' && m.sem === null) {
    let j = m.end;
    if (g.w(j) === ',') j++;
    const next = dayLedAt(g, j);
    if (next && next.sem) {
      m.sem = next.sem;
      m.end = next.end;
    }
  }
  // "ten days ago", "two weeks from now", "a year earlier" name a point; "three days later"
  // counts from a point the text gave before, so it stays a duration.
  if (m.count) {
    // "a week or so ago"
    if (g.w(m.end) === 'or' && g.w(m.end + 1) === 'so' && g.w(m.end + 2) === 'ago') {
      m.end += 2;
      m.mod = 'APPROX';
    }
    const after = g.w(m.end);
    const { n, unit } = m.count;
    const ago = after === 'ago';
    const ahead = (after === 'from' && g.w(m.end + 1) === 'now') || after === 'hence';
    const yearEarlier = after === 'earlier' && unit === 'year' && n === 1;
    if (ago || ahead || yearEarlier) {
      m.end += after === 'from' ? 2 : 1;
      m.type = 'DATE';
      if (n === null || !Number.isInteger(n)) m.sem = { k: 'value', value: ago ? 'PAST_REF' : 'FUTURE_REF' };
      else if (unit === 'year' && n === 1 && !ahead) m.sem = { k: 'quarterRef', years: -1 };
      else if (TIME_UNITS.has(unit)) m.sem = { k: 'offset', unit: 'day', n: 0 };
      else if (unit === 'decade' || unit === 'century') m.sem = { k: 'offset', unit: 'year', n: (ago ? -n : n) * (unit === 'decade' ? 10 : 100) };
      else m.sem = { k: 'offset', unit, n: ago ? -n : n };
    }
  }
  const after = g.w(m.end);
  if (after === 'or' && g.w(m.end + 1) === 'so') {
    m.end += 2;
    m.mod = 'APPROX';
  } else if ((after === 'and' && g.w(m.end + 1) === 'beyond') || (after === 'or' && g.w(m.end + 1) === 'later')) {
    m.end += 2;
    m.mod = 'ON_OR_AFTER';
  } else if (after === 'or' && g.w(m.end + 1) === 'earlier') {
    m.end += 2;
    m.mod = 'ON_OR_BEFORE';
  }
  prefix(g, m);
  return m;
}

/** Modifiers and determiners before a match: "the", "early", "about", "more than", "the end of". */
function prefix(g: Scanner, m: Match): void {
  let s = m.start;
  const kind = m.sem?.k;
  const isCount = m.type === 'DURATION' || (kind === 'offset' && g.startsCount(m.start));
  const at = (k: number) => (k >= g.floor && g.sameSentence(k, m.start) ? g.lower[k]! : '');
  // "the past two months", "the third quarter", "the 1990s", "the weekend"
  const absorb = at(s - 1) === 'the' && kind !== 'cal' && kind !== 'weekday' && m.type !== 'TIME' && !g.lex.REFS.has(g.lower[m.start]!) && !(kind === 'value' && g.lower[m.start] === 'current');
  if (absorb) s--;
  const definite = absorb || g.lower[s] === 'the';
  // "over the past several quarters": "over" is a preposition here, not "more than".
  const w1 = definite && at(s - 1) !== 'of' ? '' : at(s - 1);
  const w2 = at(s - 2);
  const two = g.lex.PREFIX_MODS2.get(`${w2} ${w1}`);
  const isPointLike = m.type === 'DATE' || m.type === 'TIME';
  if (w1 === 'of' && (w2 === 'end' || w2 === 'beginning' || w2 === 'start' || w2 === 'middle') && isPointLike) {
    const mod = g.lex.PREFIX_MODS2.get(`the ${w2}`)!;
    s -= at(s - 3) === 'the' ? 3 : 2;
    m.mod = mod;
  } else if (two && (isCount || m.type === 'TIME') && (w2 === 'more' || w2 === 'less' || w2 === 'fewer' || w2 === 'at' || w2 === 'up' || w2 === 'just')) {
    s -= 2;
    m.mod = two;
    if (at(s - 1) === 'no' && w2 === 'more') s--;
  } else if (w1) {
    const mod = g.lex.PREFIX_MODS.get(w1);
    if (mod) {
      const temporal = mod === 'START' || mod === 'END' || mod === 'MID';
      // "early 1990", "late Friday", "earlier this year" modify points; "about two years" counts.
      if ((temporal && isPointLike && !(w1 === 'earlier' || w1 === 'later') && kind !== 'value') || ((w1 === 'earlier' || w1 === 'later') && isPointLike && kind !== 'value' && kind !== 'cal') || (!temporal && (isCount || m.type === 'TIME'))) {
        s--;
        m.mod = mod;
      }
    } else if (w1 === 'right' && kind === 'value' && (m.sem as { value: string }).value === 'PRESENT_REF') s--;
  }
  m.start = s;
}
