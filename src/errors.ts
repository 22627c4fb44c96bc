import type { ErrorCode } from './contract/values.js';

export type { ErrorCode };

/**
 * Every error claimtrail raises on purpose: a `code` saying what kind it is, mapped once to an
 * HTTP status (src/server/errors.ts) and once to an exit status (src/cli/errors.ts); a message
 * written for the person who reads it; and the error that caused it, kept as `cause`. Anything
 * else that is thrown is a bug.
 */
export class ClaimtrailError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A mistake in how claimtrail was called: an option, a request parameter, a cursor it did not issue. */
export class UsageError extends ClaimtrailError {
  constructor(message: string, options?: ErrorOptions) {
    super('usage', message, options);
  }
}

/** An input that cannot be read as an article (a file, a URL, a record); the message names it. */
export class InputError extends ClaimtrailError {
  constructor(
    readonly origin: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super('input', `${origin}: ${message}`, options);
  }
}

/** A URL answered with an HTTP error status: the status is kept for those that record it (watched feeds). */
export class HttpStatusError extends InputError {
  constructor(
    origin: string,
    readonly status: number,
    statusText: string,
    /** Seconds the server asked to wait (Retry-After on 429 and 503), when it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(origin, `HTTP ${status} ${statusText}`.trim());
  }
}

/** What was asked for (an article, an entity, a contradiction) is not stored. */
export class NotFoundError extends ClaimtrailError {
  constructor(message: string, options?: ErrorOptions) {
    super('not_found', message, options);
  }
}

/** A key that names more than one stored article: the caller should give the article id. */
export class AmbiguousError extends ClaimtrailError {
  constructor(
    readonly key: string,
    /** How many match, when counted. */
    count: number | null,
  ) {
    super('ambiguous', `"${key}" is ambiguous: ${count ?? 'several'} articles match it (give the article id; see claimtrail articles)`);
  }
}

/** What was asked for clashes with what is there already (a port another server holds). */
export class ConflictError extends ClaimtrailError {
  constructor(message: string, options?: ErrorOptions) {
    super('conflict', message, options);
  }
}

/** A request the server refuses to let through: no token, a wrong token or origin, another Host. */
export class AccessError extends ClaimtrailError {
  constructor(code: 'unauthorized' | 'forbidden' | 'misdirected', message: string) {
    super(code, message);
  }
}

/** Another writer held the database for longer than a writer waits. */
export class StoreBusyError extends ClaimtrailError {
  constructor(
    readonly path: string,
    waitedMs: number,
  ) {
    super('busy', `${path}: the database stayed locked by another writer for ${(waitedMs / 1000).toFixed(0)} s; try again when it is done`);
  }
}

/**
 * The database cannot be written at all (disk full, read-only, I/O error, corrupt file): no later
 * article can be stored either, so a run stops at the first one and says why, once.
 */
export class StoreUnwritableError extends ClaimtrailError {
  constructor(
    readonly path: string,
    /** Why, as the database driver says it (SQLITE_FULL …). */
    readonly reason: string,
    explained: string,
    cause: Error,
  ) {
    super('unwritable', `${path}: cannot write the database: ${explained} (${cause.message})`, { cause });
  }
}

/** A read stopped because it ran past its time, or because the client that asked went away. */
export class CancelledError extends ClaimtrailError {
  constructor(
    readonly reason: 'timeout' | 'disconnected',
    ms: number,
  ) {
    super('cancelled', reason === 'timeout' ? `the query ran longer than ${ms} ms and was stopped` : 'the client went away; its query was stopped');
  }
}

/** Something claimtrail needs is missing or broken: the database cannot be opened, the stance model or the writer thread is absent. */
export class UnavailableError extends ClaimtrailError {
  constructor(message: string, options?: ErrorOptions) {
    super('unavailable', message, options);
  }
}

/** A step that should not fail did (an article whose analysis threw, a model file at odds with the code). */
export class InternalError extends ClaimtrailError {
  constructor(message: string, options?: ErrorOptions) {
    super('internal', message, options);
  }
}
