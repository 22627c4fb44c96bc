/**
 * Hyphenated words: "mid-November", "post-1959", "10-year", "third-quarter", "year-earlier",
 * "years-long".
 */
import type { Unit } from '../timex.js';
import { partOfDayAnchored } from './clock.js';
import { countLed, durationValue } from './durations.js';
import { partAt, partWithYear } from './periods.js';
import type { Match, Scanner } from './scanner.js';

/** Tokens with hyphens: "10-year", "two-year-old", "mid-November", "third-quarter", "year-earlier". */
export function hyphenated(g: Scanner, i: number): Match | null {
  const w = g.lower[i]!;
  const parts = w.split('-');
  const head = parts[0]!;
  const rest = parts.slice(1).join('-');
  // "post-1959 politics", "pre-2014 borders": the year itself.
  if ((head === 'post' || head === 'pre') && rest.length === 4 && g.isYearWord(rest)) return g.make(i, i + 1, 'DATE', { k: 'cal', y: g.num.digitValue(rest), m: null, d: null });
  if (head === 'mid' || head === 'early' || head === 'late') {
    const mod = head === 'mid' ? 'MID' : head === 'early' ? 'START' : 'END';
    const m = g.lex.MONTHS.get(rest);
    if (m !== undefined && !rest.endsWith('.')) {
      const y = g.yearAt(i + 1);
      return y > 0 ? g.make(i, i + 2, 'DATE', { k: 'cal', y, m, d: null }, null, mod) : g.make(i, i + 1, 'DATE', { k: 'cal', y: null, m, d: null }, null, mod);
    }
    const v = g.num.digitValue(rest);
    if (rest.length === 4 && v >= 1000 && v <= 2099) return g.make(i, i + 1, 'DATE', { k: 'cal', y: v, m: null, d: null }, null, mod);
    if (rest.length === 5 && rest.endsWith('0s') && g.num.digitValue(rest.slice(0, 4)) >= 1000) return g.make(i, i + 1, 'DATE', { k: 'value', value: rest.slice(0, 3) }, null, mod);
    const pod = g.lex.PARTS_OF_DAY.get(rest);
    if (pod) return partOfDayAnchored(g, i, pod, mod);
    const s = g.lex.SEASONS.get(rest);
    if (s) return g.make(i, i + 1, 'DATE', { k: 'season', s, y: null, shift: null }, null, mod);
    return null;
  }
  if (head === 'year' || head === 'month' || head === 'week' || head === 'day' || head === 'decade') {
    if ((rest === 'earlier' || rest === 'ago') && head === 'year') {
      // "the year-ago quarter", "the year-earlier third quarter": compared with the quarter under report.
      let e = i + 1;
      // "the year-earlier nine months" is the period itself.
      if (g.startsCount(e)) {
        const count = countLed(g, e);
        if (count?.type === 'DURATION') return g.withStart(count, i);
      }
      const part = partAt(g, e);
      if (part) e = part.end;
      else if (g.w(e) === 'quarter' || g.w(e) === 'period') e++;
      return g.make(i, e, 'DATE', { k: 'quarterRef', years: -1, part: part ? part.n : null });
    }
    if (rest === 'earlier' || rest === 'ago') return g.make(i, i + 1, 'DATE', { k: 'offset', unit: head as Unit, n: -1 });
    if (rest === 'end' && head === 'year') return g.make(i, i + 1, 'DATE', { k: 'offset', unit: 'year', n: 0 }, null, 'END');
    if (rest === 'long') return g.make(i, i + 1, 'DURATION', { k: 'value', value: durationValue(1, head as Unit) });
    return null;
  }
  if (rest === 'long' && (head === 'years' || head === 'decades' || head === 'months' || head === 'weeks' || head === 'days')) {
    return g.make(i, i + 1, 'DURATION', { k: 'value', value: durationValue(null, g.lex.UNITS.get(head)!) });
  }
  const ord = g.lex.ORDINALS.get(head);
  if (ord !== undefined && ord <= 4 && (rest === 'quarter' || (rest === 'half' && ord <= 2))) return partWithYear(g, i, i + 1, rest === 'quarter' ? 'Q' : 'H', ord);
  // "10-year", "five-day", "52-week", "twenty-four-hour"; not ages ("6-year-old") or fractions ("three-quarters").
  for (let k = parts.length - 1; k >= 1; k--) {
    const unit = g.lex.UNITS.get(parts[k]!);
    if (!unit) continue;
    if (parts[k]!.endsWith('s') || (k + 1 < parts.length && parts[k + 1] !== 'long')) return null;
    const num = parts.slice(0, k).join('-');
    let v = g.num.digitValue(num);
    if (Number.isNaN(v)) v = g.num.wordValue(num);
    if (!(v > 0)) return null;
    return g.make(i, i + 1, 'DURATION', { k: 'value', value: durationValue(v, unit) });
  }
  return null;
}
