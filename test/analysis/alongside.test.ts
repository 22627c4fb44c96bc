import { describe, expect, it } from 'vitest';
import { RefreshAlongside } from '../../src/analysis/alongside.js';

/** A refresh whose runs end when the test says: how many started, and a way to end the one under way. */
function controlledRefresh(fail = (_run: number) => false) {
  const ends: (() => void)[] = [];
  let started = 0;
  const refresh = () => {
    const run = ++started;
    return new Promise<void>((resolve, reject) => ends.push(() => (fail(run) ? reject(new Error(`refresh ${run} failed`)) : resolve())));
  };
  return {
    refresh,
    started: () => started,
    /** End the oldest run under way, and let its settling run. */
    end: async () => {
      ends.shift()!();
      await new Promise((r) => setImmediate(r));
    },
  };
}

describe('the refresh alongside a run', () => {
  it('starts once enough articles wait, and never two at once', async () => {
    const r = controlledRefresh();
    const along = new RefreshAlongside(r.refresh, 3);
    along.stored();
    along.stored();
    expect(r.started()).toBe(0);
    along.stored();
    expect(r.started()).toBe(1);
    // Enough wait again, but one runs: none starts until it ends, then the next article starts one.
    along.stored(5);
    expect(r.started()).toBe(1);
    await r.end();
    along.stored();
    expect(r.started()).toBe(2);
    await r.end();
    // finish: one more run after the last article, whatever waits.
    const finished = along.finish();
    await new Promise((res) => setImmediate(res));
    expect(r.started()).toBe(3);
    await r.end();
    await finished;
  });

  it('starts no more after one fails, and the last run after the run decides', async () => {
    const r = controlledRefresh((run) => run === 1);
    const along = new RefreshAlongside(r.refresh, 1);
    along.stored();
    await r.end();
    along.stored(10);
    expect(r.started()).toBe(1);
    const finished = along.finish();
    await new Promise((res) => setImmediate(res));
    expect(r.started()).toBe(2);
    await r.end();
    await expect(finished).resolves.toBeUndefined();

    const failing = controlledRefresh(() => true);
    const last = new RefreshAlongside(failing.refresh, 100).finish();
    await new Promise((res) => setImmediate(res));
    const rejected = expect(last).rejects.toThrow('refresh 1 failed');
    await failing.end();
    await rejected;
  });
});
