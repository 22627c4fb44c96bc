import { existsSync } from 'node:fs';
import { SEED, SEED_GOLD, SHARED } from './helpers.js';

/** One line, once per run, for each kind of skipped test and what it needs (a fresh clone has no ../shared; test/pg-setup.ts says when PostgreSQL is missing). */
export default function setup(): void {
  const missing = [SEED, SEED_GOLD, `${SHARED}/eval/tempeval3`, `${SHARED}/eval/fnc1/train_stances.csv`].filter((p) => !existsSync(p));
  if (!missing.length) return;
  const why = existsSync(SHARED) ? `${missing.join(', ')} missing` : `not found under ${SHARED}`;
  process.stdout.write(`\nskipping the tests that read the shared evaluation data (the seed article, its gold and the eval sets): ${why} — set CLAIMTRAIL_SHARED to run them\n\n`);
}
