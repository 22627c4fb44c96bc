import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { openQueue, resolveQueueUrl, type AnalyzeRequest, type JobQueue } from '../../src/queue/index.js';
import { ingestInput, jobInputsOf, readJobInputs, requestsFor } from '../../src/queue/inputs.js';
import { intakeKey, OrderedIds } from '../../src/store/intake.js';
import { tempDir } from '../helpers.js';
import { freshDatabase, TEST_PG, type TestDatabase } from './pg.js';

const how = { replace: false, verbatim: false, fetchTimeoutMs: 1000, maxBytes: 1_000_000, publicOnly: true };
const request = (name: string, content = 'Kyiv said the bridge was hit.'): AnalyzeRequest => ({ ...how, input: { name, content, kind: 'text' } });

describe('job ids', () => {
  it('sort as text in the order they were made, many in one millisecond included', () => {
    const ids = new OrderedIds();
    const made = Array.from({ length: 5000 }, () => ids.next());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    for (const id of made.slice(0, 3)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sort after the key of a re-analysis begun before them, and the jobs it queues share that key', () => {
    const requests = requestsFor(['https://example.org/a', 'https://example.org/b'], { ...how, replace: true });
    const start = requests[0]!.runStart!;
    const ids = new OrderedIds();
    // Made in the same millisecond as the key, or later: every one sorts after it.
    for (const id of Array.from({ length: 1000 }, () => ids.next())) expect(intakeKey(id) > start).toBe(true);
    expect(requests.map((r) => r.runStart)).toEqual([start, start]);
    expect(requestsFor(['https://example.org/a'], how)[0]!.runStart).toBeUndefined();
  });

  it('sort before the key of a re-analysis begun after them, though made in the same millisecond', () => {
    const ids = new OrderedIds();
    for (let round = 0; round < 20; round++) {
      const before = intakeKey(ids.next());
      const start = requestsFor(['https://example.org/a'], { ...how, replace: true })[0]!.runStart!;
      expect(before < start).toBe(true);
    }
  });
});

describe("the queue's URL", () => {
  it('is the option, else CLAIMTRAIL_QUEUE, else a PostgreSQL store, else none', () => {
    const saved = process.env.CLAIMTRAIL_QUEUE;
    try {
      delete process.env.CLAIMTRAIL_QUEUE;
      expect(resolveQueueUrl('postgres://a/q', 'postgres://a/db')).toBe('postgres://a/q');
      expect(resolveQueueUrl(undefined, 'postgresql://a/db')).toBe('postgresql://a/db');
      expect(resolveQueueUrl(undefined, 'claimtrail.db')).toBeNull();
      process.env.CLAIMTRAIL_QUEUE = 'postgres://env/q';
      expect(resolveQueueUrl(undefined, 'postgres://a/db')).toBe('postgres://env/q');
      expect(() => resolveQueueUrl('queue.db', undefined)).toThrow(UsageError);
      expect(() => resolveQueueUrl('queue.db', undefined)).toThrow(/postgres:\/\/ URL, got "queue.db"/);
    } finally {
      if (saved === undefined) delete process.env.CLAIMTRAIL_QUEUE;
      else process.env.CLAIMTRAIL_QUEUE = saved;
    }
  });
});

describe('what a job carries', () => {
  const dir = tempDir();
  beforeAll(() => {
    mkdirSync(join(dir, 'in/sub'), { recursive: true });
    writeFileSync(join(dir, 'in/a.txt'), 'Moscow denied the report.');
    writeFileSync(join(dir, 'in/sub/b.html'), Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e])); // Latin-1 é: not UTF-8
    writeFileSync(join(dir, 'in/c.jsonl'), '{"id":"one","text":"First."}\n\n{"id":"two","text":"Second."}\r\n');
    writeFileSync(join(dir, 'nul.txt'), 'text\u0000with a NUL');
  });

  it('reads files, directories (one job per JSONL record, with its line) and stdin; keeps URLs; reports a missing file and goes on', async () => {
    const stdin = Readable.from([Buffer.from('From stdin.')]);
    const { inputs, errors } = await readJobInputs([join(dir, 'in'), 'https://example.org/a', join(dir, 'missing.txt'), '-'], { maxBytes: 1000, stdin });
    expect(errors.map((e) => e.message)).toEqual([`${join(dir, 'missing.txt')}: no such file or directory`]);
    expect(inputs).toEqual([
      { name: join(dir, 'in/a.txt'), content: 'Moscow denied the report.', kind: 'text' },
      { name: join(dir, 'in/c.jsonl'), content: '{"id":"one","text":"First."}', kind: 'jsonl', line: 1 },
      { name: join(dir, 'in/c.jsonl'), content: '{"id":"two","text":"Second."}', kind: 'jsonl', line: 3 },
      { name: join(dir, 'in/sub/b.html'), content: Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]).toString('base64'), encoding: 'base64', kind: 'html' },
      'https://example.org/a',
      { name: 'stdin', content: 'From stdin.' },
    ]);
  });

  it('sends content that is not UTF-8, or holds NUL (which PostgreSQL JSON refuses), as base64, and gives ingest the same bytes back', async () => {
    const { inputs } = await readJobInputs([join(dir, 'nul.txt')], { maxBytes: 1000 });
    const [input] = inputs;
    expect(input).toMatchObject({ encoding: 'base64' });
    const back = ingestInput(input!);
    expect(typeof back === 'string' ? back : Buffer.from(back.content).toString('utf8')).toBe('text\u0000with a NUL');
  });

  it('refuses a file over the size limit by name, and queues the rest', async () => {
    const { inputs, errors } = await readJobInputs([join(dir, 'in/a.txt'), join(dir, 'nul.txt')], { maxBytes: 20 });
    expect(inputs.map((i) => typeof i !== 'string' && i.name)).toEqual([join(dir, 'nul.txt')]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/a\.txt: file of 25 bytes is over the 20 bytes limit \(--max-size\)/)]);
  });

  it('splits a posted JSONL body into one job per record', () => {
    expect(jobInputsOf({ name: 'req', content: '{"text":"a"}\n{"text":"b"}\n', kind: 'jsonl' })).toHaveLength(2);
    expect(jobInputsOf('https://example.org/x')).toEqual(['https://example.org/x']);
  });
});

describe.skipIf(!TEST_PG)('the queue on PostgreSQL', () => {
  let db: TestDatabase;
  let queue: JobQueue;
  beforeAll(async () => {
    db = await freshDatabase('queue');
    queue = await openQueue(db.url, { retryDelaySeconds: 1 });
  });
  afterAll(async () => {
    await queue?.close();
    await db?.drop();
  });

  it('keeps jobs in the order queued, takes them in that order, and says where each stands', async () => {
    const ids = await queue.enqueue([request('first'), request('second'), request('third')]);
    expect(ids).toHaveLength(3);
    expect(await queue.pending()).toBe(3);
    expect((await queue.list()).map((j) => j.input)).toEqual(['third', 'second', 'first']);
    const job = await queue.get(ids[0]!);
    expect(job).toMatchObject({ id: ids[0], state: 'waiting', input: 'first', attempts: 0, maxAttempts: 3, error: null, articles: [], finished: null });

    expect(await queue.refreshLimit()).toBe(ids[0]);
    const [held, ...more] = await queue.take();
    expect(more).toEqual([]);
    expect(held).toMatchObject({ id: ids[0], attempt: 1, request: request('first') });
    // Held, it is not finished: the refresh still waits for it.
    expect(await queue.refreshLimit()).toBe(ids[0]);
    expect(await queue.get(ids[0]!)).toMatchObject({ state: 'active', attempts: 1 });
    const item = { id: 'abc', title: 't', status: 'new' as const, entities: 1, claims: 2, events: 3, words: 4 };
    await queue.complete(ids[0]!, { articles: [item], errors: [] });
    expect(await queue.get(ids[0]!)).toMatchObject({ state: 'done', attempts: 1, articles: [item], error: null, finished: expect.any(String) });
    expect(await queue.refreshLimit()).toBe(ids[1]);
    expect((await queue.list({ state: 'done' })).map((j) => j.id)).toEqual([ids[0]]);
    expect((await queue.list({ state: 'waiting' })).map((j) => j.id)).toEqual([ids[2], ids[1]]);
  });

  it('retries a failed attempt later with its error kept, fails a final one at once, and `retry` queues a failed job again', async () => {
    const [second] = await queue.take();
    await queue.fail(second!.id, { message: 'the server said 503', errors: [], final: false });
    expect(await queue.get(second!.id)).toMatchObject({ state: 'waiting', attempts: 1, error: 'the server said 503' });

    const [third] = await queue.take();
    expect(third!.id).not.toBe(second!.id);
    await queue.fail(third!.id, { message: 'third: binary data', errors: [{ origin: 'third', message: 'binary data' }], final: true });
    expect(await queue.get(third!.id)).toMatchObject({ state: 'failed', attempts: 1, maxAttempts: 1, error: 'third: binary data' });
    expect((await queue.list({ state: 'failed' })).map((j) => j.id)).toEqual([third!.id]);
    // Failed for good it is finished; the one waiting for its retry is not.
    expect(await queue.refreshLimit()).toBe(second!.id);

    expect(await queue.retry(second!.id)).toBe(false); // waiting, not failed
    expect(await queue.retry(third!.id)).toBe(true);
    expect(await queue.get(third!.id)).toMatchObject({ state: 'waiting', maxAttempts: 2 });
  });

  it('answers null for an id it does not hold, well-formed or not', async () => {
    expect(await queue.get('00000000-0000-7000-8000-000000000000')).toBeNull();
    expect(await queue.get('not-a-job')).toBeNull();
    expect(await queue.retry('not-a-job')).toBe(false);
  });

  it('refuses to open at an address with no server, naming it without its password', async () => {
    await expect(openQueue('postgres://someone:secret@127.0.0.1:1/none')).rejects.toThrow(/cannot open the job queue at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none/);
  });
});

describe.skipIf(!TEST_PG)('the refresh limit of the queue on PostgreSQL', () => {
  it('holds back every article while a re-analysing job is unfinished, as a re-analysis in place refreshes after its last', async () => {
    const db = await freshDatabase('queue_limit');
    const queue = await openQueue(db.url, { retryDelaySeconds: 1 });
    try {
      expect(await queue.refreshLimit()).toBeNull();
      const [fresh] = await queue.enqueue([request('fresh')]);
      const [again] = await queue.enqueue(requestsFor([{ name: 'again', content: 'Kyiv said the bridge was hit.', kind: 'text' }], { ...how, replace: true }));
      expect(await queue.refreshLimit()).toBe('');
      for (const id of [fresh!, again!]) {
        const [held] = await queue.take();
        expect(held!.id).toBe(id);
        // Held, the re-analysing job is not finished either.
        expect(await queue.refreshLimit()).toBe('');
        await queue.complete(id, { articles: [], errors: [] });
      }
      expect(await queue.refreshLimit()).toBeNull();
      const [later] = await queue.enqueue([request('later')]);
      expect(await queue.refreshLimit()).toBe(later);
    } finally {
      await queue.close();
      await db.drop();
    }
  });
});
