/**
 * Institutions every country has, named from the country ("Ukraine's General Staff", "General
 * Staff of Ukraine", "South Korean intelligence"): the country's own entry for the body, or one
 * built from the language's list (INSTITUTIONS, src/lang/en/entities.ts).
 */
import type { Language } from '../../../lang/language.js';
import { AliasKind, type AliasHit, type GazetteerMatch } from '../gazetteer.js';
import type { Institution } from '../institutions.js';
import { mark, overlapsTaken, type Candidate, type Resolution } from './context.js';

/**
 * Step 1: institutions named from their country — "Ukraine's General Staff", "South Korean
 * intelligence" — the country's own entry for the body, or one built for it.
 */
export function countryInstitutions(r: Resolution): void {
  const { t, matches, cands, taken } = r;
  for (const m of matches) {
    if (!m.hits.some((h) => h.kind === AliasKind.Local) && !institutionHeads(r, m.start).length) continue;
    const inst = institution(r, m);
    if (inst && !overlapsTaken(taken, inst.start, inst.end)) {
      cands.push(inst);
      mark(taken, inst.start, inst.end);
    }
  }
  // Institutions whose head the gazetteer has no alias for ("intelligence", "government").
  for (let i = 1; i < t.count; i++) {
    if (taken[i] || !institutionHeads(r, i).length) continue;
    const inst = institution(r, { start: i, end: i + 1, hits: [] });
    if (inst && !overlapsTaken(taken, inst.start, inst.end)) {
      cands.push(inst);
      mark(taken, inst.start, inst.end);
    }
  }
}

/** Institution heads by their first word, for one map lookup per token; built once per language. */
const HEADS_BY_FIRST = new WeakMap<Language['entities'], Map<string, { words: string[]; spec: Institution }[]>>();

function headsByFirst(lex: Language['entities']): Map<string, { words: string[]; spec: Institution }[]> {
  let map = HEADS_BY_FIRST.get(lex);
  if (map) return map;
  map = new Map();
  for (const spec of lex.INSTITUTIONS) {
    for (const head of spec.heads) {
      const words = head.split(' ');
      const list = map.get(words[0]!) ?? [];
      list.push({ words, spec });
      map.set(words[0]!, list);
    }
  }
  HEADS_BY_FIRST.set(lex, map);
  return map;
}

const NO_HEADS: { end: number; spec: Institution }[] = [];

/** Institution heads starting at token i ("general staff", "intelligence"), longest first. */
function institutionHeads(r: Resolution, i: number): { end: number; spec: Institution }[] {
  const { t } = r;
  const candidates = headsByFirst(r.lex).get(t.lower[i]!);
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
function countryBefore(r: Resolution, i: number): { country: number; start: number } | null {
  const { t, g, matchAt } = r;
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

/** The one country the text names (by name or demonym) before token i, or -1 when it names none or several. */
function onlyCountryBefore(r: Resolution, i: number): number {
  let found = -1;
  for (const m of r.matches) {
    if (m.end > i) break;
    for (const h of m.hits) {
      if ((h.kind !== AliasKind.Name && h.kind !== AliasKind.Demonym) || r.g.entry(h.entry).subtype !== 'country') continue;
      if (found >= 0 && found !== h.entry) return -1;
      found = h.entry;
    }
  }
  return found;
}

/** An institution of a country at match m: the country's own entry for the name, or a built one. */
function institution(r: Resolution, m: GazetteerMatch): Candidate | null {
  const { t, g, lex, matchAt } = r;
  const before = countryBefore(r, m.start);
  let country = before?.country ?? -1;
  let start = before?.start ?? m.start;
  let end = m.end;
  const heads = institutionHeads(r, m.start);
  const headEnd = Math.max(m.end, heads[0]?.end ?? 0);
  // "the defence ministry", "the army's general staff", "the country's defence ministry".
  const possessive = (t.lower[m.start - 1] === "'s" || t.lower[m.start - 1] === '’s') && t.lower[m.start - 3] === 'the' && lex.GENERIC_OWNERS.has(t.lower[m.start - 2]!);
  const definite = country < 0 && (t.lower[m.start - 1] === 'the' || possessive) && t.lower[headEnd] !== 'of' && heads[0]?.spec.definite;
  if (definite) {
    // "Peru said … The defence ministry said": the body of the one country named before.
    country = onlyCountryBefore(r, m.start);
    if (country < 0) return null;
    if (possessive) start = m.start - 2;
  } else if (country < 0) {
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
    if (local && (before || definite)) end = Math.max(end, headEnd);
  }
  const lowerHead = t.words[m.start] === t.lower[m.start];
  if (lowerHead) {
    // "Russian military participation" is an adjective; "Japanese intelligence said" the institution.
    const next = t.lower[headEnd] ?? '';
    const nextIsWord = /^\p{Ll}/u.test(next);
    if (nextIsWord && !next.endsWith('ed') && !lex.ACTOR_NEXT.has(next) && !lex.AFTER_LOWER_HEAD.has(next)) return null;
  }
  if (local) {
    return { start, end, entry: local.entry, type: g.entry(local.entry).type };
  }
  const spec = heads[0]?.spec;
  if (!spec || (lowerHead && !spec.lower)) return null;
  if (before || definite) end = heads[0]!.end;
  return { start, end, entry: -1, type: 'ORG', name: spec.name(c.name, c.demonym ?? c.name), subtype: spec.subtype, country: c.country };
}
