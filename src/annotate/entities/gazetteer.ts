import { readFileSync } from 'node:fs';
import { tokenize, type Tokens } from '../../doc/tokenize.js';
import { ENTITY_TYPES, type EntityType } from '../../doc/types.js';

/**
 * The gazetteer: known entities and the names the text may use for them, matched over tokens.
 * Every file (the shipped ones in data/gazetteer and users' `--gazetteer FILE`) has one format,
 * described in docs/gazetteer.md: tab-separated rows
 *   name, type, subtype, kb, country, coords, aliases, demonyms, local names, seats, rank
 * with "-" or nothing for an empty field and "|" between list items.
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
  /** Where the entry came from: the shipped file's name or the user's path. */
  source: string;
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
  /** Two bits per alias token (first token lowest): 0 any case, 1 capital initial, 2 all capitals. */
  cases: number;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  hits: AliasHit[] | null;
}

/** A match of one or more aliases over tokens [start, end). */
export interface GazetteerMatch {
  start: number;
  end: number;
  hits: AliasHit[];
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

function caseClass(word: string): number {
  const c = word[0]!;
  const code = word.charCodeAt(0);
  if (code < 128) {
    if (code < 65 || code > 90) return 0;
    for (let i = 1; i < word.length; i++) {
      const d = word.charCodeAt(i);
      if (d >= 97 && d <= 122) return 1;
    }
    return word.length >= 2 ? 2 : 1;
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

export class Gazetteer {
  readonly entries: GazetteerEntry[] = [];
  private readonly root = new Map<string, TrieNode>();
  /** Entries by lower-cased canonical name, for joining seats and templates to their entries. */
  private readonly byName = new Map<string, number>();
  /** Country entries by ISO code. */
  private readonly countries = new Map<string, number>();

  /** Parse one file's text; `source` names it in errors ("FILE:LINE: …"). */
  load(text: string, source: string): void {
    const pendingSeats: [number, string, number][] = [];
    const lines = text.split('\n');
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
      const [name = '', type = '', subtype = '', kb = '', country = '', coords = '', aliases = '', demonyms = '', local = '', seats = '', rank = ''] = f;
      if (!name) throw new Error(`${where}: missing name (expected tab-separated fields: name, type, subtype, kb, …)`);
      if (!(ENTITY_TYPES as readonly string[]).includes(type)) throw new Error(`${where}: unknown type "${type}" (one of ${ENTITY_TYPES.join(', ')})`);
      if (kb && !KB.test(kb)) throw new Error(`${where}: kb "${kb}" is not of the form base:id (wikidata:Q423)`);
      if (country && (country.length !== 2 || country !== country.toUpperCase())) throw new Error(`${where}: country "${country}" is not an ISO 3166-1 alpha-2 code`);
      let xy: [number, number] | null = null;
      if (coords) {
        const p = coords.split(',').map(Number);
        if (p.length !== 2 || !p.every(Number.isFinite) || Math.abs(p[0]!) > 90 || Math.abs(p[1]!) > 180) throw new Error(`${where}: coords "${coords}" are not "lat,lon"`);
        xy = [p[0]!, p[1]!];
      }
      const r = rank ? Number(rank) : 0;
      if (!Number.isFinite(r)) throw new Error(`${where}: rank "${rank}" is not a number`);
      const id = this.entries.length;
      this.entries.push({ name, type: type as EntityType, subtype: subtype || null, kb: kb || null, country: country || null, coords: xy, rank: r, seatOf: -1, source, demonym: demonyms ? list(demonyms)[0]! : null });
      const key = name.toLowerCase();
      const prev = this.byName.get(key);
      if (prev === undefined || this.entries[prev]!.rank < r) this.byName.set(key, id);
      if (type === 'GPE' && country && (subtype === 'country' || !this.countries.has(country))) this.countries.set(country, id);
      this.add(name, id, AliasKind.Name);
      for (const a of list(aliases)) this.add(a, id, AliasKind.Name);
      for (const a of list(demonyms)) this.add(a, id, AliasKind.Demonym);
      for (const a of list(local)) this.add(a, id, AliasKind.Local);
      for (const s of list(seats)) pendingSeats.push([id, s, ln + 1]);
    }
    for (const [id, seat] of pendingSeats) {
      // A seat is a place of its own ("Moscow", "Kremlin"); when the gazetteer has it, mark that
      // entry too, and always let the name itself resolve to the government as an actor.
      const place = this.byName.get(seat.toLowerCase());
      if (place !== undefined && place !== id && this.entries[place]!.seatOf < 0) this.entries[place]!.seatOf = id;
      this.add(seat, id, AliasKind.Seat);
    }
  }

  /** The entry for a country code, or -1. */
  country(code: string): number {
    return this.countries.get(code) ?? -1;
  }

  /** The entry with this canonical name (highest rank), or -1. */
  named(name: string): number {
    return this.byName.get(name.toLowerCase()) ?? -1;
  }

  private add(alias: string, entry: number, kind: AliasKind): void {
    const words = aliasTokens(alias);
    if (!words.length) return;
    let map = this.root;
    let node: TrieNode | undefined;
    for (let i = 0; i < words.length; i++) {
      const k = tokenKey(words[i]!.toLowerCase());
      node = map.get(k);
      if (!node) {
        node = { next: null, hits: null };
        map.set(k, node);
      }
      if (i < words.length - 1) map = node.next ??= new Map();
    }
    const hits = (node!.hits ??= []);
    for (const h of hits) if (h.entry === entry && h.kind === kind) return;
    let cases = 0;
    for (let i = 0; i < words.length && i < 15; i++) cases |= caseClass(words[i]!) << (2 * i);
    hits.push({ entry, kind, cases });
  }

  /**
   * The longest alias match starting at each token where one starts (matches may overlap; the
   * caller picks). Case must fit: a capitalised alias word needs a capitalised token, an
   * acronym an all-capitals one ("US" never matches "us").
   */
  scan(t: Tokens, from = 0, to = t.count): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    for (let i = from; i < to; i++) {
      let map: Map<string, TrieNode> | null = this.root;
      let best: GazetteerMatch | null = null;
      const sentence = t.sentence[i]!;
      for (let j = i; j < to && map && t.sentence[j] === sentence; j++) {
        const node: TrieNode | undefined = map.get(tokenKey(t.lower[j]!));
        if (!node) break;
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

  /** The hits of an exact alias over tokens [start, end), case-checked. */
  lookup(t: Tokens, start: number, end: number): AliasHit[] {
    let map: Map<string, TrieNode> | null = this.root;
    let node: TrieNode | undefined;
    for (let j = start; j < end; j++) {
      if (!map) return [];
      node = map.get(tokenKey(t.lower[j]!));
      if (!node) return [];
      map = node.next;
    }
    return node?.hits?.filter((h) => fits(t, start, h.cases)) ?? [];
  }

  /** The hits of a name given as a string (for the names rules build, e.g. "General Staff"). */
  lookupName(name: string): AliasHit[] {
    let map: Map<string, TrieNode> | null = this.root;
    let node: TrieNode | undefined;
    for (const w of aliasTokens(name)) {
      if (!map) return [];
      node = map.get(tokenKey(w.toLowerCase()));
      if (!node) return [];
      map = node.next;
    }
    return node?.hits ?? [];
  }
}

const KB = /^[a-z][a-z0-9_-]*:\S+$/;

const NONE: string[] = [];

function list(field: string): string[] {
  if (!field) return NONE;
  if (field.indexOf('|') < 0) return [field];
  return field.split('|').map((x) => x.trim()).filter(Boolean);
}

function fits(t: Tokens, start: number, cases: number): boolean {
  for (let k = 0; cases >>> (2 * k); k++) {
    const need = (cases >>> (2 * k)) & 3;
    if (!need) continue;
    const w = t.words[start + k]!;
    const c = w.charCodeAt(0);
    const upper = c < 128 ? c >= 65 && c <= 90 : w[0] !== w[0]!.toLowerCase();
    if (!upper) return false;
    if (need === 2 && w !== w.toUpperCase()) return false;
  }
  return true;
}

/** Read gazetteer files into one gazetteer, later files adding to earlier ones. */
export function readGazetteer(paths: readonly string[]): Gazetteer {
  const g = new Gazetteer();
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`gazetteer ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    g.load(text, path);
  }
  return g;
}
