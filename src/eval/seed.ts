/**
 * `npm run eval -- seed [--verbose]`: the founding article against ../shared/eval/seed/gold.json.
 * Matching follows the gold's own rules: by text, not offsets; a predicted span matches when its
 * text contains (for speakers: names) the gold text, case-insensitively, quotes folded; optional
 * items count when found and are not missed when absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline } from '../annotate/index.js';
import type { Analysis, Claim, Entity } from '../doc/types.js';
import { loadRules } from '../ingest/clean.js';
import { ingest } from '../ingest/index.js';
import { ROOT, sharedPath } from './shared.js';
import { InputError } from '../errors.js';

interface GoldEntity {
  name: string;
  type: string;
  kb?: string;
  aliases_in_text: string[];
  optional?: boolean;
}
export interface GoldClaim {
  id: string;
  speaker: string;
  speaker_text_any?: string[];
  cue: string;
  stance: string;
  stance_any?: string[];
  content: string;
  kind?: string;
  said?: string;
  via?: string;
  optional?: boolean;
}
interface GoldEvent {
  id: string;
  type: string;
  actor?: string;
  actor_any?: string[];
  target?: string;
  place_any?: string[];
  time?: string;
  quantity?: number;
  status?: string;
  optional?: boolean;
}
interface Gold {
  file: string;
  article: { published: string; title: string; must_not_contain: string[]; line_appears_once: string };
  entities: GoldEntity[];
  times: { text: string; value: string }[];
  quantities: { text: string; value: number; unit_contains: string }[];
  claims: GoldClaim[];
  events: GoldEvent[];
  contradictions: { id: string; about: string; side_a: string[]; side_b: string[] }[];
  lifecycles: { about: string; steps: { claim: string; stance: string; by: string }[] }[];
}

/** Case-folded, quotes and dashes unified, whitespace collapsed. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
const has = (text: string | null | undefined, part: string) => text != null && fold(text).includes(fold(part));

interface Line {
  section: string;
  item: string;
  ok: boolean;
  optional: boolean;
  detail: string;
}

export async function run(args: string[]): Promise<void> {
  const verbose = args.includes('--verbose') || args.includes('-v');
  const gold = JSON.parse(readFileSync(sharedPath('eval/seed/gold.json'), 'utf8')) as Gold;
  const file = sharedPath(gold.file);
  let analysis: Analysis | null = null;
  for await (const item of ingest([file], { verbatim: false, timeoutMs: 1000, maxBytes: 10 << 20, rules: loadRules() })) {
    if (!item.ok) throw item.error;
    analysis = (await createPipeline()).analyze(item.article);
  }
  if (!analysis) throw new InputError(file, 'no article');
  const lines: Line[] = [];
  const add = (section: string, item: string, ok: boolean, optional: boolean, detail: string) => lines.push({ section, item, ok, optional, detail });

  // article
  const { article } = analysis;
  add('article', 'published', article.published === gold.article.published, false, String(article.published));
  add('article', 'title', article.title === gold.article.title, false, String(article.title));
  for (const bad of gold.article.must_not_contain) add('article', `no "${bad}"`, !has(article.text, bad), false, '');
  const once = article.text.split(gold.article.line_appears_once).length - 1;
  add('article', 'caption once', once === 1, false, `${once} times`);

  // entities
  const entityNamed = (name: string): Entity | undefined =>
    analysis!.entities.find((e) => fold(e.name) === fold(name)) ?? analysis!.entities.find((e) => e.mentions.some((m) => fold(m.text) === fold(name)));
  for (const g of gold.entities) {
    const e = (g.kb && analysis.entities.find((x) => x.kb === g.kb)) || entityNamed(g.name) || entityNamed(g.aliases_in_text[0]!);
    if (!e) {
      add('entities', g.name, false, Boolean(g.optional), 'not found');
      continue;
    }
    const missing = g.aliases_in_text.filter((a) => !e.mentions.some((m) => has(m.text, a)));
    const problems = [
      e.type !== g.type && `type ${e.type}`,
      g.kb && e.kb !== g.kb && `kb ${e.kb}`,
      missing.length && `aliases not linked: ${missing.join(', ')}`,
    ].filter(Boolean);
    add('entities', g.name, problems.length === 0, Boolean(g.optional), problems.join('; ') || `${e.id} (${e.mentions.length} mentions)`);
  }

  // times and quantities
  for (const g of gold.times) {
    const t = analysis.times.find((x) => has(x.text, g.text) && x.value === g.value) ?? analysis.times.find((x) => has(x.text, g.text));
    add('times', `${g.text} = ${g.value}`, t?.value === g.value, false, t ? `${t.text} → ${t.value}` : 'not found');
  }
  for (const g of gold.quantities) {
    const q = analysis.quantities.find((x) => has(x.text, g.text) && x.value === g.value);
    const ok = q !== undefined && has(q.unit, g.unit_contains);
    add('quantities', `${g.text} ${g.unit_contains}`, ok, false, q ? `${q.value} ${q.unit}` : 'not found');
  }

  // claims, matched one-to-one: content first, then the best speaker
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  const byId = new Map(analysis.entities.map((e) => [e.id, e]));
  // The speaker "names" the gold entity when it resolves to an entity called so, by its canonical name or in the text.
  const speakerOk = (c: Claim, g: GoldClaim) => {
    const e = c.speaker?.entity ? byId.get(c.speaker.entity) : undefined;
    const named = e !== undefined && (fold(e.name) === fold(g.speaker) || e.mentions.some((m) => fold(m.text) === fold(g.speaker)));
    return named || has(c.speaker?.text, g.speaker);
  };
  const used = new Set<Claim>();
  const matched = new Map<string, Claim>();
  let required = 0;
  let found = 0;
  let stanceRight = 0;
  let saidGiven = 0;
  let saidRight = 0;
  for (const g of gold.claims) {
    if (!g.optional) required++;
    const candidates = analysis.claims.filter((c) => !used.has(c) && has(c.content.text, g.content));
    const c = candidates.find((x) => speakerOk(x, g)) ?? candidates[0];
    if (!c) {
      add('claims', `${g.id} ${g.speaker}: ${g.cue}`, false, Boolean(g.optional), 'content not found');
      continue;
    }
    used.add(c);
    matched.set(g.id, c);
    const speaker = speakerOk(c, g);
    const stance = c.stance === g.stance || (g.stance_any ?? []).includes(c.stance);
    const said = g.said === undefined || c.said === g.said;
    const via = g.via === undefined || has(c.via?.text, g.via);
    if (speaker) {
      if (!g.optional) found++;
      if (stance && !g.optional) stanceRight++;
    }
    if (g.said !== undefined) {
      saidGiven++;
      if (c.said === g.said) saidRight++;
    }
    const problems = [
      !speaker && `speaker "${c.speaker?.text ?? 'none'}"${c.speaker?.entity ? ` (${names.get(c.speaker.entity) ?? c.speaker.entity})` : ''}`,
      !stance && `stance ${c.stance}`,
      !said && `said ${c.said}`,
      !via && `via ${c.via?.text ?? 'none'}`,
      !has(c.cue?.text, g.cue) && `cue "${c.cue?.text ?? 'none'}"`,
    ].filter(Boolean);
    add('claims', `${g.id} ${g.speaker}: ${g.cue}`, speaker && stance && said && via, Boolean(g.optional), problems.join('; ') || c.id);
  }

  // events
  const entityIs = (id: string | null, name: string | undefined) => name === undefined || (id !== null && fold(names.get(id) ?? id) === fold(name));
  for (const g of gold.events) {
    const e = analysis.events.find(
      (x) =>
        x.type === g.type &&
        (g.actor_any ? g.actor_any.some((a) => entityIs(x.actor, a)) : entityIs(x.actor, g.actor)) &&
        entityIs(x.target, g.target) &&
        (!g.place_any || g.place_any.some((p) => entityIs(x.place, p))) &&
        (g.time === undefined || x.time === g.time) &&
        (g.quantity === undefined || x.quantity === g.quantity) &&
        (g.status === undefined || x.status === g.status),
    );
    const near = analysis.events.filter((x) => x.type === g.type);
    const detail = e ? `${e.id} “${e.trigger.text}”` : near.length ? `type found, attributes differ: ${near.map((x) => `${names.get(x.actor ?? '') ?? x.actor}/${names.get(x.place ?? '') ?? x.place}/${x.time}/${x.quantity}/${x.status}`).join(', ')}` : 'not found';
    add('events', `${g.id} ${g.type}`, e !== undefined, Boolean(g.optional), detail);
  }

  // contradictions and stories, through the CLI on a store holding only this article
  crossArticle(file, gold, matched, add);

  const sections = [...new Set(lines.map((l) => l.section))];
  for (const s of sections) {
    const rows = lines.filter((l) => l.section === s);
    const req = rows.filter((l) => !l.optional);
    const opt = rows.filter((l) => l.optional);
    console.log(`\n${s}: ${req.filter((l) => l.ok).length}/${req.length} right${opt.length ? ` (+ ${opt.filter((l) => l.ok).length}/${opt.length} optional)` : ''}`);
    for (const l of rows) if (verbose || !l.ok) console.log(`  ${l.ok ? '✓' : '✗'} ${l.item}${l.optional ? ' (optional)' : ''}${l.detail ? ` — ${l.detail}` : ''}`);
  }
  console.log(
    `\nclaims: ${found}/${required} required found with speaker and content; stance right for ${stanceRight}/${found} (${found ? ((100 * stanceRight) / found).toFixed(0) : 0} %); said right ${saidRight}/${saidGiven}`,
  );
}

function crossArticle(file: string, gold: Gold, matched: Map<string, Claim>, add: (s: string, i: string, ok: boolean, o: boolean, d: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-seed-'));
  const db = join(dir, 'seed.db');
  const cli = (args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin/claimtrail.js'), ...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    cli(['analyze', file, '--json']);
    const jsonLines = <T>(args: string[]): T[] | null => {
      try {
        return cli(args).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
      } catch {
        return null;
      }
    };
    const claimIdOf = (goldId: string) => matched.get(goldId)?.id;
    const contradictions = jsonLines<{ sides: { claims: { claim: string }[] }[] }>(['contradictions', '--json']);
    for (const g of gold.contradictions) {
      if (!contradictions) {
        add('contradictions', `${g.id} ${g.about}`, false, false, '`claimtrail contradictions` not available');
        continue;
      }
      const a = new Set(g.side_a.map(claimIdOf).filter(Boolean));
      const b = new Set(g.side_b.map(claimIdOf).filter(Boolean));
      const hit = contradictions.find((x) => {
        const sides = x.sides.map((s) => new Set(s.claims.map((c) => c.claim)));
        return sides.some((s) => [...a].some((id) => s.has(id!))) && sides.some((s) => [...b].some((id) => s.has(id!))) && sides.length >= 2;
      });
      add('contradictions', `${g.id} ${g.about}`, Boolean(hit), false, hit ? '' : `${contradictions.length} contradictions, none pairs these claims`);
    }
    const stories = jsonLines<{ steps: { claim: string }[] }>(['stories', '--json']);
    for (const g of gold.lifecycles) {
      if (!stories) {
        add('stories', g.about, false, false, '`claimtrail stories` not available');
        continue;
      }
      const want = g.steps.map((s) => claimIdOf(s.claim));
      const hit = stories.find((s) => {
        const order = s.steps.map((x) => x.claim);
        const positions = want.map((id) => (id ? order.indexOf(id) : -1));
        return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!));
      });
      add('stories', g.about, Boolean(hit), false, hit ? '' : `${stories.length} stories, none has the steps in order`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
