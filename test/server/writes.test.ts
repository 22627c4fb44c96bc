import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, pipelineVersion } from '../../src/annotate/index.js';
import type { Pipeline } from '../../src/annotate/pipeline.js';
import { loadRules } from '../../src/ingest/clean.js';
import { runWrites, type WriteJob } from '../../src/server/writer.js';
import { intakeKey } from '../../src/store/intake.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createPipeline();
});

const how = { replace: false, fetchTimeoutMs: 1000, maxBytes: 1 << 20, publicOnly: true };
const text = (name: string, body: string, intake: string): WriteJob => ({ ...how, intake, input: { name, content: `${name}\n\n${body}`, kind: 'text' } });

describe('several queued jobs through one run of the analyze path', () => {
  it('gives each job its own result, and each article its job’s place in the order queued', async () => {
    const store = await SqliteStore.open(':memory:', pipelineVersion());
    let refreshes = 0;
    const jobs = [
      text('Harbour closed', 'The port authority said on Monday that the harbour of Vale was closed to grain ships.', 'job-1'),
      { ...how, intake: 'job-2', input: { name: 'scan.bin', content: Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]) } },
      text('Harbour open', 'Ruritania denied on Tuesday that the harbour of Vale was closed, its ministry said.', 'job-3'),
    ];
    const results = await runWrites(jobs, { store, pipeline, rules: loadRules(), refresh: async () => void refreshes++ });
    expect(results.map((r) => r.items.map((i) => i.status))).toEqual([['new'], [], ['new']]);
    expect(results[1]!.errors).toMatchObject([{ origin: 'scan.bin', code: 'input' }]);
    expect(results[0]!.errors).toEqual([]);
    // One refresh for the run, not one per job.
    expect(refreshes).toBe(1);
    const intakes = store.sqlite.prepare('select id, intake from articles order by intake').all() as { id: string; intake: string }[];
    expect(intakes).toEqual([
      { id: results[0]!.items[0]!.id, intake: intakeKey('job-1') },
      { id: results[2]!.items[0]!.id, intake: intakeKey('job-3') },
    ]);
    await store.close();
  });

  it('tells every job the run could not reach that the database cannot be written', async () => {
    const store = await SqliteStore.open(':memory:', pipelineVersion());
    store.sqlite.pragma(`max_page_count = ${store.sqlite.pragma('page_count', { simple: true }) as number}`);
    const long = 'The talks went on. '.repeat(5000);
    const jobs = ['a', 'b', 'c'].map((n) => text(`Talks ${n}`, `The envoy said on Monday that the talks in Vale would go on. ${long}`, `job-${n}`));
    const results = await runWrites(jobs, { store, pipeline, rules: loadRules(), refresh: async () => undefined });
    for (const r of results) {
      expect(r.items).toEqual([]);
      expect(r.unwritable).toBe(true);
      expect(r.errors).toHaveLength(1);
    }
    expect(results[2]!.errors[0]).toMatchObject({ origin: 'Talks c', code: 'unwritable' });
    await store.close();
  });
});
