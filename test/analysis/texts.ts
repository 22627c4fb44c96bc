import { expect } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { analyzeInputs, type Outcome } from '../../src/analyze.js';
import { createPipeline, pipelineVersion } from '../../src/annotate/index.js';
import type { Analysis } from '../../src/doc/types.js';
import { loadRules } from '../../src/ingest/clean.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const options = { verbatim: false, timeoutMs: 1000, maxBytes: 1 << 20, rules: loadRules() };

/** Plain-text articles (name → text) analysed in order into a new in-memory store, then refreshed: the store and their analyses. */
export async function analyseTexts(texts: Record<string, string>): Promise<{ store: SqliteStore; analyses: Analysis[] }> {
  const pipeline = await createPipeline();
  const store = await SqliteStore.open(':memory:', pipelineVersion());
  const inputs = Object.entries(texts).map(([name, content]) => ({ name, content, kind: 'text' as const }));
  const outcomes: Outcome[] = [];
  for await (const o of analyzeInputs(inputs, { ...options, pipeline, store })) outcomes.push(o);
  const analyses = outcomes.flatMap((o) => (o.ok ? [o.analysis] : []));
  expect(analyses).toHaveLength(inputs.length);
  await refreshAnalysis(store);
  return { store, analyses };
}
