/**
 * `npm run bench:api -- [--articles 10000] [--db FILE] [--duration 10] [--connections 1]`: latency
 * of the entity page's API call (GET /api/entities/:id) on a store of synthetic articles, measured
 * with autocannon against the server running in its own process. Prints p50/p95/p99 per scenario.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildServer } from '../server/app.js';
import { openStore } from '../store/index.js';
import { fillSynthetic } from './synthetic.js';
import { UnavailableError, UsageError } from '../errors.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    db: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1' },
    serve: { type: 'string' },
  },
});

if (values.serve) {
  // The child: serve the store, say the port, run until the parent ends it.
  const store = await openStore(values.serve);
  const app = await buildServer({ store, webRoot: null, token: null });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${(app.server.address() as { port: number }).port}\n`);
} else {
  await main();
}

async function main(): Promise<void> {
  const articles = positive('--articles', values.articles);
  const duration = positive('--duration', values.duration);
  const connections = positive('--connections', values.connections);
  const scratch = values.db ? null : mkdtempSync(join(tmpdir(), 'claimtrail-bench-api-'));
  const db = values.db ?? join(scratch!, 'bench.db');
  try {
    const ids = await fill(db, articles);
    const server = await serve(db);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      console.log(`\nGET /api/entities/:id · ${connections} connection(s) · ${duration} s each (after a 2 s warm-up)`);
      console.log('scenario                          requests   req/s     p50 ms   p95 ms   p99 ms   max ms');
      for (const [name, targets] of [
        [`most mentioned entity (${ids[0]!.name})`, [ids[0]!]],
        ['top 20 entities in turn', ids.slice(0, 20)],
        ['20 entities of the long tail', ids.slice(-20)],
      ] as const) {
        await load(base, targets, 2, connections);
        const r = await load(base, targets, duration, connections);
        console.log(
          `${name.padEnd(34).slice(0, 34)}${String(r.requests).padStart(8)}${r.rate.toFixed(0).padStart(8)}${r.p50.toFixed(1).padStart(11)}${r.p95.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.max.toFixed(1).padStart(9)}${r.errors ? `  (${r.errors} errors)` : ''}`,
        );
      }
    } finally {
      server.stop();
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive integer, got "${value}"`);
  return n;
}

/** Store `count` synthetic articles (unless the database already holds them); the entities by mentions. */
async function fill(db: string, count: number): Promise<{ id: string; name: string; mentions: number }[]> {
  const store = await openStore(db);
  try {
    await fillSynthetic(store, count);
    const entities = await store.corpus.listEntities({ limit: 500 });
    const stats = await store.corpus.stats();
    console.log(`store ${db}: ${stats.articles} articles, ${stats.claims} claims, ${stats.entities} entities (${entities.items.length} read)`);
    console.log(`heaviest entity: ${entities.items[0]!.name}, ${entities.items[0]!.mentions} mentions in ${entities.items[0]!.articles} articles`);
    return entities.items.map((e) => ({ id: e.id, name: e.name, mentions: e.mentions }));
  } finally {
    await store.close();
  }
}

/** The API server in a child process, so the load generator does not share its event loop. */
async function serve(db: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', db], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    child.once('exit', (code) => reject(new UnavailableError(`API server exited (${code}) before listening`)));
  });
  return { port, stop: () => child.kill() };
}

interface Result {
  requests: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
}

/** Requests to the entity pages of `targets` in turn; latencies of every answer, in ms. */
async function load(base: string, targets: readonly { id: string }[], seconds: number, connections: number): Promise<Result> {
  let turn = 0;
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/entities/${encodeURIComponent(targets[turn++ % targets.length]!.id)}` }) }],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) errors++;
      latencies.push(ms);
    });
  });
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { requests: latencies.length, rate: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies[latencies.length - 1] ?? NaN, errors: errors + result.errors };
}
