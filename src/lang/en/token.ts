/** A lower-cased word of a claim's content, with the entity whose mention it lies in, if any. */
export interface Token {
  lower: string;
  entity: string | null;
}

/**
 * Token k's lower-cased word, or '' outside the tokens. One function for every rule, not a closure each: the rules read
 * around a word ("k − 2") for every claim, and a closure made per call is a new call target each time to V8's optimised
 * code, which then throws it away (deoptimises) and compiles it again.
 */
export function lowerAt(tokens: readonly Token[], k: number): string {
  return k >= 0 && k < tokens.length ? tokens[k]!.lower : '';
}

/**
 * A content's tokens, lower case ("n't" and "'s" apart), each with the entity whose mention it
 * lies in; `offset` is where `text` starts in the article, `mentions` sorted by start.
 *
 * The tokens are those of a regular expression matched in order — "n't" and "'s" apart, words with
 * their hyphens, any other character that is neither a space, a letter nor a digit alone
 * (test/lang/token.test.ts gives it and holds the two alike); this scan finds the same ones twice as
 * fast (irregexp tests \p{L} and \p{N} by range tables, char by char, and backtracks the first
 * alternative over every word).
 */
export function contentTokens(text: string, offset: number, mentions: readonly { start: number; end: number; entity: string }[]): Token[] {
  const out: Token[] = [];
  let m = 0;
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = kindAt(text, p);
    if (c === SPACE) {
      p++;
      continue;
    }
    let end: number;
    if (isWord(c)) {
      const run = runEnd(text, p);
      // "do|n't": the letters before n't, when what follows the t ends a word; then "n't" itself.
      if (run - 1 > p && isNegation(text, run - 1)) end = run - 1;
      else if (isNegation(text, p)) end = p + 3;
      else {
        // Words joined by hyphens or en dashes are one token ("Russian-held").
        end = run;
        while ((codeAt(text, end) === 45 || codeAt(text, end) === 0x2013) && end + 1 < n && isWord(kindAt(text, end + 1))) end = runEnd(text, end + 1);
      }
    } else if (isApostrophe(text.charCodeAt(p)) && codeAt(text, p + 1) === 115 && !isWordChar(codeAt(text, p + 2))) {
      end = p + 2;
    } else end = p + (c === OTHER_PAIR ? 2 : 1);
    const at = offset + p;
    while (m < mentions.length && mentions[m]!.end <= at) m++;
    const mention = mentions[m];
    const lower = text.slice(p, end).toLowerCase();
    out.push({ lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, entity: mention && mention.start <= at ? mention.entity : null });
    p = end;
  }
  return out;
}

const SPACE = 0;
/** A letter or digit (\p{L}, \p{N}); WORD_PAIR one outside the BMP (two code units). */
const WORD = 1;
const WORD_PAIR = 2;
const OTHER = 3;
const OTHER_PAIR = 4;
const isWord = (kind: number) => kind === WORD || kind === WORD_PAIR;

/** Kinds of BMP characters above ASCII, read from the regular expressions once each. */
const BMP_KINDS = new Int8Array(0x10000).fill(-1);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const WHITE = /^\s$/u;

function kindAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? WORD : c === 32 || (c >= 9 && c <= 13) ? SPACE : OTHER;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_DIGIT.test(s.slice(i, i + 2)) ? WORD_PAIR : OTHER_PAIR;
  }
  let k = BMP_KINDS[c]!;
  if (k < 0) {
    const ch = String.fromCharCode(c);
    k = BMP_KINDS[c] = LETTER_OR_DIGIT.test(ch) ? WORD : WHITE.test(ch) ? SPACE : OTHER;
  }
  return k;
}

/** The end of the run of letters and digits from i. */
function runEnd(s: string, i: number): number {
  for (;;) {
    const k = i < s.length ? kindAt(s, i) : SPACE;
    if (k === WORD) i++;
    else if (k === WORD_PAIR) i += 2;
    else return i;
  }
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * The code unit at i, or -1 past the end. Never charCodeAt past the end: its NaN throws V8's optimised code out
 * (an out-of-bounds deoptimisation), and this scan was compiled again and again for it.
 */
const codeAt = (s: string, i: number) => (i < s.length ? s.charCodeAt(i) : -1);

/** A word character of \b (ASCII letters, digits, underscore); -1 past the end is none. */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** n't at i, ending a word. */
function isNegation(s: string, i: number): boolean {
  return codeAt(s, i) === 110 && isApostrophe(codeAt(s, i + 1)) && codeAt(s, i + 2) === 116 && !isWordChar(codeAt(s, i + 3));
}
