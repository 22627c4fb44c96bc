/**
 * The contract's plain values: closed word lists (the schemas build their enums from them) and
 * marks, for the CLI and the web workbench, which do not load TypeBox.
 */

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'LAW', 'EVENT', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const STANCES = ['assert', 'deny', 'confirm', 'praise', 'condemn', 'warn', 'demand', 'promise', 'question'] as const;
export type Stance = (typeof STANCES)[number];

export const CLAIM_KINDS = ['direct', 'indirect', 'mixed'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const TIME_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export type TimeType = (typeof TIME_TYPES)[number];

export const EVENT_STATUSES = ['asserted', 'reported', 'confirmed', 'denied', 'disputed', 'planned'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** How an article stands towards a claim (FNC-1's labels). */
export const STANCE_LABELS = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type StanceLabel = (typeof STANCE_LABELS)[number];

/** The sides a source takes on a checked claim: every stance label but unrelated. */
export const CHECK_SIDES = ['agree', 'disagree', 'discuss'] as const;
export type CheckSide = (typeof CHECK_SIDES)[number];

/** What the cross-article analysis says two sides disagree on. */
export const CONTRADICTION_KINDS = ['stance', 'number', 'date', 'blame'] as const;
export type ContradictionKind = (typeof CONTRADICTION_KINDS)[number];

export const EXPORT_FORMATS = ['jsonl', 'csv', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a stored article's save did: stored anew, found already stored, or re-analysed. */
export const SAVE_STATUSES = ['new', 'duplicate', 'replaced'] as const;
export type SaveStatus = (typeof SAVE_STATUSES)[number];

export const SEARCH_KINDS = ['articles', 'claims', 'entities'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Where an analyze job stands in the queue (src/queue): waiting (also between retries), active, failed, done. */
export const JOB_STATES = ['waiting', 'active', 'failed', 'done'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Marks around matched words in a search snippet: control characters no article text contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * Kinds of error (src/errors.ts), each mapped once to an HTTP status (src/server/errors.ts) and
 * a CLI exit status (src/cli/errors.ts).
 */
export const ERROR_CODES = [
  'usage',
  'input',
  'not_found',
  'ambiguous',
  'conflict',
  'unauthorized',
  'forbidden',
  'misdirected',
  'busy',
  'unwritable',
  'cancelled',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
