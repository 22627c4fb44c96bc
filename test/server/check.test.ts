import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/analyze.js';
import { createPipeline } from '../../src/annotate/index.js';
import type { CheckAnswer } from '../../src/check/store.js';
import { loadRules } from '../../src/ingest/clean.js';
import { buildServer } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { CHECK_CORPUS, CHECK_RECORDS, CLAIM } from '../fixtures/check.js';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openStore(':memory:');
  const pipeline = await createPipeline();
  for await (const o of analyzeInputs([CHECK_CORPUS], { pipeline, store, verbatim: false, timeoutMs: 1000, maxBytes: 1 << 20, rules: loadRules() })) expect(o.ok).toBe(true);
  app = await buildServer({ store, webRoot: null, token: null, pipeline });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

const ref = (v: { source: string | null }) => CHECK_RECORDS.find((r) => r.source === v.source)!.id;

describe('GET /api/check', () => {
  it('answers the sides, each with speaker, date, evidence and article, and the story', async () => {
    const r = await app.inject(`/api/check?claim=${encodeURIComponent(CLAIM)}`);
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json() as CheckAnswer;
    expect(a.claim).toBe(CLAIM);
    expect(a.agree.map(ref)).toEqual(['northline-2025-03-03']);
    expect(a.disagree.map(ref)).toEqual(['courier-2025-03-04']);
    expect(a.discuss.map(ref)).toEqual(['riverside-2025-03-03']);
    expect(a.disagree[0]).toMatchObject({ stance: 'disagree', date: '2025-03-04', source: 'Minsk Courier', title: 'Minsk denies its troops entered Volyn' });
    expect(a.disagree[0]!.evidence.claims.some((c) => c.stance === 'deny')).toBe(true);
    expect(a.story.map((s) => s.date)).toEqual(['2025-03-03', '2025-03-03', '2025-03-04']);
  });

  it('filters by publication date and refuses a blank claim, an unknown parameter and a bad date', async () => {
    const late = (await app.inject(`/api/check?claim=${encodeURIComponent(CLAIM)}&from=2025-03-04`)).json() as CheckAnswer;
    expect(late.story.map((s) => s.stance)).toEqual(['disagree']);
    for (const [url, message] of [
      ['/api/check?claim=%20', 'must not be blank'],
      ['/api/check', "must have required property 'claim'"],
      [`/api/check?claim=x&stance=deny`, 'unknown parameter "stance"'],
      [`/api/check?claim=x&from=March`, 'querystring.from'],
    ] as const) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(400);
      expect((r.json() as { message: string }).message).toContain(message);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await app.inject('/openapi.json')).json() as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const get = doc.paths['/api/check']?.get;
    expect(get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['claim', 'from', 'to', 'candidates']));
  });
});
