import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldOut, readFnc1 } from '../../src/eval/fnc1-data.js';
import { measure } from '../../src/eval/fnc1.js';
import { SHARED } from '../helpers.js';

const present = existsSync(join(SHARED, 'eval/fnc1/train_stances.csv'));
// Skipped without it; test/shared-setup.ts says so, once for every test that reads ../shared.

describe.skipIf(!present)('FNC-1 (../shared/eval/fnc1, read at run time)', () => {
  it('reads every pair and holds out about a fifth of the bodies', () => {
    const { bodies, pairs } = readFnc1();
    expect(pairs).toHaveLength(49_972);
    const held = [...bodies.keys()].filter(heldOut).length / bodies.size;
    expect(held).toBeGreaterThan(0.17);
    expect(held).toBeLessThan(0.23);
  });

  it('keeps the shipped model at FNC ≥ 0.85, macro-F1 ≥ 0.65 and disagree F1 ≥ 0.40 on the held-out bodies', { timeout: 300_000 }, async () => {
    const { scores } = await measure();
    expect(scores.fnc).toBeGreaterThanOrEqual(0.85);
    expect(scores.macroF1).toBeGreaterThanOrEqual(0.65);
    expect(scores.f1.disagree).toBeGreaterThanOrEqual(0.4);
  });
});
