/**
 * `npm run bench:order -- [--articles 400] [--batch 8] [--fnc1-bodies] [FILE…]`: do the order articles are stored in,
 * and how often the store is refreshed, change what it holds? Workers store a queue's articles in an order of their own
 * and refresh after every few jobs; the store and the refresh must give what one process storing them in the order
 * submitted and refreshing once gives. The same analyses are stored three times on SQLite, keyed as submitted: in that
 * order and refreshed once (the reference); last to first in batches; and in order in batches. A store in batches is
 * refreshed after each batch up to the first article not yet stored (as a worker's refresh stops at the first
 * unfinished job), each refresh with caches of its own (as another worker's batch leaves them). Prints each kind's
 * count and whether each store holds what the reference holds (same.ts), and exits 1 when one differs. The articles are
 * the FILEs (any `claimtrail analyze` input), else PolNeAR (../shared/eval/polnear); `--fnc1-bodies` adds FNC-1's
 * training bodies after them (fnc1-bodies.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { refreshAnalysis } from '../analysis/index.js';
import { createPipeline, pipelineVersion } from '../annotate/index.js';
import type { Analysis } from '../doc/types.js';
import { UsageError } from '../errors.js';
import { sharedPath } from '../eval/shared.js';
import { loadRules } from '../ingest/clean.js';
import { ingest } from '../ingest/index.js';
import { intakeKey, OrderedIds } from '../store/intake.js';
import { openStore } from '../store/index.js';
import { KINDS, storeDigests } from './same.js';
import { withFnc1Bodies } from './fnc1-bodies.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { articles: { type: 'string', default: '400' }, batch: { type: 'string', default: '8' }, 'fnc1-bodies': { type: 'boolean', default: false } },
});
const count = Number(values.articles);
const batch = Number(values.batch);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(batch) || batch <= 0) throw new UsageError('bench:order: --articles and --batch take positive whole numbers');

const files = positionals.length ? positionals : [sharedPath('eval/polnear/train.jsonl'), sharedPath('eval/polnear/dev.jsonl')];
const pipeline = await createPipeline();
const analyses: Analysis[] = [];
const corpusName = await withFnc1Bodies(values['fnc1-bodies'], files, async (paths, name) => {
  for await (const item of ingest(paths, { verbatim: false, timeoutMs: 20_000, maxBytes: 10 << 20, rules: loadRules() })) {
    if (analyses.length === count) break;
    if (item.ok) analyses.push(pipeline.analyze(item.article));
    else console.error(`skipped: ${item.error.message}`);
  }
  return name;
});
const ids = new OrderedIds();
const keys = analyses.map(() => intakeKey(ids.next()));

/** A store holding the analyses, saved in `order` `size` at a time, each keyed as submitted and refreshed as a worker would. */
async function stored(path: string, order: readonly number[], size: number) {
  const store = await openStore(path, pipelineVersion());
  try {
    const held = new Set<number>();
    let first = 0;
    for (let i = 0; i < order.length; i += size) {
      const part = order.slice(i, i + size);
      await store.articles.saveMany(part.map((k) => analyses[k]!), { intakes: part.map((k) => keys[k]!) });
      for (const k of part) held.add(k);
      while (held.has(first)) first++;
      await refreshAnalysis(store, { before: keys[first] ?? null });
    }
  } finally {
    await store.close();
  }
  return storeDigests(path);
}

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-order-'));
try {
  const inOrder = analyses.map((_, i) => i);
  const expected = await stored(join(dir, 'in-order.db'), inOrder, analyses.length);
  const runs = [
    ['last to first', await stored(join(dir, 'reversed.db'), inOrder.slice().reverse(), batch)],
    ['in order', await stored(join(dir, 'batches.db'), inOrder, batch)],
  ] as const;
  console.log(`corpus: ${corpusName} · ${analyses.length} articles · stored in order and refreshed once; against it, stored ${batch} at a time, refreshed after each batch:`);
  console.log(`${'kind'.padEnd(20)}${'count'.padStart(8)}${runs.map(([name]) => name.padStart(16)).join('')}`);
  let differ = false;
  for (const k of KINDS) {
    const same = runs.map(([, digests]) => digests[k].sha256 === expected[k].sha256);
    differ ||= same.includes(false);
    console.log(`${k.padEnd(20)}${String(expected[k].count).padStart(8)}${same.map((x) => (x ? 'same' : 'differ').padStart(16)).join('')}`);
  }
  process.exitCode = differ ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
