/**
 * `npm run bench -- --refresh [--runs 5] [CORPUS.jsonl …]`: the cross-article refresh of a whole store from scratch, in a
 * fresh process each run, as the first command after an upgrade runs it (a new build recomputes the analysis of every
 * stored article). The corpus (by default the PolNeAR texts) is analysed and stored once, with no refresh; each run
 * refreshes a copy of that store. Wall time and the process's CPU time, V8's compiler and collector threads included;
 * the median of the runs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeIngested } from '../analyze.js';
import { builtScript } from '../built.js';
import { pipelineVersion } from '../annotate/index.js';
import type { Article } from '../doc/types.js';
import { InternalError, UsageError } from '../errors.js';
import { openStore } from '../store/index.js';
import { AnalysisPool, defaultThreads } from '../threads/analysis-pool.js';

/** What one run prints (refresh-once.ts). */
export interface RefreshRun {
  wallMs: number;
  cpuMs: number;
  articles: number;
  propositions: number;
}

export async function refreshBench(articles: readonly Article[], runsOption: string): Promise<void> {
  const runs = Number(runsOption);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`bench --refresh: --runs must be a whole number from 1, got "${runsOption}"`);
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-refresh-'));
  try {
    const stored = join(dir, 'stored.db');
    const store = await openStore(stored, pipelineVersion());
    const pool = new AnalysisPool(defaultThreads());
    let count: number;
    try {
      for await (const outcome of analyzeIngested(articles.map((article) => ({ ok: true, article }) as const), { pipeline: pool, store })) if (!outcome.ok) throw outcome.error;
      count = await store.articles.countArticles();
    } finally {
      await pool.close();
      await store.close();
    }
    console.log(`refresh from scratch of ${count} stored articles (${articles.length} read), ${runs} runs, each in a new process on a copy of the store`);
    const done: RefreshRun[] = [];
    for (let r = 0; r < runs; r++) {
      const copy = join(dir, 'run.db');
      for (const s of ['', '-wal', '-shm']) rmSync(copy + s, { force: true });
      copyFileSync(stored, copy);
      const run = refreshOnce(copy);
      done.push(run);
      console.log(`  run ${r + 1}: ${(run.wallMs / 1000).toFixed(2)} s, ${(run.cpuMs / 1000).toFixed(2)} s CPU (${run.articles} articles, ${run.propositions} propositions)`);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    console.log(`median: ${(median(done.map((r) => r.wallMs)) / 1000).toFixed(2)} s, ${(median(done.map((r) => r.cpuMs)) / 1000).toFixed(2)} s CPU`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function refreshOnce(db: string): RefreshRun {
  const p = spawnSync(process.execPath, [builtScript('bench/refresh-once.js', 'the refresh bench\'s run script'), db], { encoding: 'utf8' });
  if (p.status !== 0) throw new InternalError(`bench --refresh: the refresh of ${db} exited with ${p.status}: ${p.stderr}`);
  return JSON.parse(p.stdout) as RefreshRun;
}
