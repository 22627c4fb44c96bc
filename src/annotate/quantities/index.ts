/**
 * The quantities layer: counts, amounts of money and percentages, with what they count.
 *
 * - value: the number ("3.5 million" → 3500000; vague plurals take their least: "dozens" → 24,
 *   "hundreds" → 200, "tens of thousands" → 20000);
 * - span: the amount as written, with its currency sign or word, scale and percent sign
 *   ("$1.5 billion", "12%", "70 million dollars", "1,500"), without modifiers or the counted noun;
 * - unit: the counted noun phrase ("1,500 special forces soldiers" → "special forces soldiers"),
 *   read with the coarse word classes of ../pos/tags.ts, an ISO 4217 code for money ("USD"),
 *   "percent" for percentages, or null; a bare count that reports what befell those counted
 *   ("and 2,700 were injured") takes the noun of the count before it in the sentence;
 * - approximate: the text hedges or bounds the amount ("about", "more than", "up to", "at least",
 *   "some", "dozens", ranges such as "two or three").
 *
 * Numbers inside time expressions (years, days, "two years") belong to the times layer and are
 * skipped, as are labels ("Article 4", "No. 1", "Resolution 2231"), ordinals and ages ("36 years
 * old", "aged 52", "Petrenko, 52,"): an age describes a person, it counts nothing a claim reports.
 */
import type { Doc } from '../../doc/doc.js';
import type { Tokens } from '../../doc/tokenize.js';
import type { Quantity } from '../../doc/types.js';
import type { ComponentSpec } from '../pipeline.js';
import type { Language } from '../../lang/language.js';
import { TAG } from '../pos/tags.js';

const enum T {
  Word = 1,
  Vague,
  Article,
}

/** The words that start an amount, per language. */
const TRIGGERS = new WeakMap<Language, ReadonlyMap<string, T>>();

function triggers(language: Language): ReadonlyMap<string, T> {
  let map = TRIGGERS.get(language);
  if (!map) {
    map = new Map<string, T>([
      ...language.numbers.COUNT_WORDS.map((w) => [w, T.Word] as const),
      ...[...language.quantities.VAGUE_SCALES.keys()].map((w) => [w, T.Vague] as const),
      ...language.quantities.ARTICLES.map((w) => [w, T.Article] as const),
    ]);
    TRIGGERS.set(language, map);
  }
  return map;
}

interface Amount {
  start: number;
  /** One past the last token of the amount. */
  end: number;
  value: number;
  unit: string | null;
  approximate: boolean;
  /** Money or a percentage: the unit is set and no noun phrase is read. */
  measured: boolean;
  /** A vague plural followed by "of": the noun phrase comes after "of". */
  vague: boolean;
}

function isCapitalized(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

const NON_ASCII_LETTER = /\p{L}/u;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 191 && NON_ASCII_LETTER.test(String.fromCharCode(c)));
}

class QuantityScanner {
  private readonly t: Tokens;
  private readonly lower: string[];
  private readonly words: string[];
  private readonly n: number;
  private readonly lex: Language['quantities'];
  private readonly num: Language['numbers'];
  private readonly triggers: ReadonlyMap<string, T>;
  /** Where the second number of a range ("two or three") starts, once the first is read. */
  private rangeSecond = -1;

  constructor(
    private readonly doc: Doc,
    private readonly inTime: Uint8Array,
    language: Language,
  ) {
    this.t = doc.tokens;
    this.lower = doc.tokens.lower;
    this.words = doc.tokens.words;
    this.n = doc.tokens.count;
    this.lex = language.quantities;
    this.num = language.numbers;
    this.triggers = triggers(language);
  }

  scan(): Quantity[] {
    const out: Quantity[] = [];
    const lower = this.lower;
    // The noun of the last count (not money or a share) and its sentence.
    let lastNoun: string | null = null;
    let lastSentence = -1;
    for (let i = 0; i < this.n; i++) {
      if (this.inTime[i]) continue;
      const w = lower[i]!;
      const c = w.charCodeAt(0);
      let amount: Amount | null = null;
      if (c >= 48 && c <= 57 && w.includes('-')) {
        const range = this.range(i);
        if (range) {
          out.push(...range);
          continue;
        }
      }
      if (c >= 48 && c <= 57) amount = this.digits(i);
      else {
        const k = this.triggers.get(w);
        if (k === T.Word) amount = this.wordNumber(i);
        else if (k === T.Vague) amount = this.vague(i);
        else if (k === T.Article) {
          const next = this.w(i + 1);
          if (this.num.SCALES.has(next) || next === 'dozen') amount = this.wordNumber(i);
        } else if (c >= 97 && c <= 122 && w.includes('-') && this.num.wordValue(w) > 0) amount = this.wordNumber(i);
      }
      if (!amount) continue;
      if (!amount.measured && this.isAge(amount)) {
        i = amount.end - 1;
        continue;
      }
      this.finish(amount);
      const q = this.toQuantity(amount);
      // "3 people were killed and 12 wounded", "300 troops died and 2,700 were injured": a bare
      // count that reports what befell someone shares the noun of the count before it.
      const sentence = this.t.sentence[i]!;
      if (q.unit === null && !amount.measured && lastNoun && lastSentence === sentence && this.reportsFate(amount.end)) q.unit = lastNoun;
      if (!amount.measured && q.unit) {
        lastNoun = q.unit;
        lastSentence = sentence;
      }
      out.push(q);
      i = amount.end - 1;
    }
    return out;
  }

  /**
   * Ages are not quantities: "36 years old", "a boy aged 5 and a girl aged 7", "Kim, 41, said".
   * They describe a person rather than count anything a claim reports, and the times layer
   * does not read them as durations either.
   */
  private isAge(a: Amount): boolean {
    const next = this.w(a.end);
    if ((next === 'years' || next === 'year' || next === 'months') && this.w(a.end + 1) === 'old') return true;
    const prev = this.w(a.start - 1);
    if (prev === 'aged' || ((prev === 'and' || prev === 'or' || prev === 'to') && this.w(a.start - 3) === 'aged')) return true;
    // An appositive after a name: "Slepian, 52, and his wife".
    return (
      prev === ',' && next === ',' && a.end === a.start + 1 && Number.isInteger(a.value) && a.value < 120 &&
      a.start > 1 && this.same(a.start - 2, a.end) && this.tags()[a.start - 2] === TAG.PROPN
    );
  }

  /** "wounded", "were injured", "died": the words after a bare count say what befell those counted. */
  private reportsFate(k: number): boolean {
    if (this.lex.CASUALTY_WORDS.has(this.w(k))) return true;
    if (k >= this.n || !this.same(k - 1, k)) return false;
    const tag = this.tags()[k]!;
    return tag === TAG.AUX || (tag === TAG.VERB && this.lower[k]!.endsWith('ed'));
  }

  private w(i: number): string {
    return i >= 0 && i < this.n ? this.lower[i]! : '';
  }

  private same(a: number, b: number): boolean {
    return a >= 0 && b < this.n && this.t.sentence[a] === this.t.sentence[b];
  }

  /** Token i is a word inside a sentence written with a capital: part of a name or title. */
  private inName(i: number): boolean {
    return isCapitalized(this.words[i]!) && i > 0 && this.same(i - 1, i) && /\p{L}/u.test(this.words[i - 1]!);
  }

  /** Is the number at i a label ("Article 4", "No. 1", "Boeing 737")? */
  private isLabel(i: number): boolean {
    if (i === 0 || !this.same(i - 1, i)) return false;
    const prev = this.lower[i - 1]!;
    if (this.lex.LABEL_WORDS.has(prev)) return true;
    const word = this.words[i - 1]!;
    // A capitalized word before the number, itself not opening the sentence and not a hedge.
    if (isCapitalized(word) && i > 1 && this.same(i - 2, i - 1) && !this.lex.APPROXIMATORS.has(prev) && !this.lex.CURRENCY_WORDS.has(prev) && isLetter(word.charCodeAt(1) || 0)) return true;
    return false;
  }

  private digits(i: number): Amount | null {
    const w = this.lower[i]!;
    // Ids, timestamps and phone numbers: counts this large are written with separators or scale words.
    if (w.length > 7 && !w.includes(',') && !w.includes('.')) return null;
    if (this.isLabel(i)) return null;
    const currency = this.currencyBefore(i);
    let read = this.num.readNumber(this.t, i, this.n);
    let unit: string | null = currency ? currency.code : null;
    let measured = currency !== null;
    if (!read) {
      // "3.5bn" after a currency, "100km", "1,500-strong", "155mm"
      const split = splitSuffix(w, this.num);
      if (!split) return null;
      const scale = this.lex.SCALE_SUFFIXES.get(split.suffix);
      if (currency && scale) read = { value: split.value * scale, end: i + 1, words: false };
      else if (this.lex.UNIT_ABBREVIATIONS.has(split.suffix)) {
        read = { value: split.value, end: i + 1, words: false };
        unit = split.suffix;
        measured = true;
      } else if (split.suffix === '-strong' || split.suffix === '-plus' || split.suffix === '-odd') {
        read = { value: split.value, end: i + 1, words: false };
      } else return null;
    }
    const amount: Amount = { start: currency ? currency.start : i, end: read.end, value: read.value, unit, approximate: w.endsWith('-plus') || w.endsWith('-odd'), measured, vague: false };
    if (!currency) this.measureAfter(amount);
    return amount;
  }

  /** "1,500-2,000 troops": both ends of the range, approximate, counting the same noun phrase. */
  private range(i: number): Quantity[] | null {
    const w = this.lower[i]!;
    const dash = w.indexOf('-');
    const from = this.num.digitValue(w.slice(0, dash));
    const to = this.num.digitValue(w.slice(dash + 1));
    if (!(from >= 0 && to > from) || this.isLabel(i)) return null;
    const unit = this.nounPhrase(i + 1, false);
    const s = this.t.start[i]!;
    const part = (a: number, b: number, value: number): Quantity => ({ ...this.doc.span(s + a, s + b), value, unit, approximate: true });
    return [part(0, dash, from), part(dash + 1, w.length, to)];
  }

  /** "$", "US$", "€", "USD" just before the number at i. */
  private currencyBefore(i: number): { start: number; code: string } | null {
    if (i === 0 || !this.same(i - 1, i)) return null;
    const prev = this.lower[i - 1]!;
    const symbol = this.lex.CURRENCY_SYMBOLS.get(prev);
    if (symbol) {
      if (symbol === 'USD' && i > 1 && this.same(i - 2, i - 1) && this.t.end[i - 2] === this.t.start[i - 1]) {
        const prefix = this.lex.DOLLAR_PREFIXES.get(this.lower[i - 2]!);
        if (prefix) return { start: i - 2, code: prefix };
      }
      return { start: i - 1, code: symbol };
    }
    const code = this.lex.CURRENCY_WORDS.get(prev);
    if (code && prev.length === 3 && this.words[i - 1] === this.words[i - 1]!.toUpperCase()) return { start: i - 1, code };
    return null;
  }

  /** A percent sign or word, or a currency word, after the number: "12%", "5 percent", "70 million dollars". */
  private measureAfter(a: Amount): void {
    const next = this.w(a.end);
    if (next === '%' || next === 'percent' || next === 'pct' || next === 'pc') {
      a.end++;
      a.unit = 'percent';
      a.measured = true;
      if (this.w(a.end) === 'points' && next !== '%') a.unit = 'percentage points';
    } else if (next === 'per' && this.w(a.end + 1) === 'cent') {
      a.end += 2;
      a.unit = 'percent';
      a.measured = true;
    } else if (next === 'percentage' && this.w(a.end + 1) === 'points') {
      a.end += 2;
      a.unit = 'percentage points';
      a.measured = true;
    } else {
      const code = this.lex.CURRENCY_WORDS.get(next);
      if (code) {
        a.end++;
        a.unit = code;
        a.measured = true;
      }
    }
  }

  /** "two", "twenty-four", "three hundred", "a dozen", "a million". */
  private wordNumber(i: number): Amount | null {
    // Inside names and titles ("Formula One", "Group of Seven") a number is part of the name.
    if (this.inName(i)) return null;
    const read = this.num.readNumber(this.t, i, this.n);
    if (!read) return null;
    const w = this.lower[i]!;
    if (w === 'one' && read.end === i + 1) {
      const next = this.w(i + 1);
      if (!next || this.lex.ONE_PRONOUN.has(this.w(i - 1)) || this.lex.STOP_WORDS.has(next) || !isLetter(next.charCodeAt(0)) || next === 'another' || next === 'way') return null;
    }
    const amount: Amount = { start: i, end: read.end, value: read.value, unit: null, approximate: false, measured: false, vague: false };
    this.measureAfter(amount);
    return amount;
  }

  /** "dozens of", "hundreds of", "tens of thousands of". */
  private vague(i: number): Amount | null {
    const w = this.lower[i]!;
    let value = this.lex.VAGUE_SCALES.get(w)!;
    let end = i + 1;
    if (this.w(end) === 'of') {
      // "tens of thousands of", "hundreds of thousands of"
      const scale = this.lex.VAGUE_SCALES.get(this.w(end + 1));
      if (scale && this.w(end + 2) === 'of' && (w === 'tens' || w === 'hundreds' || w === 'dozens')) {
        value = (w === 'tens' ? 20 : value) * (scale / 2);
        end += 2;
      }
    } else return null;
    if (w === 'tens' && end === i + 1) return null;
    const amount: Amount = { start: i, end, value, unit: null, approximate: true, measured: false, vague: true };
    return amount;
  }

  /** Approximation and range marks, and the counted noun phrase. */
  private finish(a: Amount): void {
    const p1 = a.start > 0 && this.same(a.start - 1, a.start) ? this.lower[a.start - 1]! : '';
    const p2 = a.start > 1 && this.same(a.start - 2, a.start) ? this.lower[a.start - 2]! : '';
    if (this.lex.APPROXIMATORS.has(p1) || this.lex.APPROXIMATORS2.has(`${p2} ${p1}`) || p1 === 'between' || (p1 === 'than' && (p2 === 'more' || p2 === 'less' || p2 === 'fewer'))) a.approximate = true;
    if (a.start === this.rangeSecond) a.approximate = true;
    const next = this.w(a.end);
    if (next === 'or' && this.w(a.end + 1) === 'so') a.approximate = true;
    // "two or three soldiers", "1,000 to 2,000 troops": the range is approximate; the unit is the second number's.
    let unitFrom = a.end;
    if ((next === 'or' || next === 'to' || next === 'and' || next === '-' || next === '–') && this.startsNumber(a.end + 1)) {
      const second = this.num.readNumber(this.t, a.end + 1, this.n);
      if (second && (next !== 'and' || p1 === 'between')) {
        a.approximate = true;
        unitFrom = second.end;
        this.rangeSecond = a.end + 1;
      }
    }
    if (a.measured) return;
    // "a 1,500-strong force" counts members of one force.
    const singular = (a.value === 1 && !a.vague) || this.lower[a.end - 1]!.endsWith('-strong');
    a.unit = this.nounPhrase(unitFrom, singular);
  }

  private startsNumber(i: number): boolean {
    const w = this.w(i);
    if (!w) return false;
    const c = w.charCodeAt(0);
    return (c >= 48 && c <= 57) || this.num.wordValue(w) >= 0;
  }

  /**
   * The counted noun phrase from token i: adjectives and nouns up to the last noun (the last
   * plural one after a count above one), ending at a verb, a preposition, a function word or a
   * number ("20 drones hit two blocks" counts drones). Participles may modify a noun that
   * follows ("armoured vehicles", "wounded soldiers").
   */
  private nounPhrase(i: number, singular: boolean): string | null {
    let k = i;
    // "hundreds of civilians", "two of the soldiers"
    if (this.w(k) === 'of') {
      k++;
      const det = this.w(k);
      if (det === 'the' || det === 'these' || det === 'those' || det === 'his' || det === 'her' || det === 'its' || det === 'their' || det === 'our') k++;
    }
    const tags = this.tags();
    const first = k;
    let last = -1;
    for (; k < this.n && k - first < 5 && this.same(first, k) && !this.inTime[k]; k++) {
      const w = this.lower[k]!;
      // A period inside a word is two sentences run together ("languages.Several").
      if (this.lex.STOP_WORDS.has(w) || !isLetter(w.charCodeAt(0)) || (w.length > 3 && w.indexOf('.') > 0 && w.indexOf('.') < w.length - 1)) break;
      let tag = classOf(w, tags[k]!);
      // The lexicon's commonest class misleads right after a count or an adjective: "one estimate",
      // "one unique feature", "two protest groups" are nouns; "20 drones hit" stays a verb.
      if (tag === TAG.VERB && !isParticiple(w) && (k === first || tags[k - 1] === TAG.ADJ)) tag = TAG.NOUN;
      const next = k + 1 < this.n && this.same(k, k + 1) ? classOf(this.lower[k + 1]!, tags[k + 1]!) : TAG.PUNCT;
      const modifies = next === TAG.NOUN || next === TAG.PROPN || next === TAG.ADJ || (next === TAG.VERB && isParticiple(this.lower[k + 1]!));
      if (tag === TAG.VERB) {
        // "armoured vehicles", "wounded soldiers", "company-sized detachments"
        if (!(modifies && isParticiple(w))) break;
        continue;
      }
      if (tag === TAG.ADV && w.endsWith('ly') && modifies) continue;
      if (tag !== TAG.NOUN && tag !== TAG.PROPN && tag !== TAG.ADJ && !(tag === TAG.X && this.isPlural(w))) break;
      // "one soldier", "one North Korean soldier"; a plural noun after a larger count.
      if (singular ? tag !== TAG.ADJ : this.isPlural(w)) last = k;
    }
    if (last < 0) return null;
    return this.doc.text.slice(this.t.start[first]!, this.t.end[last]!);
  }

  /** The coarse word classes of the doc. */
  private tags(): Uint8Array {
    return this.doc.pos;
  }

  private isPlural(w: string): boolean {
    if (this.lex.IRREGULAR_PLURALS.has(w) || this.lex.UNIT_ABBREVIATIONS.has(w)) return true;
    const n = w.length;
    if (n < 3 || w.charCodeAt(n - 1) !== 115 /* s */) return false;
    const before = w.charCodeAt(n - 2);
    // "glass", "status", "analysis" are not plurals.
    return before !== 115 && before !== 117 /* u */ && before !== 105 /* i */ && before !== 39 && before !== 0x2019;
  }

  private toQuantity(a: Amount): Quantity {
    return { ...this.doc.tokenSpan(a.start, a.end), value: a.value, unit: a.unit, approximate: a.approximate };
  }
}

function isParticiple(w: string): boolean {
  return w.endsWith('ed') || w.endsWith('ing') || w.endsWith('en');
}

/** A hyphenated word the lexicon took for a verb ("battalion-sized") is an adjective. */
function classOf(w: string, tag: number): number {
  return tag === TAG.VERB && w.includes('-') ? TAG.ADJ : tag;
}

/** "3.5bn" → 3.5 and "bn"; "1,500-strong" → 1500 and "-strong"; null when no number leads. */
function splitSuffix(w: string, num: Language['numbers']): { value: number; suffix: string } | null {
  let k = 0;
  while (k < w.length) {
    const c = w.charCodeAt(k);
    if ((c >= 48 && c <= 57) || ((c === 44 || c === 46) && k + 1 < w.length && w.charCodeAt(k + 1) >= 48 && w.charCodeAt(k + 1) <= 57)) k++;
    else break;
  }
  if (k === 0 || k === w.length) return null;
  const value = num.digitValue(w.slice(0, k));
  return Number.isNaN(value) ? null : { value, suffix: w.slice(k) };
}

/** Tokens covered by a time expression. */
function timeMask(doc: Doc): Uint8Array {
  const mask = new Uint8Array(doc.tokens.count);
  for (const time of doc.times) {
    for (let k = doc.tokenAt(time.start); k >= 0 && k < doc.tokens.count && doc.tokens.start[k]! < time.end; k++) mask[k] = 1;
  }
  return mask;
}

export function findQuantities(doc: Doc, language: Language): Quantity[] {
  return new QuantityScanner(doc, timeMask(doc), language).scan();
}

export const QUANTITIES: ComponentSpec = {
  name: 'quantities',
  assigns: ['quantities'],
  requires: ['tokens', 'sentences', 'pos', 'times'],
  create: ({ language }) => (doc) => doc.set('quantities', findQuantities(doc, language)),
};
