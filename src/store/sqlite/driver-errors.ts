/** What the SQLite driver's error codes (better-sqlite3's SqliteError.code) mean to the store. */

const UNWRITABLE: Record<string, string> = {
  SQLITE_FULL: 'the disk (or the database size limit) is full',
  SQLITE_READONLY: 'it is read-only',
  SQLITE_IOERR: 'an I/O error',
  SQLITE_CORRUPT: 'the file is corrupt',
  SQLITE_NOTADB: 'the file is not a claimtrail database',
  SQLITE_CANTOPEN: 'the file cannot be opened',
  SQLITE_PERM: 'permission denied',
};

/** The SQLite error code of a driver error, if any. */
export function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * Why the database cannot be written at all, in words, when the code says so (SQLITE_IOERR for
 * SQLITE_IOERR_WRITE too); null for any other error.
 */
export function unwritableReason(code: string | null): string | null {
  const kind = code === null ? undefined : Object.keys(UNWRITABLE).find((k) => code === k || code.startsWith(`${k}_`));
  return kind ? UNWRITABLE[kind]! : null;
}

/** Whether a driver error means another connection holds the lock: wait and try again. */
export function isBusy(code: string | null): boolean {
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_BUSY_') === true;
}
