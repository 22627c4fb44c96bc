import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshBench } from '../../src/bench/refresh.js';
import type { Article } from '../../src/doc/types.js';
import { loadRules } from '../../src/ingest/clean.js';
import { ingest } from '../../src/ingest/index.js';
import { CORPUS } from '../fixtures/corpus.js';

async function corpus(): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const item of ingest([CORPUS], { verbatim: false, timeoutMs: 20_000, maxBytes: 10 << 20, rules: loadRules() })) if (item.ok) articles.push(item.article);
  return articles;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** `npm run bench -- --refresh` (src/bench/refresh.ts). */
describe('the refresh bench', () => {
  it('refreshes a copy of one stored corpus from scratch in each run, in a process of its own, and gives the median', async () => {
    const articles = await corpus();
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await refreshBench(articles, '2');
    expect(lines[0]).toMatch(new RegExp(`^refresh from scratch of \\d+ stored articles \\(${articles.length} read\\), 2 runs`));
    const runs = lines.filter((l) => l.startsWith('  run '));
    expect(runs).toHaveLength(2);
    // Each run starts from the same stored store: every article taken, and the same propositions found.
    const counts = runs.map((l) => /\((\d+) articles, (\d+) propositions\)/.exec(l)!.slice(1).map(Number));
    expect(counts[0]![0]).toBeGreaterThan(0);
    expect(counts[0]![1]).toBeGreaterThan(0);
    expect(counts[1]).toEqual(counts[0]);
    expect(lines.at(-1)).toMatch(/^median: \d+\.\d\d s, \d+\.\d\d s CPU$/);
  }, 60_000);

  it('rejects a run count that is not a whole number from 1, naming it', async () => {
    await expect(refreshBench([], '0')).rejects.toThrow('bench --refresh: --runs must be a whole number from 1, got "0"');
  });
});
