import { afterAll, describe, expect, it } from 'vitest';
import { analyzeIngested, type Outcome } from '../../src/analyze.js';
import { createPipeline, pipelineVersion } from '../../src/annotate/index.js';
import { AnalysisPool } from '../../src/threads/analysis-pool.js';
import type { Article } from '../../src/doc/types.js';
import { InputError } from '../../src/errors.js';
import type { Ingested } from '../../src/ingest/index.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const article = (i: number, text = `The ministry said on Monday that ${i + 2} drones were shot down near the border town. Officials in the capital denied that any strike had hit the power plant.`): Article => ({
  id: `a${String(i).padStart(4, '0')}`,
  ref: `report-${i}`,
  title: `Report ${i}`,
  url: null,
  source: 'Test Wire',
  published: '2025-03-0' + ((i % 9) + 1),
  language: 'en',
  text,
});

async function all(outcomes: AsyncGenerator<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of outcomes) out.push(o);
  return out;
}

describe('AnalysisPool', () => {
  const pool = new AnalysisPool(2);
  // Its first thread starts before any article, as `claimtrail analyze` starts it.
  pool.warm();
  afterAll(() => pool.close());

  it('gives the analysis the pipeline on this thread gives, for articles asked for at once', async () => {
    const pipeline = await createPipeline();
    const articles = Array.from({ length: 6 }, (_, i) => article(i));
    const threaded = await Promise.all(articles.map((a) => pool.analyze(a)));
    expect(threaded).toEqual(articles.map((a) => pipeline.analyze(a)));
    expect(threaded[3]!.claims.length).toBeGreaterThan(0);
  });

  it('a thread that cannot build its pipeline fails each article sent to it with why, and the pool goes on answering', async () => {
    const broken = new AnalysisPool(1, { gazetteers: ['/nowhere/places.tsv'] });
    try {
      await expect(broken.analyze(article(1))).rejects.toThrow(/nowhere\/places\.tsv/);
      await expect(broken.analyze(article(2))).rejects.toThrow(/nowhere\/places\.tsv/);
    } finally {
      await broken.close();
    }
  });

  it('a thread warmed before any article whose data fails to load answers each article with that error, not with a failed thread', async () => {
    const broken = new AnalysisPool(1, { gazetteers: ['/nowhere/places.tsv'] });
    broken.warm();
    try {
      for (const i of [1, 2]) {
        const error = await broken.analyze(article(i)).then(
          () => null,
          (e: Error) => e,
        );
        expect(error?.message).toMatch(/nowhere\/places\.tsv/);
        expect(error?.message).not.toMatch(/analysis thread (failed|stopped)/);
      }
    } finally {
      await broken.close();
    }
  });

  it('through the analyze path: the same outcomes, in input order, and the same store as the pipeline on this thread', async () => {
    // Three save batches; one article repeats in a later batch, one input failed to be read.
    const articles = Array.from({ length: 70 }, (_, i) => article(i));
    articles[40] = { ...articles[3]! };
    const items = (): Ingested[] => articles.map((a, i) => (i === 20 ? { ok: false, error: new InputError('bad.txt', 'unreadable') } : { ok: true, article: a }));
    const run = async (analyzer: AnalysisPool | Awaited<ReturnType<typeof createPipeline>>) => {
      const store = await SqliteStore.open(':memory:', pipelineVersion());
      try {
        const outcomes = await all(analyzeIngested(items(), { pipeline: analyzer, store }));
        const stored = await store.articles.getAnalyses(articles.map((a) => a.id));
        return { outcomes: outcomes.map((o) => (o.ok ? [o.analysis.article.id, o.status] : ['error', o.origin])), stored };
      } finally {
        await store.close();
      }
    };
    const inPlace = await run(await createPipeline());
    expect(inPlace.outcomes[40]).toEqual(['a0003', 'duplicate']);
    expect(inPlace.outcomes[20]).toEqual(['error', 'bad.txt']);
    expect(await run(pool)).toEqual(inPlace);
  });
});
