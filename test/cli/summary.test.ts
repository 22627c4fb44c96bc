import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../src/cli/summary.js';

const run = { read: 13, stored: { new: 13, duplicates: 0, replaced: 0 }, failed: 0, words: 3324, startupMs: 410, analysisMs: 390, refreshMs: 50, db: 'claimtrail.db' };

describe('the summary line of claimtrail analyze', () => {
  it('gives no words/s for a short run, and keeps start-up and the cross-article refresh apart', () => {
    expect(summaryLine(run)).toBe('read 13 · new 13 · duplicates 0 · failed 0 · 3,324 words analysed in 0.39 s · start-up 0.41 s · cross-article 0.05 s · claimtrail.db');
  });

  it('gives the rate of the analysis alone once it ran long enough to mean something', () => {
    const line = summaryLine({ ...run, words: 771_864, analysisMs: 3550, startupMs: 1200 });
    expect(line).toContain('771,864 words analysed in 3.55 s (217,426 words/s) · start-up 1.20 s');
  });

  it('says when nothing was stored and what was replaced', () => {
    expect(summaryLine({ ...run, stored: null, db: null })).toBe('read 13 · not stored · failed 0 · 3,324 words analysed in 0.39 s · start-up 0.41 s');
    expect(summaryLine({ ...run, stored: { new: 0, duplicates: 12, replaced: 1 } })).toContain('new 0 · duplicates 12 · replaced 1 · failed 0');
  });
});
