import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/shared.js';
import { runCli, tempDir } from '../helpers.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal-safe output', () => {
  it('escapes escape sequences, carriage returns, C1 controls and bidi overrides, keeping tabs and line breaks', () => {
    expect(terminalSafe('red \u001b[31mALERT\u001b[0m\rgone\u0085 \u202eevil\ttab\nline')).toBe('red \\u001b[31mALERT\\u001b[0m\\u000dgone\\u0085 \\u202eevil\ttab\nline');
  });

  it('keeps JSON lines valid JSON with the same values', () => {
    const line = JSON.stringify({ title: 'a\u0085b\u202ec' });
    expect(JSON.parse(terminalSafe(line))).toEqual({ title: 'a\u0085b\u202ec' });
  });

  it('prints no control character of an article on any line of analyze, articles and claims', async () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    const file = join(dir, 'hostile.txt');
    writeFileSync(file, 'Alert \u001b]0;owned\u0007 \u009b2J title\n\nThe ministry said on Monday that \u001b[2K\rtroops \u202ewithdrew from the border town.');
    const runs = [await runCli(['analyze', file, '--db', db]), await runCli(['articles', '--db', db]), await runCli(['claims', '--db', db]), await runCli(['analyze', file, '--db', db, '--json'])];
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(UNSAFE);
    }
    expect(runs[0]!.stdout).toContain('\\u001b]0;owned\\u0007');
  });
});

describe('options checked once, before any article', () => {
  it('a missing --gazetteer file is one usage error naming it, however many inputs', async () => {
    const dir = tempDir();
    const inputs = Array.from({ length: 5 }, (_, i) => {
      const f = join(dir, `a${i}.txt`);
      writeFileSync(f, `Report ${i}\n\nOfficials said on Monday that the bridge ${i} reopened.`);
      return f;
    });
    const r = await runCli(['analyze', ...inputs, '--db', join(dir, 'g.db'), '--gazetteer', join(dir, 'missing.tsv')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`error: --gazetteer ${join(dir, 'missing.tsv')}: cannot read (ENOENT)`]);
  });

  it('a date that does not exist is refused by name', async () => {
    const r = await runCli(['claims', '--from', '2024-13-45', '--db', join(tempDir(), 'd.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from must be YYYY, YYYY-MM or YYYY-MM-DD, got "2024-13-45"');
  });
});
