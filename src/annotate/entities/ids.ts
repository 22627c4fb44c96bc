import type { EntityType } from '../../doc/types.js';

/**
 * The global id of an entity: the same real-world entity gets the same id in every article.
 * With a knowledge-base id it is that id (wikidata:Q423 → "Q423", other bases "geonames.123"); without
 * one it is derived from the type and the canonical name ("person.valery-gerasimov"). Ids are URL-safe:
 * only [a-z0-9.-] and, for Wikidata, [Q0-9].
 */
export function entityId(type: EntityType, name: string, kb: string | null = null): string {
  if (kb) {
    const m = /^wikidata:(Q\d+)$/.exec(kb);
    if (m) return m[1]!;
    return slug(kb.replace(':', '.'));
  }
  const base = slug(name);
  // Names in scripts the slug cannot keep (Cyrillic, Hangul …) still need distinct ids.
  const lossy = /[^\p{Script=Latin}\p{N}\p{P}\p{Z}\p{M}]/u.test(name);
  return `${type.toLowerCase()}.${base}${lossy || !base ? `${base ? '-' : ''}${hash36(name)}` : ''}`;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a of the name, base 36. */
function hash36(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
