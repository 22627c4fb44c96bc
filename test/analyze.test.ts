import { describe, expect, it } from 'vitest';
import { analyzeIngested, analyzeInputs, type Outcome } from '../src/analyze.js';
import { createPipeline, pipelineVersion } from '../src/annotate/index.js';
import type { Article } from '../src/doc/types.js';
import { loadRules } from '../src/ingest/clean.js';
import { articleId } from '../src/ingest/index.js';
import { intakeKey } from '../src/store/intake.js';
import { SqliteStore as Store } from '../src/store/sqlite/store.js';

const inputs = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `a${i}.txt`, content: `Report ${i}\n\nThe ministry said on Monday that ${i + 2} drones were shot down near the border.`, kind: 'text' as const }));
const options = { verbatim: false, timeoutMs: 1000, maxBytes: 1 << 20, rules: loadRules() };

async function all(outcomes: AsyncGenerator<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of outcomes) out.push(o);
  return out;
}

describe('analyzeInputs', () => {
  it('recognises an article this pipeline stored by its id, without analysing it again', async () => {
    const pipeline = await createPipeline();
    const store = await Store.open(':memory:', pipelineVersion());
    await all(analyzeInputs(inputs(2), { ...options, pipeline, store }));
    let analysed = 0;
    const counting = Object.assign(Object.create(pipeline) as typeof pipeline, { analyze: (a: Parameters<typeof pipeline.analyze>[0]) => (analysed++, pipeline.analyze(a)) });
    const again = await all(analyzeInputs(inputs(3), { ...options, pipeline: counting, store }));
    expect(again.map((o) => (o.ok ? o.status : 'error'))).toEqual(['duplicate', 'duplicate', 'new']);
    expect(analysed).toBe(1);
    const first = again[0]!;
    expect(first.ok && first.analysis.claims.length).toBeGreaterThan(0);
    await store.close();
  });

  it('keeps the queued copy submitted first when two copies of one text say different things, whichever was stored first', async () => {
    const pipeline = await createPipeline();
    const store = await Store.open(':memory:', pipelineVersion());
    const text = 'Drones downed\n\nThe ministry said on Monday that four drones were shot down near the border.';
    const copy = (published: string, ref: string): Article => ({ id: articleId(text), title: 'Drones downed', published, source: 'Test Wire', url: null, language: 'en', text, ref });
    // A worker stores the later job's copy first; the earlier job's copy, dated a week before, comes after it.
    const later = await all(analyzeIngested([{ ok: true, article: copy('2025-05-14', 'later') }], { pipeline, store, intakeOf: () => intakeKey('job-2') }));
    expect(later.map((o) => o.ok && o.status)).toEqual(['new']);
    const earlier = await all(analyzeIngested([{ ok: true, article: copy('2025-05-06', 'earlier') }], { pipeline, store, intakeOf: () => intakeKey('job-1') }));
    expect(earlier.map((o) => o.ok && o.status)).toEqual(['duplicate']);
    const kept = await store.articles.getAnalysis(articleId(text));
    expect(kept?.article).toMatchObject({ published: '2025-05-06', ref: 'earlier' });
    // "Monday" is read against the date of the copy kept.
    expect(kept?.claims[0]?.said).toBe('2025-05-05');
    await store.close();
  });

  it('keeps the copy submitted first when a re-analysis reads two copies of one text, as a fresh run does, and replaces it in the next', async () => {
    const pipeline = await createPipeline();
    const store = await Store.open(':memory:', pipelineVersion());
    const text = 'Bridge reopened\n\nThe regional governor said on Tuesday that the bridge was open to lorries again.';
    const copy = (ref: string): Article => ({ id: articleId(text), title: 'Bridge reopened', published: '2025-06-03', source: 'Test Wire', url: null, language: 'en', text, ref });
    const run = (refs: string[], replace: boolean) => all(analyzeIngested(refs.map((ref) => ({ ok: true, article: copy(ref) }) as const), { pipeline, store, replace }));
    expect((await run(['first', 'second'], false)).map((o) => o.ok && o.status)).toEqual(['new', 'duplicate']);
    expect((await store.articles.getAnalysis(articleId(text)))?.article.ref).toBe('first');
    expect((await run(['first', 'second'], true)).map((o) => o.ok && o.status)).toEqual(['replaced', 'duplicate']);
    expect((await store.articles.getAnalysis(articleId(text)))?.article.ref).toBe('first');
    // Another re-analysis, another run: what the one before stored is replaced.
    expect((await run(['third'], true)).map((o) => o.ok && o.status)).toEqual(['replaced']);
    expect((await store.articles.getAnalysis(articleId(text)))?.article.ref).toBe('third');
    await store.close();
  });

  it('asks the store which articles it holds once per batch, not once per article', async () => {
    const pipeline = await createPipeline();
    const store = await Store.open(':memory:', pipelineVersion());
    const asked: number[] = [];
    const storedPipelines = store.articles.storedPipelines.bind(store.articles);
    store.articles.storedPipelines = (ids) => (asked.push(ids.length), storedPipelines(ids));
    const outcomes = await all(analyzeInputs(inputs(40), { ...options, pipeline, store }));
    expect(outcomes.filter((o) => o.ok && o.status === 'new')).toHaveLength(40);
    expect(asked).toEqual([32, 8]);
    await store.close();
  });

  it('stops at the first article a full database cannot take, with one fatal outcome naming the cause', async () => {
    const pipeline = await createPipeline();
    const store = await Store.open(':memory:', pipelineVersion());
    store.sqlite.pragma(`max_page_count = ${store.sqlite.pragma('page_count', { simple: true }) as number}`);
    const long = inputs(5).map((input) => ({ ...input, content: `${input.content}\n\n${'The talks went on. '.repeat(5000)}` }));
    const outcomes = await all(analyzeInputs(long, { ...options, pipeline, store }));
    expect(outcomes).toHaveLength(1);
    const [o] = outcomes;
    expect(o!.ok).toBe(false);
    expect(!o!.ok && o!.fatal).toBe(true);
    expect(!o!.ok && o!.error.message).toMatch(/cannot write the database: the disk \(or the database size limit\) is full/);
    await store.close();
  });

  it('saves no batch after one the database could not take, though the next was analysed while that one was saved', async () => {
    const pipeline = await createPipeline();
    const store = await Store.open(':memory:', pipelineVersion());
    store.sqlite.pragma(`max_page_count = ${store.sqlite.pragma('page_count', { simple: true }) as number}`);
    let saves = 0;
    const saveMany = store.articles.saveMany.bind(store.articles);
    store.articles.saveMany = (analyses, o) => (saves++, saveMany(analyses, o));
    const long = inputs(70).map((input) => ({ ...input, content: `${input.content}\n\n${'The talks went on. '.repeat(500)}` }));
    const outcomes = await all(analyzeInputs(long, { ...options, pipeline, store }));
    expect(outcomes).toHaveLength(1);
    expect(!outcomes[0]!.ok && outcomes[0]!.fatal).toBe(true);
    expect(saves).toBe(1);
    await store.close();
  });
});
