import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contradiction, Story, TimelineItem } from '../../src/contract/index.js';
import { HAS_SEED, runCli, SEED, SEED_GOLD, tempDir } from '../helpers.js';
import { CORPUS, RECORDS } from '../fixtures/corpus.js';

/** The test corpus and the founding article through the real pipeline and the built CLI. */
const dir = tempDir();
const db = join(dir, 'cli.db');
const seedDb = join(dir, 'seed.db');

const lines = <T>(stdout: string): T[] => stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** The corpus record a stored article came from (article ids are hashes of the text; refs name records). */
const record = (a: { source: string | null; published: string | null }) =>
  RECORDS.find((r) => r.source === a.source && r.published === a.published?.slice(0, 10))?.id ?? `${a.source} ${a.published}`;

beforeAll(async () => {
  expect((await runCli(['analyze', CORPUS, '--db', db])).code).toBe(0);
  if (HAS_SEED) expect((await runCli(['analyze', SEED, '--db', seedDb])).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('claimtrail contradictions, stories, timeline', () => {
  it('sets Pyongyang’s denial against Seoul’s report and its own confirmation, the syndicated copy counted once', async () => {
    const { code, stdout } = await runCli(['contradictions', '--json', '--db', db]);
    expect(code).toBe(0);
    const all = lines<Contradiction>(stdout);
    for (const x of all) {
      expect(x.sides.length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(x)).toEqual(expect.arrayContaining(['id', 'about', 'sides']));
      for (const c of x.sides.flatMap((s) => s.claims)) expect(Object.keys(c)).toEqual(expect.arrayContaining(['article', 'claim', 'speaker', 'content', 'said']));
    }
    const deploy = all.find((x) => x.sides.some((s) => s.claims.some((c) => record(c) === 'eastgate-2024-10-25')));
    expect(deploy).toBeDefined();
    const [affirm, deny] = deploy!.sides;
    expect(affirm!.claims.map(record)).toEqual(expect.arrayContaining(['harbour-2024-10-18', 'ledger-2025-04-28']));
    expect(affirm!.claims.map(record)).not.toContain('lakeside-2024-10-18');
    expect(deny!.claims.map(record)).toEqual(['eastgate-2024-10-25']);
    const kursk = all.find((x) => x.sides.some((s) => s.claims.some((c) => record(c) === 'steppe-2025-04-26')));
    expect(kursk!.sides[1]!.claims.some((c) => record(c) === 'dnipro-2025-04-27')).toBe(true);
  });

  it('tells the three-step story in order', async () => {
    const { stdout } = await runCli(['stories', '--json', '--about', 'deploy', '--db', db]);
    const story = lines<Story>(stdout).find((s) => s.steps.some((x) => record(x) === 'eastgate-2024-10-25'));
    expect(story!.steps.map((s) => [record(s), s.stance])).toEqual([
      ['harbour-2024-10-18', 'assert'],
      ['eastgate-2024-10-25', 'deny'],
      ['ledger-2025-04-28', 'confirm'],
    ]);
  });

  it('lists the dated capture for North Korea with its source, and refuses a bad date', async () => {
    const { stdout } = await runCli(['timeline', '--json', '--entity', 'North Korea', '--from', '2025-01', '--to', '2025-01', '--db', db]);
    const items = lines<TimelineItem>(stdout);
    expect(items).toEqual([expect.objectContaining({ date: '2025-01-11', kind: 'event', type: 'capture', quantity: 2 })]);
    expect(items[0]!.sources.map(record)).toEqual(['harbour-2025-01-12']);
    const text = await runCli(['timeline', '--db', db]);
    expect(text.stdout).toMatch(/^11 Jan 2025 {3}event {2}Ukraine captured 2 from North Korea in Kursk Oblast — reported · /m);
    const bad = await runCli(['timeline', '--from', 'yesterday', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from must be a date like 2024, 2024-10 or 2024-10-05, got "yesterday"');
  });

  it.skipIf(!HAS_SEED)('finds both contradictions and the story of the founding article', async () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as { contradictions: unknown[]; lifecycles: unknown[] };
    const x = lines<Contradiction>((await runCli(['contradictions', '--json', '--db', seedDb])).stdout);
    expect(x.length).toBeGreaterThanOrEqual(gold.contradictions.length);
    const sideText = (c: Contradiction, i: number) => c.sides[i]!.claims.map((k) => k.content).join(' | ');
    expect(x.some((c) => /concluded|liberation/.test(sideText(c, 0)) && /has ended|continue/.test(sideText(c, 1)))).toBe(true);
    expect(x.some((c) => /deployed 1,500/.test(sideText(c, 0)) && /groundless/.test(sideText(c, 1)))).toBe(true);
    const s = lines<Story>((await runCli(['stories', '--json', '--db', seedDb])).stdout);
    const deploy = s.find((k) => k.steps.some((step) => /groundless/.test(step.content)))!;
    expect(deploy.steps.map((step) => step.stance)).toEqual(['assert', 'deny', 'confirm']);
    expect(deploy.steps[0]!.said).toBe('2024-10');
  });
});
