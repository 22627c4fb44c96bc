import { setFlagsFromString } from 'node:v8';

/**
 * V8's default interrupt budget, in bytes of bytecode run: how much a function runs between checks
 * whether to optimise it (V8 11, Node 20).
 */
const DEFAULT_BUDGET = 67_584;

/**
 * Let functions run four times as long before V8 optimises them, for this process and the threads
 * it starts (V8's flags are the process's). claimtrail's annotators and refresh are many large
 * functions whose rarer branches only run after a few hundred articles: optimised at the default
 * budget, they are deoptimised there and compiled again, on V8's helper threads, which then take
 * the cores the analysis and the refresh need. On the 1,013 PolNeAR records, one analysis thread
 * compiled 576 times (198 of them again) at the default and 345 times at this budget, and
 * `claimtrail analyze` of them took 21.0–23.9 s of CPU against 22.9–26.9 s (docs/quality.md,
 * Speed). Call it first, before the code it tunes runs: the command does (bin/claimtrail.js).
 */
export function tuneTiering(): void {
  setFlagsFromString(`--interrupt-budget=${DEFAULT_BUDGET * 4}`);
}

/** V8's own budget again, for code that should run as it does elsewhere (the bench's reference peer). */
export function defaultTiering(): void {
  setFlagsFromString(`--interrupt-budget=${DEFAULT_BUDGET}`);
}
