/**
 * Candidates joined into entities: gazetteer entries by entry, other names by name, with the
 * article's own coreference ("Zelenskyy" → "Volodymyr Zelenskyy", "Kursk" → "Kursk Oblast",
 * "NDU" → "National Dockers' Union"), and names the text calls outlets made media.
 */
import type { Entity, EntityMention, EntityType } from '../../../doc/types.js';
import { entityId } from '../ids.js';
import type { Gazetteer } from '../gazetteer.js';
import { spellingKey } from '../variants.js';
import { COARSE, inDateline, type Candidate, type Resolution } from './context.js';

/** An entity of the article being built, with what joining names and descriptions to it needs. */
export interface Slot {
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
export function group(r: Resolution): Slot[] {
  const { doc, t, g, lex, cands } = r;
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
    if (names[i] && c.type !== 'LAW' && c.type !== 'MISC' && isOutlet(r, c.start, c.end)) (outlets ??= new Set()).add(names[i]);
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
    if (!c.name && (!entry || (generatedPlace && !lex.PLACE_BEFORE.has(t.lower[c.start - 1] ?? '')))) {
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
    if (!slot && entry) {
      slot = entrySlot(g, c.entry, slots);
      byKey.set(key, slot);
    }
    if (!slot) {
      const name = norm(c.name ?? textOf(c));
      const entity: Entity = { id: entityId(type, name, null), name, type, subtype: c.subtype ?? null, kb: null, mentions: [], country: c.country ?? null, coords: null };
      const tokens = c.name ? nameTokens(name) : words;
      slot = { entity, entry: -1, tokens, keys: tokens.map(spellingKey), at: [] };
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

/** A new entity of the article for gazetteer entry `entry`, added to `slots`. */
export function entrySlot(g: Gazetteer, entry: number, slots: Slot[]): Slot {
  const e = g.entry(entry);
  const entity: Entity = { id: entityId(e.type, e.name, e.kb), name: e.name, type: e.type, subtype: e.subtype, kb: e.kb, mentions: [], country: e.country, coords: e.coords };
  const tokens = nameTokens(e.name);
  const slot: Slot = { entity, entry, tokens, keys: tokens.map(spellingKey), at: [] };
  slots.push(slot);
  return slot;
}

function nameTokens(name: string): string[] {
  return name.toLowerCase().replace(/’/g, "'").split(/\s+/);
}

/** Is token k a noun that makes a name an outlet? */
function outletNoun(r: Resolution, k: number): boolean {
  const { t, lex } = r;
  const w = t.lower[k] ?? '';
  return lex.OUTLET_NOUNS.has(w) || (lex.NEWS_NOUNS.has(w) && lex.NEWS_WORDS.has(t.lower[k - 1] ?? ''));
}

/** Does the text around tokens [start, end) say that they name an outlet? */
function isOutlet(r: Resolution, start: number, end: number): boolean {
  const { t, lex } = r;
  // "a Lisbon-based news agency": an adjective before the noun, not the outlet's name.
  if (/-\p{Ll}+$/u.test(t.words[end - 1]!)) return false;
  const before = t.lower[start - 1] ?? '';
  const after = t.lower[end] ?? '';
  // "the news agency X", "state TV X", "the daily X"; "X newspaper", "X news agency".
  if (outletNoun(r, start - 1) || outletNoun(r, end) || (after === 'news' && outletNoun(r, end + 1))) return true;
  // "X, a Seoul-based news agency,": a short apposition ending in such a noun.
  if (after === ',' && (t.lower[end + 1] === 'a' || t.lower[end + 1] === 'an' || t.lower[end + 1] === 'the')) {
    for (let k = end + 2; k < t.count && k <= end + 6 && t.sentence[k] === t.sentence[start]; k++) {
      const w = t.lower[k]!;
      if (w === ',' || w === '.') break;
      if (outletNoun(r, k) && !/^[a-z]/.test(t.lower[k + 1] ?? '')) return true;
    }
  }
  // "in a dateline's brackets": "SEOUL, Oct 18 (Meridian Wire) —".
  if (before === '(' && after === ')' && inDateline(t, start - 1)) return true;
  // "told Meridian Wire", "according to the Kestrel Times", "Nordic Post reported".
  const reporting = lex.TOLD.has(before === 'the' ? (t.lower[start - 2] ?? '') : before) || lex.REPORTED.has(after);
  return lex.OUTLET_HEADS.has(t.lower[end - 1]!) && end - start > 1 && reporting;
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
export function nameHead(tokens: readonly string[]): string {
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
