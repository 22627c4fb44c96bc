import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimItem } from '../../src/contract/index.js';
import { CORPUS } from '../fixtures/corpus.js';
import { runCli } from '../helpers.js';
import { freshPlace, TEST_PG, type Place } from '../store/backends.js';

/** The CLI on a PostgreSQL store: --db and CLAIMTRAIL_DB take its URL; messages never show the password. */
describe.skipIf(!TEST_PG)('claimtrail on PostgreSQL', () => {
  let place: Place;
  beforeAll(async () => {
    place = await freshPlace('postgres');
  });
  afterAll(() => place?.drop());

  const lines = <T>(s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

  it('analyze --db postgres://… stores the articles; claims --db reads them back', async () => {
    const analyzed = await runCli(['analyze', CORPUS, '--db', place.path]);
    expect(analyzed.stderr).not.toMatch(/error/i);
    expect(analyzed.code).toBe(0);
    const { code, stdout, stderr } = await runCli(['claims', '--json', '--limit', '500', '--db', place.path]);
    expect(code).toBe(0);
    const claims = lines<ClaimItem>(stdout);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.article && c.content)).toBe(true);
    const password = new URL(TEST_PG!).password;
    if (password) expect(stderr + analyzed.stderr).not.toContain(`:${password}@`);
  });

  it('reads the store from CLAIMTRAIL_DB, and names it in its messages without the password', async () => {
    const viaEnv = await runCli(['contradictions', '--json'], { env: { CLAIMTRAIL_DB: place.path } });
    expect(viaEnv.code).toBe(0);
    const viaFlag = await runCli(['contradictions', '--json', '--db', place.path]);
    expect(viaEnv.stdout).toBe(viaFlag.stdout);
    const listed = await runCli(['articles', '--db', place.path]);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toContain('127.0.0.1');
    const password = new URL(TEST_PG!).password;
    if (password) expect(listed.stderr).not.toContain(`:${password}@`);
  });

  it('a server that cannot be reached is a clear error and a non-zero exit', async () => {
    const down = new URL(TEST_PG!);
    down.port = '1';
    const { code, stderr } = await runCli(['claims', '--db', down.toString()]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/cannot connect to PostgreSQL/);
    if (down.password) expect(stderr).not.toContain(`:${down.password}@`);
  });
});
