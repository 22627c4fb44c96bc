import { existsSync } from 'node:fs';
import { SEED, SEED_GOLD, SHARED } from './helpers.js';

/** One line, once per run, for each kind of skipped test and what it needs (a fresh clone has no ../shared; test/pg-setup.ts says when PostgreSQL is missing). */
export default function setup(): void {
  const missing = [SEED, SEED_GOLD].filter((p) => !existsSync(p));
  if (!missing.length && existsSync(`${SHARED}/eval/tempeval3`)) return;
  process.stdout.write(
    `\nskipping the tests that read the shared evaluation data (the seed article, its gold and the eval sets): not found under ${SHARED} — set CLAIMTRAIL_SHARED to run them\n\n`,
  );
}
