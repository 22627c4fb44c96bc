import { AliasKind, type GazetteerMatch } from '../gazetteer.js';
import { addInner, mark, overlapsTaken, pick, platformSlot, strongHit, type Candidate, type Resolution } from './context.js';

/**
 * Step 3: names the tagger missed but the gazetteer knows well — countries, demonyms, curated
 * actors — and countries opening an organisation's name ("US" in "US State Department"), kept
 * as mentions of their own inside it.
 */
export function knownNames(r: Resolution): void {
  const { t, g, matches, cands, taken, innerStarts } = r;
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
    if (m.end - m.start === 1 && t.words[m.start]!.length === 1 && !platformSlot(r, m.start)) continue;
    const strong = m.hits.filter((h) => h.kind !== AliasKind.Local && strongHit(g, h, m.end - m.start));
    if (!strong.length) continue;
    if (overlapsTaken(taken, m.start, m.end)) {
      if (strong.some((h) => g.entry(h.entry).type === 'GPE' || h.kind === AliasKind.Demonym)) {
        if (insideOrg(m) && !innerStarts.has(m.start)) addInner(r, pick(r, strong, m.start, m.end, -1));
      }
      continue;
    }
    const c = pick(r, strong, m.start, m.end, -1);
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
        addInner(r, pick(r, hits, c.start, k, -1));
        break;
      }
    }
  }
}
