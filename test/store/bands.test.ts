import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/doc/types.js';
import { makeAnalysis } from '../fixtures/articles.js';
import { BACKENDS, freshStore } from './backends.js';

/**
 * The near-duplicate band index over many refresh steps: whatever a store does to keep it cheap to
 * write (SQLite moves recent bands into the large index a slice of the band range per step), a
 * band's lookup gives every article added under it, in the order they were added, and forgets a
 * replaced article.
 */
const STEPS = 70;
/** Bands from both ends and the middle of the 32-bit range, so every slice of it is crossed. */
const SHARED = [-(2 ** 31), -(2 ** 31) + 1, -1, 0, 1, 2 ** 30, 2 ** 31 - 1];

function article(n: number, note = ''): Analysis {
  return makeAnalysis({ title: `Dispatch ${n}`, published: '2025-03-01', source: `Outlet ${n % 5}`, ref: `dispatch-${n}` }, `Dispatch number ${n} from the Vale.${note}`, [], []);
}

/** Each step's article: the shared bands, and one of its own that lands in the step's own slice. */
function bandsOf(n: number): number[] {
  return [...SHARED, -(2 ** 31) + (n % 64) * 2 ** 26 + 12345 + n];
}

describe.each(BACKENDS)('the band index on %s', (backend) => {
  let made: Awaited<ReturnType<typeof freshStore>>;
  const ids: string[] = [];

  beforeAll(async () => {
    made = await freshStore(backend);
    for (let n = 0; n < STEPS; n++) {
      const a = article(n);
      await made.store.articles.save(a);
      ids.push(a.article.id);
    }
    for (let n = 0; n < STEPS; n++) {
      await made.store.analysis.step((step) => step.addSignatures([{ article: ids[n]!, seq: n, minhash: Buffer.from([n]), group: ids[n]!, bands: bandsOf(n) }]));
    }
  });

  afterAll(async () => {
    await made?.drop();
  });

  it('gives every article added under a band, in the order added, across more steps than slices', async () => {
    const members = await made.store.analysis.step((step) => step.bandMembers([...SHARED, bandsOf(3).at(-1)!, bandsOf(STEPS - 1).at(-1)!]));
    for (const band of SHARED) expect(members.get(band)).toEqual(ids);
    expect(members.get(bandsOf(3).at(-1)!)).toEqual([ids[3]]);
    expect(members.get(bandsOf(STEPS - 1).at(-1)!)).toEqual([ids[STEPS - 1]]);
  });

  it('forgets the bands of an article replaced since', async () => {
    for (const n of [5, STEPS - 1]) {
      const corrected = article(n, ' Corrected.');
      await made.store.articles.save({ ...corrected, article: { ...corrected.article, id: ids[n]! } }, { replace: true });
    }
    const members = await made.store.analysis.step((step) => step.bandMembers(SHARED));
    for (const band of SHARED) expect(members.get(band)).toEqual(ids.filter((id) => id !== ids[5] && id !== ids[STEPS - 1]));
  });
});
