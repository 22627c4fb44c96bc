import { pipelineVersion } from '../annotate/index.js';
import { resolveDbPath, Store } from '../store/store.js';

/** A mistake in how a command was called: printed without a stack trace, exit status 2. */
export class UsageError extends Error {}

/** Open the store named by --db / CLAIMTRAIL_DB / ./claimtrail.db. */
export function openStore(db?: string): Promise<Store> {
  return Store.open(resolveDbPath(db), pipelineVersion());
}

/** Write a line to stdout, respecting a closed pipe (`claimtrail … | head`). */
export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got "${value}"`);
    return n;
  };
}

/** A date option: YYYY, YYYY-MM or YYYY-MM-DD. */
export function datePrefix(name: string) {
  return (value: string): string => {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new UsageError(`${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
    return value;
  };
}
