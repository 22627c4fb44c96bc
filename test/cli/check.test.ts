import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckAnswer } from '../../src/check/store.js';
import { runCli, tempDir } from '../helpers.js';
import { CHECK_CORPUS, CHECK_RECORDS, CLAIM, EXPECTED, record } from '../fixtures/check.js';

/** The four articles through the real pipeline into a store, then `claimtrail check` over it. */
const dir = tempDir();
const db = join(dir, 'check.db');

/** The corpus record of a stored article (ids are hashes of the text; sources name records). */
const ref = (v: { source: string | null }) => CHECK_RECORDS.find((r) => r.source === v.source)!.id;

beforeAll(async () => {
  expect((await runCli(['analyze', CHECK_CORPUS, '--db', db])).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('claimtrail check CLAIM', () => {
  it('sets the sources that hold the claim true, deny it and only report it apart, and leaves the unrelated one out', async () => {
    const { code, stdout } = await runCli(['check', CLAIM, '--json', '--db', db]);
    expect(code).toBe(0);
    const a = JSON.parse(stdout) as CheckAnswer;
    expect(a.agree.map(ref)).toEqual(['northline-2025-03-03']);
    expect(a.disagree.map(ref)).toEqual(['courier-2025-03-04']);
    expect(a.discuss.map(ref)).toEqual(['riverside-2025-03-03']);
    expect(a.searched).toBeGreaterThanOrEqual(3);
    const denial = a.disagree[0]!;
    expect(denial.speaker).toMatch(/Defence/);
    expect(denial.date).toBe('2025-03-04');
    expect(denial.evidence.sentence.text).toMatch(/denied reports/);
    expect(denial.claim).toMatchObject({ stance: 'deny', cue: 'denied' });
    expect(denial.articleStance).toBe('disagree');
    // The story in date order: reported and held true on the 3rd, denied on the 4th.
    expect(a.story.map((s) => s.date)).toEqual(['2025-03-03', '2025-03-03', '2025-03-04']);
    expect(a.story.map((s) => s.stance)).toEqual(a.story.map((s) => EXPECTED[ref(s)]));
    expect(a.story[2]!.stance).toBe('disagree');
  });

  it('prints the sides with speaker, date, evidence and article, then the story', async () => {
    const { code, stdout } = await runCli(['check', CLAIM, '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toContain('agree — hold it true (1)');
    expect(stdout).toContain('disagree — deny it (1)');
    expect(stdout).toContain('discuss — only report it (1)');
    expect(stdout).toMatch(/2025-03-04 {2}Ministry of Defence of Belarus \[deny\] · Minsk Courier · [0-9a-f]{8} Minsk denies its troops entered Volyn/);
    expect(stdout).toContain('“Belarus\'s Defence Ministry on Tuesday denied reports');
    expect(stdout.slice(stdout.indexOf('\nstory'))).toMatch(/2025-03-03 .*\n.*2025-03-03 .*\n.*2025-03-04 {2}disagree/);
    expect(stdout).not.toContain('Harvest Weekly');
  });

  it('keeps to the publication dates asked for, and refuses a malformed one', async () => {
    const { stdout } = await runCli(['check', CLAIM, '--json', '--from', '2025-03-04', '--db', db]);
    const a = JSON.parse(stdout) as CheckAnswer;
    expect([...a.agree, ...a.discuss].length).toBe(0);
    expect(a.disagree.map(ref)).toEqual(['courier-2025-03-04']);
    const early = JSON.parse((await runCli(['check', CLAIM, '--json', '--to', '2025-03-03', '--db', db])).stdout) as CheckAnswer;
    expect(early.disagree).toEqual([]);
    expect(early.story.length).toBe(2);
    const bad = await runCli(['check', CLAIM, '--from', '4 March', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from must be YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('answers a yes–no question as the statement it asks about', async () => {
    const { stdout } = await runCli(['check', "Did Belarusian troops cross the border into Ukraine's Volyn region?", '--db', db]);
    expect(stdout).toContain("read as: “Belarusian troops cross the border into Ukraine's Volyn region.”");
    expect(stdout).toContain('disagree — deny it (1)');
  });

  it('asks for a claim when none is given', async () => {
    const { code, stderr } = await runCli(['check', '--db', db]);
    expect(code).toBe(2);
    expect(stderr).toContain('give the claim to check');
  });
});

describe('claimtrail check --pairs FILE.jsonl', () => {
  it('judges each line, reports a bad line as FILE:LINE and goes on', async () => {
    const file = join(dir, 'pairs.jsonl');
    const lines = [
      JSON.stringify({ id: 'p1', claim: CLAIM, text: record('courier-2025-03-04').text }),
      '{"id": "p2", "claim": ',
      JSON.stringify({ id: 3, claim: CLAIM, text: record('harvest-2025-03-05').text }),
      JSON.stringify({ id: 'p4', text: 'no claim here' }),
      '',
      JSON.stringify({ id: 'p5', claim: CLAIM, text: record('riverside-2025-03-03').text }),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { code, stdout, stderr } = await runCli(['check', '--pairs', file]);
    expect(code).toBe(1);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | number; stance: string; score: number; evidence: { sentence: { text: string } }[] });
    expect(out.map((o) => [o.id, o.stance])).toEqual([
      ['p1', 'disagree'],
      [3, 'unrelated'],
      ['p5', 'discuss'],
    ]);
    expect(out[0]!.score).toBeGreaterThan(0.5);
    expect(out[0]!.evidence[0]!.sentence.text).toMatch(/denied reports/);
    expect(out[1]!.evidence).toEqual([]);
    expect(stderr).toContain(`error: ${file}:2: not JSON`);
    expect(stderr).toContain(`error: ${file}:4: "claim" must be a non-empty string`);
    expect(stderr.trim().split('\n')).toHaveLength(2);
  });

  it('names a missing file', async () => {
    const { code, stderr } = await runCli(['check', '--pairs', join(dir, 'absent.jsonl')]);
    expect(code).toBe(1);
    expect(stderr).toContain('absent.jsonl: no such file');
  });
});
