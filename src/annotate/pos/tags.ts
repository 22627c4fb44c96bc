import { readFileSync } from 'node:fs';
import type { Tokens } from '../../doc/tokenize.js';
import type { Language } from '../../lang/language.js';
import { UnavailableError } from '../../errors.js';

/**
 * Coarse word classes, enough to find noun phrases and clause edges around attribution cues.
 * Numbers, not strings, so a doc's classes fit one Uint8Array.
 */
export const TAG = {
  X: 0,
  NOUN: 1,
  PROPN: 2,
  PRON: 3,
  DET: 4,
  ADJ: 5,
  NUM: 6,
  VERB: 7,
  AUX: 8,
  ADV: 9,
  ADP: 10,
  CCONJ: 11,
  SCONJ: 12,
  PART: 13,
  POSS: 14,
  WH: 15,
  PUNCT: 16,
} as const;
export type Tag = (typeof TAG)[keyof typeof TAG];
export const TAG_NAMES: readonly string[] = Object.keys(TAG);

/** The coarse class of a Penn Treebank tag (undefined for tags that say nothing useful). */
export function coarseOfPtb(ptb: string): Tag | undefined {
  switch (ptb) {
    case 'NN':
    case 'NNS':
    case 'FW':
      return TAG.NOUN;
    case 'NNP':
    case 'NNPS':
      return TAG.PROPN;
    case 'PRP':
    case 'EX':
      return TAG.PRON;
    case 'DT':
    case 'PDT':
    case 'PRP$':
      return TAG.DET;
    case 'JJ':
    case 'JJR':
    case 'JJS':
      return TAG.ADJ;
    case 'CD':
      return TAG.NUM;
    case 'VB':
    case 'VBD':
    case 'VBG':
    case 'VBN':
    case 'VBP':
    case 'VBZ':
      return TAG.VERB;
    case 'MD':
      return TAG.AUX;
    case 'RB':
    case 'RBR':
    case 'RBS':
    case 'RP':
      return TAG.ADV;
    case 'IN':
      return TAG.ADP;
    case 'CC':
      return TAG.CCONJ;
    case 'TO':
      return TAG.PART;
    case 'POS':
      return TAG.POSS;
    case 'WDT':
    case 'WP':
    case 'WP$':
    case 'WRB':
      return TAG.WH;
    default:
      return /^[^A-Za-z]+$/.test(ptb) ? TAG.PUNCT : undefined;
  }
}

export type TagName = keyof typeof TAG;

/** A language's words and their most frequent class, from its lexicon file and closed classes. */
export class PosLexicon {
  private readonly classes = new Map<string, Tag>();

  constructor(
    file: string,
    readonly words: Language['pos'],
  ) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line || line.startsWith('#')) return;
        const tab = line.indexOf('\t');
        const tag = TAG[line.slice(tab + 1) as TagName];
        if (tab < 1 || tag === undefined) throw new UnavailableError(`${file}:${i + 1}: not a word-class lexicon: expected "word<TAB>CLASS"`);
        this.classes.set(line.slice(0, tab), tag);
      });
    for (const [name, list] of words.CLOSED_CLASSES) for (const w of list.split(' ')) this.classes.set(w, TAG[name]);
  }

  /** The class of a (lower-cased) word, if the lexicon knows the word. */
  classOf(lower: string): Tag | undefined {
    return this.classes.get(lower);
  }

  /** Whether the lexicon knows the (lower-cased) word, so its class is not a guess from its shape. */
  knows(lower: string): boolean {
    return this.classes.has(lower);
  }

  /** Class of a word the lexicon does not know, from its shape. */
  guess(word: string, lower: string): Tag {
    const c = word.charCodeAt(0);
    if (c >= 48 && c <= 57) return TAG.NUM;
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && LETTER.test(word));
    if (!letter) return TAG.PUNCT;
    // An unknown capitalised word is a name, wherever it stands ("Husted said").
    if (word !== lower) return TAG.PROPN;
    if (this.words.ADVERB_ENDING.test(lower)) return TAG.ADV;
    if (this.words.VERB_ENDING.test(lower)) return TAG.VERB;
    if (this.words.ADJECTIVE_ENDING.test(lower)) return TAG.ADJ;
    return TAG.NOUN;
  }
}

const LETTER = /^\p{L}/u;
const LEXICONS = new WeakMap<Language, PosLexicon>();

/** A language's lexicon, read once per process. */
export function posLexicon(language: Language): PosLexicon {
  let lexicon = LEXICONS.get(language);
  if (!lexicon) LEXICONS.set(language, (lexicon = new PosLexicon(language.data.posLexicon, language.pos)));
  return lexicon;
}

function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Only capital letters A–Z ("US", "NATO"). */
function acronym(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** Whether the word after a noun-like word leaves it the head of its phrase: a preposition, a conjunction, an auxiliary, a mark or nothing. */
function headsPhrase(lexicon: PosLexicon, next: string | undefined): boolean {
  if (next === undefined) return true;
  const known = lexicon.classOf(next.toLowerCase());
  return known === TAG.ADP || known === TAG.CCONJ || known === TAG.SCONJ || known === TAG.AUX || known === TAG.PUNCT || known === TAG.WH;
}

/**
 * The coarse class of every token: lexicon lookup (most frequent class), capitalised words
 * inside a sentence taken as names, a shape guess for unknown words.
 */
export function tagTokens(tokens: Tokens, lexicon: PosLexicon): Uint8Array {
  const { words, lower, count, sentence } = tokens;
  const { MODALS, NOUN_AFTER, PARTICIPLE_ENDING } = lexicon.words;
  const tags = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const w = words[i]!;
    const lw = lower[i]!;
    // First word of a sentence, of a quote or of a bracket: capitals there say nothing.
    const initial = i === 0 || sentence[i - 1] !== sentence[i] || (tags[i - 1] === TAG.PUNCT && lower[i - 1] !== ',');
    const known = lexicon.classOf(lw);
    const c = w.charCodeAt(0);
    const capital = c >= 65 && c <= 90 && w !== lw;
    let tag: Tag;
    if (known === undefined) {
      tag = lexicon.guess(w, lw);
      // An unknown word after "to", a modal or a subject pronoun is a verb ("to employ", "he touts").
      if (tag === TAG.NOUN && i > 0 && (lower[i - 1] === 'to' || tags[i - 1] === TAG.PRON || (tags[i - 1] === TAG.AUX && MODALS.has(lower[i - 1]!)))) tag = TAG.VERB;
    }
    // Acronyms are names ("US", "NATO"), even where the lower-cased word is not ("us").
    else if (capital && w.length > 1 && w.length <= 5 && acronym(w)) tag = TAG.PROPN;
    // A capitalised common word inside a sentence is part of a name ("State Department").
    else if (capital && !initial && (known === TAG.NOUN || known === TAG.ADJ || known === TAG.VERB)) tag = TAG.PROPN;
    // "Will Rogers", "May Smith": a capitalised modal before another capitalised word is a name.
    else if (capital && !initial && known === TAG.AUX && i + 1 < count && isCapitalised(words[i + 1]!)) tag = TAG.PROPN;
    // "the claim was rejected": a verb's plain form after an article or a possessive is a noun ("let's go" is no possessive).
    else if (known === TAG.VERB && i > 0 && NOUN_AFTER.has(lower[i - 1]!) && tags[i - 1] !== TAG.AUX && lower[i - 2] !== 'let' && !PARTICIPLE_ENDING.test(lw)) tag = TAG.NOUN;
    // "the Bolivian claim was rejected", "the latest report is": so is one after an article and a modifier, before an auxiliary.
    else if (known === TAG.VERB && i > 1 && NOUN_AFTER.has(lower[i - 2]!) && (tags[i - 1] === TAG.ADJ || tags[i - 1] === TAG.PROPN) && lexicon.classOf(lower[i + 1] ?? '') === TAG.AUX && !PARTICIPLE_ENDING.test(lw)) tag = TAG.NOUN;
    // "blamed the army for the shelling and …", "the fighting in the east": an -ing form after an article that heads its
    // phrase is a noun ("the attacking troops", "the following day" keep their participle).
    else if (known === TAG.VERB && i > 0 && lw.endsWith('ing') && NOUN_AFTER.has(lower[i - 1]!) && tags[i - 1] !== TAG.AUX && lower[i - 2] !== 'let' && headsPhrase(lexicon, words[i + 1])) tag = TAG.NOUN;
    // "…, the operator said, warning that …": an -ing form after a comma and before "that" is a participle, not a noun.
    else if (known === TAG.NOUN && i > 0 && lower[i - 1] === ',' && lower[i + 1] === 'that' && lw.endsWith('ing')) tag = TAG.VERB;
    // "Debris damaged two buildings": an -ed form between a noun and an article or a number is the clause's verb ("the
    // damaged buildings", "buildings damaged in the blast" keep their adjective).
    else if (known === TAG.ADJ && i > 0 && lw.endsWith('ed') && (tags[i - 1] === TAG.NOUN || tags[i - 1] === TAG.PROPN) && (lexicon.classOf(lower[i + 1] ?? '') === TAG.DET || lexicon.classOf(lower[i + 1] ?? '') === TAG.NUM || /^\d/.test(lower[i + 1] ?? ''))) tag = TAG.VERB;
    else tag = known;
    // "he's", "that's", "who's": the clitic is "is" or "has", not a possessive.
    if (tag === TAG.POSS && i > 0 && (tags[i - 1] === TAG.PRON || tags[i - 1] === TAG.WH || lower[i - 1] === 'that')) tag = TAG.AUX;
    tags[i] = tag;
  }
  return tags;
}
