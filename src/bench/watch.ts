/**
 * `npm run bench:watch -- [--feeds 8] [--runs 3] [--threads 0,default] [FILE…]`: `claimtrail watch --once` over a corpus
 * served as RSS feeds by this process, into a new SQLite store each run. The articles are dealt among `--feeds` feeds,
 * each item carrying its full text, so one poll brings them all: the burst a watcher meets on its first poll of many
 * feeds, or after a pause. Runs alternate between the `--threads` values given (`default`: the command's own choice),
 * so the machine's load moves them alike. Prints each run's seconds, articles stored, words/s and the cores the
 * machine kept busy (feed server included, a small part), and each setting's median.
 *
 * The articles are the FILEs (any `claimtrail analyze` input), else PolNeAR (../shared/eval/polnear) when it is there,
 * else synthetic news text (sizes.ts), so anyone can run it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countWords } from '../doc/doc.js';
import type { Article } from '../doc/types.js';
import { UsageError } from '../errors.js';
import { loadRules } from '../ingest/clean.js';
import { ingest } from '../ingest/index.js';
import { busySeconds } from './busy.js';
import { syntheticText } from './sizes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/claimtrail.js');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    feeds: { type: 'string', default: '8' },
    runs: { type: 'string', default: '3' },
    threads: { type: 'string', default: '0,default' },
  },
});
const feedCount = Number(values.feeds);
const runs = Number(values.runs);
const settings = values.threads.split(',');
if (!Number.isInteger(feedCount) || feedCount < 1 || !Number.isInteger(runs) || runs < 1) throw new UsageError('bench:watch: --feeds and --runs take whole numbers from 1');
const bad = settings.filter((s) => s !== 'default' && !/^\d+$/.test(s));
if (bad.length) throw new UsageError(`bench:watch: --threads takes whole numbers or "default", got ${bad.join(', ')}`);

/** What a feed item is made of. */
type Served = Pick<Article, 'id' | 'title' | 'text' | 'published'>;

/** The articles to serve: the files given, else PolNeAR, else synthetic texts. */
async function corpus(): Promise<{ name: string; articles: Served[] }> {
  const shared = resolve(process.env.CLAIMTRAIL_SHARED ?? join(ROOT, '../shared'), 'eval/polnear');
  const files = positionals.length ? positionals : existsSync(shared) ? [join(shared, 'train.jsonl'), join(shared, 'dev.jsonl')] : [];
  const articles: Served[] = [];
  if (!files.length) {
    for (let i = 0; i < 300; i++) articles.push({ id: `synthetic-${i}`, title: `Synthetic report ${i}`, text: syntheticText(4000, 100 + i), published: null });
    return { name: 'synthetic news text (src/bench/sizes.ts)', articles };
  }
  for await (const item of ingest(files, { verbatim: false, timeoutMs: 20_000, maxBytes: 10 << 20, rules: loadRules() })) {
    if (item.ok) articles.push(item.article);
    else console.error(`skipped: ${item.error.message}`);
  }
  return { name: files.join(', '), articles };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed of these articles, newest first as feeds list them, each one's paragraphs as its full content. */
function rss(title: string, articles: readonly Served[]): string {
  const items = articles.map((a, i) => {
    const body = a.text
      .split(/\n+/)
      .map((p) => `<p>${esc(p)}</p>`)
      .join('');
    const date = a.published ? new Date(a.published) : new Date(Date.UTC(2026, 0, 1 + i));
    return `<item><title>${esc(a.title ?? a.id)}</title><guid isPermaLink="false">${esc(a.id)}</guid><pubDate>${(Number.isNaN(date.getTime()) ? new Date(0) : date).toUTCString()}</pubDate><content:encoded>${esc(body)}</content:encoded></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><language>en</language>${items.reverse().join('')}</channel></rss>`;
}

interface Run {
  setting: string;
  seconds: number;
  stored: number;
  busy: number;
}

/** One `claimtrail watch --once` of every feed into a new store: its time, what it stored, the cores busy meanwhile. */
async function watchOnce(urls: readonly string[], setting: string): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-watch-'));
  try {
    const threads = setting === 'default' ? [] : ['--threads', setting];
    const busyAtStart = busySeconds();
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'watch', ...urls, '--once', '--allow-private-urls', '--db', join(dir, 'bench.db'), ...threads], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`claimtrail watch exited with ${code}: ${errors}`);
    const summary = /· (\d+) stored ·/.exec(errors);
    if (!summary) throw new Error(`claimtrail watch did not say what it stored: ${errors}`);
    return { setting, seconds, stored: Number(summary[1]), busy: busySeconds() - busyAtStart };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { name, articles } = await corpus();
const feeds = Array.from({ length: feedCount }, (_, f) => rss(`Feed ${f + 1}`, articles.filter((_, i) => i % feedCount === f)));
const server = createServer((req, res) => {
  const f = Number(/^\/feed-(\d+)\.rss$/.exec(req.url ?? '')?.[1] ?? NaN);
  if (!feeds[f]) res.writeHead(404).end();
  else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feeds[f]);
});
await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const urls = feeds.map((_, f) => `${base}/feed-${f}.rss`);
const words = articles.reduce((n, a) => n + countWords(a.text), 0);
const n = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`corpus: ${name} · ${articles.length} articles, ${n(words)} words · ${feedCount} feeds · ${availableParallelism()} cores · ${new Date().toISOString().slice(0, 10)}`);
console.log('threads     seconds  stored   words/s  cores busy');
const done: Run[] = [];
try {
  for (let r = 0; r < runs; r++) {
    for (const setting of settings) {
      const run = await watchOnce(urls, setting);
      done.push(run);
      console.log(`${setting.padEnd(9)}${run.seconds.toFixed(2).padStart(10)}${String(run.stored).padStart(8)}${n(words / run.seconds).padStart(10)}${(run.busy / run.seconds).toFixed(2).padStart(12)}`);
    }
  }
} finally {
  server.close();
}
for (const setting of settings) {
  const times = done.filter((r) => r.setting === setting).map((r) => r.seconds).sort((a, b) => a - b);
  const median = times[Math.floor((times.length - 1) / 2)]!;
  console.log(`median, threads ${setting}: ${median.toFixed(2)} s, ${n(words / median)} words/s (items read, analysed and stored, the cross-article refresh after)`);
}
