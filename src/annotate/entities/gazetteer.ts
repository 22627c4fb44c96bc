import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tokenize, type Tokens } from '../../doc/tokenize.js';
import { ENTITY_TYPES, type EntityType } from '../../doc/types.js';
import { DEFAULT_LANGUAGE, type Language } from '../../lang/index.js';
import { posLexicon, TAG, type PosLexicon } from '../pos/tags.js';
import { spellingVariants } from './variants.js';
import { InputError, UnavailableError } from '../../errors.js';

/**
 * The gazetteer: known entities and the names the text may use for them, matched over tokens.
 * Every file (the shipped ones in data/gazetteer and users' `--gazetteer FILE`) has one format,
 * described in docs/gazetteer.md: tab-separated rows
 *   name, type, subtype, kb, country, coords, aliases, demonyms, local names, seats, rank, descriptions
 * with "-" or nothing for an empty field and "|" between list items.
 *
 * Parsing the shipped files (26k rows) takes a few hundred milliseconds, too long for every CLI
 * run, so scripts/build-gazetteer.ts also writes them compiled (`compile()`): entries as short
 * rows decoded when first used, and the alias trie with each node as a line that is decoded when
 * a scan first reaches it. Only the trie's root is built on opening.
 */

export interface GazetteerEntry {
  name: string;
  type: EntityType;
  subtype: string | null;
  kb: string | null;
  country: string | null;
  coords: [number, number] | null;
  /** The first demonym ("North Korean"), for names built from it. */
  demonym: string | null;
  /** Larger wins when several entries share a name (population for places). */
  rank: number;
  /** Index of the entry this place stands for when used as an actor (a capital for its country), or -1. */
  seatOf: number;
  /** Where the entry came from: the shipped file's path or the user's. */
  source: string;
  /** Nouns a definite description may refer to it by, lower case ("alliance" for "the alliance" = NATO). */
  descriptions: readonly string[];
}

/** How an alias names its entry. */
export const enum AliasKind {
  /** The entity's name or an alias of it. */
  Name = 0,
  /** An adjective or people of a country ("North Korean"): a NORP mention of the country. */
  Demonym = 1,
  /** A name that needs its country in front or after ("General Staff" in "Ukraine's General Staff"). */
  Local = 2,
  /** A place standing for the entity when used as an actor ("the Kremlin" for Russia). */
  Seat = 3,
}

export interface AliasHit {
  entry: number;
  kind: AliasKind;
  /**
   * Two bits per alias token (first token lowest): 0 any case, 1 capital initial, 2 all capitals,
   * 3 all capitals or an acronym written as a word ("NATO" or "Nato").
   */
  cases: number;
}

/** A trie node; a child not yet decoded from the compiled form is its offset there. */
interface TrieNode {
  next: Map<string, Child> | null;
  hits: AliasHit[] | null;
}
type Child = TrieNode | number;

/** A match of one or more aliases over tokens [start, end). */
export interface GazetteerMatch {
  start: number;
  end: number;
  hits: AliasHit[];
}

/** A seat of power not yet joined to the place of that name (the place may come in a later file). */
interface PendingSeat {
  entry: number;
  seat: string;
}

/** Lower-cased token text as the trie keys it: curly apostrophes made straight. */
export function tokenKey(lower: string): string {
  return lower.indexOf('’') >= 0 ? lower.replace(/’/g, "'") : lower;
}

function aliasTokens(alias: string): string[] {
  // Most names are ASCII words and spaces; only the others need the real tokenizer.
  for (let i = 0; i < alias.length; i++) {
    const c = alias.charCodeAt(i);
    if (!(c === 32 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) return tokenize(alias).tokens.words;
  }
  return alias.split(' ').filter(Boolean);
}

function caseClass(word: string, lexicon: PosLexicon): number {
  const c = word[0]!;
  const code = word.charCodeAt(0);
  if (code < 128) {
    if (code < 65 || code > 90) return 0;
    for (let i = 1; i < word.length; i++) {
      const d = word.charCodeAt(i);
      if (d >= 97 && d <= 122) return 1;
    }
    if (word.length < 2) return 1;
    // Acronyms read as words are written so too ("Nato", "Isis"); not those that are words of
    // another class ("WHO" is no "Who").
    if (word.length >= 3 && /^[A-Z]+$/.test(word)) {
      const cls = lexicon.classOf(word.toLowerCase());
      if (cls === undefined || cls === TAG.PROPN) return 3;
    }
    return 2;
  }
  if (c.toLowerCase() === c.toUpperCase()) return 0;
  if (c === c.toLowerCase()) return 0;
  let letters = 0;
  for (const ch of word) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      if (ch !== ch.toUpperCase()) return 1;
      letters++;
    }
  }
  return letters >= 2 ? 2 : 1;
}

/** First line of a compiled gazetteer; bump the number when the layout changes. */
const COMPILED_MAGIC = 'CTGAZ3';

export class Gazetteer {
  /** The language of its names: its word classes and its institutions' names. */
  constructor(readonly language: Language = DEFAULT_LANGUAGE) {}

  /** Entries decoded so far (all of them when read from TSV). */
  private readonly decoded: GazetteerEntry[] = [];
  /** Compiled entry rows, decoded on first use; sources index `packedSources`. */
  private packedRows: readonly string[] = [];
  private packedSources: readonly string[] = [];
  /** Compiled trie: one node per line; children point at their node's offset. */
  private packedTrie = '';
  private count = 0;
  private root: Map<string, Child> = new Map();
  private pendingSeats: PendingSeat[] = [];
  /** Every description noun of every entry, lower case: a cheap first test for "the <noun>". */
  readonly descriptionNouns = new Set<string>();
  /** Country entry → its capital's entry, found on first use ("the Peruvian capital"). */
  private capitals: Map<number, number> | null = null;

  /** Number of entries. */
  get size(): number {
    return this.count;
  }

  /** Entry `i` (an alias hit's `entry`). */
  entry(i: number): GazetteerEntry {
    return this.decoded[i] ?? this.decodeEntry(i);
  }

  /** The capital of country entry `country` (the capital that stands for it), or -1. */
  capitalOf(country: number): number {
    if (!this.capitals) {
      this.capitals = new Map();
      for (let i = 0; i < this.count; i++) {
        // Rows not decoded yet are tested as text first: a few hundred of some 45,000 are capitals.
        const row = this.packedRows[i];
        if (!this.decoded[i] && row !== undefined && !row.includes('\tcapital\t')) continue;
        const e = this.entry(i);
        if (e.subtype === 'capital' && e.seatOf >= 0) this.capitals.set(e.seatOf, i);
      }
    }
    return this.capitals.get(country) ?? -1;
  }

  /** Parse one file's text; `source` names it in errors ("FILE:LINE: …"). */
  load(text: string, source: string): void {
    const lines = text.split('\n');
    /** This file's organisations of a country, for the institutions they are (institutions.ts). */
    const bodies: { id: number; country: string; subtype: string; names: string }[] = [];
    for (let ln = 0; ln < lines.length; ln++) {
      const line = lines[ln]!;
      if (line.charCodeAt(0) === 35 /* # */ || !line.trim()) continue;
      const f = line.split('\t');
      for (let k = 0; k < f.length; k++) {
        let x = f[k]!;
        if (x.charCodeAt(0) <= 32 || x.charCodeAt(x.length - 1) <= 32) x = x.trim();
        f[k] = x === '-' ? '' : x;
      }
      const where = `${source}:${ln + 1}`;
      const [name = '', type = '', subtype = '', kb = '', country = '', coords = '', aliases = '', demonyms = '', local = '', seats = '', rank = '', descriptions = ''] = f;
      if (!name) throw new InputError(where, `missing name (expected tab-separated fields: name, type, subtype, kb, …)`);
      if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new InputError(where, `unknown type "${type}" (one of ${ENTITY_TYPES.join(', ')})`);
      if (kb && !KB.test(kb)) throw new InputError(where, `kb "${kb}" is not of the form base:id (wikidata:Q423)`);
      if (country && (country.length !== 2 || country !== country.toUpperCase())) throw new InputError(where, `country "${country}" is not an ISO 3166-1 alpha-2 code`);
      const r = rank ? Number(rank) : 0;
      if (!Number.isFinite(r)) throw new InputError(where, `rank "${rank}" is not a number`);
      const nouns = list(descriptions).map((d) => d.toLowerCase());
      if (nouns.some((d) => d.includes(' '))) throw new InputError(where, `descriptions "${descriptions}" must be single nouns ("alliance|bloc")`);
      const id = this.count++;
      this.decoded[id] = {
        name,
        type: type as EntityType,
        subtype: subtype || null,
        kb: kb || null,
        country: country || null,
        coords: coords ? parseCoords(coords, where) : null,
        rank: r,
        seatOf: -1,
        source,
        demonym: demonyms ? list(demonyms)[0]! : null,
        descriptions: nouns,
      };
      for (const d of nouns) this.descriptionNouns.add(d);
      this.add(name, id, AliasKind.Name);
      for (const a of list(aliases)) this.add(a, id, AliasKind.Name);
      // People are found under every romanisation of their names ("Zelensky", "Zelenskiy").
      if (type === 'PERSON') for (const a of [name, ...list(aliases)]) for (const v of nameVariants(a)) this.add(v, id, AliasKind.Name);
      for (const a of list(demonyms)) this.add(a, id, AliasKind.Demonym);
      for (const a of list(local)) this.add(a, id, AliasKind.Local);
      for (const s of list(seats)) {
        this.add(s, id, AliasKind.Seat);
        this.pendingSeats.push({ entry: id, seat: s });
      }
      if (type === 'ORG' && country && subtype) bodies.push({ id, country, subtype, names: `${name}|${aliases}` });
    }
    this.addInstitutionNames(bodies);
    // Seats may name places of this file or of earlier ones; one left over may find its place later.
    this.pendingSeats = this.pendingSeats.filter((s) => !this.linkSeat(s));
  }

  /**
   * The one body of a country that is one of its institutions (its intelligence service, general
   * staff, defence ministry …) is also named by that institution's heads after the country: "South
   * Korean intelligence" is the National Intelligence Service. Not where the country has several
   * (the CIA and the NSA) or already has a local name of that head for another body.
   */
  private addInstitutionNames(bodies: readonly { id: number; country: string; subtype: string; names: string }[]): void {
    for (const spec of this.language.entities.INSTITUTIONS) {
      const { member } = spec;
      if (!member) continue;
      const byCountry = new Map<string, number[]>();
      for (const b of bodies) {
        if (b.subtype !== spec.subtype || !member(b.names)) continue;
        const ids = byCountry.get(b.country) ?? [];
        ids.push(b.id);
        byCountry.set(b.country, ids);
      }
      for (const [country, ids] of byCountry) {
        if (ids.length !== 1) continue;
        for (const head of spec.heads) {
          const taken = this.lookupName(head).some((h) => h.kind === AliasKind.Local && h.entry !== ids[0] && this.entry(h.entry).country === country);
          if (!taken) this.add(head, ids[0]!, AliasKind.Local);
        }
      }
    }
  }

  /**
   * Mark the place a seat of power names ("Kremlin", "Washington") as standing for its entity:
   * a place of that name or alias in the entity's country, a capital before other places, then
   * cities and buildings before regions, then the largest.
   */
  private linkSeat({ entry, seat }: PendingSeat): boolean {
    const owner = this.entry(entry);
    let best = -1;
    let bestScore = -Infinity;
    for (const h of this.lookupName(seat)) {
      if (h.kind !== AliasKind.Name || h.entry === entry) continue;
      const e = this.entry(h.entry);
      if (e.seatOf >= 0 || !(e.type === 'GPE' || e.type === 'FAC' || e.type === 'LOC')) continue;
      if (owner.country && e.country !== owner.country) continue;
      const score = (e.subtype === 'capital' ? 4e12 : e.type === 'LOC' ? 0 : 2e12) + e.rank;
      if (score > bestScore) {
        bestScore = score;
        best = h.entry;
      }
    }
    if (best < 0) return false;
    this.entry(best).seatOf = entry;
    return true;
  }

  private add(alias: string, entry: number, kind: AliasKind): void {
    const words = aliasTokens(alias);
    if (!words.length) return;
    let map = this.root;
    let node: TrieNode | undefined;
    for (let i = 0; i < words.length; i++) {
      const k = tokenKey(words[i]!.toLowerCase());
      node = this.child(map, k);
      if (!node) {
        node = { next: null, hits: null };
        map.set(k, node);
      }
      if (i < words.length - 1) map = node.next ??= new Map();
    }
    const hits = (node!.hits ??= []);
    let cases = 0;
    for (let i = 0; i < words.length && i < 15; i++) cases |= caseClass(words[i]!, posLexicon(this.language)) << (2 * i);
    const same = hits.find((h) => h.entry === entry && h.kind === kind);
    // Two aliases of one entry that differ only in case ("Zaporizhzhia Nuclear Power Plant" and
    // "Zaporizhzhia nuclear power plant"): each word needs only what the looser of them needs.
    if (same) same.cases = looserCases(same.cases, cases);
    else hits.push({ entry, kind, cases });
  }

  /** The child node under `key`, decoded from the compiled trie on first use. */
  private child(map: Map<string, Child>, key: string): TrieNode | undefined {
    const c = map.get(key);
    if (typeof c !== 'number') return c;
    const node = this.decodeNode(c);
    map.set(key, node);
    return node;
  }

  /**
   * The longest alias match starting at each token where one starts (matches may overlap; the
   * caller picks). Case must fit: a capitalised alias word needs a capitalised token, an
   * acronym an all-capitals one ("US" never matches "us").
   */
  scan(t: Tokens, from = 0, to = t.count): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    for (let i = from; i < to; i++) {
      let map: Map<string, Child> | null = this.root;
      let best: GazetteerMatch | null = null;
      const sentence = t.sentence[i]!;
      for (let j = i; j < to && map && t.sentence[j] === sentence; j++) {
        // child() inlined: this loop runs for every token.
        const key = tokenKey(t.lower[j]!);
        let node = map.get(key);
        if (node === undefined) break;
        if (typeof node === 'number') {
          node = this.decodeNode(node);
          map.set(key, node);
        }
        if (node.hits) {
          const hits = node.hits.filter((h) => fits(t, i, h.cases));
          if (hits.length) best = { start: i, end: j + 1, hits };
        }
        map = node.next;
      }
      if (best) out.push(best);
    }
    return out;
  }

  /** The hits of an exact alias over tokens [start, end), case-checked unless `anyCase`. */
  lookup(t: Tokens, start: number, end: number, anyCase = false): AliasHit[] {
    let map: Map<string, Child> | null = this.root;
    let node: TrieNode | undefined;
    for (let j = start; j < end; j++) {
      if (!map) return [];
      node = this.child(map, tokenKey(t.lower[j]!));
      if (!node) return [];
      map = node.next;
    }
    if (!node?.hits) return [];
    return anyCase ? node.hits : node.hits.filter((h) => fits(t, start, h.cases));
  }

  /** The hits of a name given as a string (for the names rules build, e.g. "General Staff"). */
  lookupName(name: string): AliasHit[] {
    let map: Map<string, Child> | null = this.root;
    let node: TrieNode | undefined;
    for (const w of aliasTokens(name)) {
      if (!map) return [];
      node = this.child(map, tokenKey(w.toLowerCase()));
      if (!node) return [];
      map = node.next;
    }
    return node?.hits ?? [];
  }

  /**
   * The compiled form (see the class comment), stamped with `stamp` (sourcesStamp() of the files
   * it was read from) so that a stale copy is noticed. Layout:
   *   CTGAZ3 \t stamp \t entry count \t root node's offset \t source names (|) \t description nouns (|)
   *   entry rows: name type subtype kb country coords demonym rank seatOf source descriptions
   *   seats not yet joined to a place: entry \t seat \t entry \t seat …
   *   trie nodes, children before parents: hits (entry.kind.cases, base 36, comma-separated) \t children (key offset …)
   */
  compile(stamp: string): string {
    const sources = [...new Set(this.decodedAll().map((e) => e.source))];
    const rows = this.decodedAll().map((e) =>
      [e.name, e.type, e.subtype ?? '', e.kb ?? '', e.country ?? '', e.coords?.join(',') ?? '', e.demonym ?? '', e.rank || '', e.seatOf < 0 ? '' : e.seatOf, sources.indexOf(e.source), e.descriptions.join('|')].join('\t'),
    );
    const seats = this.pendingSeats.flatMap((s) => [s.entry, s.seat]).join('\t');
    // Nodes are written children first, so a parent knows its children's offsets; the root comes last.
    const nodes: string[] = [];
    let length = 0;
    const emit = (node: TrieNode): number => {
      let children = '';
      if (node.next) {
        for (const key of [...node.next.keys()].sort()) {
          // Keys are tokens the tokenizer made, so white space in one is a bug.
          if (/\s/.test(key)) throw new Error(`gazetteer: alias token "${key}" has white space`);
          children += `${children ? ' ' : ''}${key} ${emit(this.child(node.next, key)!).toString(36)}`;
        }
      }
      const hits = node.hits?.map((h) => `${h.entry.toString(36)}.${h.kind}.${h.cases.toString(36)}`).join(',') ?? '';
      const line = `${hits}\t${children}\n`;
      nodes.push(line);
      length += line.length;
      return length - line.length;
    };
    const root = emit({ next: this.root, hits: null });
    const header = [COMPILED_MAGIC, stamp, this.count, root, sources.map((s) => basename(s)).join('|'), [...this.descriptionNouns].join('|')].join('\t');
    return `${header}\n${rows.join('\n')}\n${seats}\n${nodes.join('')}`;
  }

  private decodedAll(): GazetteerEntry[] {
    const out: GazetteerEntry[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.entry(i));
    return out;
  }

  /** A gazetteer over compiled text; `sources` are the paths of the files it was compiled from. */
  static fromCompiled(text: string, sources: readonly string[], language: Language = DEFAULT_LANGUAGE): Gazetteer {
    const g = new Gazetteer(language);
    const headerEnd = text.indexOf('\n');
    const [magic, , count, root, names = '', nouns = ''] = text.slice(0, headerEnd).split('\t');
    if (magic !== COMPILED_MAGIC) throw new UnavailableError(`compiled gazetteer: bad magic "${magic}"`);
    g.count = Number(count);
    g.packedSources = names.split('|').map((n) => sources.find((s) => basename(s) === n) ?? n);
    for (const d of list(nouns)) g.descriptionNouns.add(d);
    let at = headerEnd + 1;
    if (g.count) {
      let end = at;
      for (let i = 0; i < g.count; i++) end = text.indexOf('\n', end) + 1;
      g.packedRows = text.slice(at, end - 1).split('\n');
      at = end;
    }
    const seatsEnd = text.indexOf('\n', at);
    const seats = text.slice(at, seatsEnd).split('\t');
    for (let k = 0; k + 1 < seats.length; k += 2) g.pendingSeats.push({ entry: Number(seats[k]), seat: seats[k + 1]! });
    g.packedTrie = text.slice(seatsEnd + 1);
    g.root = g.decodeNode(Number(root)).next ?? new Map();
    return g;
  }

  private decodeEntry(i: number): GazetteerEntry {
    const row = this.packedRows[i];
    // Entry numbers come from the trie the same file was compiled with: a missing one is a bug.
    if (row === undefined) throw new Error(`gazetteer: no entry ${i}`);
    const [name = '', type, subtype, kb, country, coords, demonym, rank, seatOf, source, descriptions = ''] = row.split('\t');
    const xy = coords ? coords.split(',') : null;
    const e: GazetteerEntry = {
      name,
      type: type as EntityType,
      subtype: subtype || null,
      kb: kb || null,
      country: country || null,
      coords: xy ? [Number(xy[0]), Number(xy[1])] : null,
      demonym: demonym || null,
      rank: rank ? Number(rank) : 0,
      seatOf: seatOf ? Number(seatOf) : -1,
      source: this.packedSources[Number(source)] ?? '',
      descriptions: list(descriptions),
    };
    this.decoded[i] = e;
    return e;
  }

  private decodeNode(offset: number): TrieNode {
    const s = this.packedTrie;
    const tab = s.indexOf('\t', offset);
    const eol = s.indexOf('\n', tab);
    return { next: eol > tab + 1 ? decodeChildren(s, tab + 1, eol) : null, hits: tab > offset ? decodeHits(s, offset, tab) : null };
  }
}

/*
 * A node's hits and its children are read by functions of their own, not by loops in decodeNode: the root's thousands
 * of children made V8 compile decodeNode's loop on the spot (on-stack replacement) before it had read any hits, and
 * that code then gave up on later nodes with hits again and again (1,636 deoptimisations in one run of PolNeAR; none
 * in two runs with these functions).
 */

/** The hits written in s[from, to): entry.kind.cases, base 36, comma-separated. */
function decodeHits(s: string, from: number, to: number): AliasHit[] {
  const hits: AliasHit[] = [];
  for (const h of s.slice(from, to).split(',')) {
    const a = h.indexOf('.');
    hits.push({ entry: parseInt(h.slice(0, a), 36), kind: h.charCodeAt(a + 1) - 48, cases: parseInt(h.slice(a + 3), 36) });
  }
  return hits;
}

/** The children written in s[from, to): key offset key offset …, offsets base 36. */
function decodeChildren(s: string, from: number, to: number): Map<string, Child> {
  const next = new Map<string, Child>();
  const parts = s.slice(from, to).split(' ');
  for (let k = 0; k + 1 < parts.length; k += 2) next.set(parts[k]!, parseInt(parts[k + 1]!, 36));
  return next;
}

const KB = /^[a-z][a-z0-9_-]*:\S+$/;

const MAX_NAME_VARIANTS = 24;

/** Spellings of a person's name, word by word (spellingVariants), the name itself left out. */
function nameVariants(name: string): string[] {
  let out = [''];
  for (const w of name.split(' ')) {
    if (!w) continue;
    const vs = /^\p{Lu}\p{Ll}/u.test(w) ? spellingVariants(w) : [w];
    out = out.flatMap((o) => vs.map((v) => (o ? `${o} ${v}` : v))).slice(0, MAX_NAME_VARIANTS);
  }
  return out.filter((v) => v !== name);
}

const NONE: string[] = [];

function list(field: string): string[] {
  if (!field) return NONE;
  if (field.indexOf('|') < 0) return [field];
  return field.split('|').map((x) => x.trim()).filter(Boolean);
}

function parseCoords(coords: string, where: string): [number, number] {
  const p = coords.split(',').map(Number);
  if (p.length !== 2 || !p.every(Number.isFinite) || Math.abs(p[0]!) > 90 || Math.abs(p[1]!) > 180) throw new InputError(where, `coords "${coords}" are not "lat,lon"`);
  return [p[0]!, p[1]!];
}

/** Case classes from the loosest need to the strictest: any, capital initial, acronym or word, all capitals. */
const STRICTNESS = [0, 1, 3, 2];

function looserCases(a: number, b: number): number {
  let out = 0;
  for (let k = 0; k < 15; k++) {
    const x = (a >>> (2 * k)) & 3;
    const y = (b >>> (2 * k)) & 3;
    out |= (STRICTNESS[x]! <= STRICTNESS[y]! ? x : y) << (2 * k);
  }
  return out;
}

function fits(t: Tokens, start: number, cases: number): boolean {
  for (let k = 0; cases >>> (2 * k); k++) {
    const need = (cases >>> (2 * k)) & 3;
    if (!need) continue;
    const w = t.words[start + k]!;
    const c = w.charCodeAt(0);
    const upper = c < 128 ? c >= 65 && c <= 90 : w[0] !== w[0]!.toLowerCase();
    if (!upper) return false;
    if (need >= 2 && w !== w.toUpperCase() && (need === 2 || w.slice(1) !== w.slice(1).toLowerCase())) return false;
  }
  return true;
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // The places table and the compiled form are generated at install (npm ci runs `prepare`).
    const hint = code === 'ENOENT' && path.endsWith('places.tsv') ? '; generate it with `npm run build:data`' : '';
    throw new UnavailableError(`gazetteer ${path}: cannot read (${code ?? (e as Error).message})${hint}`, { cause: e });
  }
}

/** Read gazetteer files into one gazetteer, later files adding to earlier ones. */
export function readGazetteer(paths: readonly string[], language: Language = DEFAULT_LANGUAGE): Gazetteer {
  const g = new Gazetteer(language);
  for (const path of paths) g.load(readBytes(path).toString('utf8'), path);
  return g;
}

/** What a compiled gazetteer is stamped with: a hash of the files it is compiled from and of the layout. */
export function sourcesStamp(files: readonly Uint8Array[]): string {
  const h = createHash('sha1').update(COMPILED_MAGIC);
  for (const f of files) h.update('\0').update(f);
  return h.digest('base64url');
}

let warnedStale = false;

/**
 * The shipped gazetteer from its compiled form when that is up to date with `sources`, else
 * from the sources themselves (with a warning to recompile), then users' `extra` files on top.
 */
export function openGazetteer(compiled: string, sources: readonly string[], extra: readonly string[] = [], language: Language = DEFAULT_LANGUAGE): Gazetteer {
  // Hashing the sources' bytes costs a few milliseconds; decoding them as text would cost more.
  const files = sources.map(readBytes);
  let text: string | null = null;
  try {
    text = readFileSync(compiled, 'utf8');
  } catch {
    // missing: fall back to the sources below
  }
  let g: Gazetteer;
  if (text !== null && text.slice(0, text.indexOf('\n')).split('\t')[1] === sourcesStamp(files)) g = Gazetteer.fromCompiled(text, sources, language);
  else {
    if (!warnedStale) {
      warnedStale = true;
      process.emitWarning(`${compiled} is missing or older than ${sources.map((s) => basename(s)).join(', ')}; reading those (slower). Run: npm run build:data`);
    }
    g = new Gazetteer(language);
    sources.forEach((s, k) => g.load(files[k]!.toString('utf8'), s));
  }
  for (const path of extra) g.load(readBytes(path).toString('utf8'), path);
  return g;
}
