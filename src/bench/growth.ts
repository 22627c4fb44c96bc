/**
 * `npm run bench -- --growth [--stores 10000,100000] [--new 1000] [--copies 0.4] [--flood 4000] [--dir DIR | --pg URL] [--repeat N]`:
 * the cost of the cross-article refresh per new article as the store grows. For each store size,
 * a store of that many synthetic articles (about `--copies` of them syndicated copies of recent
 * ones: a near-duplicate-heavy corpus, synthetic.ts) is built and refreshed, then `--new` more
 * articles of the same corpus are saved and refreshed, timed. Per new article, the refresh should
 * cost the same whatever the store's size. Then a flood: `--flood` copies of one article saved
 * and refreshed a thousand at a time, each thousand timed: the times should stay flat too.
 * Stores are built once under `--dir` (SQLite) or as databases on the PostgreSQL server of `--pg`
 * (growth-places.ts) and reused by later runs; the new articles go into a copy.
 * `--repeat N` times each store N times, the sizes alternating, and compares the medians: one
 * window's timing on this machine moves by up to 40 % from run to run (docs/quality.md).
 * A warm-up on a scratch store comes first, so every timing is of compiled code.
 */
import { performance } from 'node:perf_hooks';
import { refreshAnalysis } from '../analysis/index.js';
import type { Analysis } from '../doc/types.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import type { GrowthPlaces } from './growth-places.js';
import { syndicated, syntheticAnalyses, syntheticWithCopies } from './synthetic.js';

export interface GrowthOptions {
  stores: number[];
  fresh: number;
  copies: number;
  flood: number;
  places: GrowthPlaces;
  /** Timings of each store, in alternating rounds; the ratio is of their medians. */
  repeat: number;
}

/** One timed batch of new articles: saving them, then the refresh that takes them in. */
interface Timed {
  articles: number;
  saveMs: number;
  refreshMs: number;
}

export async function runGrowth(o: GrowthOptions): Promise<void> {
  console.log(`growth: ${o.fresh} new articles into stores of ${o.stores.map((n) => n.toLocaleString('en-US')).join(', ')} synthetic articles (${Math.round(o.copies * 100)} % syndicated copies), stores in ${o.places.shown}`);
  await warmUp(o.places);
  for (const size of o.stores) await buildBase(o.places, baseName(o, size), size, o.copies);
  const refresh = new Map<number, number[]>(o.stores.map((size) => [size, []]));
  const save = new Map<number, number[]>(o.stores.map((size) => [size, []]));
  // Rounds alternate the sizes, so that the machine's drift falls on every size alike.
  for (let round = 1; round <= o.repeat; round++) {
    for (const size of o.stores) {
      const t = await timedInto(o, size);
      refresh.get(size)!.push(t.refreshMs / t.articles);
      save.get(size)!.push(t.saveMs / t.articles);
      console.log(
        `  ${o.repeat > 1 ? `round ${round}, ` : ''}store of ${size.toLocaleString('en-US').padStart(7)}: ${t.articles} new articles saved in ${t.saveMs.toFixed(0)} ms, refreshed in ${t.refreshMs.toFixed(0)} ms = ${(t.refreshMs / t.articles).toFixed(2)} ms per article` +
          ` (then ${t.groups.toLocaleString('en-US')} near-duplicate groups, ${t.propositions.toLocaleString('en-US')} propositions)`,
      );
    }
  }
  if (o.repeat > 1) {
    for (const size of o.stores) {
      const r = refresh.get(size)!;
      console.log(`  store of ${size.toLocaleString('en-US').padStart(7)}: refresh per new article median ${median(r).toFixed(2)} ms (${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}), save ${median(save.get(size)!).toFixed(2)} ms`);
    }
  }
  if (o.stores.length > 1) {
    const [smallest, largest] = [o.stores[0]!, o.stores.at(-1)!];
    const of = o.repeat > 1 ? 'medians' : 'the run';
    console.log(`  refresh per new article, largest store against smallest (${of}): ${(median(refresh.get(largest)!) / median(refresh.get(smallest)!)).toFixed(2)}×`);
    console.log(`  save per new article, largest store against smallest (${of}): ${(median(save.get(largest)!) / median(save.get(smallest)!)).toFixed(2)}×`);
  }
  if (o.flood > 0) await flood(o.flood, o.places);
}

function baseName(o: GrowthOptions, size: number): string {
  return `growth-${size}-${o.copies}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `--new` articles saved and refreshed into a fresh copy of the store of `size`, timed. */
async function timedInto(o: GrowthOptions, size: number): Promise<Timed & { groups: number; propositions: number }> {
  const work = await o.places.copy(baseName(o, size));
  const store = await openStore(work.location);
  try {
    // Made before the clock starts: making the `size` articles skipped to reach them took seconds at 100,000.
    const fresh = [...skip(syntheticWithCopies(size + o.fresh, o.copies), size)];
    const t = await timedBatch(store, fresh);
    const counts = await store.analysis.counts();
    return { ...t, groups: counts.duplicateGroups, propositions: counts.propositions };
  } finally {
    await store.close();
    await work.drop();
  }
}

/**
 * Save and refresh a few hundred articles into a scratch store first, so that no store's timing
 * includes compiling the code (the first store timed in a process was up to 50 % slower).
 */
async function warmUp(places: GrowthPlaces): Promise<void> {
  const scratch = await places.scratch('warm-up');
  const store = await openStore(scratch.location);
  await timedBatch(store, syntheticWithCopies(600, 0.4));
  await store.close();
  await scratch.drop();
}

/** A store of `size` articles of the corpus, refreshed; one built by an earlier run is reused. */
async function buildBase(places: GrowthPlaces, name: string, size: number, copies: number): Promise<void> {
  if (await places.has(name)) return;
  const building = await places.building(name);
  const started = performance.now();
  const store = await openStore(building.location);
  let batch: Analysis[] = [];
  let i = 0;
  for (const a of syntheticWithCopies(size, copies)) {
    batch.push(a);
    if (batch.length === 50) {
      await store.articles.saveMany(batch);
      batch = [];
    }
    if (++i % 5000 === 0) {
      // Refresh as it grows, as a user's store is refreshed after each import.
      await store.articles.saveMany(batch);
      batch = [];
      await refreshAnalysis(store);
      process.stderr.write(`\r  building a store of ${size}: ${i} articles`);
    }
  }
  await store.articles.saveMany(batch);
  await refreshAnalysis(store);
  await store.close();
  await building.done();
  process.stderr.write(`\r  built a store of ${size} articles in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

/** Copies of one article, a thousand at a time, each thousand saved and refreshed and timed. */
async function flood(count: number, places: GrowthPlaces): Promise<void> {
  const scratch = await places.scratch('flood');
  const store = await openStore(scratch.location);
  const original = syntheticAnalyses(1, 99).next().value as Analysis;
  await store.articles.save(original);
  await refreshAnalysis(store);
  console.log(`flood: ${count} copies of one article, ${original.claims.length} claims each`);
  for (let from = 0; from < count; from += 1000) {
    const n = Math.min(1000, count - from);
    const t = await timedBatch(store, Array.from({ length: n }, (_, k) => syndicated(original, `Flood Wire ${(from + k) % 13}`, from + k)));
    console.log(`  copies ${from + 1}–${from + n}: refreshed in ${t.refreshMs.toFixed(0)} ms = ${(t.refreshMs / n).toFixed(2)} ms per article (saved in ${t.saveMs.toFixed(0)} ms)`);
  }
  const groups = (await store.analysis.duplicateGroups({ limit: 5 })).items;
  console.log(`  near-duplicate groups: ${groups.length}, the largest of ${Math.max(0, ...groups.map((g) => g.articles.length))} articles`);
  await store.close();
  await scratch.drop();
}

async function timedBatch(store: Store, articles: Iterable<Analysis>): Promise<Timed> {
  let t0 = performance.now();
  let n = 0;
  let batch: Analysis[] = [];
  for (const a of articles) {
    batch.push(a);
    n++;
    // Saved as claimtrail analyze saves them: a batch per transaction.
    if (batch.length === 32) {
      await store.articles.saveMany(batch);
      batch = [];
    }
  }
  await store.articles.saveMany(batch);
  const saveMs = performance.now() - t0;
  t0 = performance.now();
  await refreshAnalysis(store);
  return { articles: n, saveMs, refreshMs: performance.now() - t0 };
}

function* skip<T>(items: Iterable<T>, n: number): Generator<T> {
  let i = 0;
  for (const item of items) if (i++ >= n) yield item;
}
