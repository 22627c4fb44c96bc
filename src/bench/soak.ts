/**
 * `npm run soak -- [--articles 2500] [--clients 50] [--posts 40] [--cli 150] [--big-mb 2]`: the
 * store under concurrent writers and readers, on loopback only, bounded in count and time.
 *
 * A store of synthetic articles is served by `claimtrail serve` in its own process; then at once:
 * two `claimtrail analyze` writers on disjoint files, a third killed with SIGKILL mid-run and run
 * again, POSTs of new articles (a few of them large), and `--clients` readers looping over the
 * workbench's reads. It reports articles lost (given to a writer that said it stored them, or
 * still missing after the killed writer's re-run; must be 0), server errors (5xx; must be 0) and
 * read latency percentiles. Exit status 1 when anything was lost or a 5xx was seen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { refreshAnalysis } from '../analysis/index.js';
import { pipelineVersion } from '../annotate/index.js';
import { loadRules } from '../ingest/clean.js';
import { ingest } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { allItems } from '../store/page.js';
import { syntheticText } from './sizes.js';
import { syntheticAnalyses } from './synthetic.js';
import { UnavailableError, UsageError } from '../errors.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2500' },
    clients: { type: 'string', default: '50' },
    posts: { type: 'string', default: '40' },
    cli: { type: 'string', default: '150' },
    'big-mb': { type: 'string', default: '2' },
    'max-seconds': { type: 'string', default: '600' },
  },
});
const count = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`soak: --${name} must be a whole number, got "${values[name]}"`);
  return n;
};
const ARTICLES = count('articles');
const CLIENTS = count('clients');
const POSTS = count('posts');
const CLI_ARTICLES = count('cli');
const BIG_MB = Number(values['big-mb']);
const DEADLINE = Date.now() + count('max-seconds') * 1000;
const BIN = fileURLToPath(new URL('../../bin/claimtrail.js', import.meta.url));

/** A short article of its own words: a number makes each one distinct, so none is a duplicate of another. */
function smallArticle(tag: string, i: number): string {
  const text = syntheticText(1500, 1000 + i).split('\n\n').slice(0, 4).join('\n\n');
  return `Soak dispatch ${tag} ${i}\n\n${text}\n\nFiled as ${tag}-${i} (${(i * 7919) % 100_003}).`;
}

function jsonl(tag: string, n: number): string {
  return Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${tag}-${i}`, text: smallArticle(tag, i), published: '2025-03-01' })).join('\n');
}

/** Ids the analyze path gives an input's articles (the hash of the cleaned text). */
async function idsOf(path: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const item of ingest([path], { verbatim: false, timeoutMs: 1000, maxBytes: 10 << 20, rules: loadRules() })) if (item.ok) ids.add(item.article.id);
  return ids;
}

function run(args: string[]): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  void done.then((code) => {
    if (code !== 0 && code !== null) console.error(`  ${args[0]} ${args[1] ?? ''} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`);
  });
  return { child, done };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-soak-'));
const db = join(dir, 'soak.db');
let server: ChildProcess | null = null;
try {
  let t = Date.now();
  const store = await openStore(db, pipelineVersion());
  for (const a of syntheticAnalyses(ARTICLES, 21)) await store.articles.save(a);
  await refreshAnalysis(store);
  const entities = (await store.corpus.listEntities({ limit: 40 })).items.map((e) => e.id);
  await store.close();
  console.log(`store: ${ARTICLES} articles in ${((Date.now() - t) / 1000).toFixed(1)} s (${db})`);

  // The server, in its own process, as an operator runs it.
  server = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--no-log'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise<string>((resolve, reject) => {
    let text = '';
    server!.stderr!.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (m) resolve(m[1]!);
    });
    server!.on('close', (code) => reject(new UnavailableError(`the server exited (${code}): ${text}`)));
  });

  const files = ['a', 'b', 'k'].map((tag) => {
    const path = join(dir, `${tag}.jsonl`);
    writeFileSync(path, jsonl(tag, CLI_ARTICLES));
    return path;
  });
  const expected = new Set<string>();
  for (const f of files) for (const id of await idsOf(f)) expected.add(id);

  // Readers: the workbench's reads, in turn, by CLIENTS clients at once.
  const reads = [
    ...entities.slice(0, 20).map((id) => `api/entities/${encodeURIComponent(id)}`),
    'api/claims?limit=50',
    'api/claims?about=Kharkiv',
    'api/claims?about=zzzznotfound',
    'api/claims?stance=deny&from=2024-01',
    'api/articles?limit=20',
    'api/search?q=drones%20Kharkiv',
    'api/search?q=Petrov',
    'api/contradictions?limit=20',
    'api/stories?limit=20',
    'api/timeline?from=2023&limit=50',
    'api/stats',
  ];
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let writing = true;
  const reader = async (k: number) => {
    for (let i = k; writing && Date.now() < DEADLINE; i++) {
      const started = performance.now();
      try {
        const r = await fetch(base + reads[i % reads.length]!);
        await r.arrayBuffer();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      } catch {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
      }
      latencies.push(performance.now() - started);
    }
  };

  // Writers: two CLI runs, one killed and run again, and POSTs (a few of them large).
  t = Date.now();
  const readers = Array.from({ length: CLIENTS }, (_, k) => reader(k));
  const cliA = run(['analyze', files[0]!, '--db', db]);
  const cliB = run(['analyze', files[1]!, '--db', db]);
  const killed = run(['analyze', files[2]!, '--db', db]);
  const kill = new Promise<void>((resolve) =>
    setTimeout(() => {
      killed.child.kill('SIGKILL');
      resolve();
    }, 4000),
  );
  const posted = new Set<string>();
  const postStatuses = new Map<number, number>();
  const bigEvery = BIG_MB > 0 ? Math.max(1, Math.floor(POSTS / 3)) : Infinity;
  const posters = Array.from({ length: 4 }, async (_, k) => {
    for (let i = k; i < POSTS && Date.now() < DEADLINE; i += 4) {
      const big = i % bigEvery === bigEvery - 1;
      const body = big ? `Soak long report ${i}\n\n${syntheticText(BIG_MB * 1024 * 1024, 500 + i)}` : smallArticle('p', i);
      try {
        const r = await fetch(`${base}api/articles`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
        postStatuses.set(r.status, (postStatuses.get(r.status) ?? 0) + 1);
        const reply = (await r.json()) as { items?: { id: string }[] };
        if (r.status === 201) for (const item of reply.items ?? []) posted.add(item.id);
        else posted.add(`failed POST ${i} (${r.status})`);
      } catch (e) {
        postStatuses.set(0, (postStatuses.get(0) ?? 0) + 1);
        posted.add(`failed POST ${i} (${(e as Error).message})`);
      }
    }
  });
  const codes = await Promise.all([cliA.done, cliB.done, killed.done]);
  await kill;
  // The operator runs the killed import again: it must complete without duplicates.
  const rerun = await run(['analyze', files[2]!, '--db', db]).done;
  await Promise.all(posters);
  writing = false;
  await Promise.all(readers);
  const seconds = (Date.now() - t) / 1000;

  const check = await openStore(db, pipelineVersion());
  const stored = new Set<string>();
  for await (const a of allItems((cursor) => check.articles.listArticles({ limit: 500, cursor }))) stored.add(a.id);
  await check.close();
  const lost = [...expected, ...posted].filter((id) => !stored.has(id));
  const serverErrors = [...statuses, ...postStatuses].filter(([s]) => s >= 500 || s === 0).reduce((n, [, c]) => n + c, 0);
  latencies.sort((a, b) => a - b);
  const fmt = (m: Map<number, number>) => [...m].map(([s, c]) => `${s}×${c}`).join(' ');
  console.log(`writers: CLI exit ${codes.slice(0, 2).join(', ')}; third writer ${codes[2] === null ? 'killed (SIGKILL)' : `finished before the kill (exit ${codes[2]})`}, re-run exit ${rerun}; ${POSTS} POSTs: ${fmt(postStatuses)} (${seconds.toFixed(0)} s)`);
  console.log(`reads: ${latencies.length} by ${CLIENTS} clients: ${fmt(statuses)}; p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(0)} ms`);
  console.log(`lost articles: ${lost.length} of ${expected.size + posted.size}${lost.length ? ` (${lost.slice(0, 5).join(', ')})` : ''}; server errors (5xx or no answer): ${serverErrors}`);
  process.exitCode = lost.length || serverErrors ? 1 : 0;
} finally {
  server?.kill('SIGTERM');
  if (server) await new Promise((r) => server!.on('close', r));
  rmSync(dir, { recursive: true, force: true });
}
