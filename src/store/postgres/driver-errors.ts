/** What the pg driver's errors (SQLSTATE codes, socket errors) mean to the store. */

const UNWRITABLE: Record<string, string> = {
  '53100': 'the disk is full',
  '53200': 'the server is out of memory',
  '25006': 'it is read-only',
  '42501': 'permission denied',
  '58030': 'an I/O error',
  XX001: 'the data is corrupt',
};

/** SQLSTATE codes and errno names that mean the server cannot be reached or refused the login. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', '28000', '28P01', '3D000', '3F000', '57P03', '08001', '08006', '53300']);

/** The SQLSTATE (or errno name) of a driver error, if any. */
export function pgCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Why the database cannot be written at all, in words, when the code says so; null for any other error. */
export function unwritableReason(code: string | null): string | null {
  return code !== null && code in UNWRITABLE ? UNWRITABLE[code]! : null;
}

/** Whether an error means the server is out of reach (down, unknown host, wrong password, no such database). */
export function isUnreachable(e: unknown): boolean {
  const code = pgCode(e);
  if (code !== null && UNREACHABLE.has(code)) return true;
  // pg reports a socket closed during the startup as a plain Error.
  return /Connection terminated|connect ECONN|timeout expired/i.test((e as Error | null)?.message ?? '');
}

/** A statement stopped by statement_timeout or pg_cancel_backend. */
export const QUERY_CANCELED = '57014';
/** lock_timeout ran out while waiting for a lock. */
export const LOCK_NOT_AVAILABLE = '55P03';
