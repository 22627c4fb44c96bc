/**
 * Tokens and sentences with UTF-16 offsets. Hand-written because no tokenizer on npm keeps
 * character offsets at the speed the pipeline needs (hundreds of thousands of words a second):
 * one pass over char codes, no regular expressions per token, tokens as parallel arrays.
 *
 * Conventions follow the Penn Treebank / CoNLL-2003 style that the NER training data uses:
 * possessive 's and n't are their own tokens, hyphenated words and numbers with thousands
 * separators stay whole, abbreviations keep their period ("U.S.", "Gen.", "Sept.").
 */

export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Token text, as in the article. */
  words: string[];
  /** Lower-cased token text. */
  lower: string[];
  /** Index of the sentence each token belongs to. */
  sentence: Int32Array;
  /** 1 when a newline (or the start of the text) precedes the token. */
  lineStart: Uint8Array;
}

export interface Sentence {
  start: number;
  end: number;
  /** First token index. */
  first: number;
  /** One past the last token index. */
  last: number;
}

/** Abbreviations that keep their period (lower case, without the period). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr gov sen rep rev fr st sr jr ' +
    'inc corp co ltd llc plc bros dept univ assn est approx vs etc al ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ' +
    'no nos vol fig ft mt pt ave blvd rd hwy cf ed eds op pp'
  ).split(' '),
);

/** Abbreviations only before a number ("No. 5", "Fig. 2"); elsewhere the word ends a sentence ("said no."). */
const BEFORE_NUMBER = new Set(['no', 'nos', 'vol', 'fig', 'pt', 'op', 'pp']);

/** Abbreviations that almost never end a sentence: the next word is a name or a number. */
const PREFIX_ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr gov sen rep rev fr st no nos vol fig mt ft pt'.split(' '),
);

const enum C {
  Space = 1,
  Newline = 2,
  Alnum = 4,
  Upper = 8,
  Digit = 16,
}

const ASCII_CLASS = new Uint8Array(128);

/** An ASCII lower-case letter. */
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
for (let c = 0; c < 128; c++) {
  let k = 0;
  if (c === 32 || c === 9 || c === 11 || c === 12) k = C.Space;
  else if (c === 10 || c === 13) k = C.Newline;
  else if (c >= 48 && c <= 57) k = C.Alnum | C.Digit;
  else if (c >= 65 && c <= 90) k = C.Alnum | C.Upper;
  else if (c >= 97 && c <= 122) k = C.Alnum;
  ASCII_CLASS[c] = k;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const UPPER = /\p{Lu}/u;
const SPACE = /\s/u;

function classOf(code: number): number {
  if (code < 128) return ASCII_CLASS[code]!;
  const ch = String.fromCharCode(code);
  if (code === 0x2028 || code === 0x2029 || code === 0x85) return C.Newline;
  if (SPACE.test(ch)) return C.Space;
  if (LETTER.test(ch) || (code >= 0xd800 && code <= 0xdfff)) return UPPER.test(ch) ? C.Alnum | C.Upper : C.Alnum;
  return 0;
}

const APOSTROPHE = 39;
const RIGHT_SINGLE = 0x2019;
const isApostrophe = (c: number) => c === APOSTROPHE || c === RIGHT_SINGLE;

/** Characters that close a sentence, and closers that may follow them inside the sentence. */
const CLITICS = new Set(['s', 'd', 'm', 're', 've', 'll']);
const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

export function tokenize(text: string): { tokens: Tokens; sentences: Sentence[] } {
  const n = text.length;
  // Upper bound on token count is n; grow typed arrays lazily to keep memory proportional.
  let cap = Math.max(16, n >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let lineStart = new Uint8Array(cap);
  const words: string[] = [];
  const lower: string[] = [];
  let count = 0;
  let newline = true;

  const push = (s: number, e: number) => {
    if (count === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(start);
      start = s2;
      const e2 = new Int32Array(cap);
      e2.set(end);
      end = e2;
      const l2 = new Uint8Array(cap);
      l2.set(lineStart);
      lineStart = l2;
    }
    start[count] = s;
    end[count] = e;
    lineStart[count] = newline ? 1 : 0;
    const w = text.slice(s, e);
    words.push(w);
    lower.push(w.toLowerCase());
    count++;
    newline = false;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k & C.Newline) {
      newline = true;
      i++;
      continue;
    }
    if (k & C.Space) {
      i++;
      continue;
    }
    if (k & C.Alnum) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        const dk = classOf(d);
        if (dk & C.Alnum) {
          j++;
          continue;
        }
        const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
        const nk = next ? classOf(next) : 0;
        if (!(nk & C.Alnum)) break;
        if (d === 45 /* - */ || d === 0x2010 || d === 0x2011) {
          j += 2;
          continue;
        }
        if (d === 46 /* . */) {
          // "the harbour reopened.Ferries ran late": a sentence whose space after the stop was lost.
          if (isLower(text.charCodeAt(j - 1)) && isLower(text.charCodeAt(j - 2)) && ASCII_CLASS[next]! & C.Upper && isLower(text.charCodeAt(j + 2))) break;
          // 3.5, U.S, bbc.co — a period between word characters joins them.
          j += 2;
          continue;
        }
        if (d === 44 /* , */) {
          // 1,500 and 12,000,000: a comma joins digits only before exactly three digits.
          const prev = text.charCodeAt(j - 1);
          if (
            ASCII_CLASS[prev]! & C.Digit &&
            nk & C.Digit &&
            j + 3 < n + 1 &&
            ASCII_CLASS[text.charCodeAt(j + 2)]! & C.Digit &&
            ASCII_CLASS[text.charCodeAt(j + 3)]! & C.Digit &&
            !(classOf(text.charCodeAt(j + 4)) & C.Digit)
          ) {
            j += 4;
            continue;
          }
          break;
        }
        if (isApostrophe(d)) {
          // Possessive 's and contractions ('re, 've, 'll, 'd, 'm) split off; n't splits before the n.
          const after = j + 2 < n ? classOf(text.charCodeAt(j + 2)) : 0;
          const lowNext = next | 32;
          if (lowNext === 116 /* t */ && !(after & C.Alnum) && (text.charCodeAt(j - 1) | 32) === 110 /* n */ && j - 1 > i) {
            j -= 1; // "did|n't"
            break;
          }
          if (!(after & C.Alnum) && (lowNext === 115 || lowNext === 100 || lowNext === 109)) break; // 's 'd 'm
          const two = text.slice(j + 1, j + 3).toLowerCase();
          if ((two === 're' || two === 've' || two === 'll') && !(classOf(text.charCodeAt(j + 3)) & C.Alnum)) break;
          j += 2; // O'Brien, Qur'an
          continue;
        }
        if (d === 38 /* & */ && ASCII_CLASS[text.charCodeAt(j - 1)]! & C.Upper && ASCII_CLASS[next]! & C.Upper) {
          j += 2; // AT&T
          continue;
        }
        break;
      }
      // Keep the period of a known abbreviation, of an initial ("J."), or of dotted capitals ("U.S.").
      if (j < n && text.charCodeAt(j) === 46) {
        const w = text.slice(i, j);
        const lw = w.toLowerCase();
        if (
          (ABBREVIATIONS.has(lw) && (!BEFORE_NUMBER.has(lw) || /^\.\s?\d/.test(text.slice(j, j + 3)))) ||
          (w.length === 1 && ASCII_CLASS[w.charCodeAt(0)]! & C.Upper) ||
          (w.length >= 3 && w.indexOf('.') > 0 && /^(?:\p{L}\.)+\p{L}$/u.test(w))
        ) {
          j++;
        }
      }
      push(i, j);
      i = j;
      continue;
    }
    // A clitic split off the word before it: 's 'd 'm 're 've 'll.
    if (isApostrophe(c) && i > 0 && classOf(text.charCodeAt(i - 1)) & C.Alnum) {
      let j = i + 1;
      while (j < n && classOf(text.charCodeAt(j)) & C.Alnum) j++;
      if (CLITICS.has(text.slice(i + 1, j).toLowerCase())) {
        push(i, j);
        i = j;
        continue;
      }
    }
    // Runs of the same punctuation ("...", "--", "!!") are one token.
    let j = i + 1;
    if (c === 46 || c === 45 || c === 33 || c === 63) while (j < n && text.charCodeAt(j) === c) j++;
    else if (c >= 0xd800 && c <= 0xdbff && j < n) j++; // keep surrogate pairs (emoji) whole
    push(i, j);
    i = j;
  }

  const tokens: Tokens = {
    count,
    start: start.subarray(0, count),
    end: end.subarray(0, count),
    words,
    lower,
    sentence: new Int32Array(count),
    lineStart: lineStart.subarray(0, count),
  };
  return { tokens, sentences: splitSentences(tokens) };
}

function isSentenceStart(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return (ASCII_CLASS[c]! & (C.Upper | C.Digit)) !== 0 || c === 34 || c === 39 || c === 40 || c === 91;
  return UPPER.test(w[0]!) || c === 0x201c || c === 0x2018 || c === 0xab;
}

/** Words that open sentences; after an abbreviation ("U.S.", "Inc.") only these start a new one. */
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i you his her its their our this that these those there here but and ' +
    'or so yet in on at for as after before while when if although though since however meanwhile ' +
    'some many most one two several no not what who why how'
  ).split(' '),
);

/**
 * Longest sentence, in tokens. Real sentences stay far below it; text with no stops (a list run
 * together, a pasted table) is cut here, after a comma where one is near, so that the layers,
 * which look around each word within its sentence, stay linear in the article's length.
 */
export const MAX_SENTENCE_TOKENS = 1000;

/**
 * Sentence boundaries: every line break, and terminal punctuation followed by a sentence opener;
 * a sentence reaching MAX_SENTENCE_TOKENS is cut.
 */
function splitSentences(t: Tokens): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last <= first) return;
    const idx = sentences.length;
    for (let k = first; k < last; k++) t.sentence[k] = idx;
    sentences.push({ start: t.start[first]!, end: t.end[last - 1]!, first, last });
    first = last;
  };
  let comma = -1;
  for (let i = 0; i < t.count; i++) {
    if (i > first && t.lineStart[i]) {
      close(i);
      continue;
    }
    if (i - first >= MAX_SENTENCE_TOKENS) close(comma > first + MAX_SENTENCE_TOKENS / 2 ? comma + 1 : i);
    const w = t.words[i]!;
    if (w === ',' || w === ';') comma = i;
    const punct = TERMINAL.has(w) || w === '...' || w === '!!' || w === '??';
    const abbreviation = !punct && w.length > 1 && w.endsWith('.');
    if (!punct && !abbreviation) continue;
    let j = i + 1;
    // A closing quote or bracket sits right after the stop; a straight quote after a space opens the next sentence.
    while (j < t.count && CLOSERS.has(t.words[j]!) && !t.lineStart[j] && t.start[j] === t.end[j - 1]) j++;
    if (j >= t.count || t.lineStart[j]) continue;
    const next = t.words[j]!;
    if (!isSentenceStart(next)) continue;
    // "Gen. Gerasimov", "U.S. State Department", "Sept. 11": an abbreviation ends a sentence
    // only before a word that typically opens one.
    if (abbreviation && (PREFIX_ABBREVIATIONS.has(t.lower[i]!.slice(0, -1)) || !SENTENCE_OPENERS.has(t.lower[j]!))) continue;
    close(j);
    i = j - 1;
  }
  close(t.count);
  return sentences;
}
