/**
 * From tagged spans and gazetteer matches to canonical entities, in named steps: institutions
 * named from their country ("Ukraine's General Staff"), the tagger's spans, names the tagger
 * missed, regions ("Sumy and Kharkiv oblasts"), metonymy (a capital used as an actor is its
 * country's government), roles before names; then the mentions of one entity are joined
 * ("Zelenskyy" → "Volodymyr Zelenskyy") and definite descriptions ("the commission") added.
 * The words each step reads are the language's (src/lang/en/entities.ts).
 */
import type { Doc } from '../../../doc/doc.js';
import type { Entity } from '../../../doc/types.js';
import type { Language } from '../../../lang/language.js';
import { posLexicon } from '../../pos/tags.js';
import { AliasKind, type Gazetteer, type GazetteerMatch } from '../gazetteer.js';
import type { TaggedSpan } from '../tagger.js';
import type { Resolution } from './context.js';
import { describe } from './describe.js';
import { group } from './group.js';
import { countryInstitutions } from './institutions.js';
import { knownNames } from './known.js';
import { metonymy } from './metonymy.js';
import { regions } from './regions.js';
import { rolesBeforeNames } from './roles.js';
import { taggedSpans } from './spans.js';

export interface ResolveInput {
  doc: Doc;
  gazetteer: Gazetteer;
  matches: readonly GazetteerMatch[];
  spans: readonly TaggedSpan[];
}

export function resolveEntities({ doc, gazetteer, matches, spans }: ResolveInput, language: Language): Entity[] {
  const r: Resolution = {
    doc,
    t: doc.tokens,
    g: gazetteer,
    lex: language.entities,
    months: language.times.MONTHS,
    lexicon: posLexicon(language),
    matches,
    matchAt: new Map(matches.map((m) => [m.start, m])),
    countries: articleCountries(gazetteer, matches),
    cands: [],
    taken: new Uint8Array(doc.tokens.count),
    inner: [],
    innerStarts: new Set(),
  };
  countryInstitutions(r);
  taggedSpans(r, spans);
  knownNames(r);
  r.cands.push(...r.inner);
  r.cands.sort((a, b) => a.start - b.start || b.end - a.end);
  regions(r);
  metonymy(r);
  rolesBeforeNames(r);
  const slots = group(r);
  describe(r, slots);
  const out = slots.map((s) => s.entity);
  for (const e of out) e.mentions.sort((a, b) => a.start - b.start);
  return out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
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
