import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/analyze.js';
import { createPipeline } from '../../src/annotate/index.js';
import { analysisSchemaDocument, documentText } from '../../src/contract/documents.js';
import { ArticleSummary, ClaimItem, EntitySummary, EventItem, type Analysis } from '../../src/contract/index.js';
import { loadRules } from '../../src/ingest/clean.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { hasShared, ROOT, SHARED } from '../helpers.js';

const EXTERNAL = join(SHARED, 'contract/analysis.schema.json');
const committed = (name: string) => readFileSync(join(ROOT, 'schema', name), 'utf8');

/** The schema with every object closed: a field the contract does not name fails validation. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v)]));
  return 'properties' in out && !('additionalProperties' in out) ? { ...out, additionalProperties: false } : out;
}

const ajv = () => new Ajv2020.default({ allErrors: true, strict: false });

describe('the contract (src/contract) and what derives from it', () => {
  const analyses: Analysis[] = [];
  beforeAll(async () => {
    const pipeline = await createPipeline();
    const inputs = [join(ROOT, 'examples/articles')];
    for await (const o of analyzeInputs(inputs, { pipeline, store: null, verbatim: false, timeoutMs: 5000, maxBytes: 10 * 1024 * 1024, rules: loadRules() })) {
      if (!o.ok) throw o.error;
      analyses.push(o.analysis);
    }
  });

  it('schema/analysis.schema.json is generated from the contract (npm run build:schema)', () => {
    expect(committed('analysis.schema.json')).toBe(documentText(analysisSchemaDocument()));
  });

  it('schema/openapi.json is what the server describes, its components the contract’s schemas (npm run build:schema)', async () => {
    const served = (await openApiDocument()) as { components: { schemas: Record<string, unknown> } };
    expect(committed('openapi.json')).toBe(documentText(served));
    for (const schema of [ClaimItem, EntitySummary, ArticleSummary, EventItem]) {
      const { $id, ...rest } = schema as unknown as Record<string, unknown>;
      expect(served.components.schemas[$id as string]).toEqual(JSON.parse(JSON.stringify(rest)));
    }
  });

  it('every analysis of the example articles holds only fields the contract names', () => {
    expect(analyses.length).toBeGreaterThan(5);
    const validate = ajv().compile(closed(analysisSchemaDocument()) as object);
    for (const a of analyses) expect(validate(a), `${a.article.ref}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  });

  it.skipIf(!hasShared(EXTERNAL))('the analyses satisfy the external contract (../shared/contract/analysis.schema.json)', () => {
    const validate = ajv().compile(JSON.parse(readFileSync(EXTERNAL, 'utf8')) as object);
    for (const a of analyses) expect(validate(a), `${a.article.ref}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  });

  it('the web workbench takes its types from the contract, not from the server or the store', () => {
    const web = join(ROOT, 'web/src');
    const allowed = /^src\/(contract\/|doc\/(display|dates)\.js$)/;
    const files = readdirSync(web, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const outside = files.flatMap((f) =>
      [...readFileSync(join(web, f), 'utf8').matchAll(/from '((?:\.\.\/)+src\/[^']+)'/g)]
        .map((m) => relative(ROOT, join(web, f, '..', m[1]!)))
        .filter((target) => !allowed.test(target))
        .map((target) => `${f} → ${target}`),
    );
    expect(outside).toEqual([]);
  });
});
