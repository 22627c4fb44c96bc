import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueue, type JobQueue } from '../../src/queue/index.js';
import { openStore } from '../../src/store/index.js';
import { ROOT } from '../helpers.js';
import { TEST_PG } from './pg.js';

/**
 * PostgreSQL restarted under running workers. The shared server is never restarted: this runs a
 * private one (initdb, pg_ctl) in a temporary directory, as the postgres user when run as root.
 */
const BIN = '/usr/lib/postgresql/15/bin';
const uid = userInfo().uid;
const postgresUser = (() => {
  try {
    return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
})();
const runAs = uid === 0 ? (postgresUser !== null ? 'postgres' : null) : uid === postgresUser ? '' : null;
const possible = Boolean(TEST_PG) && existsSync(join(BIN, 'pg_ctl')) && runAs !== null;

function pg(args: string[]): void {
  const [cmd, ...rest] = runAs ? ['runuser', '-u', runAs, '--', ...args] : args;
  execFileSync(cmd!, rest, { stdio: 'ignore' });
}

describe.skipIf(!possible)('PostgreSQL restarted during a run (a private server; needs CLAIMTRAIL_TEST_PG, PostgreSQL 15 binaries and root or the postgres user)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-pg-'));
  const data = join(dir, 'data');
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const ctl = (action: 'start' | 'stop') =>
    pg([join(BIN, 'pg_ctl'), '-D', data, '-w', '-l', join(dir, 'log'), ...(action === 'start' ? ['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`] : ['-m', 'fast']), action]);
  let queue: JobQueue;
  let server: Server;
  const responses: ServerResponse[] = [];
  let secondArrived: () => void;
  const second = new Promise<void>((resolve) => (secondArrived = resolve));

  beforeAll(async () => {
    if (runAs) chownSync(dir, postgresUser!, postgresUser!);
    pg([join(BIN, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres']);
    ctl('start');
    queue = await openQueue(url);
    // Three articles by URL; the second is answered only after the database has gone down.
    server = createServer((req, res) => {
      responses.push(res);
      if (responses.length === 2) {
        secondArrived();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`Report ${req.url}\n\nKyiv said on 3 March 2025 that ${req.url?.slice(1)} drones were shot down overnight.`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await queue?.close().catch(() => undefined);
    await new Promise((resolve) => server?.close(resolve));
    try {
      ctl('stop');
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('the worker waits for the database, then finishes every job', async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const how = { replace: false, verbatim: false, fetchTimeoutMs: 120_000, maxBytes: 1_000_000, publicOnly: false };
    const ids = await queue.enqueue(['12', '40', '7'].map((n) => ({ ...how, input: `${base}/${n}` })));
    await queue.close();
    const store = join(dir, 'store.db');
    const worker = spawn(process.execPath, [join(ROOT, 'bin/claimtrail.js'), 'worker', '--db', store, '--until-idle'], { env: { ...process.env, CLAIMTRAIL_QUEUE: url } });
    let stderr = '';
    worker.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));

    await second;
    ctl('stop');
    // The worker stores the second article with the database down, and cannot mark its job done yet.
    const res = responses[1]!;
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Report 40\n\nMoscow said on 3 March 2025 that 40 drones were shot down overnight.');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    ctl('start');

    expect(await exited).toBe(0);
    // Marking the jobs done (the worker took all three at once) waited for the database, and was not given up.
    expect(stderr).toMatch(new RegExp(`job (${ids.join('|')}): the queue is unreachable`));
    queue = await openQueue(url);
    const jobs = await Promise.all(ids.map((id) => queue.get(id)));
    expect(jobs.map((j) => j?.state)).toEqual(['done', 'done', 'done']);
    const s = await openStore(store);
    try {
      expect(await s.articles.countArticles()).toBe(3);
    } finally {
      await s.close();
    }
  });
});
