/**
 * Builds data/gazetteer/people.tsv, the catalogue of office holders who speak in conflict and
 * geopolitics news, from snapshots of the every-politician-scrapers repositories (Wikidata query
 * results: heads of state and government, cabinets, and Wikidata's holders of single offices —
 * foreign and defence ministers, chiefs of staff, spokespeople, intelligence chiefs, ambassadors,
 * governors). Only their `wikidata.csv` files are read; legislatures' member lists are left out.
 *
 *   npx tsx scripts/build-people.ts [MIRROR_DIR]   (default /work/.mirror; each repository's
 *   git directory is MIRROR_DIR/every-politician-scrapers+NAME/repo)
 *
 * The output is committed; docs/gazetteer.md records the source. Afterwards run
 * `npx tsx scripts/build-gazetteer.ts --compile-only`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { dataPath } from '../src/data.js';
import { tokenize } from '../src/doc/tokenize.js';

const require = createRequire(import.meta.url);
const ORG = 'every-politician-scrapers';
/** Offices held since then count; people who left office before are not catalogued. */
const SINCE = '2000';

/** Member lists of legislatures: too many names that rarely speak in war news, and many shared ones. */
const LEGISLATURE_PATH = /(deputies|rada-\d|duma-\d|senate-\d|senators|representatives|reps-|assembly|riigikogu|mazhilis|saeima|seimas|sejm|althing|parliament|commons|lok-sabha|federal-council)/i;
const LEGISLATURE_HEADER = /(^|,)(party|constituency|area|riding|district)(,|$)/;

interface Country {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
}

/** Repository names that do not spell a country's English name. */
const REPO_COUNTRY: Record<string, string | null> = {
  us: 'US', uae: 'AE', czech: 'CZ', 'swiss-federal-council': 'CH', 'congo-kinshasa': 'CD', 'congo-brazzaville': 'CG',
  luhansk: 'UA', turkey: 'TR', 'united-kingdom': 'GB', taiwan: 'TW', eu: null, 'world-leaders-2021': null, 'north-korea': 'KP', 'south-korea': 'KR', saudi: 'SA',
};

const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function countryOfRepo(repo: string, countries: Country[]): string | null {
  const base = repo.replace(/-(cabinet|ministers|cabinets)$/, '');
  if (base in REPO_COUNTRY) return REPO_COUNTRY[base]!;
  const c = countries.find((x) => [x.name.common, x.name.official, ...x.altSpellings].some((n) => slug(n) === base));
  if (!c) throw new Error(`${repo}: no country for "${base}"; add it to REPO_COUNTRY`);
  return c.cca2;
}

/** RFC 4180 rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some(Boolean)) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

interface Person {
  qid: string;
  names: Set<string>;
  countries: Map<string, number>;
  /** Offices held since SINCE (one per file): the more, the more prominent. */
  offices: number;
  leader: boolean;
}

const git = (dir: string, ...args: string[]) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const QID = /^Q\d+$/;
/** A label fit to be matched in English text: Latin letters, no qualifiers ("Salman bin Hamad, Crown Prince of Bahrain"). */
const usable = (n: string) => n.length > 3 && /^[\p{Script=Latin}\p{M} .'’-]+$/u.test(n) && n.includes(' ') && !QID.test(n) && !/[A-Z]{2,}\b/.test(n.replace(/\b(II|III|IV|VI|Jr)\b/g, ''));

function main(): void {
  const mirror = process.argv[2] ?? '/work/.mirror';
  const countries = require('world-countries') as Country[];
  const byQid = new Map<string, string>();
  // data/gazetteer/countries.tsv maps ISO codes to Wikidata ids; the leaders file names countries by id.
  for (const line of readFileSync(dataPath('gazetteer', 'countries.tsv'), 'utf8').split('\n')) {
    const [cc, qid] = line.split('\t');
    if (cc && !cc.startsWith('#') && qid && QID.test(qid)) byQid.set(qid, cc);
  }
  // People curated in actors.tsv keep their rows there (with surnames and roles); they are not repeated.
  const curated = new Set(readFileSync(dataPath('gazetteer', 'actors.tsv'), 'utf8').match(/wikidata:Q\d+/g)?.map((k) => k.slice(9)));
  const people = new Map<string, Person>();
  const sources: string[] = [];
  const repos = readdirSync(mirror).filter((d) => d.startsWith(`${ORG}+`) && existsSync(join(mirror, d, 'repo'))).sort();
  for (const d of repos) {
    const repo = d.slice(ORG.length + 1);
    const dir = join(mirror, d, 'repo');
    const [commit, date] = git(dir, 'log', '-1', '--format=%H %cs').trim().split(' ');
    sources.push(`${ORG}/${repo}@${commit} (${date})`);
    const cc = countryOfRepo(repo, countries);
    const files = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((f) => f.endsWith('wikidata.csv') && !LEGISLATURE_PATH.test(f));
    for (const file of files) {
      const rows = parseCsv(git(dir, 'show', `HEAD:${file}`));
      const header = rows.shift();
      if (!header || LEGISLATURE_HEADER.test(header.join(','))) continue;
      const col = (...names: string[]) => names.map((n) => header.indexOf(n)).find((k) => k >= 0) ?? -1;
      const id = col('item', 'wdid', 'person', 'officeholder', 'governor', 'deputy');
      const labels = ['itemLabel', 'name', 'wdLabel', 'personLabel', 'officeholderLabel', 'governorLabel', 'deputyLabel'].map((n) => header.indexOf(n)).filter((k) => k >= 0);
      const end = col('endDate', 'end', 'end_year');
      const countryCol = header.indexOf('countryid');
      if (id < 0 || !labels.length) continue;
      const seen = new Set<string>();
      for (const r of rows) {
        const qid = r[id]!;
        if (!QID.test(qid) || seen.has(qid) || curated.has(qid)) continue;
        if (end >= 0 && r[end] && r[end]! < SINCE) continue;
        seen.add(qid);
        const p = people.get(qid) ?? { qid, names: new Set<string>(), countries: new Map<string, number>(), offices: 0, leader: false };
        people.set(qid, p);
        p.offices++;
        p.leader ||= repo.startsWith('world-leaders');
        for (const k of labels) {
          const n = r[k]!.trim().replace(/\s+/g, ' ');
          if (usable(n)) p.names.add(n);
        }
        const c = countryCol >= 0 ? (byQid.get(r[countryCol]!) ?? null) : cc;
        if (c) p.countries.set(c, (p.countries.get(c) ?? 0) + 1);
      }
    }
  }
  /** Aliases as the tokenizer splits them, so the loader can split on spaces. */
  const norm = (s: string) => tokenize(s).tokens.words.join(' ');
  const rows: string[] = [];
  for (const p of [...people.values()].sort((a, b) => a.qid.localeCompare(b.qid, 'en', { numeric: true }))) {
    const names = [...p.names];
    if (!names.length) continue;
    // The Wikidata label comes first in every file; its first spelling is the canonical name.
    const [name, ...aliases] = names.map(norm);
    const country = [...p.countries].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '-';
    const rank = p.offices + (p.leader ? 10 : 0);
    rows.push([name, 'PERSON', 'official', `wikidata:${p.qid}`, country, '-', aliases.filter((a) => a !== name).join('|') || '-', '-', '-', '-', String(rank)].join('\t'));
  }
  const header = [
    `# Generated by scripts/build-people.ts from Wikidata query results in ${sources.length} repositories of`,
    `# github.com/${ORG} (office holders since ${SINCE}; Wikidata data is CC0 1.0). Do not edit by hand.`,
    '# Format: docs/gazetteer.md. Sources:',
    ...sources.map((s) => `#   ${s}`),
  ];
  writeFileSync(dataPath('gazetteer', 'people.tsv'), `${header.join('\n')}\n${rows.join('\n')}\n`);
  console.log(`people.tsv: ${rows.length} people from ${sources.length} repositories`);
}

main();
