import { describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { analyzeInputs, type Outcome } from '../../src/analyze.js';
import { createPipeline, pipelineVersion } from '../../src/annotate/index.js';
import { loadRules } from '../../src/ingest/clean.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';

const options = { verbatim: false, timeoutMs: 1000, maxBytes: 1 << 20, rules: loadRules() };

describe('a cue answering what was just said, across the analysis', () => {
  it('sets "argued for X, something Y opposes" against the claim it answers, though X is a thing, not a statement', async () => {
    const pipeline = await createPipeline();
    const store = await Store.open(':memory:', pipelineVersion());
    const content = 'Tribunal talks stall\n\nThe League has argued for a tribunal set up by the general assembly, something Osterlich opposes on legal grounds. Officials met again on Monday.';
    const outcomes: Outcome[] = [];
    for await (const o of analyzeInputs([{ name: 'a.txt', content, kind: 'text' }], { ...options, pipeline, store })) outcomes.push(o);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    await refreshAnalysis(store);
    const [x] = (await store.analysis.listContradictions({ limit: 10 })).items;
    expect(x?.sides.map((s) => s.claims.map((c) => [c.speaker, c.content]))).toEqual([
      [['League', 'for a tribunal set up by the general assembly']],
      [['Osterlich', 'a tribunal set up by the general assembly']],
    ]);
    await store.close();
  });
});
