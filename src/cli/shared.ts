import { isDatePrefix } from '../doc/dates.js';
import { pipelineVersion } from '../annotate/version.js';
import { UsageError } from '../errors.js';
import { openStore as open, resolveDbPath, type Store } from '../store/index.js';

export { UsageError };

/** Open the store named by --db / CLAIMTRAIL_DB / ./claimtrail.db. */
export function openStore(db?: string): Promise<Store> {
  return open(resolveDbPath(db), pipelineVersion());
}

/**
 * Characters a terminal would act on rather than show: C0 controls but tab and line feed
 * (escape sequences, carriage return, backspace), DEL, C1 controls, and the bidirectional
 * overrides and isolates that reorder what is shown.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Article text made safe to print: each unsafe character as \uXXXX (also a valid escape inside JSON strings). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Write a line to stdout, terminal-safe, respecting a closed pipe (`claimtrail … | head`). */
export function out(line: string): void {
  process.stdout.write(`${terminalSafe(line)}\n`);
}

/** Write a line to stderr, terminal-safe. */
export function err(line: string): void {
  process.stderr.write(`${terminalSafe(line)}\n`);
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

/** --threads: a whole number of analysis threads, 0 for none (the command's own thread analyses). */
export function threadCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new UsageError(`--threads must be a whole number from 0 to 256, got "${value}"`);
  return n;
}

/** A date option: YYYY, YYYY-MM or YYYY-MM-DD, a real month and day. */
export function datePrefix(name: string) {
  return (value: string): string => {
    if (!isDatePrefix(value)) throw new UsageError(`${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
    return value;
  };
}
