/** Sets: "every week", "each July", "every other day", "every two years". */
import { durationValue } from './durations.js';
import { isCapitalized, type Match, type Scanner } from './scanner.js';

/** "every week", "each July", "every other day", "every two years", "each Thursday". */
export function everyLed(g: Scanner, i: number): Match | null {
  let j = i + 1;
  let n = 1;
  if (g.w(j) === 'other') {
    n = 2;
    j++;
  } else if (g.startsCount(j) && g.w(j) !== 'one') {
    const read = g.num.readNumber(g.t, j, Math.min(g.n, j + 4));
    if (!read) return null;
    n = read.value;
    j = read.end;
  }
  const w = g.w(j);
  const unit = g.lex.UNITS.get(w);
  if (unit) return g.make(i, j + 1, 'SET', { k: 'value', value: durationValue(n, unit) });
  const dow = g.lex.WEEKDAYS.get(w);
  if (dow !== undefined) return g.make(i, j + 1, 'SET', { k: 'value', value: `XXXX-WXX-${dow}` });
  const m = g.lex.MONTHS.get(w);
  if (m !== undefined && isCapitalized(g.words[j]!)) return g.make(i, j + 1, 'SET', { k: 'value', value: `XXXX-${m < 10 ? '0' + m : m}` });
  const s = g.lex.SEASONS.get(w);
  if (s) return g.make(i, j + 1, 'SET', { k: 'value', value: `XXXX-${s}` });
  const pod = g.lex.PARTS_OF_DAY.get(w);
  if (pod) return g.make(i, j + 1, 'SET', { k: 'value', value: `XXXX-XX-XXT${pod}` });
  return null;
}
