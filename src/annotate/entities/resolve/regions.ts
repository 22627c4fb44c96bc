import { AliasKind } from '../gazetteer.js';
import type { Candidate, Resolution } from './context.js';

/** Step 4: regions named with a following "oblast(s)" or "region(s)": "Sumy and Kharkiv oblasts". */
export function regions(r: Resolution): void {
  const { doc, t, g, lex, cands } = r;
  const firstAt = new Map<number, Candidate>();
  for (const c of cands) if (!firstAt.has(c.start)) firstAt.set(c.start, c);
  for (const c of cands) {
    const e = c.entry >= 0 ? g.entry(c.entry) : null;
    if (e?.type === 'LOC' || (e && e.type !== 'GPE') || c.type === 'PERSON') continue;
    let k = c.end;
    if (t.lower[k] === 'and' && k + 1 < t.count) {
      const next = firstAt.get(k + 1);
      if (next) k = next.end;
    }
    const word = t.lower[k];
    if (!word || !lex.REGION_WORDS.has(word)) continue;
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
}
