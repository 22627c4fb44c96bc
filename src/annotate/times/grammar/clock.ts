/**
 * Clock times and parts of the day: "10:35 a.m.", "5 o'clock", "1430 GMT", "4 in the morning",
 * "Friday morning", "mid-afternoon".
 */
import { clockValue } from '../calendar.js';
import type { Match, Scanner } from './scanner.js';

/** "10:35 a.m.", "10 p.m.", "7:15", "1430 GMT", "4 in the morning", "5 o'clock". */
export function clock(g: Scanner, i: number): Match | null {
  const w = g.lower[i]!;
  let h = g.num.digitValue(w);
  let min = 0;
  let j = i + 1;
  let strong = false;
  if (g.w(j) === ':' && g.touching(i, j) && g.touching(j, j + 1)) {
    const mm = g.w(j + 1);
    const v = g.num.digitValue(mm);
    if (mm.length !== 2 || !(v >= 0 && v < 60) || !(h >= 0 && h <= 24)) return null;
    min = v;
    j += 2;
  } else if (w.length >= 4 && w.length <= 5 && w[w.length - 3] === '.' && (g.lex.AM.has(g.w(j)) || g.lex.PM.has(g.w(j)))) {
    // British style "5.30 p.m."
    h = g.num.digitValue(w.slice(0, -3));
    min = g.num.digitValue(w.slice(-2));
    if (!(h >= 1 && h <= 12 && min < 60)) return null;
  } else if (w.length === 4 && g.lex.TIME_ZONES.has(g.w(j)) && h >= 0 && h <= 2400) {
    // Military style "1430 GMT".
    min = h % 100;
    h = Math.floor(h / 100);
    if (min > 59 || h > 24) return null;
    strong = true;
  } else if (!(h >= 1 && h <= 12 && Number.isInteger(h))) return null;
  const next = g.w(j);
  if (g.lex.AM.has(next) || g.lex.PM.has(next)) {
    if (h < 1 || h > 12) return null;
    if (g.lex.PM.has(next) && h < 12) h += 12;
    if (g.lex.AM.has(next) && h === 12) h = 0;
    j++;
    strong = true;
  } else if (next === "o'clock") {
    j++;
    strong = true;
  } else if (next === 'in' && g.w(j + 1) === 'the' && g.lex.PARTS_OF_DAY.has(g.w(j + 2)) && j === i + 1) {
    const part = g.w(j + 2);
    if (part !== 'morning' && h < 12) h += 12;
    j += 3;
    strong = true;
  }
  if (g.lex.TIME_ZONES.has(g.w(j))) {
    j++;
    strong = true;
  } else if (g.w(j) === 'local' && g.w(j + 1) === 'time') {
    j += 2;
    strong = true;
  }
  if (!strong) {
    // A bare "7:15" needs "at", "by", "around"…
    if (j === i + 1) return null;
    const prev = g.w(i - 1);
    if (prev !== 'at' && prev !== 'by' && prev !== 'around' && prev !== 'until' && prev !== 'before' && prev !== 'after' && prev !== 'about' && prev !== 'since') return null;
  }
  return g.make(i, j, 'TIME', null, clockValue(h, min));
}

/** A part of the day right after a day: "Friday morning", "yesterday afternoon". */
export function partOfDay(g: Scanner, m: Match): Match {
  const next = g.w(m.end);
  const pod = g.lex.PARTS_OF_DAY.get(next);
  if (pod && next !== 'overnight') {
    m.end++;
    m.type = 'TIME';
    m.tod = 'T' + pod;
  }
  return m;
}

/** "mid-afternoon" with the day it belongs to ("mid-afternoon yesterday") or the anchor. */
export function partOfDayAnchored(g: Scanner, i: number, pod: string, mod: string): Match {
  const next = g.w(i + 1);
  if (next === 'yesterday' || next === 'today' || next === 'tomorrow') {
    return g.make(i, i + 2, 'TIME', { k: 'offset', unit: 'day', n: next === 'today' ? 0 : next === 'yesterday' ? -1 : 1 }, 'T' + pod, mod);
  }
  return g.make(i, i + 1, 'TIME', null, 'T' + pod, mod);
}
