/**
 * `npm run bench -- --startup [--runs 11]`: how long the `claimtrail` command takes to start and
 * finish when it has almost nothing to do — `claimtrail --version`, and `claimtrail articles` on an
 * empty store — in a fresh process each time, as a user or a script runs it. That is the cost of
 * loading the code (and, for `articles`, opening the database) that every command pays. Median of
 * the runs after one warm-up run (which fills the file cache); the target is under 0.3 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pipelineVersion } from '../annotate/index.js';
import { InternalError, UsageError } from '../errors.js';
import { openStore } from '../store/index.js';

const BIN = fileURLToPath(new URL('../../bin/claimtrail.js', import.meta.url));
/** Seconds a command may take to start and finish (issue 12). */
const TARGET_S = 0.3;

/** Times each command `runs` times and prints median, fastest and slowest; resolves once all are done. */
export async function startupBench(runsOption: string): Promise<void> {
  const runs = Number(runsOption);
  if (!Number.isInteger(runs) || runs <= 0) throw new UsageError(`bench --startup: --runs must be a positive integer, got "${runsOption}"`);
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-startup-'));
  try {
    // An empty store made by this build, so `articles` opens it without migrating.
    const db = join(dir, 'empty.db');
    await (await openStore(db, pipelineVersion())).close();
    console.log(`node ${process.version}, ${runs} runs each after one warm-up; target < ${TARGET_S} s`);
    console.log('command                                  median    min    max  (s)');
    for (const args of [['--version'], ['articles', '--db', db]]) {
      time(args);
      const times = Array.from({ length: runs }, () => time(args)).sort((a, b) => a - b);
      const median = times[Math.floor((times.length - 1) / 2)]!;
      const label = `claimtrail ${args.map((a) => (a === db ? '<empty>' : a)).join(' ')}`;
      console.log(`${label.padEnd(40)} ${median.toFixed(3).padStart(6)} ${times[0]!.toFixed(3).padStart(6)} ${times[times.length - 1]!.toFixed(3).padStart(6)}  ${median < TARGET_S ? 'under' : 'OVER'} target`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds one fresh `claimtrail ARGS` takes from spawn to exit. */
function time(args: readonly string[]): number {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (p.status !== 0) throw new InternalError(`claimtrail ${args.join(' ')} exited with ${p.status}: ${p.stderr}`);
  return seconds;
}
