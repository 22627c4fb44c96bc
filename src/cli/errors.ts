import { CommanderError } from 'commander';
import { ClaimtrailError, type ErrorCode } from '../errors.js';

/**
 * The exit status of each kind of error (src/errors.ts): the one place the CLI maps them. 2 says
 * the command was called wrongly (an option, an article that is not there, an ambiguous key); 1
 * that it could not do its work.
 */
export const EXIT_STATUS: Record<ErrorCode, number> = {
  usage: 2,
  input: 1,
  not_found: 2,
  ambiguous: 2,
  conflict: 2,
  unauthorized: 1,
  forbidden: 1,
  misdirected: 1,
  busy: 1,
  unwritable: 1,
  cancelled: 1,
  unavailable: 1,
  internal: 1,
};

/** The exit status of an error that ended a command; commander has printed its own already. */
export function exitStatus(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  return e instanceof ClaimtrailError ? EXIT_STATUS[e.code] : 1;
}
