/**
 * `npm run eval -- conflict [dev] [--errors N]`: claims, speakers, stances and cross-article
 * contradictions on real Russia–Ukraine war reporting (../shared/eval/conflict, GUIDE.md there).
 *
 * The articles go the way a user's do: the JSONL file through ingest (cleaning included), the
 * pipeline, a fresh store and the cross-article refresh. Gold contents are copied from the raw
 * text; each is found again in the cleaned text. A system claim matches a gold claim of the same
 * article when their contents overlap by at least 30 % of their union (one to one, best first).
 *
 * Across articles a gold proposition with members on both sides from different speakers is a gold
 * contradiction; it is found when one reported contradiction holds a `for` and an `against` member
 * on opposite sides. A reported contradiction is supported when it holds such a pair of some
 * proposition. Grouping recall: gold same-proposition pairs from two articles whose claims land in
 * one reported story or contradiction; grouping precision: of the pairs of gold members from two
 * articles that land in one, the share that are of one gold proposition.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshAnalysis } from '../analysis/index.js';
import { createPipeline } from '../annotate/index.js';
import type { Contradiction, Story } from '../contract/index.js';
import type { Analysis, Claim } from '../doc/types.js';
import { loadRules } from '../ingest/clean.js';
import { ingest } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { allItems } from '../store/page.js';
import { spellingKey } from '../annotate/entities/variants.js';
import { fold } from './seed.js';
import { prf, printTable, sharedPath, type Scores } from './shared.js';
import { InputError } from '../errors.js';

interface GoldClaim {
  id: string;
  speaker: string;
  speaker_text: string;
  cue: string;
  content: string;
  stance: string;
  negated: boolean;
  said: string | null;
}

interface GoldProposition {
  id: string;
  text: string;
  members: { claim: string; side: 'for' | 'against' }[];
}

interface Gold {
  articles: Record<string, { claims: GoldClaim[] }>;
  propositions: GoldProposition[];
}

type Range = [number, number];

const MIN_OVERLAP = 0.3;

export async function run(args: string[]): Promise<void> {
  const split = args.find((a) => a === 'dev') ?? 'dev';
  const errorsArg = args.indexOf('--errors');
  const showErrors = errorsArg >= 0 ? Number(args[errorsArg + 1] ?? 20) : 0;
  const gold = readFileSync(sharedPath(`eval/conflict/${split}/gold.json`), 'utf8');
  const g = JSON.parse(gold) as Gold;
  const file = sharedPath(`eval/conflict/${split}/articles.jsonl`);

  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-conflict-'));
  const store = await openStore(join(dir, 'conflict.db'));
  const pipeline = await createPipeline();
  const analyses = new Map<string, Analysis>();
  const t0 = performance.now();
  const contradictions: Contradiction[] = [];
  const stories: Story[] = [];
  try {
    for await (const item of ingest([file], { verbatim: false, timeoutMs: 1000, maxBytes: 10 << 20, rules: loadRules() })) {
      if (!item.ok) throw item.error;
      const analysis = pipeline.analyze(item.article);
      await store.articles.save(analysis);
      analyses.set(item.article.ref ?? item.article.id, analysis);
    }
    await refreshAnalysis(store);
    for await (const x of allItems((cursor) => store.analysis.listContradictions({ limit: 200, cursor }))) contradictions.push(x);
    for await (const s of allItems((cursor) => store.analysis.listStories({ limit: 200, cursor }))) stories.push(s);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - t0) / 1000;

  const errors: string[] = [];
  const note = (line: string) => {
    if (errors.length < showErrors * 4) errors.push(line);
  };
  const totals = { gold: 0, predicted: 0, matched: 0, speaker: 0, stance: 0, strict: 0, denies: 0, deniesFound: 0, saidGiven: 0, saidRight: 0, saidUngiven: 0, saidInvented: 0 };
  const confusion = new Map<string, number>();
  /** system "article|claim" → gold claim id */
  const goldOf = new Map<string, string>();
  for (const [id, entry] of Object.entries(g.articles)) {
    const analysis = analyses.get(id);
    if (!analysis) throw new InputError(file, `gold article ${id} was not read`);
    const { text } = analysis.article;
    const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
    const goldRanges = entry.claims.map((c) => locate(text, c.content));
    const predicted = analysis.claims;
    const matches = matchOneToOne(goldRanges, predicted.map(rangesOf));
    totals.gold += entry.claims.length;
    totals.predicted += predicted.length;
    totals.matched += matches.size;
    totals.denies += entry.claims.filter((c) => c.stance === 'deny').length;
    const matchedClaims = new Set<number>();
    entry.claims.forEach((gc, k) => {
      const p = matches.get(k);
      if (p === undefined) {
        // The system claim that overlaps it most, if any: a boundary miss rather than a missed claim.
        const range = goldRanges[k];
        const near = range ? predicted.map((c, j) => [overlapScore(range, rangesOf(c)), j] as const).filter(([s]) => s > 0).sort((a, b) => b[0] - a[0])[0] : undefined;
        const nearText = near ? ` ⟷ ${near[0].toFixed(2)} “${clip(predicted[near[1]]!.content.text, 80)}”` : '';
        note(`${near ? 'BD ' : 'FN '} ${id.slice(-10)} ${gc.speaker} | ${gc.cue} | ${gc.stance} | ${clip(gc.content, 100)}${nearText}`);
        return;
      }
      matchedClaims.add(p);
      const c = predicted[p]!;
      goldOf.set(`${analysis.article.id}|${c.id}`, gc.id);
      const speakerRight = speakerMatches(c, names, gc);
      const stanceRight = c.stance === gc.stance;
      confusion.set(`${gc.stance}>${c.stance}`, (confusion.get(`${gc.stance}>${c.stance}`) ?? 0) + 1);
      if (speakerRight) totals.speaker++;
      if (stanceRight) totals.stance++;
      if (speakerRight && stanceRight) totals.strict++;
      if (gc.stance === 'deny' && stanceRight) totals.deniesFound++;
      // When said: the day (or month) the text gives for the statement; none where it gives none.
      if (gc.said) {
        totals.saidGiven++;
        if (c.said !== null && c.said.startsWith(gc.said)) totals.saidRight++;
        else note(`SAID ${id.slice(-10)} gold ${gc.said} | got ${c.said ?? 'none'} | ${gc.cue} | ${clip(gc.content, 90)}`);
      } else {
        totals.saidUngiven++;
        if (c.said !== null) {
          totals.saidInvented++;
          note(`SAID ${id.slice(-10)} gold none | got ${c.said} | ${clip(gc.content, 100)}`);
        }
      }
      if (!speakerRight) note(`SPK ${id.slice(-10)} gold ${gc.speaker} ("${gc.speaker_text}") | got ${speakerLabel(c, names)} | ${clip(gc.content, 80)}`);
      if (!stanceRight) {
        // What decided the stance, where the content did ("condemn from “illegal”").
        const why = /(?:^|; )(\w+ from “[^”]*”)/.exec(c.explain?.detail ?? '')?.[1];
        note(`STN ${id.slice(-10)} gold ${gc.stance} | got ${c.stance}${c.negated ? ' (negated)' : ''} [${c.explain?.rule ?? '?'}${why ? `; ${why}` : ''}] ${c.cue?.text ?? '∅'} | ${clip(gc.content, 100)}`);
      }
    });
    predicted.forEach((c, k) => {
      if (!matchedClaims.has(k)) note(`FP  ${id.slice(-10)} [${c.explain?.rule ?? '?'}] ${speakerLabel(c, names)} | ${c.cue?.text ?? '∅'} | ${c.stance} | ${clip(c.content.text)}`);
    });
  }

  // Across articles.
  const goldClaims = new Map(Object.values(g.articles).flatMap((a) => a.claims.map((c) => [c.id, c] as const)));
  const articleOf = (claimId: string) => claimId.slice(0, claimId.lastIndexOf('#'));
  const sideOf = new Map<string, Map<string, 'for' | 'against'>>(); // proposition → gold claim → side
  for (const p of g.propositions) sideOf.set(p.id, new Map(p.members.map((m) => [m.claim, m.side])));
  const goldContradictions = g.propositions.filter((p) => {
    const speakers = (side: string) => new Set(p.members.filter((m) => m.side === side).map((m) => goldClaims.get(m.claim)?.speaker));
    const pro = speakers('for');
    const con = speakers('against');
    return pro.size > 0 && con.size > 0 && [...pro].some((s) => [...con].some((t) => s !== t));
  });
  const crossArticle = goldContradictions.filter((p) => p.members.some((a) => a.side === 'for' && p.members.some((b) => b.side === 'against' && articleOf(a.claim) !== articleOf(b.claim))));
  const sidesOf = (x: Contradiction) => x.sides.map((s) => s.claims.map((c) => goldOf.get(`${c.article}|${c.claim}`)).filter((id): id is string => id !== undefined));
  /** The propositions a reported contradiction sets against each other, and whether by claims of two articles. */
  const supports = (x: Contradiction): { prop: string; twoArticles: boolean }[] => {
    const sides = sidesOf(x);
    const found: { prop: string; twoArticles: boolean }[] = [];
    for (const [prop, sides_] of sideOf) {
      let any = false;
      let two = false;
      for (let i = 0; i < sides.length; i++) {
        for (let j = 0; j < sides.length; j++) {
          if (i === j) continue;
          for (const a of sides[i]!) {
            if (sides_.get(a) !== 'for') continue;
            for (const b of sides[j]!) {
              if (sides_.get(b) !== 'against') continue;
              any = true;
              if (articleOf(a) !== articleOf(b)) two = true;
            }
          }
        }
      }
      if (any) found.push({ prop, twoArticles: two });
    }
    return found;
  };
  const foundProps = new Map<string, boolean>();
  let supported = 0;
  for (const x of contradictions) {
    const s = supports(x);
    if (s.length) supported++;
    else note(`XFP ${x.id} ${clip(x.about, 90)} | ${x.sides.map((side) => `${side.stance}: ${side.claims.map((c) => `${c.speaker ?? '∅'} “${clip(c.content, 50)}”`).join('; ')}`).join(' ⟂ ')}`);
    for (const { prop, twoArticles } of s) foundProps.set(prop, (foundProps.get(prop) ?? false) || twoArticles);
  }
  for (const p of goldContradictions) if (!foundProps.has(p.id)) note(`XFN ${p.id} ${clip(p.text, 120)}`);
  const found = goldContradictions.filter((p) => foundProps.has(p.id)).length;
  const foundTwo = crossArticle.filter((p) => foundProps.get(p.id)).length;

  // Grouping: gold pairs of one proposition from two articles, both found, in one story or contradiction.
  const groups = [...contradictions.map((x) => x.sides.flatMap((s) => s.claims)), ...stories.map((s) => s.steps)].map(
    (claims) => new Set(claims.map((c) => goldOf.get(`${c.article}|${c.claim}`)).filter((id): id is string => id !== undefined)),
  );
  let pairs = 0;
  let grouped = 0;
  for (const p of g.propositions) {
    const ids = p.members.map((m) => m.claim);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (articleOf(ids[i]!) === articleOf(ids[j]!)) continue;
        pairs++;
        if (groups.some((s) => s.has(ids[i]!) && s.has(ids[j]!))) grouped++;
      }
    }
  }

  // Grouping precision: pairs from two articles in one reported story or contradiction whose
  // claims are both gold proposition members: the share of them that are of one proposition.
  const propsOf = new Map<string, Set<string>>();
  for (const p of g.propositions) for (const m of p.members) propsOf.set(m.claim, (propsOf.get(m.claim) ?? new Set()).add(p.id));
  const seenPairs = new Set<string>();
  let groupedPairs = 0;
  let groupedRight = 0;
  for (const s of groups) {
    const ids = [...s].filter((id) => propsOf.has(id)).sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i]!, ids[j]!];
        if (articleOf(a) === articleOf(b) || seenPairs.has(`${a} ${b}`)) continue;
        seenPairs.add(`${a} ${b}`);
        groupedPairs++;
        if ([...propsOf.get(a)!].some((p) => propsOf.get(b)!.has(p))) groupedRight++;
      }
    }
  }

  const claims = prf(totals.matched, totals.predicted - totals.matched, totals.gold - totals.matched);
  const strict = prf(totals.strict, totals.predicted - totals.strict, totals.gold - totals.strict);
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  const articles = Object.keys(g.articles).length;
  console.log(`conflict ${split}: ${articles} articles, ${totals.gold} gold claims, ${totals.predicted} predicted; ${g.propositions.length} propositions, ${goldContradictions.length} contradictions (${crossArticle.length} across articles); ${seconds.toFixed(1)} s\n`);
  const row = (name: string, s: Scores) => [name, s.tp, s.fp, s.fn, s.precision, s.recall, s.f1];
  printTable(['claims', 'tp', 'fp', 'fn', 'P', 'R', 'F1'], [row('content ≥ 0.3', claims), row('content + speaker + stance', strict)]);
  console.log('');
  printTable(
    ['measure', 'right', 'of', 'share'],
    [
      ['speaker accuracy (matched claims)', totals.speaker, totals.matched, ratio(totals.speaker, totals.matched)],
      ['stance accuracy (matched claims)', totals.stance, totals.matched, ratio(totals.stance, totals.matched)],
      ['deny recall (gold denials found as deny)', totals.deniesFound, totals.denies, ratio(totals.deniesFound, totals.denies)],
      ['said right (gold gives a date)', totals.saidRight, totals.saidGiven, ratio(totals.saidRight, totals.saidGiven)],
      ['said given where the text gives none', totals.saidInvented, totals.saidUngiven, ratio(totals.saidInvented, totals.saidUngiven)],
      ['gold contradictions found', found, goldContradictions.length, ratio(found, goldContradictions.length)],
      ['  of them from two articles', foundTwo, crossArticle.length, ratio(foundTwo, crossArticle.length)],
      ['contradiction precision (supported)', supported, contradictions.length, ratio(supported, contradictions.length)],
      ['grouping recall (pairs from two articles)', grouped, pairs, ratio(grouped, pairs)],
      ['grouping precision (grouped member pairs)', groupedRight, groupedPairs, ratio(groupedRight, groupedPairs)],
    ],
  );
  console.log(`\nreported: ${contradictions.length} contradictions, ${stories.length} stories`);
  const confusions = [...confusion].filter(([k]) => k.split('>')[0] !== k.split('>')[1]).sort((a, b) => b[1] - a[1]);
  console.log(`stance confusions (gold>system): ${confusions.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  if (showErrors) {
    console.log('');
    for (const e of errors) console.log(e);
  }
}

/** Where a gold content (copied from the raw text) lies in the cleaned text: exactly, else with whitespace runs folded. */
function locate(text: string, content: string): Range | null {
  const at = text.indexOf(content);
  if (at >= 0) return [at, at + content.length];
  const pattern = content
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const m = new RegExp(pattern).exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

function rangesOf(c: Claim): Range[] {
  return (c.content.parts ?? [c.content]).map((p) => [p.start, p.end] as Range);
}

/** Shared characters ÷ characters in either. */
function overlapScore(g: Range, p: readonly Range[]): number {
  let shared = 0;
  let size = 0;
  for (const [a, b] of p) {
    shared += Math.max(0, Math.min(b, g[1]) - Math.max(a, g[0]));
    size += b - a;
  }
  const union = size + (g[1] - g[0]) - shared;
  return union ? shared / union : 0;
}

/** Gold index → predicted index, one to one, best overlaps first. */
function matchOneToOne(gold: readonly (Range | null)[], predicted: readonly Range[][]): Map<number, number> {
  const candidates: [number, number, number][] = [];
  gold.forEach((g, i) => {
    if (!g) return;
    predicted.forEach((p, j) => {
      const s = overlapScore(g, p);
      if (s >= MIN_OVERLAP) candidates.push([s, i, j]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [, i, j] of candidates) {
    if (out.has(i) || used.has(j)) continue;
    out.set(i, j);
    used.add(j);
  }
  return out;
}

/** Lower case, quotes and dashes folded, leading articles and honorifics and a possessive dropped. */
/** Folded words of a speaker name, each as its spelling key: "Sergei" and "Sergey" are one name romanised two ways. */
function speakerForm(s: string): string[] {
  return fold(s)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .filter((w, i) => !(i === 0 && ['the', 'mr', 'mrs', 'ms', 'dr'].includes(w)))
    .map(spellingKey);
}

/**
 * The GUIDE's rule: the system's speaker name or the text it points at matches the gold speaker
 * or speaker text. Matching is on folded words; a name also matches the end of a longer one
 * ("Roe" — "Jane Roe") unless that end follows "of" ("Osterlich" is not "Ministry of Defence of Osterlich").
 */
function speakerMatches(c: Claim, names: Map<string, string>, g: GoldClaim): boolean {
  const mine = [c.speaker?.entity ? names.get(c.speaker.entity) : undefined, c.speaker?.text].filter((s): s is string => Boolean(s)).map(speakerForm);
  const theirs = [g.speaker, g.speaker_text].map(speakerForm);
  const endsWith = (long: string[], short: string[]) =>
    short.length > 0 && long.length >= short.length && short.every((w, i) => sameName(long[long.length - short.length + i]!, w)) && !['of', 'for'].includes(long[long.length - short.length - 1] ?? '');
  if (mine.some((m) => theirs.some((t) => endsWith(m, t) || endsWith(t, m)))) return true;
  // A canonical name the gold writes out further: "Security Service" for "… of Osterlich (OSS)",
  // "Harbour Development Bank" for "… (HDB)".
  const acronym = g.speaker.match(/\(([^)]+)\)\s*$/)?.[1]?.toLowerCase();
  const prefixOf = (short: string[], long: string[]) =>
    short.length >= 2 && long.length > short.length && short.every((w, i) => sameName(long[i]!, w)) && (long[short.length] === 'of' || long[short.length] === acronym);
  if (mine.some((m) => theirs.some((t) => prefixOf(m, t)))) return true;
  // A speaker span with an appositive ("The OSS, Osterlich's main intelligence service,") points at
  // the text before it; a name's alias in brackets ("… of Osterlich (OSS)") is a name of it.
  const span = c.speaker ? fold(c.speaker.text) : '';
  const aliases = [g.speaker, g.speaker_text, ...[...g.speaker.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!)].map((x) => fold(x).replace(/^the /, ''));
  const head = span.replace(/^the /, '').split(/,| \(/)[0]!.trim();
  return aliases.some((a) => a === head);
}

/** Two name words are the same name, transliteration aside: equal, or one edit apart in a long word (Zelensky, Zelenskyy). */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || Math.abs(a.length - b.length) > 2) return false;
  return editDistance(a, b) <= 2;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

function speakerLabel(c: Claim, names: Map<string, string>): string {
  if (!c.speaker) return '∅';
  const name = c.speaker.entity ? names.get(c.speaker.entity) : undefined;
  return name && name !== c.speaker.text ? `${c.speaker.text} (${name})` : c.speaker.text;
}

function clip(s: string, n = 140): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}
