import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UnavailableError } from './errors.js';

/**
 * A built script that a module starts in a thread or a process of its own, from its path below dist/
 * (`builtScript('threads/analysis-thread.js', 'the analysis thread')`): beside this module when it runs built, and the
 * built copy when it runs from src/ under a test runner (no .js is there). `what` names it when it is not built.
 */
export function builtScript(path: string, what: string): string {
  const beside = fileURLToPath(new URL(`./${path}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
  if (existsSync(built)) return built;
  throw new UnavailableError(`${what} is not built (${built}): run npm run build`);
}
