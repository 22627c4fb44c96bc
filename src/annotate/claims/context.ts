import type { Doc } from '../../doc/doc.js';
import type { Language } from '../../lang/language.js';
import { posLexicon, TAG, type PosLexicon } from '../pos/tags.js';
import { cueLexicon, type CueEntry } from './lexicon.js';
import { findQuotes, type Quotes } from './quotes.js';









const CLOSING = new Set(['”', '"', '’', "'"]);
const DASHES = new Set(['—', '–', '―', '--', '-']);
/** Function words that, capitalised inside a name, are part of it. */
const NAME_INNER = new Set<number>([TAG.ADP, TAG.DET, TAG.CCONJ, TAG.PART]);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (w: string | undefined) => w !== undefined && /^\p{Ll}/u.test(w);

/**
 * Word classes with the entity layer's say: a word of a name is no verb, whatever the lexicon
 * learnt of it ("Seoul" is a verb in its training headlines), and a capitalised word inside an
 * organisation's name no preposition ("Doctors Without Borders"). Copied only when something changes.
 */
function withNames(doc: Doc, tags: Uint8Array): Uint8Array {
  const { start, count, words } = doc.tokens;
  let own: Uint8Array | null = null;
  for (const e of doc.entities) {
    if (e.type === 'MISC') continue;
    for (const m of e.mentions) {
      const first = doc.tokenAt(m.start);
      // Not in a headline in capitals, whose every word looks like a name's ("Senator Asks For A Vote").
      const prose = e.type === 'ORG' && (isLower(words[first - 1]) || isLower(words[doc.tokenAt(m.end - 1) + 1]));
      for (let i = first; i >= 0 && i < count && start[i]! < m.end; i++) {
        const inner = prose && i > first && NAME_INNER.has(tags[i]!) && isUpper(words[i]!.charCodeAt(0));
        if (tags[i] !== TAG.VERB && tags[i] !== TAG.AUX && !inner) continue;
        own ??= tags.slice();
        own[i] = TAG.PROPN;
      }
    }
  }
  return own ?? tags;
}

/** Shared, read-only views of one doc for the claim rules: tokens, classes, quotes, times. */
export class Context {
  readonly doc: Doc;
  readonly words: string[];
  readonly lower: string[];
  readonly tags: Uint8Array;
  /** Per token: its sentence. */
  readonly sentence: Int32Array;
  private readonly sentFirsts: Int32Array;
  private readonly sentLasts: Int32Array;
  readonly quotes: Quotes;
  /** Per token: index in doc.times of the time expression covering it, or -1. */
  readonly timeOf: Int32Array;
  private readonly cues: Map<string, CueEntry[]>;
  /** The language's word classes, for words the tags alone do not settle. */
  readonly lexicon: PosLexicon;
  /** The language's words of attribution (src/lang/en/claims.ts). */
  readonly lex: Language['claims'];
  private lineIndex: Int32Array | null = null;
  /** Organisations named in brackets in a dateline ("SEOUL, Oct 18 (Meridian Wire) –"): news agencies. */
  readonly agencies = new Set<string>();

  constructor(
    doc: Doc,
    readonly language: Language,
  ) {
    this.doc = doc;
    this.lex = language.claims;
    this.cues = cueLexicon(language);
    this.lexicon = posLexicon(language);
    this.words = doc.tokens.words;
    this.lower = doc.tokens.lower;
    this.tags = withNames(doc, doc.pos);
    this.quotes = findQuotes(doc);
    this.sentence = doc.tokens.sentence;
    this.sentLasts = Int32Array.from(doc.sentences, (x) => x.last);
    this.timeOf = new Int32Array(doc.tokens.count).fill(-1);
    doc.times.forEach((t, k) => {
      let i = doc.tokenAt(t.start);
      while (i >= 0 && i < doc.tokens.count && doc.tokens.start[i]! < t.end) this.timeOf[i++] = k;
    });
    // A dateline ("VIENNA -", "SEOUL, Oct 18 (Meridian Wire) -") is no part of the sentence it opens.
    this.sentFirsts = Int32Array.from(doc.sentences, (x) => {
      const after = doc.tokens.lineStart[x.first] ? this.datelineEnd(x.first, x.last) : -1;
      return after > 0 ? after : x.first;
    });
  }

  /**
   * One past a dateline opening a paragraph at token `first` — a place in capitals (or a place
   * named in the entity layer), then optionally a date and an agency in brackets, then a dash —
   * or -1 when there is none.
   */
  private datelineEnd(first: number, last: number): number {
    const { words, start, end } = this.doc.tokens;
    let dash = first + 1;
    while (dash < last && dash < first + 14 && !DASHES.has(words[dash]!)) dash++;
    if (dash >= last || dash >= first + 14) return -1;
    const w = words[first]!;
    const capitals = w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
    if (!capitals && !this.doc.mentionsIn(start[first]!, end[first]!).some((m) => m.entity.type === 'GPE' || m.entity.type === 'LOC')) return -1;
    for (let k = first + 1; k < last && k < first + 14; k++) {
      const x = words[k]!;
      if (DASHES.has(x)) {
        const next = words[k + 1]?.charCodeAt(0) ?? 0;
        return k + 1 < last && start[k]! > end[k - 1]! && ((next >= 65 && next <= 90) || CLOSING.has(words[k + 1]!) || words[k + 1] === '“') ? k + 1 : -1;
      }
      if (x === '(') {
        const open = k;
        while (k < last && words[k] !== ')') k++;
        // "(Meridian Wire)": the agency that filed the story.
        for (const m of this.doc.mentionsIn(start[open]!, end[k]!)) if (m.entity.type === 'ORG') this.agencies.add(m.entity.id);
        continue;
      }
      const c = x.charCodeAt(0);
      if (x === ',' || x === '.' || this.timeOf[k]! >= 0 || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) continue;
      return -1;
    }
    return -1;
  }

  /** Cue lexicon entries of token i's word form, if any. */
  cueEntries(i: number): CueEntry[] | undefined {
    return i < this.words.length ? this.cues.get(this.lower[i]!) : undefined;
  }

  /** Cue lexicon entries of a word form ("denied"), if any. */
  entriesOf(form: string): CueEntry[] | undefined {
    return this.cues.get(form);
  }

  get count(): number {
    return this.doc.tokens.count;
  }

  /** First token of token i's sentence. */
  sentFirst(i: number): number {
    return this.sentFirsts[this.sentence[i]!]!;
  }

  /** One past the last token of token i's sentence. */
  sentLast(i: number): number {
    return this.sentLasts[this.sentence[i]!]!;
  }

  /** Per token: the index of its paragraph (line). */
  get lines(): Int32Array {
    if (!this.lineIndex) {
      const { lineStart, count } = this.doc.tokens;
      this.lineIndex = new Int32Array(count);
      let line = -1;
      for (let k = 0; k < count; k++) {
        if (lineStart[k] || k === 0) line++;
        this.lineIndex[k] = line;
      }
    }
    return this.lineIndex;
  }

  /** One past the last token of token i's paragraph (line). */
  lineLast(i: number): number {
    const { lineStart, count } = this.doc.tokens;
    let k = i + 1;
    while (k < count && !lineStart[k]) k++;
    return k;
  }

  isPunct(i: number): boolean {
    return this.tags[i] === TAG.PUNCT;
  }

  isComma(i: number): boolean {
    return this.words[i] === ',';
  }

  isDash(i: number): boolean {
    return DASHES.has(this.words[i]!);
  }

  /** A closing quotation mark (the token ends a quote). */
  closesQuote(i: number): boolean {
    if (!CLOSING.has(this.words[i]!)) return false;
    const q = this.quotes.of[i]!;
    return q >= 0 && this.quotes.list[q]!.close === i;
  }

  opensQuote(i: number): boolean {
    const q = this.quotes.of[i]!;
    return q >= 0 && this.quotes.list[q]!.open === i;
  }

  /** Length in tokens of the quote token i lies in, or 0. */
  quoteLength(i: number): number {
    const q = this.quotes.of[i]!;
    if (q < 0) return 0;
    const quote = this.quotes.list[q]!;
    return quote.close - quote.open + 1;
  }

  isVerb(i: number): boolean {
    const t = this.tags[i];
    return t === TAG.VERB || t === TAG.AUX;
  }

  /** Skip left over adverbs, auxiliaries and times between a cue and its speaker; returns the new index. */
  skipBetweenLeft(i: number, floor: number): number {
    let k = i;
    while (k >= floor) {
      if (this.lex.BETWEEN.has(this.lower[k]!) || this.tags[k] === TAG.ADV || this.tags[k] === TAG.AUX) k--;
      // "Bush and Scott have both supported", "they all said"
      else if (this.lex.FLOATING.has(this.lower[k]!) && k > floor && (this.tags[k - 1] === TAG.AUX || this.isNounHead(k - 1) || this.words[k - 1] === ')')) k--;
      // "and for the first time publicly credited", "in turn said"
      else if (this.lex.ADVERBIAL_HEADS.has(this.lower[k]!)) {
        let j = k - 1;
        while (j >= floor && (this.tags[j] === TAG.ADJ || this.tags[j] === TAG.NUM || this.tags[j] === TAG.DET)) j--;
        if (j < floor || !this.lex.ADVERBIAL_PREPOSITIONS.has(this.lower[j]!)) break;
        k = j - 1;
      }
      // ", however," between a speaker and the cue
      else if (this.words[k] === ',' && k - 2 >= floor && this.tags[k - 1] === TAG.ADV && this.words[k - 2] === ',') k -= 3;
      // "– published by The Washington Post –" between a speaker and the cue
      else if (DASHES.has(this.words[k]!) && k - 1 > floor) {
        let open = k - 1;
        while (open > floor && open > k - 14 && !DASHES.has(this.words[open]!)) open--;
        if (!DASHES.has(this.words[open]!) || open === k - 1) break;
        k = open - 1;
      }
      else if (this.timeOf[k]! >= 0) {
        const t = this.timeOf[k]!;
        while (k >= floor && this.timeOf[k] === t) k--;
        // "on Monday", "during a Sunday", "at the weekend"
        if (k >= floor && this.tags[k] === TAG.DET) k--;
        if (k >= floor && this.lex.TIME_PREPOSITIONS.has(this.lower[k]!)) k--;
      } else break;
    }
    return k;
  }

  /** Is token i written without spaces around it ("Al-Shabaab" rather than "Kyiv - Ukraine")? */
  joined(i: number): boolean {
    const { start, end } = this.doc.tokens;
    return i > 0 && end[i - 1] === start[i] && end[i] === start[i + 1];
  }

  /** First token from i on that is no adverb ("also", "later"), or `limit`. */
  skipAdverbsRight(i: number, limit: number): number {
    let k = i;
    while (k < limit && (this.tags[k] === TAG.ADV || this.lex.BETWEEN.has(this.lower[k]!)) && !this.isVerb(k)) k++;
    return k;
  }

  /** Is token i a possible last word of a noun phrase (its head)? */
  isNounHead(i: number): boolean {
    const t = this.tags[i];
    return t === TAG.NOUN || t === TAG.PROPN || t === TAG.PRON || t === TAG.NUM;
  }

  /**
   * The noun phrase ending at token `last` (inclusive): its first token, or -1 when `last` is no
   * noun. Takes names with their titles and possessors ("Hillary Clinton's campaign manager Robby
   * Mook"), "of"-phrases inside names ("Central Military Commission of the Workers' Party of
   * Korea"), name particles and coordinated names ("Clinton and Kaine").
   */
  npLeft(end: number, floor: number): number {
    const { lower, tags, words } = this;
    let last = end;
    // A parenthesis closing the phrase belongs to it: "Jane Roe (D-Ore.)".
    if (last > floor && words[last] === ')') {
      let open = last - 1;
      while (open > floor && open > last - 10 && words[open] !== '(') open--;
      if (words[open] !== '(') return -1;
      last = open - 1;
    }
    if (last < floor) return -1;
    const t = tags[last];
    if (t === TAG.PRON || t === TAG.WH) return last;
    // A head is a noun, or a title ending in an adjective ("attorney general", "Surgeon General"),
    // or an adjective used as a noun ("the military", "Russia's top general").
    const nominal = last > floor && (tags[last - 1] === TAG.NOUN || tags[last - 1] === TAG.DET || tags[last - 1] === TAG.POSS || (tags[last - 1] === TAG.ADJ && tags[last - 2] === TAG.POSS));
    if (!this.isNounHead(last) && !(t === TAG.ADJ && (words[last] !== lower[last] || nominal))) return -1;
    let k = last;
    while (k > floor) {
      const p = k - 1;
      const pt = tags[p]!;
      const pw = lower[p]!;
      if (pt === TAG.NOUN || pt === TAG.PROPN || pt === TAG.ADJ || pt === TAG.NUM || pt === TAG.POSS) {
        k = p;
        continue;
      }
      // "Workers’ Party": a lone apostrophe after a plural is a possessive.
      if ((pw === '’' || pw === "'") && p > floor && lower[p - 1]!.endsWith('s') && this.quotes.of[p]! < 0) {
        k = p;
        continue;
      }
      if (pt === TAG.DET) {
        k = p;
        // "… of the Workers' Party": the determiner may belong to an "of"-phrase inside a name;
        // "experts at the site", "the management of the plant": to a phrase after a role.
        // "Peru's ambassador to the United Nations": an envoy's phrase goes on with "to".
        const sentTo = p - 1 > floor && lower[p - 1] === 'to' && this.lex.ENVOYS.has(lower[p - 2]!);
        if (sentTo || (p - 1 > floor && (this.lex.NP_JOINERS.has(lower[p - 1]!) || lower[p - 1] === 'in' || lower[p - 1] === 'from') && (this.isNounHead(p - 2) || this.lex.ROLES.has(lower[p - 2]!)) && (tags[k + 1] === TAG.PROPN || this.lex.ROLES.has(lower[p - 2]!)))) {
          k = p - 1;
          continue;
        }
        if (p - 1 > floor && this.byAuthor(p - 1, floor)) {
          k = tags[p - 2] === TAG.VERB ? p - 2 : p - 1;
          continue;
        }
        break;
      }
      // "Secretary of State", "an official in Seoul", "chief of staff"
      const role = p > floor && this.lex.ROLES.has(lower[p - 1]!);
      // "the minister of foreign affairs": an office of a portfolio.
      const office = p > floor && pw === 'of' && this.lex.OFFICES.has(lower[p - 1]!);
      if ((this.lex.NP_JOINERS.has(pw) || (role && (pw === 'in' || pw === 'from')) || (pw === 'to' && p > floor && this.lex.ENVOYS.has(lower[p - 1]!))) && p > floor && (tags[k] === TAG.PROPN || role || office) && (tags[p - 1] === TAG.PROPN || tags[p - 1] === TAG.NOUN || role || office)) {
        k = p;
        continue;
      }
      if (this.byAuthor(p, floor)) {
        k = tags[p - 1] === TAG.VERB ? p - 1 : p;
        continue;
      }
      // (A hyphen with spaces around it is a dash: "SEOUL - North Korea".)
      if ((this.lex.NAME_PARTICLES.has(pw) || (pw === '-' && this.joined(p)) || pw === '&' || pw === '.') && p > floor && tags[p - 1] === TAG.PROPN && tags[k] === TAG.PROPN) {
        k = p;
        continue;
      }
      // "Britain and France", "Polish and Czech customs data"
      if (pw === 'and' && p > floor && tags[k] === TAG.PROPN && tags[p - 1] === TAG.PROPN) {
        k = p;
        continue;
      }
      break;
    }
    // Never start on a joiner or particle.
    while (k < last && (this.lex.NP_JOINERS.has(lower[k]!) || lower[k] === 'and' || tags[k] === TAG.POSS)) k++;
    return k;
  }

  /**
   * Is token p the "by" of a work and its author ("a study by the Council", "records compiled by
   * the Center")? The noun phrase may go on left over it (and over the participle).
   */
  private byAuthor(p: number, floor: number): boolean {
    const { lower, tags } = this;
    if (lower[p] !== 'by' || p <= floor) return false;
    if (this.lex.WORKS.has(lower[p - 1]!)) return true;
    return tags[p - 1] === TAG.VERB && lower[p - 1]!.endsWith('ed') && p - 1 > floor && this.isNounHead(p - 2);
  }

  /**
   * The noun phrase starting at token `first`: one past its last token, or -1. Stops at a verb,
   * a clause word or punctuation; takes "of"-phrases and one appositive set off by commas when
   * `appositive` is set ("Brian Baker, a longtime political adviser to the family").
   */
  npRight(first: number, limit: number, appositive: boolean, ofOnly = false): number {
    const { lower, tags } = this;
    let k = first;
    let nouns = 0;
    while (k < limit) {
      const t = tags[k]!;
      if (t === TAG.NOUN || t === TAG.PROPN || t === TAG.PRON || t === TAG.NUM) nouns++;
      else if (t === TAG.ADJ || t === TAG.DET || t === TAG.POSS) {
        // fine inside a noun phrase
      } else if ((lower[k] === '’' || lower[k] === "'") && k > first && lower[k - 1]!.endsWith('s') && this.quotes.of[k]! < 0) {
        // plural possessive
      } else if ((ofOnly ? lower[k] === 'of' : this.lex.NP_JOINERS.has(lower[k]!) || lower[k] === 'to' || lower[k] === 'in') && nouns > 0 && k + 1 < limit && this.startsNp(k + 1)) {
        // "of"-phrase continuing the noun phrase
      } else if (((lower[k] === '-' && this.joined(k)) || lower[k] === '&' || this.lex.NAME_PARTICLES.has(lower[k]!)) && nouns > 0 && tags[k + 1] === TAG.PROPN) {
        // name particle
      } else break;
      k++;
    }
    if (!nouns) return -1;
    // Do not end on a joiner.
    while (k > first && (this.lex.NP_JOINERS.has(lower[k - 1]!) || tags[k - 1] === TAG.DET)) k--;
    if (appositive && k + 1 < limit && lower[k] === ',' && this.startsNp(k + 1)) {
      const end = this.npRight(k + 1, limit, false);
      if (end > 0) {
        // A relative clause may close the appositive ("…, who oversees the campaign").
        let e = end;
        if (e < limit && tags[e] === TAG.WH) while (e < limit && !this.isPunct(e)) e++;
        // An appositive closes with punctuation; "According to the agency, the soldiers were …" has none.
        if (e >= limit) return e;
        if (this.isPunct(e)) return lower[e] === ',' ? e + 1 : e;
      }
    }
    return k;
  }

  /**
   * One past the last noun of a simple noun phrase starting at `first` — determiners and
   * modifiers, then nouns; a possessor goes on to its noun ("Friday's decision") — or −1.
   * Unlike npRight it stops at a second determiner: "told state TV the talks had failed".
   */
  npCore(first: number, limit: number): number {
    const { tags } = this;
    if (tags[first] === TAG.PRON) return first + 1;
    let end = -1;
    for (let k = first; k < limit; k++) {
      const t = tags[k];
      if (t === TAG.NOUN || t === TAG.PROPN || t === TAG.NUM) end = k + 1;
      else if (t === TAG.POSS) end = -1;
      else if (end > 0 || (t !== TAG.DET && t !== TAG.ADJ)) break;
    }
    return end;
  }

  startsNp(i: number): boolean {
    const t = this.tags[i];
    return t === TAG.DET || t === TAG.NOUN || t === TAG.PROPN || t === TAG.ADJ || t === TAG.NUM || t === TAG.PRON;
  }

  /** Whether a closing mark or punctuation at i ends a quoted clause before a cue ("…,” she said). */
  endsClauseBefore(i: number): boolean {
    const w = this.words[i]!;
    return w === ',' || this.closesQuote(i) || DASHES.has(w) || w === ':' || w === '?' || w === '!';
  }
}
