import type { JobState, JobStatus } from '../contract/index.js';
import type { Kind } from '../ingest/index.js';

export type { JobState, JobStatus };

/**
 * One input of an analyze job: a URL the worker fetches, or content carried in the job (a file
 * read where it was queued, a posted body), so a worker on another machine needs no shared disk.
 * Content that is not UTF-8 travels as base64; a JSONL record keeps its line number in its file.
 */
export type JobInput = string | { name: string; content: string; encoding?: 'base64'; kind?: Kind; line?: number };

/** What an analyze job asks: one input and how to read it (the fields of the server's WriteJob). */
export interface AnalyzeRequest {
  input: JobInput;
  /** Re-analyse an article already stored. */
  replace: boolean;
  /** With `replace`: the key the run it was queued with began at (requestsFor gives it), so its copies of one text keep the one queued first. */
  runStart?: string;
  /** Keep text and JSONL content exactly as given (no cleaning). */
  verbatim: boolean;
  fetchTimeoutMs: number;
  maxBytes: number;
  /** Fetch public addresses only (URLs posted to the server). */
  publicOnly: boolean;
}

/** How a job ended, kept with it: the articles stored, and the inputs that failed. */
export interface JobOutcome {
  articles: JobStatus['articles'];
  errors: { origin: string; message: string }[];
}

/** A job a worker holds: its id, what it asks, and which attempt this is (1 for the first). */
export interface HeldJob {
  id: string;
  request: AnalyzeRequest;
  attempt: number;
}

/** Why a held job failed; `final` fails it at once, without the retries left (the same input fails the same way). */
export interface JobFailure {
  message: string;
  errors: JobOutcome['errors'];
  final: boolean;
}

/**
 * The durable queue of analyze jobs (src/store/queue/pgboss.ts on PostgreSQL). Jobs are retried with backoff;
 * a job is held on a lease the queue renews while the process that took it lives, so the job of a worker
 * that died is taken back soon and retried; a failed job keeps its error and its input until retried or
 * removed by age.
 */
export interface JobQueue {
  /** Where the queue is, as users name it (its URL without the password). */
  readonly location: string;
  /** Queue these requests, in order; resolves to their job ids. */
  enqueue(requests: readonly AnalyzeRequest[]): Promise<string[]>;
  /** A job by id, or null when the queue has none such. */
  get(id: string): Promise<JobStatus | null>;
  /** Jobs, newest first, optionally in one state. */
  list(options?: { state?: JobState; limit?: number }): Promise<JobStatus[]>;
  /** Queue a failed job again, with one more attempt; false when it is not failed. */
  retry(id: string): Promise<boolean>;
  /**
   * Take up to `max` waiting jobs (default 1) for this worker, in the order queued; none when none is ready now.
   * They are held, their lease renewed in the background, until each is completed or failed.
   */
  take(max?: number): Promise<HeldJob[]>;
  complete(id: string, outcome: JobOutcome): Promise<void>;
  fail(id: string, failure: JobFailure): Promise<void>;
  /** Jobs not yet done or failed (waiting, also for a retry later, or active). */
  pending(): Promise<number>;
  /**
   * Where the cross-article refresh stops, as an intake key (src/store/intake.ts): the id of the first job queued that
   * is not yet done or failed, so articles of jobs queued after it wait for it; the empty key, before every article,
   * while a job that re-analyses is unfinished (its articles keep their earlier places, and a refresh between
   * replacements would match claims against claims a later one takes away: a re-analysis in place refreshes after its
   * last article too); null when no job is unfinished.
   */
  refreshLimit(): Promise<string | null>;
  close(): Promise<void>;
}

/** A short name for what a job reads, shown in lists: the URL, or the content's name. */
export function inputLabel(input: JobInput): string {
  return typeof input === 'string' ? input : input.line ? `${input.name}:${input.line}` : input.name;
}
