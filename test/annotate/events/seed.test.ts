import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../../src/annotate/index.js';
import type { Analysis, Event } from '../../../src/doc/types.js';
import { ingest } from '../../../src/ingest/index.js';
import { loadRules } from '../../../src/ingest/clean.js';
import { HAS_SEED, SEED, SEED_GOLD, spansOf } from '../../helpers.js';

async function analyseSeed(): Promise<Analysis> {
  const pipeline = await createPipeline();
  for await (const item of ingest([SEED], { verbatim: false, timeoutMs: 1000, maxBytes: 1 << 20, rules: loadRules() })) {
    if (item.ok) return pipeline.analyze(item.article);
  }
  throw new Error(`${SEED}: not read`);
}

describe.skipIf(!HAS_SEED)('events of the founding article (real pipeline)', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = await analyseSeed();
  });
  const name = (id: string | null) => analysis.entities.find((e) => e.id === id)?.name ?? null;
  const of = (type: string) => analysis.events.filter((e: Event) => e.type === type);

  it('reads the deployment, the capture and the disputed operation in Kursk', () => {
    expect(of('deploy').some((e) => name(e.actor) === 'North Korea' && ['Kursk Oblast', 'Russia'].includes(name(e.place) ?? ''))).toBe(true);
    expect(of('capture')).toContainEqual(expect.objectContaining({ time: '2025-01-11', quantity: 2, status: 'asserted' }));
    const capture = of('capture').find((e) => e.time === '2025-01-11')!;
    expect([name(capture.actor), name(capture.target), name(capture.place)]).toEqual(['Ukraine', 'North Korea', 'Kursk Oblast']);
    expect(of('military_operation').some((e) => e.status === 'disputed' && name(e.place) === 'Kursk Oblast')).toBe(true);
  });

  it('gives every event a gold type where gold has one, a true span and an explanation', () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as { events: { type: string }[] };
    for (const t of new Set(gold.events.map((e) => e.type))) expect(of(t).length, t).toBeGreaterThan(0);
    for (const e of analysis.events) {
      expect(e.explain?.rule).toMatch(/^events\/lexicon:/);
      for (const c of e.claims) expect(analysis.claims.map((k) => k.id)).toContain(c);
    }
    for (const s of spansOf(analysis.events)) expect(analysis.article.text.slice(s.start, s.end)).toBe(s.text);
  });
});
