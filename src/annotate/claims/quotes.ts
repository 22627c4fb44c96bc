import type { Doc } from '../../doc/doc.js';

/** One quotation: from its opening mark to its closing mark, possibly over several paragraphs. */
export interface Quote {
  /** Token of the opening mark. */
  open: number;
  /** Token of the closing mark, or the last token of the paragraph where an unclosed quote ends. */
  close: number;
  /** Whether a closing mark was found. */
  closed: boolean;
  /** Token ranges [first, last] (inclusive, marks included) of each paragraph the quote covers. */
  pieces: [number, number][];
}

export interface Quotes {
  list: Quote[];
  /** Per token: index in `list` of the quote it lies in (marks included), or -1. */
  of: Int32Array;
}

const LEFT_DOUBLE = '“';
const RIGHT_DOUBLE = '”';
const STRAIGHT = '"';
const MARKS = new Set([LEFT_DOUBLE, RIGHT_DOUBLE, STRAIGHT]);
/** What a quoted sentence ends with just inside its closing mark. */
const CLAUSE_ENDS = new Set([',', '.', '!', '?']);

/**
 * Double quotations of a doc. Curly marks say which side they are (a right mark after a space with
 * no quote open is taken for a left one); a straight mark, or two apostrophes (''…''), closes an
 * open quote and otherwise opens one where whitespace, a line start or a bracket precedes it. A
 * paragraph that opens a quote without closing it continues into the next paragraph when that one
 * opens with a mark (the newspaper convention for a quote running over paragraphs). A left curly
 * mark inside an open quote that is closed twice before the paragraph ends, or straight marks
 * inside a curly quote closed later in the paragraph, are a quote inside it; a
 * right curly mark ending a clause, with no mark before it in its paragraph, closes a quote whose
 * opening mark was lost at the paragraph's start.
 */
export function findQuotes(doc: Doc): Quotes {
  const { words, start, lineStart, count } = doc.tokens;
  const text = doc.text;
  const of = new Int32Array(count).fill(-1);
  const list: Quote[] = [];
  let current: Quote | null = null;
  let pieceStart = -1;

  const finish = (q: Quote, last: number, closed: boolean) => {
    q.close = last;
    q.closed = closed;
    q.pieces.push([pieceStart, last]);
    for (const [a, b] of q.pieces) for (let k = a; k <= b; k++) of[k] = list.length;
    list.push(q);
  };

  for (let i = 0; i < count; i++) {
    // A paragraph break: an open quote either continues (next paragraph opens with a mark) or ends here.
    if (current && lineStart[i] && i > 0) {
      const w = words[i]!;
      if (w === LEFT_DOUBLE || w === STRAIGHT) {
        current.pieces.push([pieceStart, i - 1]);
        pieceStart = i;
        continue;
      }
      finish(current, i - 1, false);
      current = null;
    }
    let w = words[i]!;
    // Two apostrophes with nothing between them are a double mark (''like this'').
    const twin = w === "'" && i + 1 < count && words[i + 1] === "'" && doc.tokens.end[i] === start[i + 1];
    if (twin) w = STRAIGHT;
    if (w !== LEFT_DOUBLE && w !== RIGHT_DOUBLE && w !== STRAIGHT) continue;
    // “… a similar "Copernican" shift …” — straight marks inside a curly quote that a curly mark
    // closes later in the paragraph are a quote inside it.
    if (w === STRAIGHT && !twin && current && words[current.open] === LEFT_DOUBLE && closedAhead(words, lineStart, i, count, 1)) continue;
    // “… the “storm”. We will …” — a quote inside a quote in the same marks, closed twice before
    // the paragraph ends: the inner one stays part of the outer.
    if (w === LEFT_DOUBLE && current && closedAhead(words, lineStart, i, count, 2)) {
      while (words[i] !== RIGHT_DOUBLE) i++;
      continue;
    }
    // “… did come,” he said — with no mark anywhere before it in its paragraph — closes a quote
    // whose opening mark was lost: the quote is the paragraph up to it.
    if (w === RIGHT_DOUBLE && !current && !lineStart[i] && text.charCodeAt(start[i]! - 1) !== 32 && CLAUSE_ENDS.has(words[i - 1]!)) {
      let first = i - 1;
      while (first > 0 && !lineStart[first] && !MARKS.has(words[first]!)) first--;
      if (!MARKS.has(words[first]!) && i - first > 3) {
        pieceStart = first;
        finish({ open: first, close: i, closed: true, pieces: [] }, i, true);
        continue;
      }
    }
    let opening: boolean;
    if (w === LEFT_DOUBLE) opening = true;
    // A right mark opening a line or following a space with no quote open is a typo for a left one.
    else if (w === RIGHT_DOUBLE) opening = !current && (lineStart[i] === 1 || text.charCodeAt(start[i]! - 1) === 32);
    else if (current) opening = false;
    else {
      // A straight mark with no quote open opens one only where an opening mark can stand.
      const before = start[i]! > 0 ? text.charCodeAt(start[i]! - 1) : 32;
      if (!(lineStart[i] || before === 32 || before === 9 || before === 0xa0 || before === 40 || before === 91 || before === 0x2014)) continue;
      opening = true;
    }
    if (opening) {
      if (current) finish(current, i - 1, false);
      current = { open: i, close: i, closed: false, pieces: [] };
      pieceStart = i;
    } else if (current) {
      finish(current, twin ? i + 1 : i, true);
      current = null;
    }
    if (twin) i++;
  }
  if (current) finish(current, count - 1, false);
  return { list, of };
}

/**
 * Whether, after the mark at `i` and before the paragraph ends, `times` right curly marks follow
 * with no left one among them: a mark inside an open quote then opens a quote inside it.
 */
function closedAhead(words: readonly string[], lineStart: Uint8Array, i: number, count: number, times: number): boolean {
  let closes = 0;
  for (let k = i + 1; k < count && !lineStart[k]; k++) {
    if (words[k] === LEFT_DOUBLE) return false;
    if (words[k] === RIGHT_DOUBLE && ++closes === times) return true;
  }
  return false;
}
