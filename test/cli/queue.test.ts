import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

// Without a queue, or called wrongly, the queue's commands say so before touching anything.
const noQueue = { CLAIMTRAIL_QUEUE: '', CLAIMTRAIL_DB: '' };

describe('the queue commands called wrongly', () => {
  it('analyze --queue refuses options only the workers apply, and needs a queue', async () => {
    const clash = await runCli(['analyze', 'a.txt', '--queue', 'postgres://x/y', '--json'], { env: noQueue });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--queue cannot go with --json/);
    const none = await runCli(['analyze', 'a.txt', '--queue'], { env: noQueue });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no job queue: give --queue postgres:\/\//);
    const notPg = await runCli(['analyze', 'a.txt', '--queue', 'queue.db'], { env: noQueue });
    expect(notPg.code).toBe(2);
    expect(notPg.stderr).toMatch(/give a postgres:\/\/ URL, got "queue.db"/);
  });

  it('worker and jobs need a queue; jobs --state, worker --concurrency and --lease take only what they know', async () => {
    for (const args of [['worker', '--until-idle'], ['jobs'], ['jobs', 'retry', 'some-id']]) {
      const r = await runCli(args, { env: noQueue });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/no job queue/);
    }
    const state = await runCli(['jobs', '--state', 'stuck'], { env: noQueue });
    expect(state.code).toBe(2);
    expect(state.stderr).toMatch(/--state must be one of waiting, active, failed, done, got "stuck"/);
    const workers = await runCli(['worker', '--concurrency', '0'], { env: noQueue });
    expect(workers.code).toBe(2);
    expect(workers.stderr).toMatch(/--concurrency must be a whole number from 1 to 256, got "0"/);
    const lease = await runCli(['worker', '--lease', '1.5'], { env: noQueue });
    expect(lease.code).toBe(2);
    expect(lease.stderr).toMatch(/--lease must be a whole number of seconds from 2 to 3600, got "1.5"/);
    const threads = await runCli(['worker', '--threads', '-1'], { env: noQueue });
    expect(threads.code).toBe(2);
    expect(threads.stderr).toMatch(/--threads must be a whole number from 0 to 256, got "-1"/);
  });

  it('worker reads its option files before it connects: a bad one is one usage error, not a failure of every job', async () => {
    // Port 1 has no server: reaching it would fail otherwise, and later.
    const r = await runCli(['worker', '--queue', 'postgres://127.0.0.1:1/none', '--gazetteer', 'no-such-gazetteer.tsv'], { env: noQueue });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--gazetteer no-such-gazetteer\.tsv: /);
    expect(r.stderr).not.toMatch(/127\.0\.0\.1:1/);
  });
});
