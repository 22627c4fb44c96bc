import type { Doc } from '../../doc/doc.js';
import type { Tokens } from '../../doc/tokenize.js';
import type { Entity, EntityMention, EntityType } from '../../doc/types.js';
import { AliasKind, type AliasHit, type Gazetteer, type GazetteerMatch } from './gazetteer.js';
import { entityId } from './ids.js';
import { INSTITUTIONS, type Institution } from './institutions.js';
import { lexiconClass, TAG } from '../pos/tags.js';
import { isTitleWord, roleBefore } from './roles.js';
import type { TaggedSpan } from './tagger.js';
import { spellingKey } from './variants.js';
import { SpanIndex } from '../ranges.js';

/**
 * From tagged spans and gazetteer matches to canonical entities: picks the gazetteer entry a name
 * stands for, builds organisation names from their country ("Ukraine's General Staff"), reads
 * roles before names, resolves capitals and seats of power used as actors to their country
 * (metonymy), and joins mentions of one entity within the article ("Zelenskyy" → "Volodymyr
 * Zelenskyy", "Kursk" → "Kursk Oblast").
 */

const TAGGER_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'LOC', 'MISC'];
/** CoNLL class of our types: 0 PER, 1 ORG, 2 LOC, 3 MISC. */
const COARSE: Record<EntityType, number> = { PERSON: 0, ORG: 1, GPE: 2, LOC: 2, FAC: 2, NORP: 3, LAW: 3, EVENT: 3, MISC: 3 };

interface Candidate {
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

/** Verbs and auxiliaries after a name that make it an actor ("Minsk should withdraw"). */
const ACTOR_NEXT = new Set(
  (
    'said says say has have had is was were are will would should must could can may might wants want ' +
    'accused accuses denied denies warned warns announced announces claimed claims insisted insists rejected ' +
    'rejects responded responds plans planned agreed agrees refused refuses urged urges demanded demands ' +
    'called calls threatened threatens confirmed confirms stated states reported reports sent sends signed ' +
    'signs launched launches expressed expresses condemned condemns vowed vows hopes hoped believes believed ' +
    'did does sought seeks blamed blames ordered orders'
  ).split(' '),
);
/** Words before a place that keep it a place ("a statue in Minsk"). */
const PLACE_BEFORE = new Set('in at near outside inside around across into from to via through toward towards within over of'.split(' '));
/** Words before a name that make it a place rather than a person of that name. */
const PLACE_ONLY_BEFORE = new Set(['in', 'near', 'outside', 'around', 'across', 'over', 'into']);
/** Words before a name that make it an actor ("talks with Pyongyang", "between Washington and Seoul"). */
const ACTOR_BEFORE = new Set('with between by against and nor neither urged told accused warned'.split(' '));
const REGION_WORDS = new Set(['oblast', 'oblasts', 'region', 'regions', 'province', 'provinces', 'krai']);
/** What may follow a lower-case institution word for it to be the institution ("Japanese intelligence said"). */
const AFTER_LOWER_HEAD = new Set(['officials', 'sources', 'chiefs', 'agency', 'said', 'says', 'and', 'that', 'of']);

export interface ResolveInput {
  doc: Doc;
  gazetteer: Gazetteer;
  matches: readonly GazetteerMatch[];
  spans: readonly TaggedSpan[];
}

export function resolveEntities({ doc, gazetteer, matches, spans }: ResolveInput): Entity[] {
  const t = doc.tokens;
  const g = gazetteer;
  const cands: Candidate[] = [];
  const taken = new Uint8Array(t.count);
  const matchAt = new Map<number, GazetteerMatch>();
  for (const m of matches) matchAt.set(m.start, m);
  const countries = articleCountries(g, matches);
  // Matches are in text order; a match containing a span starts at most the longest match's length before it.
  let longestMatch = 0;
  for (const m of matches) longestMatch = Math.max(longestMatch, m.end - m.start);

  // 1. Institutions named from their country: "Ukraine's General Staff", "South Korean intelligence".
  for (const m of matches) {
    if (!m.hits.some((h) => h.kind === AliasKind.Local) && !institutionHeads(t, m.start).length) continue;
    const inst = institution(t, g, m, matchAt);
    if (inst && !overlapsTaken(taken, inst.start, inst.end)) {
      cands.push(inst);
      mark(taken, inst.start, inst.end);
    }
  }
  // Institutions whose head the gazetteer has no alias for ("intelligence", "government").
  for (let i = 1; i < t.count; i++) {
    if (taken[i] || !institutionHeads(t, i).length) continue;
    const inst = institution(t, g, { start: i, end: i + 1, hits: [] }, matchAt);
    if (inst && !overlapsTaken(taken, inst.start, inst.end)) {
      cands.push(inst);
      mark(taken, inst.start, inst.end);
    }
  }

  // 2. Tagged spans, widened to a gazetteer name that contains them ("Kursk" + "Oblast").
  const inner: Candidate[] = [];
  const innerStarts = new Set<number>();
  const compass = new Map<string, number>();
  const addInner = (c: Candidate) => {
    inner.push(c);
    innerStarts.add(c.start);
  };
  const shouting = shoutingLines(t);
  for (const s of spans) {
    let { start, end, type } = s;
    // In a line of capitals every word looks like a name: "US TO" in "US TO SEND TROOPS" is "US".
    if (shouting?.[start] && !g.lookup(t, start, end).some((h) => h.kind === AliasKind.Name)) {
      while (end > start && PLAIN_WORD.has(lexiconClass(t.lower[end - 1]!) ?? TAG.X)) end--;
      while (start < end && PLAIN_WORD.has(lexiconClass(t.lower[start]!) ?? TAG.X)) start++;
      let inside = start;
      while (inside < end && !PLAIN_WORD.has(lexiconClass(t.lower[inside]!) ?? TAG.X)) inside++;
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
    if (start >= end || isDate(t, start, end)) continue;
    if (end - start === 1 && COMPASS.has(t.lower[start]!)) {
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
    while (end - start > 1 && isLowerWord(t.words[end - 1]!)) end--;
    while (end - start > 1 && type === 0 && isTitleWord(t.lower[start]!)) start++;
    // A title alone before a name is no name: "Vice Foreign Minister Kim …".
    if (end - start === 1 && isTitleWord(t.lower[start]!) && isCapitalised(t.words[end] ?? '')) continue;
    // A known person's name ending a longer span is that person ("Weary Jane Roe",
    // "Finnish Foreign Minister Jane Roe"); the words before are a role or a name of their own.
    const person = personSuffix(t, g, start, end);
    if (person > start) {
      start = person;
      type = 0;
    }
    // "the Northern Cooperation treaty": a named agreement is a law.
    if (type !== 0 && TREATY.has(t.lower[end] ?? '') && end - start > 1) {
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
      const c = fromSpan(t, g, start, end, type, countries);
      if (c.entry >= 0 && (g.entry(c.entry).type === 'GPE' || c.label === 'NORP')) addInner(c);
      continue;
    }
    const c = fromSpan(t, g, start, end, type, countries);
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
  }

  // 3. Names the tagger missed but the gazetteer knows well: countries, demonyms, curated actors.
  // Organisations found so far, by first token, to find the one a country's name lies in.
  const orgsAt = new Map<number, Candidate[]>();
  let longestOrg = 0;
  for (const c of cands) {
    if (c.entry < 0 || g.entry(c.entry).type !== 'ORG') continue;
    orgsAt.set(c.start, [...(orgsAt.get(c.start) ?? []), c]);
    longestOrg = Math.max(longestOrg, c.end - c.start);
  }
  const insideOrg = (m: GazetteerMatch) => {
    for (let a = m.start; a >= m.start - longestOrg; a--) if (orgsAt.get(a)?.some((c) => c.end >= m.end)) return true;
    return false;
  };
  for (const m of matches) {
    // A one-letter name ("X") is a name only where the text uses it as one: "posted on X".
    if (m.end - m.start === 1 && t.words[m.start]!.length === 1 && !platformSlot(t, m.start)) continue;
    const strong = m.hits.filter((h) => h.kind !== AliasKind.Local && strongHit(g, h, m.end - m.start));
    if (!strong.length) continue;
    if (overlapsTaken(taken, m.start, m.end)) {
      if (strong.some((h) => g.entry(h.entry).type === 'GPE' || h.kind === AliasKind.Demonym)) {
        if (insideOrg(m) && !innerStarts.has(m.start)) addInner(pick(g, t, strong, m.start, m.end, -1, countries));
      }
      continue;
    }
    const c = pick(g, t, strong, m.start, m.end, -1, countries);
    cands.push(c);
    mark(taken, m.start, m.end);
    if (c.entry >= 0 && g.entry(c.entry).type === 'ORG') {
      orgsAt.set(c.start, [...(orgsAt.get(c.start) ?? []), c]);
      longestOrg = Math.max(longestOrg, c.end - c.start);
    }
  }
  // A country opening an organisation's name: "US" in "US State Department".
  for (const c of cands) {
    if (c.type !== 'ORG' || c.end - c.start < 2 || innerStarts.has(c.start)) continue;
    for (let k = c.end - 1; k > c.start; k--) {
      const hits = g.lookup(t, c.start, k).filter((h) => (h.kind === AliasKind.Name || h.kind === AliasKind.Demonym) && g.entry(h.entry).subtype === 'country');
      if (hits.length) {
        addInner(pick(g, t, hits, c.start, k, -1, countries));
        break;
      }
    }
  }
  cands.push(...inner);
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const firstAt = new Map<number, Candidate>();
  for (const c of cands) if (!firstAt.has(c.start)) firstAt.set(c.start, c);

  // 4. Regions named with a following "oblast(s)"/"region(s)": "Sumy and Kharkiv oblasts".
  for (const c of cands) {
    const e = c.entry >= 0 ? g.entry(c.entry) : null;
    if (e?.type === 'LOC' || (e && e.type !== 'GPE') || c.type === 'PERSON') continue;
    let k = c.end;
    if (t.lower[k] === 'and' && k + 1 < t.count) {
      const next = firstAt.get(k + 1);
      if (next) k = next.end;
    }
    const word = t.lower[k];
    if (!word || !REGION_WORDS.has(word)) continue;
    const base = doc.text.slice(t.start[c.start]!, t.end[c.end - 1]!);
    const region = [`${base} oblast`, `${base} region`, `${base} province`, `${base} krai`]
      .flatMap((n) => g.lookupName(n))
      .find((h) => h.kind === AliasKind.Name && g.entry(h.entry).type === 'LOC');
    if (region) {
      c.entry = region.entry;
      c.type = 'LOC';
      delete c.label;
    }
  }

  // 5. Metonymy: a capital or seat of power used as an actor is its country's government.
  for (const c of cands) {
    if (c.entry < 0) continue;
    const e = g.entry(c.entry);
    if (e.seatOf >= 0 && isActor(doc, c.start, c.end, doc.sentences[t.sentence[c.start]!]!.first)) {
      c.place = c.entry;
      c.entry = e.seatOf;
      c.type = g.entry(e.seatOf).type;
      delete c.label;
    }
  }

  // 6. Roles before person names.
  const placed = new SpanIndex(cands, (c) => c.start, (c) => c.end);
  for (const c of cands) {
    if (c.type !== 'PERSON') continue;
    const role = roleBefore(t, c.start, doc.sentences[t.sentence[c.start]!]!.first);
    if (role && !placed.overlapping(role[0], role[1]).some((i) => cands[i] !== c && cands[i]!.type !== 'ORG')) c.role = role;
  }

  const slots = group(doc, g, cands);
  describe(doc, g, slots, taken);
  const out = slots.map((s) => s.entity);
  for (const e of out) e.mentions.sort((a, b) => a.start - b.start);
  return out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/**
 * Head nouns of organisation names that a definite description may use for the organisation:
 * "the commission" for the Central Military Commission, "the ministry", "the party". Entries of
 * the gazetteer may add their own nouns ("the alliance" for NATO).
 */
const DESCRIBED_HEADS = new Set(
  (
    'commission ministry agency council committee department service party alliance bloc union office bureau ' +
    'directorate court tribunal parliament assembly army navy corps brigade regiment battalion group movement ' +
    'organisation organization federation league association coalition company network broadcaster'
  ).split(' '),
);
/**
 * Definite descriptions as mentions: "the commission" is the organisation mentioned last before
 * it whose name has that head noun (or that the gazetteer describes so). They carry kind
 * "description" so that name-only consumers (the CoNLL eval) can leave them out.
 */
function describe(doc: Doc, g: Gazetteer, slots: readonly Slot[], taken: Uint8Array): void {
  const t = doc.tokens;
  let nouns: string[][] | null = null;
  for (let i = 0; i + 1 < t.count; i++) {
    if (t.lower[i] !== 'the') continue;
    const noun = t.lower[i + 1]!;
    if ((!DESCRIBED_HEADS.has(noun) && !g.descriptionNouns.has(noun)) || taken[i + 1] || t.sentence[i + 1] !== t.sentence[i]) continue;
    // Not when the noun modifies the next one ("the party chair", "the court session"), names a
    // kind ("the commission of inquiry") or opens a name ("the Party Congress").
    if (i + 2 < t.count && t.sentence[i + 2] === t.sentence[i]) {
      const tag = doc.pos[i + 2];
      if (tag === TAG.NOUN || tag === TAG.PROPN || t.lower[i + 2] === 'of') continue;
    }
    nouns ??= slots.map((s) => {
      const out = s.entry >= 0 ? [...g.entry(s.entry).descriptions] : [];
      const head = nameHead(s.tokens);
      if (s.entity.type === 'ORG' && DESCRIBED_HEADS.has(head)) out.push(head);
      return out;
    });
    let best = -1;
    let bestAt = -1;
    for (let k = 0; k < slots.length; k++) {
      if (!nouns[k]!.includes(noun)) continue;
      for (const a of slots[k]!.at) {
        if (a < i && a > bestAt) {
          bestAt = a;
          best = k;
        }
      }
    }
    if (best < 0) continue;
    const m: EntityMention = doc.span(t.start[i]!, t.end[i + 1]!);
    m.kind = 'description';
    slots[best]!.entity.mentions.push(m);
    slots[best]!.at.push(i);
  }
}

const TREATY = new Set(['treaty', 'agreement', 'accord', 'accords', 'pact', 'convention', 'protocol']);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'al', 'el', 'bin', 'ibn', 'of', 'the', 'and', 'y']);

function isLowerWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122 && !PARTICLES.has(w);
}

/** Word classes that do not open a name at the start of a sentence ("Unlike", "Instead"). */
const FUNCTION_WORDS = new Set<number>([TAG.ADP, TAG.SCONJ, TAG.CCONJ, TAG.ADV, TAG.PRON, TAG.WH, TAG.PART]);
/** Tokens that end a name: a headline's colon, dashes, bars. */
const BREAKS = new Set([':', '—', '–', '―', '|']);
/** Tokens a name neither starts nor ends with: quotation marks, commas, dashes (brackets may close a name: "Smith ( Jr )"). */
const EDGES = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', ',', ';', ':', '—', '–', '―', '|']);
const MONTHS = new Set(
  'january february march april may june july august september october november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.'.split(' '),
);

/** Is token i within the first few tokens of a line that opens with a place in capitals ("KYIV, Jan 11 (")? */
function inDateline(t: Tokens, i: number): boolean {
  for (let k = i; k >= 0 && i - k <= 6; k--) {
    if (!t.lineStart[k]) continue;
    const w = t.words[k]!;
    return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  }
  return false;
}

/** Word classes no name in capitals is made of ("TO", "SEND", "THE"). */
const PLAIN_WORD = new Set<number>([TAG.ADP, TAG.DET, TAG.PART, TAG.CCONJ, TAG.SCONJ, TAG.PRON, TAG.AUX, TAG.WH, TAG.VERB, TAG.ADV]);

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

function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : w[0] !== w[0]!.toLowerCase();
}

/** A date the tagger took for a name: "Jan 11", "October 2024". */
function isDate(t: Tokens, start: number, end: number): boolean {
  if (end - start < 2 || !MONTHS.has(t.lower[start]!)) return false;
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

/** ISO codes of the countries the article names (by name or demonym). */
function articleCountries(g: Gazetteer, matches: readonly GazetteerMatch[]): Set<string> {
  const out = new Set<string>();
  for (const m of matches) {
    for (const h of m.hits) {
      if (h.kind !== AliasKind.Name && h.kind !== AliasKind.Demonym) continue;
      const e = g.entry(h.entry);
      if (e.subtype === 'country' && e.country) out.add(e.country);
    }
  }
  return out;
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

const COMPASS = new Set(['north', 'south', 'east', 'west']);

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

/** Words around a platform's name: "on X", "via X", "an X post", "his X account". */
const PLATFORM_BEFORE = new Set(['on', 'via']);

/** A town or a city that is no capital (a capital may stand for its government: "talks in Moscow" aside). */
function isSettlement(subtype: string | null): boolean {
  return subtype === 'town' || subtype === 'city';
}
const PLATFORM_AFTER = new Set(['post', 'posts', 'account', 'accounts', 'feed', 'user', 'users']);

function platformSlot(t: Tokens, i: number): boolean {
  return PLATFORM_BEFORE.has(t.lower[i - 1] ?? '') || PLATFORM_AFTER.has(t.lower[i + 1] ?? '');
}

function mark(taken: Uint8Array, start: number, end: number): void {
  taken.fill(1, start, end);
}

function overlapsTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}

/** A gazetteer hit good enough to stand without the tagger. */
function strongHit(g: Gazetteer, h: AliasHit, length: number): boolean {
  const e = g.entry(h.entry);
  // Adjectives of places stand alone; those of parties ("Democratic") need the tagger.
  if (h.kind === AliasKind.Demonym) return e.type === 'GPE' || e.type === 'LOC';
  if (e.type === 'GPE' && e.subtype === 'country') return true;
  if (!e.source.endsWith('places.tsv')) return length > 1 || e.type === 'PERSON' || e.type === 'ORG';
  return length > 1 && e.type === 'LOC';
}

/** The candidate for a tagged span: its gazetteer entry if the name is known, else a new entity. */
function fromSpan(t: Tokens, g: Gazetteer, start: number, end: number, tagType: number, countries: ReadonlySet<string>): Candidate {
  // A one-letter name is the gazetteer's only where the text uses it as one ("on X", not "Generation X").
  const oneLetter = end - start === 1 && t.words[start]!.length === 1 && !platformSlot(t, start);
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
  if (!hits.length || (tagType === 0 && !hits.some((h) => g.entry(h.entry).type === 'PERSON') && !PLACE_ONLY_BEFORE.has(t.lower[start - 1] ?? ''))) {
    const type = TAGGER_TYPES[tagType]!;
    return { start, end, entry: -1, type };
  }
  return pick(g, t, hits, start, end, tagType, countries);
}

/** Choose among the entries a name may stand for: the tagger's class first, then rank. */
function pick(g: Gazetteer, t: Tokens, hits: readonly AliasHit[], start: number, end: number, tagType: number, countries: ReadonlySet<string>): Candidate {
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
  else if (tagType >= 0 && tagType !== COARSE[type] && tagType !== 3 && type !== 'PERSON' && !(isSettlement(g.entry(entry).subtype) && PLACE_ONLY_BEFORE.has(t.lower[start - 1] ?? ''))) {
    // A town or city after "in", "near", "over" is a place whatever the tagger read ("drones over Sudzha").
    c.label = TAGGER_TYPES[tagType]!;
  }
  return c;
}

/** Institution heads by their first word, for one map lookup per token. */
const HEADS_BY_FIRST = new Map<string, { words: string[]; spec: Institution }[]>();
for (const spec of INSTITUTIONS) {
  for (const head of spec.heads) {
    const words = head.split(' ');
    const list = HEADS_BY_FIRST.get(words[0]!) ?? [];
    list.push({ words, spec });
    HEADS_BY_FIRST.set(words[0]!, list);
  }
}
const NO_HEADS: { end: number; spec: Institution }[] = [];

/** Institution heads starting at token i ("general staff", "intelligence"), longest first. */
function institutionHeads(t: Tokens, i: number): { end: number; spec: Institution }[] {
  const candidates = HEADS_BY_FIRST.get(t.lower[i]!);
  if (!candidates) return NO_HEADS;
  const out: { end: number; spec: Institution }[] = [];
  for (const { words, spec } of candidates) {
    if (i + words.length > t.count) continue;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = t.lower[i + k] === words[k];
    if (ok) out.push({ end: i + words.length, spec });
  }
  return out.sort((a, b) => b.end - a.end);
}

/** The country named right before token i ("Ukraine 's", "Ukrainian"): its entry and first token. */
function countryBefore(t: Tokens, g: Gazetteer, i: number, matchAt: Map<number, GazetteerMatch>): { country: number; start: number } | null {
  for (let back = 1; back <= 5 && i - back >= 0; back++) {
    const s = i - back;
    const m = matchAt.get(s);
    if (!m) continue;
    const possessive = m.end === i - 1 && (t.lower[i - 1] === "'s" || t.lower[i - 1] === '’s');
    if (m.end !== i && !possessive) continue;
    for (const h of m.hits) {
      const e = g.entry(h.entry);
      if (e.type !== 'GPE' || e.subtype !== 'country') continue;
      if (h.kind === AliasKind.Demonym && !possessive) return { country: h.entry, start: s };
      if (h.kind === AliasKind.Name && possessive) return { country: h.entry, start: s };
    }
  }
  return null;
}

/** An institution of a country at match m: the country's own entry for the name, or a built one. */
function institution(t: Tokens, g: Gazetteer, m: GazetteerMatch, matchAt: Map<number, GazetteerMatch>): Candidate | null {
  const before = countryBefore(t, g, m.start, matchAt);
  let country = before?.country ?? -1;
  let start = before?.start ?? m.start;
  let end = m.end;
  const heads = institutionHeads(t, m.start);
  const headEnd = Math.max(m.end, heads[0]?.end ?? 0);
  if (country < 0) {
    // "General Staff of Ukraine"
    if (t.lower[headEnd] !== 'of') return null;
    const after = matchAt.get(headEnd + 1);
    const h = after?.hits.find((x) => x.kind === AliasKind.Name && g.entry(x.entry).subtype === 'country');
    if (!after || !h) return null;
    country = h.entry;
    start = m.start;
    end = after.end;
  }
  const c = g.entry(country);
  const isLocal = (h: AliasHit) => h.kind === AliasKind.Local && g.entry(h.entry).country === c.country;
  // The country's own entry whatever the case: "Russia's defence ministry" is its Defence Ministry.
  let local = m.hits.find(isLocal);
  if (!local && heads.length) {
    local = g.lookup(t, m.start, headEnd, true).find(isLocal);
    if (local && before) end = Math.max(end, headEnd);
  }
  const lowerHead = t.words[m.start] === t.lower[m.start];
  if (lowerHead) {
    // "Russian military participation" is an adjective; "Japanese intelligence said" the institution.
    const next = t.lower[headEnd] ?? '';
    const nextIsWord = /^\p{Ll}/u.test(next);
    if (nextIsWord && !next.endsWith('ed') && !ACTOR_NEXT.has(next) && !AFTER_LOWER_HEAD.has(next)) return null;
  }
  if (local) {
    return { start, end, entry: local.entry, type: g.entry(local.entry).type };
  }
  const spec = heads[0]?.spec;
  if (!spec || (lowerHead && !spec.lower)) return null;
  if (before) end = heads[0]!.end;
  return { start, end, entry: -1, type: 'ORG', name: spec.name(c.name, c.demonym ?? c.name), subtype: spec.subtype, country: c.country };
}

/** Is the place at [start, end) used as an actor (subject of a verb, party to relations)? */
function isActor(doc: Doc, start: number, end: number, sentenceFirst: number): boolean {
  const t = doc.tokens;
  // "the Kremlin", "the White House": the word that decides is the one before the article.
  const before = t.lower[start - 1] === 'the' ? start - 2 : start - 1;
  const prev = before >= sentenceFirst ? t.lower[before]! : '';
  if (PLACE_BEFORE.has(prev)) return prev === 'to' && t.lower[before - 1] === 'assistance';
  const next = t.lower[end] ?? '';
  if (next === "'s" || next === '’s') return true;
  if (ACTOR_NEXT.has(next) || ACTOR_BEFORE.has(prev)) return true;
  // A verb or auxiliary right after it ("the figure Washington gave").
  if (end < t.count && t.sentence[end] === t.sentence[start]) {
    const tag = doc.pos[end];
    return tag === TAG.VERB || tag === TAG.AUX;
  }
  return false;
}

/** An entity of the article being built, with what joining names and descriptions to it needs. */
interface Slot {
  entity: Entity;
  /** Gazetteer entry, or -1. */
  entry: number;
  /** Lower-case words of its canonical name. */
  tokens: string[];
  /** Their spelling keys (variants.ts), so that "Zelensky" finds "Volodymyr Zelenskyy". */
  keys: string[];
  /** First tokens of its mentions so far: the nearest of several fitting entities wins. */
  at: number[];
}

/** Group candidates into entities: gazetteer entries by entry, others by name, with in-article coreference. */
function group(doc: Doc, g: Gazetteer, cands: Candidate[]): Slot[] {
  const t = doc.tokens;
  const text = doc.text;
  const byKey = new Map<string, Slot>();
  const slots: Slot[] = [];
  const textOf = (c: Candidate) => text.slice(t.start[c.start]!, t.end[c.end - 1]!);
  const norm = (s: string) => s.replace(/’/g, "'").replace(/\s+/g, ' ');
  // The key of each name the gazetteer does not know and no rule named: spellings of one name share it.
  const names = cands.map((c) => (c.entry < 0 && !c.name ? norm(textOf(c)).toLowerCase().split(' ').map(spellingKey).join(' ') : ''));
  // A name the text calls an outlet once ("told Meridian Wire", "the newspaper Nordic Post") is one everywhere.
  let outlets: Set<string> | null = null;
  cands.forEach((c, i) => {
    // Not an adjective or a title the tagger read as MISC ("the Yugoslav news agency").
    if (names[i] && c.type !== 'LAW' && c.type !== 'MISC' && isOutlet(t, c.start, c.end)) (outlets ??= new Set()).add(names[i]);
  });
  if (outlets) {
    cands.forEach((c, i) => {
      if (!outlets!.has(names[i]!)) return;
      c.type = 'ORG';
      c.subtype = 'media';
      delete c.label;
    });
  }
  const majority = majorityTypes(cands, names);

  // Longer names first so shorter ones can join them ("Zelenskyy" → "Volodymyr Zelenskyy").
  const order = cands.map((_, i) => i).sort((a, b) => cands[b]!.end - cands[b]!.start - (cands[a]!.end - cands[a]!.start) || a - b);
  const target = new Array<Slot>(cands.length);
  for (const i of order) {
    const c = cands[i]!;
    let slot: Slot | undefined;
    const words = t.lower.slice(c.start, c.end).filter((w) => w !== "'s" && w !== '’s');
    const keys = words.map(spellingKey);
    const type = (names[i] && majority?.get(names[i])) || c.type;
    const key = c.entry >= 0 ? `#${c.entry}` : `${type}|${names[i] || norm(c.name!).toLowerCase()}`;
    const entry = c.entry >= 0 ? g.entry(c.entry) : null;
    const place = c.entry >= 0 ? g.entry(c.place ?? c.entry) : null;
    const generatedPlace = place !== null && place.source.endsWith('places.tsv') && place.subtype !== 'country';
    if (!c.name && (!entry || (generatedPlace && !PLACE_BEFORE.has(t.lower[c.start - 1] ?? '')))) {
      // A surname of a person named in full in the article beats a town of that name ("Washington").
      slot = nearest(slots, c.start, (s) => s.entity.type === 'PERSON' && s.tokens.length > words.length && endsWith(s.keys, keys));
      if (slot) {
        c.type = 'PERSON';
        delete c.label;
      }
    }
    slot ??= byKey.get(key);
    if (!slot && c.entry < 0) slot = joinShorter(c, words, keys, slots);
    if (!slot && generatedPlace) {
      // "Kursk" after "Kursk Oblast": a bare place name that opens a longer place name of the article.
      slot = nearest(slots, c.start, (s) => s.entity.type === 'LOC' && s.tokens.length > words.length && words.every((w, k) => s.tokens[k] === w));
    }
    if (!slot) {
      const name = entry ? entry.name : norm(c.name ?? textOf(c));
      const entity: Entity = {
        id: entityId(entry ? entry.type : type, name, entry?.kb ?? null),
        name,
        type: entry ? entry.type : type,
        subtype: entry ? entry.subtype : (c.subtype ?? null),
        kb: entry?.kb ?? null,
        mentions: [],
        country: entry ? entry.country : (c.country ?? null),
        coords: entry?.coords ?? null,
      };
      const tokens = entry || c.name ? name.toLowerCase().replace(/’/g, "'").split(/\s+/) : words;
      slot = { entity, entry: c.entry, tokens, keys: tokens.map(spellingKey), at: [] };
      byKey.set(key, slot);
      slots.push(slot);
    }
    slot.at.push(c.start);
    target[i] = slot;
  }
  cands.forEach((c, i) => {
    const entity = target[i]!.entity;
    const m: EntityMention = doc.span(t.start[c.start]!, t.end[c.end - 1]!);
    const label = c.label ?? (c.type !== entity.type && COARSE[c.type] !== COARSE[entity.type] ? c.type : undefined);
    if (label && label !== entity.type) m.label = label;
    if (c.role) m.role = text.slice(t.start[c.role[0]]!, t.end[c.role[1] - 1]!);
    entity.mentions.push(m);
  });
  return slots;
}

/** Nouns that say a name is an outlet: "the newspaper X", "X newspaper", "state TV X", "X, a daily". */
const OUTLET_NOUNS = new Set('newspaper daily weekly tabloid broadcaster tv television channel outlet magazine radio website wire'.split(' '));
/** Nouns that do so only after a word of news: "news agency", "wire service", "television network" (not "a security service"). */
const NEWS_NOUNS = new Set(['agency', 'service', 'network']);
const NEWS_WORDS = new Set(['news', 'wire', 'press', 'information', 'television', 'tv', 'broadcasting', 'media']);

/** Is token k a noun that makes a name an outlet? */
function outletNoun(t: Tokens, k: number): boolean {
  const w = t.lower[k] ?? '';
  return OUTLET_NOUNS.has(w) || (NEWS_NOUNS.has(w) && NEWS_WORDS.has(t.lower[k - 1] ?? ''));
}
/** Last words of outlets' names, which with a reporting word make the name an outlet ("told Meridian Wire"). */
const OUTLET_HEADS = new Set(
  'wire news times post herald gazette journal tribune telegraph daily press agency tv television radio broadcasting channel chronicle courier dispatch bulletin magazine newspaper weekly media'.split(' '),
);
/** Words of reporting around an outlet's name: "told X", "according to X", "X reported". */
const TOLD = new Set(['told', 'to', 'by']);
const REPORTED = new Set(['reported', 'reports', 'quoted', 'cited', 'published', 'broadcast', 'aired']);

/** Does the text around tokens [start, end) say that they name an outlet? */
function isOutlet(t: Tokens, start: number, end: number): boolean {
  // "a Lisbon-based news agency": an adjective before the noun, not the outlet's name.
  if (/-\p{Ll}+$/u.test(t.words[end - 1]!)) return false;
  const before = t.lower[start - 1] ?? '';
  const after = t.lower[end] ?? '';
  // "the news agency X", "state TV X", "the daily X"; "X newspaper", "X news agency".
  if (outletNoun(t, start - 1) || outletNoun(t, end) || (after === 'news' && outletNoun(t, end + 1))) return true;
  // "X, a Seoul-based news agency,": a short apposition ending in such a noun.
  if (after === ',' && (t.lower[end + 1] === 'a' || t.lower[end + 1] === 'an' || t.lower[end + 1] === 'the')) {
    for (let k = end + 2; k < t.count && k <= end + 6 && t.sentence[k] === t.sentence[start]; k++) {
      const w = t.lower[k]!;
      if (w === ',' || w === '.') break;
      if (outletNoun(t, k) && !/^[a-z]/.test(t.lower[k + 1] ?? '')) return true;
    }
  }
  // "in a dateline's brackets": "SEOUL, Oct 18 (Meridian Wire) —".
  if (before === '(' && after === ')' && inDateline(t, start - 1)) return true;
  // "told Meridian Wire", "according to the Kestrel Times", "Nordic Post reported".
  const reporting = TOLD.has(before === 'the' ? (t.lower[start - 2] ?? '') : before) || REPORTED.has(after);
  return OUTLET_HEADS.has(t.lower[end - 1]!) && end - start > 1 && reporting;
}

/**
 * One entity per unknown name in an article, typed by the tagger's majority, the first mention's
 * type on a tie ("Meridian Wire" tagged once as a person and twice as an organisation is an
 * organisation); mentions keep their own type as their label. Null when no name has two types.
 */
function majorityTypes(cands: readonly Candidate[], names: readonly string[]): Map<string, EntityType> | null {
  const votes = new Map<string, Map<EntityType, number>>();
  let mixed = false;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const key = names[i]!;
    if (!key || c.type === 'LAW') continue;
    const v = votes.get(key) ?? new Map<EntityType, number>();
    v.set(c.type, (v.get(c.type) ?? 0) + 1);
    votes.set(key, v);
    mixed ||= v.size > 1;
  }
  if (!mixed) return null;
  const out = new Map<string, EntityType>();
  for (const [key, v] of votes) {
    if (v.size < 2) continue;
    // Map order is insertion order: the first type seen wins a tie.
    let best: EntityType | null = null;
    for (const [type, n] of v) if (best === null || n > v.get(best)!) best = type;
    out.set(key, best!);
  }
  return out;
}

function endsWith(tokens: readonly string[], words: readonly string[]): boolean {
  const off = tokens.length - words.length;
  return off >= 0 && words.every((w, k) => tokens[off + k] === w);
}

/** Of the entities that fit, the one mentioned last before token `at`, else the first after it. */
function nearest(slots: readonly Slot[], at: number, fits: (s: Slot) => boolean = () => true): Slot | undefined {
  let best: Slot | undefined;
  let bestScore = -Infinity;
  for (const s of slots) {
    if (!fits(s)) continue;
    for (const a of s.at) {
      // Before `at`: the closer the better; after: always worse than any before, the closer the better.
      const score = a < at ? a : -a - 1;
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
  }
  return best;
}

/** The head noun of a name: the word before its first "of", else its last word ("Commission"). */
function nameHead(tokens: readonly string[]): string {
  const of = tokens.indexOf('of');
  return tokens[of > 0 ? of - 1 : tokens.length - 1] ?? '';
}

/** Is `word` an initial ("d.", "d") of `full`? */
function isInitial(word: string, full: string): boolean {
  return (word.length === 1 || (word.length === 2 && word[1] === '.')) && full.length > 1 && full[0] === word[0];
}

/**
 * An entity of the article whose name this shorter name is part of: a surname, an acronym, a
 * short form, or the name with initials ("D. Cameron" for "David Cameron"). Words compare by
 * spelling key: "Zelensky" is part of "Volodymyr Zelenskyy".
 */
function joinShorter(c: Candidate, words: string[], keys: string[], slots: readonly Slot[]): Slot | undefined {
  if (c.name) return undefined;
  const fitting: Slot[] = [];
  const firstNames: Slot[] = [];
  for (const s of slots) {
    const e = s.entity;
    if (c.type === 'PERSON' && e.type === 'PERSON' && s.tokens.length === words.length && words.length > 1) {
      // Initials for the first names, the surname spelled out: "D. Cameron", "J. R. Smith".
      const last = words.length - 1;
      if (keys[last] === s.keys[last] && words.slice(0, last).every((w, k) => keys[k] === s.keys[k] || isInitial(w, s.tokens[k]!)) && words.some((w, k) => isInitial(w, s.tokens[k]!))) fitting.push(s);
      continue;
    }
    if (s.tokens.length <= words.length) continue;
    if (c.type === 'PERSON' && e.type === 'PERSON') {
      // "Zelenskyy" / "Kim Jong" → the full name ending (or starting) with these words.
      if (endsWith(s.keys, keys) || (words.length > 1 && keys.every((w, k) => s.keys[k] === w))) fitting.push(s);
      // "Hillary", "Kim": a first (or Korean family) name, when no full name ends with it.
      else if (words.length === 1 && s.keys[0] === keys[0]) firstNames.push(s);
    }
    if (c.type === 'ORG' && e.type === 'ORG' && words.length === 1) {
      // "NDU" for "National Dockers' Union"; "Commission" for "European Commission".
      const initials = s.tokens.filter((w) => /^\p{L}/u.test(w) && !['of', 'the', 'and', 'for'].includes(w)).map((w) => w[0]).join('');
      if ((initials.length > 1 && initials === words[0]) || nameHead(s.tokens) === words[0]) fitting.push(s);
    }
  }
  return nearest(fitting, c.start) ?? nearest(firstNames, c.start);
}
