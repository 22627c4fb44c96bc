import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../src/contract/index.js';
import { followJob, jobLine } from '../../web/src/jobs.js';

const job = (over: Partial<JobStatus>): JobStatus => ({
  id: 'j1',
  state: 'waiting',
  input: 'request-1',
  attempts: 0,
  maxAttempts: 3,
  error: null,
  articles: [],
  created: '2026-12-04T20:00:00.000Z',
  finished: null,
  ...over,
});

describe("the Add page's queued jobs", () => {
  it('polls a job until it is done, reporting each state on the way', async () => {
    const answers = [job({}), job({ state: 'active', attempts: 1 }), job({ state: 'waiting', attempts: 1, error: 'timeout' }), job({ state: 'done', attempts: 2 })];
    const seen: string[] = [];
    const last = await followJob(async () => answers.shift()!, (j) => seen.push(j.state), { intervalMs: 0 });
    expect(seen).toEqual(['waiting', 'active', 'waiting', 'done']);
    expect(last?.state).toBe('done');
    expect(answers).toEqual([]);
  });

  it('stops at a failed job, and polls no more once the page is left', async () => {
    expect((await followJob(async () => job({ state: 'failed', attempts: 3, error: 'bad' }), () => undefined, { intervalMs: 0 }))?.state).toBe('failed');
    const left = new AbortController();
    let polls = 0;
    const followed = followJob(
      async () => {
        polls++;
        left.abort();
        return job({});
      },
      () => undefined,
      { intervalMs: 60_000, signal: left.signal },
    );
    expect(await followed).toBeNull();
    expect(polls).toBe(1);
  });

  it('says where a job stands in words', () => {
    expect(jobLine(job({}))).toBe('Queued: waiting for a worker…');
    expect(jobLine(job({ state: 'active', attempts: 2 }))).toBe('A worker is analysing it (attempt 2 of 3)…');
    expect(jobLine(job({ state: 'waiting', attempts: 1, error: 'the server said 503' }))).toBe('Waiting to be tried again: the server said 503');
    expect(jobLine(job({ state: 'failed', attempts: 3, error: 'binary data' }))).toBe('Failed after 3 attempts: binary data');
    expect(jobLine(job({ state: 'done', attempts: 1, articles: [{ id: 'a', title: null, status: 'new', entities: 0, claims: 0, events: 0, words: 3 }] }))).toBe('Done: 1 article stored');
  });
});
