import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { firstPollDelay, formatDuration, MAX_BACKOFF_MS, nextPollDelay, parseDuration } from '../../src/watch/schedule.js';

const MIN = 60_000;

describe('watch schedule', () => {
  it('reads durations with a unit, a bare number as seconds', () => {
    expect(parseDuration('10m', '--every')).toBe(10 * MIN);
    expect(parseDuration('90', '--every')).toBe(90_000);
    expect(parseDuration('1.5h', '--every')).toBe(90 * MIN);
    expect(parseDuration(' 2d ', '--every')).toBe(2 * 24 * 60 * MIN);
    expect(parseDuration('1500ms', '--every')).toBe(1500);
  });

  it('refuses what is not a duration of a second or more, naming the option', () => {
    for (const bad of ['', 'soon', '10 minutes', '-5m', '0', '999ms', 'Infinity', '1e3s']) {
      expect(() => parseDuration(bad, '--every'), bad).toThrow(UsageError);
      expect(() => parseDuration(bad, '--every'), bad).toThrow(`--every must be a duration of at least 1s such as 30s, 10m or 2h, got "${bad}"`);
    }
  });

  it('says durations as people do', () => {
    expect([45_000, 10 * MIN, 90 * MIN, 9.6 * MIN].map(formatDuration)).toEqual(['45s', '10m', '1.5h', '9.6m']);
  });

  it('jitters the interval by ±10 %', () => {
    expect(nextPollDelay(10 * MIN, 0, 0)).toBe(9 * MIN);
    expect(nextPollDelay(10 * MIN, 0, 0.5)).toBe(10 * MIN);
    expect(nextPollDelay(10 * MIN, 1, 0.999_999)).toBeCloseTo(11 * MIN, -1);
  });

  it('doubles the wait for each failure in a row past the first, up to 6 h (or the interval when longer)', () => {
    expect([1, 2, 3, 4].map((f) => nextPollDelay(10 * MIN, f, 0.5))).toEqual([10 * MIN, 20 * MIN, 40 * MIN, 80 * MIN]);
    expect(nextPollDelay(10 * MIN, 50, 0.5)).toBe(MAX_BACKOFF_MS);
    expect(nextPollDelay(24 * 60 * MIN, 5, 0.5)).toBe(24 * 60 * MIN);
  });

  it('waits at least as long as the server asked (Retry-After)', () => {
    expect(nextPollDelay(MIN, 1, 0.5, 2 * 60 * MIN)).toBe(2 * 60 * MIN);
    expect(nextPollDelay(60 * MIN, 1, 0.5, MIN)).toBe(60 * MIN);
  });

  it('polls a lone feed at once, and spreads many evenly over the first minute, or the interval when shorter', () => {
    expect(firstPollDelay(10 * MIN, 0, 1)).toBe(0);
    expect([0, 1, 2, 3].map((i) => firstPollDelay(10 * MIN, i, 4))).toEqual([0, 15_000, 30_000, 45_000]);
    expect(firstPollDelay(20_000, 1, 2)).toBe(10_000);
  });
});
