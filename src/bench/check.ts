/**
 * `npm run bench:check -- [--articles 10000] [--db FILE] [--runs 5]`: how long `claimtrail check`
 * takes on a store of synthetic articles (src/bench/synthetic.ts, as `npm run bench:api` builds it).
 * Two figures per claim: the command as a user runs it (a fresh process: start-up, pipeline and
 * model loaded, search, judging, output), and GET /api/check on a running server (after one warm-up
 * request), which is what the workbench waits for.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pipelineVersion } from '../annotate/index.js';
import { buildServer } from '../server/app.js';
import { openStore } from '../store/index.js';
import { fillSynthetic } from './synthetic.js';
import { InternalError, UsageError } from '../errors.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    db: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});

/** Claims in the synthetic articles' own words, and one they never make. */
const CLAIMS = [
  'Drones were shot down over Kharkiv.',
  'Troops have been moved towards Kursk Oblast.',
  'Soldiers are fighting near Donetsk.',
  'The shelling of Odesa will continue.',
  'North Korean troops are fighting in Kursk.',
];

const BIN = fileURLToPath(new URL('../../bin/claimtrail.js', import.meta.url));

const articles = positive('--articles', values.articles);
const runs = positive('--runs', values.runs);
const scratch = values.db ? null : mkdtempSync(join(tmpdir(), 'claimtrail-bench-check-'));
const db = values.db ?? join(scratch!, 'bench.db');
try {
  await fill(db, articles);
  console.log(`\nclaimtrail check CLAIM --json (a fresh process each time), ${runs} runs per claim: median and slowest ms`);
  for (const claim of CLAIMS) {
    const times: number[] = [];
    let answer = '';
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const p = spawnSync(process.execPath, [BIN, 'check', claim, '--json', '--db', db], { encoding: 'utf8', env: { ...process.env, CLAIMTRAIL_DB: db } });
      times.push(performance.now() - t);
      if (p.status !== 0) throw new InternalError(`claimtrail check failed: ${p.stderr}`);
      answer = p.stdout;
    }
    console.log(`${claim.padEnd(46)} ${summary(times)}  ${sides(answer)}`);
  }

  console.log(`\nGET /api/check (server in this process, one warm-up request), ${runs} requests per claim: median and slowest ms`);
  const store = await openStore(db, pipelineVersion());
  const app = await buildServer({ store, webRoot: null, token: null });
  try {
    await app.inject(`/api/check?claim=${encodeURIComponent(CLAIMS[0]!)}`);
    for (const claim of CLAIMS) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        const res = await app.inject(`/api/check?claim=${encodeURIComponent(claim)}`);
        times.push(performance.now() - t);
        if (res.statusCode !== 200) throw new InternalError(`GET /api/check answered ${res.statusCode}: ${res.body}`);
      }
      console.log(`${claim.padEnd(46)} ${summary(times)}`);
    }
  } finally {
    await app.close();
    await store.close();
  }
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

function summary(times: number[]): string {
  const sorted = times.slice().sort((a, b) => a - b);
  return `${sorted[Math.floor((sorted.length - 1) / 2)]!.toFixed(0).padStart(6)} ${sorted[sorted.length - 1]!.toFixed(0).padStart(6)}`;
}

function sides(json: string): string {
  const a = JSON.parse(json) as { agree: unknown[]; disagree: unknown[]; discuss: unknown[]; searched: number };
  return `read ${a.searched}, agree ${a.agree.length}, disagree ${a.disagree.length}, discuss ${a.discuss.length}`;
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive integer, got "${value}"`);
  return n;
}

async function fill(path: string, count: number): Promise<void> {
  const store = await openStore(path, pipelineVersion());
  try {
    await fillSynthetic(store, count);
    console.log(`store ${path}: ${await store.articles.countArticles()} articles`);
  } finally {
    await store.close();
  }
}
