import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAND_REPRESENTATIVES } from '../../src/analysis/duplicates.js';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { bands, minhash } from '../../src/analysis/minhash.js';
import type { Analysis } from '../../src/doc/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers.js';
import { handmadeCorpus } from '../fixtures/corpus.js';

const dir = tempDir();
let store: Store;
const original = handmadeCorpus().find((a) => a.article.id === 'harbour-2024-10-18')!;

/** A copy with its own sign-off after every span, under another outlet: a near-duplicate. */
function copy(n: number): Analysis {
  return { ...original, article: { ...original.article, id: `copy-${n}`, ref: `copy-${n}`, source: `Outlet ${n}`, text: `${original.article.text}\n\nCarried by outlet ${n}.` } };
}

const COPIES = 3 * BAND_REPRESENTATIVES;

beforeAll(async () => {
  store = await openStore(join(dir, 'flood.db'));
  for (const a of handmadeCorpus()) await store.articles.save(a);
  await refreshAnalysis(store);
  // Half in one refresh, half in small ones: both ways a group grows.
  for (let n = 0; n < COPIES / 2; n++) await store.articles.save(copy(n));
  await refreshAnalysis(store);
  for (let n = COPIES / 2; n < COPIES; n++) {
    await store.articles.save(copy(n));
    if (n % 3 === 0) await refreshAnalysis(store);
  }
  await refreshAnalysis(store);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('near-duplicate groups under a flood of copies', () => {
  it('puts every copy in the original’s group, and nothing else in it', async () => {
    const groups = (await store.analysis.duplicateGroups()).items;
    expect(groups).toHaveLength(1);
    expect(groups[0]!.articles.map((a) => a.id).sort()).toEqual(['harbour-2024-10-18', 'lakeside-2024-10-18', ...Array.from({ length: COPIES }, (_, n) => `copy-${n}`)].sort());
  });

  it('indexes at most BAND_REPRESENTATIVES of the group under any band, so a new copy meets a bounded number of candidates', async () => {
    const own = bands(minhash(copy(COPIES).article.text));
    const members = await store.analysis.step((step) => step.bandMembers(own));
    const sizes = [...members.values()].map((m) => m.length);
    expect(Math.max(...sizes)).toBe(BAND_REPRESENTATIVES);
  });
});
