import { createHash } from 'node:crypto';
import type { Analysis, Claim, Entity, EntityMention, EntityType, Event, Stance, TimeExpression } from '../doc/types.js';
import type { Store } from '../store/index.js';

/**
 * Synthetic analysed articles for load tests of the store and the API: sentences from the
 * project's own templates about a pool of actors and places, with every span exact. The mix is
 * skewed like news is (a few actors in most articles, a long tail), so an entity page can be heavy.
 */

interface Actor {
  id: string;
  name: string;
  type: EntityType;
  subtype: string | null;
  coords: [number, number] | null;
  country: string | null;
}

const COUNTRIES: [string, string, number, number][] = [
  ['Russia', 'RU', 55.75, 37.62],
  ['Ukraine', 'UA', 50.45, 30.52],
  ['North Korea', 'KP', 39.02, 125.75],
  ['South Korea', 'KR', 37.57, 126.98],
  ['United States', 'US', 38.9, -77.04],
  ['China', 'CN', 39.9, 116.4],
  ['Poland', 'PL', 52.23, 21.01],
  ['Turkey', 'TR', 39.93, 32.86],
  ['Iran', 'IR', 35.69, 51.39],
  ['Israel', 'IL', 31.77, 35.21],
  ['Germany', 'DE', 52.52, 13.4],
  ['France', 'FR', 48.86, 2.35],
  ['Belarus', 'BY', 53.9, 27.57],
  ['Georgia', 'GE', 41.72, 44.79],
  ['Syria', 'SY', 33.51, 36.29],
  ['Sudan', 'SD', 15.5, 32.56],
];
const PLACES: [string, string, number, number][] = [
  ['Kursk Oblast', 'RU', 51.6, 36.1],
  ['Donetsk', 'UA', 48.0, 37.8],
  ['Kharkiv', 'UA', 49.99, 36.23],
  ['Zaporizhzhia', 'UA', 47.84, 35.14],
  ['Belgorod', 'RU', 50.6, 36.6],
  ['Odesa', 'UA', 46.48, 30.72],
  ['Crimea', 'UA', 45.3, 34.4],
  ['Gaza', 'PS', 31.5, 34.47],
  ['Aleppo', 'SY', 36.2, 37.16],
  ['Khartoum', 'SD', 15.5, 32.56],
];
const FIRST = ['Anna', 'Oleh', 'Mikhail', 'Soo-jin', 'James', 'Li', 'Marta', 'Kemal', 'Dariush', 'Noa', 'Hans', 'Claire', 'Viktor', 'Nino', 'Omar', 'Amina'];
const LAST = ['Kovalenko', 'Petrov', 'Park', 'Miller', 'Wang', 'Nowak', 'Yilmaz', 'Rahimi', 'Levi', 'Schmidt', 'Dubois', 'Lukashenko', 'Beridze', 'Haddad', 'Osman', 'Kim'];
const BODIES = ['Ministry of Defence', 'Foreign Ministry', 'General Staff', 'intelligence service', 'state news agency'];

function actors(): Actor[] {
  const out: Actor[] = [];
  for (const [name, cc, lat, lon] of COUNTRIES) out.push({ id: `bench:gpe:${cc}`, name, type: 'GPE', subtype: null, coords: [lat, lon], country: cc });
  for (const [name, cc, lat, lon] of PLACES) out.push({ id: `bench:loc:${name.toLowerCase().replace(/\W+/g, '-')}`, name, type: 'LOC', subtype: null, coords: [lat, lon], country: cc });
  for (const [name, cc] of COUNTRIES)
    for (const body of BODIES) out.push({ id: `bench:org:${cc}:${body.replace(/\W+/g, '-')}`, name: `${name}'s ${body}`, type: 'ORG', subtype: body.includes('intelligence') ? 'intelligence' : body.includes('agency') ? 'media' : 'government', coords: null, country: cc });
  for (const f of FIRST) for (const l of LAST) out.push({ id: `bench:per:${f}-${l}`.toLowerCase(), name: `${f} ${l}`, type: 'PERSON', subtype: null, coords: null, country: null });
  return out;
}

const CLAIMS: { cue: string; lemma: string; stance: Stance; body: (place: string, n: number) => string }[] = [
  { cue: 'said', lemma: 'say', stance: 'assert', body: (p, n) => `${n} troops had been moved towards ${p}` },
  { cue: 'denied', lemma: 'deny', stance: 'deny', body: (p) => `any soldiers were fighting near ${p}` },
  { cue: 'confirmed', lemma: 'confirm', stance: 'confirm', body: (p, n) => `${n} drones were shot down over ${p}` },
  { cue: 'warned', lemma: 'warn', stance: 'warn', body: (p) => `the shelling of ${p} would continue` },
  { cue: 'demanded', lemma: 'demand', stance: 'demand', body: (p) => `all forces leave ${p} at once` },
  { cue: 'praised', lemma: 'praise', stance: 'praise', body: (p) => `the defenders of ${p}` },
];
const EVENTS = [
  { type: 'attack', trigger: 'struck' },
  { type: 'deploy', trigger: 'deployed' },
  { type: 'withdraw', trigger: 'withdrew' },
  { type: 'capture', trigger: 'captured' },
];

/** A small deterministic generator, so every run builds the same store. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds text piece by piece and records where each marked piece lands. */
class Writer {
  text = '';
  add(s: string): { start: number; end: number; text: string } {
    const start = this.text.length;
    this.text += s;
    return { start, end: this.text.length, text: s };
  }
}

export function* syntheticAnalyses(count: number, seed = 7): Generator<Analysis> {
  const pool = actors();
  const rnd = random(seed);
  // Zipf-like: low indexes come up far more often.
  const pick = <T>(list: T[]): T => list[Math.min(list.length - 1, Math.floor(list.length * rnd() ** 2.2))]!;
  const speakers = pool.filter((a) => a.type === 'ORG' || a.type === 'PERSON');
  const places = pool.filter((a) => a.type === 'LOC' || a.type === 'GPE');
  const start = Date.UTC(2022, 1, 24);
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor(rnd() * 1200) * 86_400_000).toISOString().slice(0, 10);
    const w = new Writer();
    const mentions = new Map<Actor, EntityMention[]>();
    const mention = (a: Actor) => {
      const span = w.add(a.name);
      const list = mentions.get(a) ?? [];
      list.push(span);
      mentions.set(a, list);
      return span;
    };
    const times: TimeExpression[] = [];
    const claims: Claim[] = [];
    const events: Event[] = [];
    const headPlace = pick(places);
    w.add('Fighting reported near ');
    mention(headPlace);
    w.add(`, dispatch ${i + 1}\n\n`);
    const sentences = 5 + Math.floor(rnd() * 5);
    for (let k = 0; k < sentences; k++) {
      const speaker = pick(speakers);
      const place = rnd() < 0.5 ? headPlace : pick(places);
      if (rnd() < 0.7) {
        const t = CLAIMS[Math.floor(rnd() * CLAIMS.length)]!;
        const sp = mention(speaker);
        w.add(' ');
        const cue = w.add(t.cue);
        w.add(' on ');
        const time = w.add(`${Number(day.slice(8))} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(day.slice(5, 7)) - 1]}`);
        times.push({ ...time, value: day, type: 'DATE' });
        w.add(' that ');
        const body = t.body(place.name, 10 + Math.floor(rnd() * 3000));
        const at = body.indexOf(place.name);
        const contentStart = w.text.length;
        w.add(body.slice(0, at));
        mention(place);
        w.add(body.slice(at + place.name.length));
        const content = { start: contentStart, end: w.text.length, text: w.text.slice(contentStart) };
        w.add('. ');
        claims.push({ id: `c${claims.length + 1}`, speaker: { ...sp, entity: speaker.id }, cue: { ...cue, lemma: t.lemma }, content, kind: 'indirect', stance: t.stance, said: day, via: null, explain: { rule: 'synthetic' } });
      } else {
        const e = EVENTS[Math.floor(rnd() * EVENTS.length)]!;
        const actor = pick(places.filter((p) => p.type === 'GPE'));
        w.add('Forces of ');
        mention(actor);
        w.add(' ');
        const trigger = w.add(e.trigger);
        w.add(' positions in ');
        mention(place);
        w.add('. ');
        events.push({ id: `e${events.length + 1}`, type: e.type, trigger, actor: actor.id, target: null, place: place.id, time: day, quantity: null, status: 'asserted', claims: [] });
      }
      if (k % 3 === 2) w.add('\n\n');
    }
    const text = w.text.trimEnd();
    const entities: Entity[] = [...mentions].map(([a, ms]) => ({ id: a.id, name: a.name, type: a.type, subtype: a.subtype, kb: null, mentions: ms.filter((m) => m.end <= text.length), country: a.country, coords: a.coords }));
    yield {
      article: { id: createHash('sha256').update(text).digest('hex').slice(0, 16), title: text.slice(0, text.indexOf('\n')), published: day, source: `Bench Wire ${1 + (i % 7)}`, url: null, language: 'en', text, ref: `bench-${i}` },
      entities,
      times,
      quantities: [],
      claims,
      events,
    };
  }
}

/** Store synthetic articles until the store holds `count` (a store filled by an earlier run is reused). */
export async function fillSynthetic(store: Store, count: number): Promise<void> {
  const have = await store.articles.countArticles();
  if (have >= count) return;
  const started = performance.now();
  let i = 0;
  for (const analysis of syntheticAnalyses(count)) {
    if (i++ < have) continue;
    await store.articles.save(analysis);
    if (i % 1000 === 0) process.stderr.write(`\rstored ${i} articles`);
  }
  process.stderr.write(`\rstored ${count} synthetic articles in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/**
 * A syndicated copy of an article: the same text and layers under another outlet, with its own
 * sign-off after every span. Its shingles are nearly all the original's, so it is a near-duplicate.
 */
export function syndicated(original: Analysis, outlet: string, n: number): Analysis {
  const text = `${original.article.text}\n\nDistributed by ${outlet} (copy ${n}).`;
  return { ...original, article: { ...original.article, id: createHash('sha256').update(text).digest('hex').slice(0, 16), text, source: outlet, ref: `${original.article.ref}-copy-${n}` } };
}

/** Originals a copy is taken from: the most recent ones, as news is copied while it is new. */
const RECENT = 200;

/**
 * A near-duplicate-heavy corpus: `count` articles, about `share` of them syndicated copies of one of
 * the RECENT originals before them, the rest syntheticAnalyses. Deterministic for a seed.
 */
export function* syntheticWithCopies(count: number, share: number, seed = 7): Generator<Analysis> {
  const rnd = random(seed ^ 0x5bd1e995);
  const recent: Analysis[] = [];
  const originals = syntheticAnalyses(count, seed);
  for (let i = 0; i < count; i++) {
    if (recent.length && rnd() < share) {
      yield syndicated(recent[Math.floor(rnd() * recent.length)]!, `Bench Syndicate ${1 + (i % 11)}`, i);
      continue;
    }
    const next = originals.next();
    if (next.done) return;
    recent.push(next.value);
    if (recent.length > RECENT) recent.shift();
    yield next.value;
  }
}
