import type { Analyzer } from './annotate/analyzer.js';
import { countWords } from './doc/doc.js';
import type { SaveStatus } from './contract/values.js';
import type { Analysis, Article } from './doc/types.js';
import { ClaimtrailError, InternalError } from './errors.js';
import { ingest, type Ingested, type IngestOptions, type Input } from './ingest/index.js';
import type { SaveResult, Store } from './store/index.js';
import { runStartKey } from './store/intake.js';

/**
 * What happened to one input article on the analyze path. An error with `fatal` set (the
 * database cannot be written) is the last outcome: the run stops there.
 */
export type Outcome =
  | { ok: true; analysis: Analysis; status: SaveStatus | null; words: number }
  | { ok: false; error: ClaimtrailError; origin: string; fatal?: boolean };

export interface AnalyzeOptions extends IngestOptions {
  /** The pipeline, or a pool of threads running it (AnalysisPool): analyses of a batch run together, while the batch before is saved. */
  pipeline: Analyzer;
  /** Where analyses are written; null analyses without storing. */
  store: Store | null;
  /** Replace the stored analysis of articles already in the store. */
  replace?: boolean;
  /** With `replace`: the key the run began at (runStartKey()); a run of this path is one when not given. */
  runStart?: string;
  /**
   * The intake key of the run's n-th item (counting every item read, failed ones too): for queued
   * jobs, their id and the item's place in its job (src/store/intake.ts), so a job's articles keep
   * their order after the jobs queued before it. Without it each article gets a new key as it is saved.
   */
  intakeOf?: (item: number) => string;
}

/**
 * Articles saved per transaction, and the most text one batch holds: one commit (and one flush of
 * the full-text indexes) for many articles instead of one each, the write lock held well under a
 * second, and a batch of very large articles kept small in memory.
 */
const SAVE_BATCH = 32;
const SAVE_BATCH_CHARS = 4 << 20;
/**
 * Windows handed to the analysis while the oldest is saved: enough that the analysis threads keep working while this
 * thread is busy a while (a cross-article refresh step run alongside: RefreshAlongside). With one, the refresh
 * alongside gained nothing on PolNeAR (medians 16.2 s against 16.0 s after); with four, 14.0 s (docs/quality.md).
 */
const WINDOWS_AHEAD = 4;

/** An input's outcome in input order: known already, or an analysis waiting for its batch's save (with its intake key, if given). */
type Pending = { outcome: Outcome } | { analysis: Analysis; origin: string; words: number; intake?: string };

/** An item read, with its intake key: the window analysed and saved together. */
type Read = { item: Ingested; intake: string | undefined };

/**
 * The analyze path shared by the CLI, the HTTP API and the demo: ingest → pipeline → store,
 * one outcome per article in input order. A failing input or article yields an error outcome
 * and the rest go on. Analyses are saved in batches (ArticleStore.saveMany), one transaction
 * each, so a process killed mid-run leaves whole articles or none; an outcome is
 * yielded once its article is stored. An article stored by this pipeline version is recognised
 * by its id (the hash of its cleaned text) and not analysed again. A database that cannot be
 * written stops the run with one fatal outcome.
 */
export function analyzeInputs(inputs: readonly Input[], options: AnalyzeOptions): AsyncGenerator<Outcome> {
  return analyzeIngested(ingest(inputs, options), options);
}

/**
 * The analyze path after ingestion: articles already read (a watched feed's new items, the bench's corpus) → pipeline → store.
 * Items are taken a batch at a time (SAVE_BATCH of them, or SAVE_BATCH_CHARS of text), so the store is asked once per
 * batch which of them it holds already: on PostgreSQL one round trip per article cost about a millisecond each.
 */
export async function* analyzeIngested(items: AsyncIterable<Ingested> | Iterable<Ingested>, given: Omit<AnalyzeOptions, keyof IngestOptions>): AsyncGenerator<Outcome> {
  // A re-analysis replaces what was stored before it, and of its own copies of one text keeps the one submitted first.
  const options = given.replace ? { ...given, runStart: given.runStart ?? runStartKey() } : given;
  let window: Read[] = [];
  let chars = 0;
  let read = 0;
  // Windows analysing or saving, oldest first: each saves after the one before it, and none once one stopped the run.
  const inflight: Promise<Outcome[]>[] = [];
  const run: Run = { stopped: false };
  try {
    for await (const item of items) {
      window.push({ item, intake: options.intakeOf?.(read++) });
      if (item.ok) chars += item.article.text.length;
      if (window.length < SAVE_BATCH && chars < SAVE_BATCH_CHARS) continue;
      inflight.push(analyzeWindow(window, options, inflight.at(-1) ?? null, run));
      window = [];
      chars = 0;
      while (inflight.length > WINDOWS_AHEAD) if (yield* untilFatal(await inflight.shift()!)) return;
    }
    if (window.length) inflight.push(analyzeWindow(window, options, inflight.at(-1) ?? null, run));
    while (inflight.length) if (yield* untilFatal(await inflight.shift()!)) return;
  } finally {
    // A run that stops early (a fatal outcome, a caller that left) leaves no save under way behind it.
    await Promise.all(inflight);
  }
}

/** A run of the analyze path: whether a fatal outcome stopped it. */
interface Run {
  stopped: boolean;
}

/** Yield outcomes up to and including a fatal one; whether one was. */
function* untilFatal(outcomes: readonly Outcome[]): Generator<Outcome, boolean> {
  for (const outcome of outcomes) {
    yield outcome;
    if (!outcome.ok && outcome.fatal) return true;
  }
  return false;
}

/**
 * Analyse a window of items (those the store holds already taken from it) and save them in one batch, after the window
 * `before` is saved (articles are stored in the order read) and not once a fatal outcome stopped the run; every outcome,
 * in input order. Its analyses may run on other threads (an AnalysisPool) while the windows before it are saved.
 */
async function analyzeWindow(window: readonly Read[], options: Omit<AnalyzeOptions, keyof IngestOptions>, before: Promise<Outcome[]> | null, run: Run): Promise<Outcome[]> {
  let stored: Map<string, Analysis> | Error = new Map();
  if (options.store && !options.replace) {
    try {
      stored = await storedCopies(options.store, window.flatMap(({ item }) => (item.ok ? [item.article.id] : [])));
    } catch (e) {
      stored = e as Error;
    }
  }
  const slots: (Pending | Promise<Pending>)[] = [];
  for (const { item, intake } of window) {
    if (!item.ok) {
      slots.push({ outcome: { ok: false, error: item.error, origin: item.error.origin } });
      continue;
    }
    const { article } = item;
    const origin = article.ref ?? article.id;
    const words = countWords(article.text);
    if (stored instanceof Error) {
      const outcome = failure(stored, origin);
      slots.push({ outcome });
      if (!outcome.ok && outcome.fatal) break;
      continue;
    }
    const copy = stored.get(article.id);
    // A queued copy goes through the save, which keeps the copy submitted first: the stored analysis stands for this one
    // when they read alike; one that says otherwise (another date, another ref) is analysed for it.
    if (copy && intake !== undefined && readAlike(copy.article, article)) slots.push({ analysis: copy, origin, words, intake });
    else if (copy && intake === undefined) slots.push({ outcome: { ok: true, analysis: copy, status: 'duplicate', words } });
    else {
      slots.push(
        analyzeOne(options.pipeline, article).then(
          (analysis): Pending => (options.store ? { analysis, origin, words, ...(intake !== undefined ? { intake } : {}) } : { outcome: { ok: true, analysis, status: null, words } }),
          (e: unknown): Pending => ({ outcome: failure(e, origin) }),
        ),
      );
    }
  }
  const pending = await Promise.all(slots);
  await before;
  if (run.stopped) return [];
  const outcomes = await settle(pending, options);
  run.stopped = outcomes.some((o) => !o.ok && o.fatal);
  return outcomes;
}

/** Two copies of one article (one text) that say the same of it: what its analysis reads besides the text. */
function readAlike(a: Article, b: Article): boolean {
  const fields = ['title', 'published', 'source', 'url', 'language', 'ref'] as const;
  return fields.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

/** An article's analysis, a pipeline's throw included as a rejection. */
async function analyzeOne(analyzer: Analyzer, article: Article): Promise<Analysis> {
  return analyzer.analyze(article);
}

/** Save the analyses waiting in `pending` in one batch; every outcome, in input order. */
async function settle(pending: readonly Pending[], options: Omit<AnalyzeOptions, keyof IngestOptions>): Promise<Outcome[]> {
  const toSave = pending.filter((p): p is Extract<Pending, { analysis: Analysis }> => 'analysis' in p);
  let saved: SaveResult[] = [];
  if (toSave.length && options.store) {
    // Keys given by intakeOf (every analysis has one then), else new ones from the store.
    const given = toSave.flatMap((p) => (p.intake !== undefined ? [p.intake] : []));
    const intakes = given.length === toSave.length ? given : undefined;
    try {
      saved = await options.store.articles.saveMany(
        toSave.map((p) => p.analysis),
        { replace: Boolean(options.replace), ...(options.runStart !== undefined ? { runStart: options.runStart } : {}), ...(intakes ? { intakes } : {}) },
      );
    } catch (e) {
      // Nothing of the batch is stored: each of its articles is told so (the caller stops at a fatal one).
      return pending.map((p) => ('outcome' in p ? p.outcome : failure(e, p.origin)));
    }
  }
  let k = 0;
  return pending.map((p) => {
    if ('outcome' in p) return p.outcome;
    const r = saved[k++]!;
    return r.ok ? { ok: true, analysis: p.analysis, status: r.status, words: p.words } : failure(r.error, p.origin);
  });
}

function failure(e: unknown, origin: string): Outcome {
  if (e instanceof ClaimtrailError && e.code === 'unwritable') return { ok: false, error: e, origin, fatal: true };
  return { ok: false, error: new InternalError(`${origin}: analysis failed (${(e as Error).message})`, { cause: e }), origin };
}

/** The stored analyses, by id, of those of these articles this pipeline version made: one read for the whole window. */
async function storedCopies(store: Store, ids: readonly string[]): Promise<Map<string, Analysis>> {
  const versions = await store.articles.storedPipelines(ids);
  const current = [...versions].flatMap(([id, version]) => (version === store.pipelineVersion ? [id] : []));
  return new Map((await store.articles.getAnalyses(current)).map((a) => [a.article.id, a]));
}
