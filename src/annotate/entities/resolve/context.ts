import type { Doc } from '../../../doc/doc.js';
import type { Tokens } from '../../../doc/tokenize.js';
import type { EntityType } from '../../../doc/types.js';
import type { Language } from '../../../lang/language.js';
import type { PosLexicon } from '../../pos/tags.js';
import { AliasKind, type AliasHit, type Gazetteer, type GazetteerMatch } from '../gazetteer.js';

/** A name found, before names of one entity are joined. */
export interface Candidate {
  start: number;
  end: number;
  /** Gazetteer entry, or -1 for a name the gazetteer does not know. */
  entry: number;
  type: EntityType;
  label?: EntityType;
  role?: [number, number];
  /** For entities outside the gazetteer: a name built by a rule (an institution of a country). */
  name?: string;
  subtype?: string | null;
  country?: string | null;
  /** The place this candidate named before metonymy made it its country ("Washington" found the net). */
  place?: number;
}

/** What the steps of the resolution read and add to, for one document. */
export interface Resolution {
  readonly doc: Doc;
  readonly t: Tokens;
  readonly g: Gazetteer;
  readonly lex: Language['entities'];
  /** The language's month names: a name the tagger read in a date ("Jan 11") is no name. */
  readonly months: ReadonlyMap<string, number>;
  readonly lexicon: PosLexicon;
  readonly matches: readonly GazetteerMatch[];
  /** The matches by first token. */
  readonly matchAt: ReadonlyMap<number, GazetteerMatch>;
  /** ISO codes of the countries the article names (by name or demonym). */
  readonly countries: ReadonlySet<string>;
  /** The names found so far, and per token whether one of them holds it. */
  readonly cands: Candidate[];
  readonly taken: Uint8Array;
  /** Countries inside organisations' names ("Ukraine" in "Ukraine's General Staff"), kept as mentions of their own. */
  readonly inner: Candidate[];
  readonly innerStarts: Set<number>;
}

export const TAGGER_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'LOC', 'MISC'];
/** CoNLL class of our types: 0 PER, 1 ORG, 2 LOC, 3 MISC. */
export /** CoNLL class of our types: 0 PER, 1 ORG, 2 LOC, 3 MISC. */
const COARSE: Record<EntityType, number> = { PERSON: 0, ORG: 1, GPE: 2, LOC: 2, FAC: 2, NORP: 3, LAW: 3, EVENT: 3, MISC: 3 };

export function addInner(r: Resolution, c: Candidate): void {
  r.inner.push(c);
  r.innerStarts.add(c.start);
}

export function mark(taken: Uint8Array, start: number, end: number): void {
  taken.fill(1, start, end);
}

export function overlapsTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}

export function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : w[0] !== w[0]!.toLowerCase();
}

/** Is token i within the first few tokens of a line that opens with a place in capitals ("KYIV, Jan 11 (")? */
export function inDateline(t: Tokens, i: number): boolean {
  for (let k = i; k >= 0 && i - k <= 6; k--) {
    if (!t.lineStart[k]) continue;
    const w = t.words[k]!;
    return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  }
  return false;
}

export function platformSlot(r: Resolution, i: number): boolean {
  const { t, lex } = r;
  return lex.PLATFORM_BEFORE.has(t.lower[i - 1] ?? '') || lex.PLATFORM_AFTER.has(t.lower[i + 1] ?? '');
}

/** A town or a city that is no capital (a capital may stand for its government: "talks in Moscow" aside). */
export function isSettlement(subtype: string | null): boolean {
  return subtype === 'town' || subtype === 'city';
}

/** Whether the name at token `start` is introduced as a settlement: "the town of Vorsk", "the city of Tarija". */
export function namedAsSettlement(r: Resolution, start: number): boolean {
  return r.t.lower[start - 1] === 'of' && r.lex.SETTLEMENT_NOUNS.has(r.t.lower[start - 2] ?? '');
}

/** Whether the words before token `start` make a name there a place: "in", "near", "the town of". */
function placeOnly(r: Resolution, start: number): boolean {
  return r.lex.PLACE_ONLY_BEFORE.has(r.t.lower[start - 1] ?? '') || namedAsSettlement(r, start);
}

/** A gazetteer hit good enough to stand without the tagger. */
export function strongHit(g: Gazetteer, h: AliasHit, length: number): boolean {
  const e = g.entry(h.entry);
  // Adjectives of places stand alone; those of parties ("Democratic") need the tagger.
  if (h.kind === AliasKind.Demonym) return e.type === 'GPE' || e.type === 'LOC';
  if (e.type === 'GPE' && e.subtype === 'country') return true;
  if (!e.source.endsWith('places.tsv')) return length > 1 || e.type === 'PERSON' || e.type === 'ORG';
  return length > 1 && e.type === 'LOC';
}

/** The candidate for a tagged span: its gazetteer entry if the name is known, else a new entity. */
export function fromSpan(r: Resolution, start: number, end: number, tagType: number): Candidate {
  const { t, g, lex } = r;
  // A one-letter name is the gazetteer's only where the text uses it as one ("on X", not "Generation X").
  const oneLetter = end - start === 1 && t.words[start]!.length === 1 && !platformSlot(r, start);
  const hits = oneLetter ? [] : g.lookup(t, start, end).filter((h) => h.kind !== AliasKind.Local);
  if (!hits.length && end - start === 1) {
    // "Russian-held", "Ukrainian-born": the country's adjective joined to a word.
    const w = t.words[start]!;
    const dash = w.indexOf('-');
    if (dash > 0) {
      const demonym = g.lookupName(w.slice(0, dash)).find((h) => h.kind === AliasKind.Demonym && g.entry(h.entry).subtype === 'country');
      if (demonym && isCapitalised(w)) return { start, end, entry: demonym.entry, type: g.entry(demonym.entry).type, label: 'NORP' };
    }
  }
  // A person the gazetteer knows only as a place or body ("Clinton" the town, "Warren") is a
  // person of the article; group() joins it to the full name there.
  // After "in", "near" … a place it is, whatever the tagger read ("fighting in Chasiv Yar").
  if (!hits.length || (tagType === 0 && !hits.some((h) => g.entry(h.entry).type === 'PERSON') && !lex.PLACE_ONLY_BEFORE.has(t.lower[start - 1] ?? ''))) {
    const type = TAGGER_TYPES[tagType]!;
    // A name no list knows, after "in", "near" …: a place, whatever the tagger guessed from its letters ("outside Zolotvyn").
    const place = !hits.length && ((type === 'PERSON' && placeOnly(r, start)) || (type === 'MISC' && lex.NEAR_PLACE.has(t.lower[start - 1] ?? '')));
    return { start, end, entry: -1, type: place ? 'LOC' : type };
  }
  return pick(r, hits, start, end, tagType);
}

/** Choose among the entries a name may stand for: the tagger's class first, then rank. */
export function pick(r: Resolution, hits: readonly AliasHit[], start: number, end: number, tagType: number): Candidate {
  const { g, countries } = r;
  let best: AliasHit | null = null;
  let bestScore = -Infinity;
  for (const h of hits) {
    const e = g.entry(h.entry);
    const coarse = h.kind === AliasKind.Demonym ? 3 : COARSE[e.type];
    let score = Math.log10(1 + e.rank);
    if (coarse === tagType) score += 20;
    if (h.kind === AliasKind.Seat) score -= 5;
    if (!e.source.endsWith('places.tsv')) score += 12;
    // A place in a country the article names beats a larger one elsewhere ("Virginia" in a US story).
    if (e.country && e.subtype !== 'country' && countries.has(e.country)) score += 3;
    if (score > bestScore) {
      bestScore = score;
      best = h;
    }
  }
  // A seat name ("Kremlin") matched as the country itself resolves to the place when the place is known.
  let entry = best!.entry;
  if (best!.kind === AliasKind.Seat) {
    const place = hits.find((h) => h.kind === AliasKind.Name && g.entry(h.entry).seatOf === entry);
    if (place) entry = place.entry;
  }
  const type = g.entry(entry).type;
  const c: Candidate = { start, end, entry, type };
  if (best!.kind === AliasKind.Demonym) c.label = 'NORP';
  else if (tagType >= 0 && tagType !== COARSE[type] && tagType !== 3 && type !== 'PERSON' && !(isSettlement(g.entry(entry).subtype) && placeOnly(r, start))) {
    // A town or city after "in", "near", "over" or "the city of" is a place whatever the tagger read ("drones over Sudzha").
    c.label = TAGGER_TYPES[tagType]!;
  }
  return c;
}
