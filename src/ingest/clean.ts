import { readFileSync } from 'node:fs';
import { dataPath } from '../data.js';
import { InputError } from '../errors.js';

/** Rules that drop a boilerplate line; see data/boilerplate.txt for the format. */
export type BoilerplateRules = readonly RegExp[];

const DEFAULT_RULES_FILE = dataPath('boilerplate.txt');
let defaults: BoilerplateRules | null = null;

/** Parse a rules file: one regular expression per line, # comments. Errors name the file and line. */
export function parseRules(source: string, name: string): RegExp[] {
  const rules: RegExp[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    const rule = line.trim();
    if (!rule || rule.startsWith('#')) return;
    try {
      rules.push(new RegExp(rule, 'iu'));
    } catch (e) {
      throw new InputError(`${name}:${i + 1}`, `not a valid regular expression (${(e as Error).message})`, { cause: e });
    }
  });
  return rules;
}

/** The shipped rules, plus those of each extra file. */
export function loadRules(extraFiles: readonly string[] = []): BoilerplateRules {
  defaults ??= parseRules(readFileSync(DEFAULT_RULES_FILE, 'utf8'), DEFAULT_RULES_FILE);
  if (!extraFiles.length) return defaults;
  return [...defaults, ...extraFiles.flatMap((f) => parseRules(readFileSync(f, 'utf8'), f))];
}

// Unicode spaces that are not line breaks, and invisible characters that only get in the way.
const SPACES = /[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Clean article text: normalise whitespace, drop boilerplate lines and a line that repeats the
 * line before it (a caption printed twice), keep paragraphs as blank-line-separated blocks.
 */
export function cleanText(raw: string, rules: BoilerplateRules): string {
  const out: string[] = [];
  let previous = '';
  let blank = false;
  for (const rawLine of raw.replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n').split('\n')) {
    const line = rawLine.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
    if (!line) {
      blank = out.length > 0;
      continue;
    }
    if (line === previous) continue;
    if (isBoilerplate(line, rules)) continue;
    if (blank) out.push('');
    out.push(line);
    previous = line;
    blank = false;
  }
  return out.join('\n');
}

export function isBoilerplate(line: string, rules: BoilerplateRules): boolean {
  // Rules describe short prompts; a long line is story text even when it mentions "subscribe".
  if (line.length > 400) return false;
  if (isCapitalsBanner(line)) return true;
  for (const r of UNICODE_ONLY.test(line) ? rules : withoutU(rules)) if (r.test(line)) return true;
  return false;
}

/**
 * What a rule of ASCII (no \p{…}, no \u{…}) reads differently with the u flag than without: a character
 * outside the BMP (one code point with it, two code units without) and the two letters that fold to ASCII
 * only with it (ſ, the Kelvin sign). A line with none of them is read alike both ways, and irregexp runs a
 * case-insensitive pattern without u two to three times as fast: cleaning PolNeAR's texts took 0.18 s, not
 * 0.47 (docs/quality.md).
 */
const UNICODE_ONLY = /[\ud800-\udfff\u017f\u212a]/;
const NEEDS_U = /[^\x20-\x7e]|\\[pPu]/;
const fastRules = new WeakMap<BoilerplateRules, readonly RegExp[]>();

/** The rules as matched on a line with no UNICODE_ONLY character: without u where the rule allows. */
function withoutU(rules: BoilerplateRules): readonly RegExp[] {
  let fast = fastRules.get(rules);
  if (!fast) {
    fast = rules.map((r) => (NEEDS_U.test(r.source) ? r : new RegExp(r.source, r.flags.replace('u', ''))));
    fastRules.set(rules, fast);
  }
  return fast;
}

/**
 * A line of five or more words all in capitals ("CLICK HERE TO GET THE APP", a link to another
 * story set in capitals between paragraphs): page furniture, not the story. The rules cannot say
 * it, as they match case-insensitively.
 */
function isCapitalsBanner(line: string): boolean {
  // Nearly every line has a small letter: that answers before its letters are counted.
  if (/\p{Ll}/u.test(line)) return false;
  const letters = line.match(/\p{L}/gu);
  return letters !== null && letters.length >= 20 && line.split(' ').length >= 5;
}
