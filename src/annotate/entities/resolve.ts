import type { Doc } from '../../doc/doc.js';
import type { Tokens } from '../../doc/tokenize.js';
import type { Entity, EntityMention, EntityType } from '../../doc/types.js';
import { AliasKind, type AliasHit, type Gazetteer, type GazetteerMatch } from './gazetteer.js';
import { entityId } from './ids.js';
import { isTitleWord, roleBefore } from './roles.js';
import type { TaggedSpan } from './tagger.js';

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
}

/** Institutions every country has, for countries the gazetteer has no entry of its own for. */
const INSTITUTIONS: { heads: string[]; name: (country: string, demonym: string) => string; subtype: string; lower: boolean }[] = [
  { heads: ['general staff'], name: (c) => `General Staff of the Armed Forces of ${c}`, subtype: 'military', lower: false },
  { heads: ['defence ministry', 'defense ministry', 'ministry of defence', 'ministry of defense'], name: (c) => `Ministry of Defence of ${c}`, subtype: 'ministry', lower: true },
  { heads: ['foreign ministry', 'ministry of foreign affairs'], name: (c) => `Ministry of Foreign Affairs of ${c}`, subtype: 'ministry', lower: true },
  { heads: ['interior ministry', 'ministry of interior', 'ministry of internal affairs'], name: (c) => `Ministry of Internal Affairs of ${c}`, subtype: 'ministry', lower: true },
  { heads: ['security service'], name: (c) => `Security Service of ${c}`, subtype: 'intelligence', lower: false },
  { heads: ['intelligence', 'intelligence service', 'intelligence services', 'intelligence agency'], name: (_c, d) => `${d} intelligence`, subtype: 'intelligence', lower: true },
  { heads: ['armed forces', 'military', 'army'], name: (c) => `Armed Forces of ${c}`, subtype: 'military', lower: true },
  { heads: ['government', 'authorities'], name: (c) => `Government of ${c}`, subtype: 'government', lower: true },
  { heads: ['state media'], name: (_c, d) => `${d} state media`, subtype: 'media', lower: true },
];

/** Verbs and auxiliaries after a name that make it an actor ("Pyongyang should cease"). */
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
/** Words before a place that keep it a place ("a monument in Pyongyang"). */
const PLACE_BEFORE = new Set('in at near outside inside around across into from to via through toward towards within over of'.split(' '));
/** Words before a name that make it an actor ("talks with Pyongyang", "between Washington and Seoul"). */
const ACTOR_BEFORE = new Set('with between by against and urged told accused warned'.split(' '));
const REGION_WORDS = new Set(['oblast', 'oblasts', 'region', 'regions', 'province', 'provinces', 'krai']);
/** What may follow a lower-case institution word for it to be the institution ("South Korean intelligence reported"). */
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
  for (const s of spans) {
    let { start, end } = s;
    // The tagger sometimes runs a name into the words around it: "Staff Valery Gerasimov", "Putin on".
    while (end - start > 1 && isLowerWord(t.words[end - 1]!)) end--;
    while (end - start > 1 && s.type === 0 && isTitleWord(t.lower[start]!)) start++;
    // "the Comprehensive Strategic Partnership treaty": a named agreement is a law.
    if (s.type !== 0 && TREATY.has(t.lower[end] ?? '') && end - start > 1) {
      end++;
      cands.push({ start, end, entry: -1, type: 'LAW' });
      mark(taken, start, end);
      continue;
    }
    for (const m of matches) {
      if (m.start > start) break;
      if (m.end >= end && m.end - m.start > end - start && m.hits.some((h) => h.kind === AliasKind.Name)) {
        start = m.start;
        end = m.end;
      }
    }
    if (overlapsTaken(taken, start, end)) {
      // Inside an institution name: keep the country as its own mention ("Ukraine" in "Ukraine's General Staff").
      const c = fromSpan(t, g, start, end, s.type);
      if (c.entry >= 0 && (g.entry(c.entry).type === 'GPE' || c.label === 'NORP')) inner.push(c);
      continue;
    }
    cands.push(fromSpan(t, g, start, end, s.type));
    mark(taken, start, end);
  }

  // 3. Names the tagger missed but the gazetteer knows well: countries, demonyms, curated actors.
  for (const m of matches) {
    const strong = m.hits.filter((h) => h.kind !== AliasKind.Local && strongHit(g, h, m.end - m.start));
    if (!strong.length) continue;
    if (overlapsTaken(taken, m.start, m.end)) {
      if (strong.some((h) => g.entry(h.entry).type === 'GPE' || h.kind === AliasKind.Demonym)) {
        const inside = cands.find((c) => c.start <= m.start && c.end >= m.end && c.entry >= 0 && g.entry(c.entry).type === 'ORG');
        if (inside && !inner.some((c) => c.start === m.start)) inner.push(pick(g, strong, m.start, m.end, -1));
      }
      continue;
    }
    cands.push(pick(g, strong, m.start, m.end, -1));
    mark(taken, m.start, m.end);
  }
  // A country opening an organisation's name: "US" in "US State Department".
  for (const c of cands) {
    if (c.type !== 'ORG' || c.end - c.start < 2 || inner.some((d) => d.start === c.start)) continue;
    for (let k = c.end - 1; k > c.start; k--) {
      const hits = g.lookup(t, c.start, k).filter((h) => (h.kind === AliasKind.Name || h.kind === AliasKind.Demonym) && g.entry(h.entry).subtype === 'country');
      if (hits.length) {
        inner.push(pick(g, hits, c.start, k, -1));
        break;
      }
    }
  }
  cands.push(...inner);
  cands.sort((a, b) => a.start - b.start || b.end - a.end);

  // 4. Regions named with a following "oblast(s)"/"region(s)": "Kursk and Belgorod oblasts".
  for (const c of cands) {
    const e = c.entry >= 0 ? g.entry(c.entry) : null;
    if (e?.type === 'LOC' || (e && e.type !== 'GPE') || c.type === 'PERSON') continue;
    let k = c.end;
    if (t.lower[k] === 'and' && k + 1 < t.count) {
      const next = cands.find((d) => d.start === k + 1);
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
    if (e.seatOf >= 0 && isActor(t, c.start, c.end, doc.sentences[t.sentence[c.start]!]!.first)) {
      c.entry = e.seatOf;
      c.type = g.entry(e.seatOf).type;
      delete c.label;
    }
  }

  // 6. Roles before person names.
  for (const c of cands) {
    if (c.type !== 'PERSON') continue;
    const role = roleBefore(t, c.start, doc.sentences[t.sentence[c.start]!]!.first);
    if (role && !cands.some((d) => d !== c && d.start < role[1] && d.end > role[0] && d.type !== 'ORG')) c.role = role;
  }

  return group(doc, g, cands);
}

const TREATY = new Set(['treaty', 'agreement', 'accord', 'accords', 'pact', 'convention', 'protocol']);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'al', 'el', 'bin', 'ibn', 'of', 'the', 'and', 'y']);

function isLowerWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122 && !PARTICLES.has(w);
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
  if (h.kind === AliasKind.Demonym) return true;
  if (e.type === 'GPE' && e.subtype === 'country') return true;
  if (!e.source.endsWith('places.tsv')) return length > 1 || e.type === 'PERSON' || e.type === 'ORG';
  return length > 1 && e.type === 'LOC';
}

/** The candidate for a tagged span: its gazetteer entry if the name is known, else a new entity. */
function fromSpan(t: Tokens, g: Gazetteer, start: number, end: number, tagType: number): Candidate {
  const hits = g.lookup(t, start, end).filter((h) => h.kind !== AliasKind.Local);
  if (!hits.length) {
    const type = TAGGER_TYPES[tagType]!;
    return { start, end, entry: -1, type };
  }
  return pick(g, hits, start, end, tagType);
}

/** Choose among the entries a name may stand for: the tagger's class first, then rank. */
function pick(g: Gazetteer, hits: readonly AliasHit[], start: number, end: number, tagType: number): Candidate {
  let best: AliasHit | null = null;
  let bestScore = -Infinity;
  for (const h of hits) {
    const e = g.entry(h.entry);
    const coarse = h.kind === AliasKind.Demonym ? 3 : COARSE[e.type];
    let score = Math.log10(1 + e.rank);
    if (coarse === tagType) score += 20;
    if (h.kind === AliasKind.Seat) score -= 5;
    if (!e.source.endsWith('places.tsv')) score += 12;
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
  else if (tagType >= 0 && tagType !== COARSE[type] && tagType !== 3 && type !== 'PERSON') c.label = TAGGER_TYPES[tagType]!;
  return c;
}

type Institution = (typeof INSTITUTIONS)[number];
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
  const local = m.hits.find((h) => h.kind === AliasKind.Local && g.entry(h.entry).country === c.country);
  const lowerHead = t.words[m.start] === t.lower[m.start];
  if (lowerHead) {
    // "Russian military participation" is an adjective; "South Korean intelligence reported" the institution.
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
function isActor(t: Tokens, start: number, end: number, sentenceFirst: number): boolean {
  const prev = start > sentenceFirst ? t.lower[start - 1]! : '';
  if (PLACE_BEFORE.has(prev)) return prev === 'to' && t.lower[start - 2] === 'assistance';
  const next = t.lower[end] ?? '';
  if (next === "'s" || next === '’s') return true;
  if (ACTOR_NEXT.has(next)) return true;
  if (ACTOR_BEFORE.has(prev)) return true;
  return false;
}

/** Group candidates into entities: gazetteer entries by entry, others by name, with in-article coreference. */
function group(doc: Doc, g: Gazetteer, cands: Candidate[]): Entity[] {
  const t = doc.tokens;
  const text = doc.text;
  const byKey = new Map<string, { entity: Entity; tokens: string[] }>();
  const out: Entity[] = [];
  const textOf = (c: Candidate) => text.slice(t.start[c.start]!, t.end[c.end - 1]!);
  const norm = (s: string) => s.replace(/’/g, "'").replace(/\s+/g, ' ');

  // Longer names first so shorter ones can join them ("Zelenskyy" → "Volodymyr Zelenskyy").
  const order = cands.map((_, i) => i).sort((a, b) => cands[b]!.end - cands[b]!.start - (cands[a]!.end - cands[a]!.start) || a - b);
  const target = new Array<{ entity: Entity; tokens: string[] }>(cands.length);
  for (const i of order) {
    const c = cands[i]!;
    let key: string;
    let slot: { entity: Entity; tokens: string[] } | undefined;
    const words = t.lower.slice(c.start, c.end).filter((w) => w !== "'s" && w !== '’s');
    if (c.entry >= 0) key = `#${c.entry}`;
    else key = `${c.type}|${norm(c.name ?? textOf(c)).toLowerCase()}`;
    const entry = c.entry >= 0 ? g.entry(c.entry) : null;
    if (!c.name && (!entry || (entry.source.endsWith('places.tsv') && entry.subtype !== 'country' && !PLACE_BEFORE.has(t.lower[c.start - 1] ?? '')))) {
      // A surname of a person named in full in the article beats a town of that name ("Washington").
      slot = [...byKey.values()].find((s) => s.entity.type === 'PERSON' && s.tokens.length > words.length && words.every((w, k) => s.tokens[s.tokens.length - words.length + k] === w));
      if (slot) {
        c.type = 'PERSON';
        delete c.label;
      }
    }
    slot ??= byKey.get(key);
    if (!slot && c.entry < 0) slot = joinShorter(c, words, [...byKey.values()]);
    if (!slot && c.entry >= 0 && g.entry(c.entry).source.endsWith('places.tsv') && g.entry(c.entry).subtype !== 'country') {
      // "Kursk" after "Kursk Oblast": a bare place name that opens a longer place name of the article.
      slot = [...byKey.values()].find((s) => s.entity.type === 'LOC' && s.tokens.length > words.length && words.every((w, k) => s.tokens[k] === w));
    }
    if (!slot) {
      const e = c.entry >= 0 ? g.entry(c.entry) : null;
      const name = e ? e.name : norm(c.name ?? textOf(c));
      const entity: Entity = {
        id: entityId(e ? e.type : c.type, name, e?.kb ?? null),
        name,
        type: e ? e.type : c.type,
        subtype: e ? e.subtype : (c.subtype ?? null),
        kb: e?.kb ?? null,
        mentions: [],
        country: e ? e.country : (c.country ?? null),
        coords: e?.coords ?? null,
      };
      slot = { entity, tokens: (e ? e.name.toLowerCase().replace(/’/g, "'").split(/\s+/) : words) };
      byKey.set(key, slot);
      out.push(entity);
    }
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
  for (const e of out) e.mentions.sort((a, b) => a.start - b.start);
  return out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** An entity of the article whose name this shorter name is part of: a surname, an acronym, a short form. */
function joinShorter(c: Candidate, words: string[], slots: { entity: Entity; tokens: string[] }[]): { entity: Entity; tokens: string[] } | undefined {
  if (c.name) return undefined;
  for (const s of slots) {
    const e = s.entity;
    if (s.tokens.length <= words.length) continue;
    if (c.type === 'PERSON' && e.type === 'PERSON') {
      // "Zelenskyy" / "Kim Jong Un" → the full name ending (or starting) with these words.
      const tail = s.tokens.slice(-words.length);
      const head = s.tokens.slice(0, words.length);
      if (words.every((w, k) => tail[k] === w) || (words.length > 1 && words.every((w, k) => head[k] === w))) return s;
    }
    if (c.type === 'ORG' && e.type === 'ORG' && words.length === 1) {
      // "NFU" for "National Farmers' Union".
      const initials = s.tokens.filter((w) => /^\p{L}/u.test(w) && !['of', 'the', 'and', 'for'].includes(w)).map((w) => w[0]).join('');
      if (initials.length > 1 && initials === words[0]) return s;
    }
  }
  return undefined;
}
