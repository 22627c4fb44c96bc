import type { ClaimFeatures, EventSig } from './features.js';
import { meaningKeys, meaningOverlap } from './meaning.js';
import { fmix } from './minhash.js';

/**
 * Propositions: claims about the same thing, across articles and sources. A claim joins the
 * proposition it matches best, found through keys (an event type with one of its arguments; LSH
 * bands of MinHash values of its content words), else founds a new one. Matching is by event (same type,
 * a shared argument, no conflicting one) or by content words (Jaccard, with a shared entity
 * lowering the bar, or most of the shorter content's words).
 */
export interface PropFeatures {
  /** The outcomes its members blame someone for ("war"): a blaming claim joins the dispute over who is to blame. */
  blames?: string[];
  /** The standing questions its members answer, each for one party ("party|state:XX"): a claim answering one joins them. */
  standings?: string[];
  /** Who its first claim is about, and the rare words it says of them: claims about one party in the same rare words meet. */
  subject?: string | null;
  rare?: string[];
  events: EventSig[];
  words: string[];
  /** The words' rows in the shipped vectors (meaning.ts). */
  rows?: number[];
  entities: string[];
  countries: Record<string, string>;
  wide: string[];
}

/** MinHash values of a content's words, taken two by two as lookup keys. */
const WORD_HASHES = 16;
/** War event types: claims about one share a single argument (a place, an actor) and can be set against each other by it. */
export const MILITARY: ReadonlySet<string> = new Set(['deploy', 'attack', 'military_operation', 'capture', 'kill', 'injure', 'withdraw', 'arms_transfer', 'ceasefire', 'intercept']);
/** At most this many event signatures are kept per proposition (the earliest). */
const MAX_EVENTS = 12;

export function propositionOf(f: ClaimFeatures): PropFeatures {
  return inOneShape({ blames: f.blame ? [f.blame.outcome] : undefined, standings: f.standing ? [standingKey(f.standing)] : undefined, subject: f.subject, rare: f.rare, events: dedupeEvents(f.events), words: f.words, rows: f.rows || undefined, entities: f.entities, countries: { ...f.countries }, wide: [...f.wide] });
}

/**
 * A proposition's features with every field present, in one order: made here or read back from the store (where JSON
 * left out the absent ones), all propositions then share one hidden class, and the matching code V8 compiled for one
 * is not thrown away at the next. A field absent is undefined, which JSON leaves out as before.
 */
export function inOneShape(p: PropFeatures): PropFeatures {
  return { blames: p.blames, standings: p.standings, subject: p.subject, rare: p.rare, events: p.events, words: p.words, rows: p.rows, entities: p.entities, countries: p.countries, wide: p.wide };
}

/** One standing question about one party, as a key ("nuclear|state:XX"). */
export function standingKey(s: { question: string; party: string }): string {
  return `${s.question}|${s.party}`;
}

/**
 * Add a member's events of the proposition's own types (a member's other events are not what the
 * proposition is about), with their countries and wide places. Returns whether the features changed,
 * which the store must then be told even when no key is new (an event whose arguments the proposition
 * already has keys for), and the new keys.
 */
export function widen(p: PropFeatures, f: ClaimFeatures): { changed: boolean; keys: string[] } {
  const types = new Set(p.events.map((e) => e.type));
  const more = f.events.filter((e) => types.has(e.type));
  if (!more.length) return { changed: false, keys: [] };
  const before = new Set(eventKeys(p.events, p.wide));
  const events = dedupeEvents([...p.events, ...more]).slice(0, MAX_EVENTS);
  const wide = [...new Set([...(p.wide ?? []), ...f.wide])];
  // The old events come first and are kept: only a longer list is a change.
  const changed = events.length > p.events.length || wide.length > (p.wide?.length ?? 0) || Object.entries(f.countries).some(([id, country]) => p.countries[id] !== country);
  p.events = events;
  Object.assign(p.countries, f.countries);
  p.wide = wide;
  return { changed, keys: eventKeys(p.events, p.wide).filter((k) => !before.has(k)) };
}

/** Keys of events: type and argument, and the place of a war event (narrower than a country) of any type. */
function eventKeys(events: readonly EventSig[], wide: readonly string[]): string[] {
  const keys: string[] = [];
  for (const e of events) {
    if (e.actor) keys.push(`e:${e.type}:a:${e.actor}`);
    if (e.target) keys.push(`e:${e.type}:t:${e.target}`);
    if (e.place) keys.push(`e:${e.type}:p:${e.place}`);
    if (e.place && MILITARY.has(e.type) && !wide.includes(e.place)) keys.push(`m:${e.place}`);
  }
  return keys;
}

function dedupeEvents(events: readonly EventSig[]): EventSig[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const k = `${e.type}|${e.actor}|${e.target}|${e.place}`;
    if (seen.has(k) || (!e.actor && !e.target && !e.place)) return false;
    seen.add(k);
    return true;
  });
}

/** Lookup keys of a claim or proposition. */
export function keysOf(f: {
  events: readonly EventSig[];
  words: readonly string[];
  rows?: readonly number[];
  wide: readonly string[];
  blame?: { outcome: string } | null;
  blames?: readonly string[];
  standing?: { question: string; party: string } | null;
  standings?: readonly string[];
  subject?: string | null;
  rare?: readonly string[];
  accuses?: { place: string } | null;
}): string[] {
  const keys = new Set<string>(eventKeys(f.events, f.wide));
  // An accusation finds the war events of the town it names, struck there or struck as a target ("shelled the town").
  if (f.accuses) keys.add(`m:${f.accuses.place}`);
  if (f.subject) for (const w of f.rare ?? []) keys.add(`s:${f.subject}:${w}`);
  for (const outcome of f.blame ? [f.blame.outcome] : (f.blames ?? [])) keys.add(`b:${outcome}`);
  for (const k of f.standing ? [standingKey(f.standing)] : (f.standings ?? [])) keys.add(`q:${k}`);
  for (const k of meaningKeys(f)) keys.add(k);
  if (f.words.length >= 3) {
    // LSH over the word set: bands of two MinHash values, so a key is shared by sets that agree
    // on two minima (a common word alone does not make a candidate).
    const mins = new Uint32Array(WORD_HASHES).fill(0xffffffff);
    for (const w of f.words) {
      // One pass over the word's letters; the hash functions are mixes of it with a seed each.
      const base = wordHash(w);
      for (let j = 0; j < WORD_HASHES; j++) {
        const h = fmix(base ^ SEEDS[j]!);
        if (h < mins[j]!) mins[j] = h;
      }
    }
    for (let b = 0; b < WORD_HASHES; b += 2) keys.add(`w:${b}:${mins[b]!.toString(36)}.${mins[b + 1]!.toString(36)}`);
  }
  return [...keys];
}

/** FNV-1a over a word's letters. */
function wordHash(w: string): number {
  let h = 2166136261;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  return h >>> 0;
}


const SEEDS = Uint32Array.from({ length: WORD_HASHES }, (_, j) => fmix(Math.imul(j + 1, 0x9e3779b9)));

/** How well a claim fits a proposition: 0 no match; event matches score above 2, word matches below 1. */
export function matchScore(f: ClaimFeatures, p: PropFeatures): number {
  // Who is to blame for one outcome is one dispute, whatever the words ("provoked the war", "bears responsibility for the conflict").
  if (f.blame) return p.blames?.includes(f.blame.outcome) ? 4 : 0;
  // So is one standing question about one party ("is not a party to the conflict", "will never join the war").
  if (f.standing) return p.standings?.includes(standingKey(f.standing)) ? 4 : 0;
  const { shared, jaccard } = overlap(f.words, p.words);
  // What the event tests read, built once per pair and only when the claim has events (most have none).
  const wide = f.events.length ? new Set([...f.wide, ...(p.wide ?? [])]) : NONE;
  const countries = f.events.length && p.events.length ? { ...p.countries, ...f.countries } : {};
  let best = 0;
  for (const e of f.events) {
    for (const q of p.events) {
      const s = eventMatch(e, q, countries, wide);
      // Meetings, sanctions, protests … with one party in common are many different events:
      // one shared argument is enough only for a war event in one place (narrower than a
      // country), else two, or some shared words. A party alone ("Russia's invasion", "attacks by
      // the army") is the background of a whole war's reporting, not one event of it.
      const narrowPlace = e.place !== null && e.place === q.place && !wide.has(e.place);
      if (s > best && (s >= 2 / 3 || (MILITARY.has(e.type) && narrowPlace) || jaccard >= 0.2)) best = s;
    }
  }
  // A claim that says the war in one place is over or goes on meets claims about the war there.
  if (!best && f.predicate !== 0) {
    const places = new Set(f.events.filter((e) => MILITARY.has(e.type) && e.place && !wide.has(e.place)).map((e) => e.place));
    if (p.events.some((q) => MILITARY.has(q.type) && q.place !== null && places.has(q.place))) best = 1 / 3;
  }
  if (best) return 2 + best;
  // Two sides each telling one attack in one place as the other's deed dispute who made it: one proposition.
  const a = f.accuses;
  if (a && p.events.some((q) => q.type === 'attack' && (q.place ?? q.target) === a.place && q.actor !== null && (countries[q.actor] ?? q.actor) !== (countries[a.actor] ?? a.actor))) return 2 + 1 / 3;
  // Events of one type by different actors or in different places are different events, whatever
  // the words ("Ukrainian forces sent drones", "North Korea sent troops").
  if (f.events.some((e) => p.events.some((q) => clash(e, q, countries, wide)))) return 0;
  // The same party said to be (or not to be) something rare: "the League is impartial", "the League was not impartial".
  if (f.subject && f.subject === p.subject && overlap(f.rare, p.rare ?? []).shared >= 1 && jaccard >= 0.08) return 0.25 + jaccard / 10;
  if (shared < 3) return byMeaning(f, p);
  const sharedEntity = f.entities.some((e) => p.entities.includes(e));
  if (jaccard >= 0.5 || (sharedEntity && jaccard >= 0.3)) return jaccard;
  // A short report of a longer statement: most of the shorter one's words, about the same names.
  if (sharedEntity && shared >= 4 && shared >= 0.6 * Math.min(f.words.length, p.words.length)) return jaccard;
  return byMeaning(f, p);
}

const NONE: ReadonlySet<string> = new Set();

/** Below this, two contents say different things even when their topic words meet. */
const MEANING = 0.4;
/** A denial restates what it denies in fewer words ("has not seen any sign they are preparing to use them"): a lower bar. */
const DISPUTE_MEANING = 0.3;

/**
 * The same statement in other words: most of what each content says, weighed by how much each
 * word tells, met in the other by stem or meaning, with two topic words in common. Scores below
 * the word matches above, so exact wording wins. A dispute (a denial, a negation) is scored half
 * by how much of its own words the proposition holds: it repeats a few words of a longer
 * accusation, and belongs with the one that holds all it denies ("blocking ports": "the blockade
 * of the ports …") rather than with a shorter one that shares fewer of them.
 */
function byMeaning(f: ClaimFeatures, p: PropFeatures): number {
  const disputing = f.negated || f.refers < 0 || f.disbelief || f.denies !== undefined;
  const m = meaningOverlap(f, p, disputing ? DISPUTE_MEANING : MEANING);
  return disputing ? (m.score + (m.first ?? 0)) / 4 : m.score / 2;
}

/** Two events of one type whose actors, or whose places, are both given and differ. */
function clash(a: EventSig, b: EventSig, countries: Record<string, string>, wide: ReadonlySet<string>): boolean {
  if (a.type !== b.type) return false;
  const differ = (x: string | null, y: string | null) => x !== null && y !== null && x !== y && (countries[x] === undefined || countries[x] !== countries[y]);
  return differ(a.actor, b.actor) || differ(a.place, b.place) || towns(a.place, b.place, wide);
}

/** Two places both narrower than a country (the wide places: countries) and not the same: two towns of one country differ. */
function towns(x: string | null, y: string | null, wide: ReadonlySet<string>): boolean {
  return x !== null && y !== null && x !== y && !wide.has(x) && !wide.has(y);
}

/**
 * Shared arguments of two events of one type (0 when they differ in type or conflict). Given the places wider than a
 * town (`wide`), two different places narrower than that conflict even in one country.
 */
export function eventMatch(a: EventSig, b: EventSig, countries: Record<string, string>, wide?: ReadonlySet<string>): number {
  if (a.type !== b.type) return 0;
  const same = (x: string, y: string) => x === y || (countries[x] !== undefined && countries[x] === countries[y]);
  if (a.actor && b.actor && !same(a.actor, b.actor)) return 0;
  // A country and a town in it may be one place; two towns of it are not.
  if (a.place && b.place && (!same(a.place, b.place) || (wide !== undefined && towns(a.place, b.place, wide)))) return 0;
  if (a.time && b.time && a.time.slice(0, 4) !== b.time.slice(0, 4)) return 0;
  let shared = 0;
  if (a.actor && a.actor === b.actor) shared++;
  if (a.target && a.target === b.target) shared++;
  if (a.place && a.place === b.place) shared++;
  return shared / 3;
}

/** Shared words of two sorted word lists, and their Jaccard similarity. */
export function overlap(a: readonly string[], b: readonly string[]): { shared: number; jaccard: number } {
  const shared = intersection(a, b);
  return { shared, jaccard: shared ? shared / (a.length + b.length - shared) : 0 };
}

function intersection(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}
