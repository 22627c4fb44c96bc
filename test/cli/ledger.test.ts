import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { generalStaffArticle, hostileArticle, IDS, ministryArticle } from '../fixtures/articles.js';

let db: string;

beforeAll(async () => {
  db = join(tempDir(), 'cli.db');
  const store = await openStore(db);
  for (const a of [ministryArticle(), generalStaffArticle(), hostileArticle()]) await store.articles.save(a);
  await store.close();
});

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('claimtrail entities', () => {
  it('lists canonical entities with mention counts, most mentioned first', async () => {
    const r = await runCli(['entities', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const items = lines(r.stdout);
    expect(items).toHaveLength(5);
    expect(items.find((e) => e.id === IDS.KURSK)).toMatchObject({ name: 'Kursk Oblast', mentions: 3, articles: 2 });
    const counts = items.map((e) => e.mentions as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('filters by type and prints a readable table without --json', async () => {
    const r = await runCli(['entities', '--db', db, '--type', 'org']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(/^\s+2  ORG +Ministry of Defence of Russia/m);
    expect(r.stderr).toContain('2 entities');
  });

  it('refuses an unknown type, naming the allowed ones', async () => {
    const r = await runCli(['entities', '--db', db, '--type', 'animal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--type must be one of PERSON, ORG');
  });
});

describe('claimtrail claims', () => {
  it('filters by stance, speaker and what the claim is about', async () => {
    const deny = lines((await runCli(['claims', '--db', db, '--stance', 'deny', '--json'])).stdout);
    expect(deny.map((c) => c.content)).toEqual(['the fighting in Kursk Oblast had ended']);
    const bySpeaker = lines((await runCli(['claims', '--db', db, '--speaker', 'general staff', '--json'])).stdout);
    expect(bySpeaker).toHaveLength(2);
    const aboutKursk = lines((await runCli(['claims', '--db', db, '--about', 'Kursk Oblast', '--json'])).stdout);
    expect(aboutKursk).toHaveLength(2);
  });

  it('prints who, cue, stance and when, then the content', async () => {
    const r = await runCli(['claims', '--db', db, '--stance', 'deny']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('General Staff of the Armed Forces of Ukraine · denied · deny · 27 Apr 2025');
    expect(r.stdout).toContain('“the fighting in Kursk Oblast had ended”');
  });

  it.each([
    [['--stance', 'shout'], '--stance must be one of assert'],
    [['--from', 'last week'], '--from must be YYYY, YYYY-MM or YYYY-MM-DD'],
    [['--article', 'nowhere'], 'no article "nowhere"'],
  ])('refuses %j with a clear message', async (args, words) => {
    const r = await runCli(['claims', '--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
  });
});

describe('claimtrail serve', () => {
  it('serves the API on a free port and says where', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/claimtrail.js'), 'serve', '--db', db, '--port', '0'], { env: { ...process.env, CLAIMTRAIL_TOKEN: '' } });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d) => {
          err += d;
          const m = /workbench on (http:\/\/\S+\/)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
      });
      const stats = (await (await fetch(`${address}api/stats`)).json()) as { articles: number };
      expect(stats.articles).toBe(3);
    } finally {
      child.kill('SIGINT');
    }
  });

  it('will not listen beyond loopback without a token', async () => {
    const r = await runCli(['serve', '--db', db, '--host', '0.0.0.0', '--port', '0'], { env: { CLAIMTRAIL_TOKEN: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('set CLAIMTRAIL_TOKEN');
  });

  it('refuses a port that is not one', async () => {
    const r = await runCli(['serve', '--db', db, '--port', '99999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be an integer from 0 to 65535');
  });
});

