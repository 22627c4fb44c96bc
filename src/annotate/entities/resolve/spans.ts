/** The tagger's spans made names. */
import type { Tokens } from '../../../doc/tokenize.js';
import type { Language } from '../../../lang/language.js';
import { TAG } from '../../pos/tags.js';
import { AliasKind, type AliasHit, type Gazetteer, type GazetteerMatch } from '../gazetteer.js';
import type { TaggedSpan } from '../tagger.js';
import { addInner, fromSpan, inDateline, isCapitalised, mark, overlapsTaken, type Resolution } from './context.js';
import { isTitleWord } from './roles.js';

/**
 * Step 2: the tagger's spans, trimmed of what the tagger ran into them (a headline's words, a
 * title, a possessive), widened to a gazetteer name that contains them ("Kursk" + "Oblast"), and
 * given their gazetteer entry if the name is known.
 */
export function taggedSpans(r: Resolution, spans: readonly TaggedSpan[]): void {
  const { doc, t, g, lex, matches, countries, cands, taken } = r;
  // Matches are in text order; a match containing a span starts at most the longest match's length before it.
  let longestMatch = 0;
  for (const m of matches) longestMatch = Math.max(longestMatch, m.end - m.start);
  const compass = new Map<string, number>();
  const shouting = shoutingLines(t);
  for (const s of spans) {
    let { start, end, type } = s;
    // In a line of capitals every word looks like a name: "US TO" in "US TO SEND TROOPS" is "US".
    if (shouting?.[start] && !g.lookup(t, start, end).some((h) => h.kind === AliasKind.Name)) {
      while (end > start && PLAIN_WORD.has(r.lexicon.classOf(t.lower[end - 1]!) ?? TAG.X)) end--;
      while (start < end && PLAIN_WORD.has(r.lexicon.classOf(t.lower[start]!) ?? TAG.X)) start++;
      let inside = start;
      while (inside < end && !PLAIN_WORD.has(r.lexicon.classOf(t.lower[inside]!) ?? TAG.X)) inside++;
      if (start >= end || inside < end) continue;
    }
    // Headlines run a name into the words before a colon or dash: "Quiet Week Ahead: Jane Roe".
    for (let k = end - 1; k >= start; k--) {
      if (!BREAKS.has(t.words[k]!)) continue;
      if (k + 1 < end) start = k + 1;
      else end = k;
      break;
    }
    while (start < end && EDGES.has(t.words[start]!)) start++;
    // A possessive is no part of a name: "the North's troops".
    while (end > start && (EDGES.has(t.words[end - 1]!) || t.lower[end - 1] === "'s" || t.lower[end - 1] === '’s')) end--;
    if (start >= end || isDate(r, start, end)) continue;
    if (end - start === 1 && lex.COMPASS.has(t.lower[start]!)) {
      // "the North" alone is the one country of the article named so (North Korea), else no name.
      const word = t.lower[start]!;
      // Once per word: the matches do not change, and scanning them per mention would be quadratic.
      if (!compass.has(word)) compass.set(word, compassCountry(g, matches, word));
      const country = compass.get(word)!;
      if (country >= 0 && t.lower[start - 1] === 'the' && !taken[start]) {
        cands.push({ start, end, entry: country, type: g.entry(country).type });
        mark(taken, start, end);
      }
      continue;
    }
    // A capitalised function word opening a sentence is no part of a name: "Unlike Smith".
    const first = start === doc.sentences[t.sentence[start]!]!.first || t.lineStart[start] === 1;
    if (end - start > 1 && first && FUNCTION_WORDS.has(doc.pos[start]!)) start++;
    // The source in a dateline is an organisation: "SEOUL, Oct 18 (Meridian Wire) -", "OSLO (Nordic Wire) —".
    if (t.words[start - 1] === '(' && t.words[end] === ')' && inDateline(t, start - 1)) type = 1;
    // The tagger sometimes runs a name into the words around it: "Staff Ivan Petrov", "Petrov on".
    while (end - start > 1 && isLowerWord(lex, t.words[end - 1]!)) end--;
    while (end - start > 1 && type === 0 && isTitleWord(lex, t.lower[start]!)) start++;
    // "the Institute for the Study of War in Washington": a known place after "in" locates an
    // organisation and is no part of its name; it is a mention of its own.
    const placed = type === 1 ? placeAfterIn(t, g, start, end) : -1;
    const place: [number, number] | null = placed > 0 ? [placed + 1, end] : null;
    if (place) end = placed;
    // "Southmark Refugee Council" is no person, whatever the tagger made of its first words.
    if (type === 0 && end - start > 1 && isCapitalised(t.words[end - 1]!) && lex.ORG_NAME_HEADS.has(t.lower[end - 1]!)) type = 1;
    // A title alone before a name is no name: "Vice Foreign Minister Kim …".
    if (end - start === 1 && isTitleWord(lex, t.lower[start]!) && isCapitalised(t.words[end] ?? '')) continue;
    // A known person's name ending a longer span is that person ("Weary Jane Roe",
    // "Finnish Foreign Minister Jane Roe"); the words before are a role or a name of their own.
    const person = personSuffix(t, g, start, end);
    if (person > start) {
      start = person;
      type = 0;
    }
    // "the Northern Cooperation treaty": a named agreement is a law.
    if (type !== 0 && lex.TREATY.has(t.lower[end] ?? '') && end - start > 1) {
      end++;
      cands.push({ start, end, entry: -1, type: 'LAW' });
      mark(taken, start, end);
      continue;
    }
    for (let k = firstMatchFrom(matches, start - longestMatch); k < matches.length; k++) {
      const m = matches[k]!;
      if (m.start > start) break;
      if (m.end >= end && m.end - m.start > end - start && m.hits.some((h) => h.kind === AliasKind.Name)) {
        start = m.start;
        end = m.end;
      }
    }
    if (overlapsTaken(taken, start, end)) {
      // Inside an institution name: keep the country as its own mention ("Ukraine" in "Ukraine's General Staff").
      const c = fromSpan(r, start, end, type);
      if (c.entry >= 0 && (g.entry(c.entry).type === 'GPE' || c.label === 'NORP')) addInner(r, c);
      continue;
    }
    const c = fromSpan(r, start, end, type);
    if (c.entry < 0 && type === 1) {
      // "Central Military Commission" without its country next to it: the institution of a
      // country the article names, when only one of the countries it names has one so called.
      const local = localOf(t, g, start, end, countries);
      if (local >= 0) {
        c.entry = local;
        c.type = g.entry(local).type;
      }
    }
    cands.push(c);
    mark(taken, start, end);
    if (place && !overlapsTaken(taken, place[0], place[1])) {
      cands.push(fromSpan(r, place[0], place[1], LOC));
      mark(taken, place[0], place[1]);
    }
  }
}

/** The tagger's class of places. */
const LOC = 2;

/**
 * The token "in" inside an organisation's span [start, end) that a known city or region follows to
 * the end, or −1. A country may end a name ("Human Rights in China", "the Interim Force in Lebanon").
 */
function placeAfterIn(t: Tokens, g: Gazetteer, start: number, end: number): number {
  const city = (h: AliasHit) => h.kind === AliasKind.Name && g.entry(h.entry).type === 'GPE' && g.entry(h.entry).subtype !== 'country';
  for (let k = start + 1; k < end - 1; k++) if (t.lower[k] === 'in' && g.lookup(t, k + 1, end).some(city)) return k;
  return -1;
}

/** Word classes that do not open a name at the start of a sentence ("Unlike", "Instead"). */
const FUNCTION_WORDS = new Set<number>([TAG.ADP, TAG.SCONJ, TAG.CCONJ, TAG.ADV, TAG.PRON, TAG.WH, TAG.PART]);
/** Tokens that end a name: a headline's colon, dashes, bars. */
const BREAKS = new Set([':', '—', '–', '―', '|']);
/** Tokens a name neither starts nor ends with: quotation marks, commas, dashes (brackets may close a name: "Smith ( Jr )"). */
const EDGES = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', ',', ';', ':', '—', '–', '―', '|']);
/** Word classes no name in capitals is made of ("TO", "SEND", "THE"). */
const PLAIN_WORD = new Set<number>([TAG.ADP, TAG.DET, TAG.PART, TAG.CCONJ, TAG.SCONJ, TAG.PRON, TAG.AUX, TAG.WH, TAG.VERB, TAG.ADV]);

function isLowerWord(lex: Language['entities'], w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122 && !lex.NAME_LOWER_WORDS.has(w);
}

/**
 * Per token, whether its line is written in capitals (a headline or a banner: at least three
 * words of two letters or more, four in five of them all capitals); null when no line is.
 */
function shoutingLines(t: Tokens): Uint8Array | null {
  let out: Uint8Array | null = null;
  for (let i = 0; i < t.count; ) {
    let j = i + 1;
    while (j < t.count && !t.lineStart[j]) j++;
    let words = 0;
    let caps = 0;
    for (let k = i; k < j; k++) {
      const w = t.words[k]!;
      if (w.length < 2) continue;
      // Most words show at once that they are not in capitals: a small letter first or second.
      const a = w.charCodeAt(0);
      const b = w.charCodeAt(1);
      if ((a >= 97 && a <= 122) || (b >= 97 && b <= 122)) words++;
      else if (w.toLowerCase() !== w.toUpperCase()) {
        words++;
        if (w === w.toUpperCase()) caps++;
      }
    }
    if (words >= 3 && caps * 5 >= words * 4) (out ??= new Uint8Array(t.count)).fill(1, i, j);
    i = j;
  }
  return out;
}

/** A date the tagger took for a name: "Jan 11", "October 2024". */
function isDate(r: Resolution, start: number, end: number): boolean {
  const { t } = r;
  if (end - start < 2 || !r.months.has(t.lower[start]!)) return false;
  for (let k = start + 1; k < end; k++) {
    const c = t.words[k]!.charCodeAt(0);
    if (!(c >= 48 && c <= 57) && t.words[k] !== ',') return false;
  }
  return true;
}

/** Where a known person's name (two words or more) ends the span, its first token; else -1. */
function personSuffix(t: Tokens, g: Gazetteer, start: number, end: number): number {
  for (let k = start + 1; k <= end - 2; k++) {
    if (g.lookup(t, k, end).some((h) => h.kind === AliasKind.Name && g.entry(h.entry).type === 'PERSON')) return k;
  }
  return -1;
}

/** The one entry with the local name [start, end) among the article's countries, or -1. */
function localOf(t: Tokens, g: Gazetteer, start: number, end: number, countries: ReadonlySet<string>): number {
  let found = -1;
  for (const h of g.lookup(t, start, end)) {
    if (h.kind !== AliasKind.Local || !countries.has(g.entry(h.entry).country ?? '')) continue;
    if (found >= 0 && found !== h.entry) return -1;
    found = h.entry;
  }
  return found;
}

/** Index of the first match starting at or after token `from` (matches are in text order). */
function firstMatchFrom(matches: readonly GazetteerMatch[], from: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The one country the article names whose name opens with this compass word, or -1. */
function compassCountry(g: Gazetteer, matches: readonly GazetteerMatch[], word: string): number {
  let found = -1;
  for (const m of matches) {
    for (const h of m.hits) {
      const e = g.entry(h.entry);
      if ((h.kind !== AliasKind.Name && h.kind !== AliasKind.Demonym) || e.subtype !== 'country' || e.name.split(' ')[0]!.toLowerCase() !== word) continue;
      if (found >= 0 && found !== h.entry) return -1;
      found = h.entry;
    }
  }
  return found;
}
