import type { Pipeline } from './annotate/pipeline.js';
import { countWords } from './doc/doc.js';
import type { SaveStatus } from './contract/values.js';
import type { Analysis } from './doc/types.js';
import { ClaimtrailError, InternalError } from './errors.js';
import { ingest, type IngestOptions, type Ingested, type Input } from './ingest/index.js';
import type { Store } from './store/index.js';

/**
 * What happened to one input article on the analyze path. An error with `fatal` set (the
 * database cannot be written) is the last outcome: the run stops there.
 */
export type Outcome =
  | { ok: true; analysis: Analysis; status: SaveStatus | null; words: number }
  | { ok: false; error: ClaimtrailError; origin: string; fatal?: boolean };

export interface AnalyzeOptions extends IngestOptions {
  pipeline: Pipeline;
  /** Where analyses are written; null analyses without storing. */
  store: Store | null;
  /** Replace the stored analysis of articles already in the store. */
  replace?: boolean;
}

/**
 * The analyze path shared by the CLI, the HTTP API and the demo: ingest → pipeline → store,
 * one outcome per article in input order. A failing input or article yields an error outcome
 * and the rest go on; each article is stored in its own transaction. An article stored by this
 * pipeline version is recognised by its id (the hash of its cleaned text) and not analysed again.
 * A database that cannot be written stops the run with one fatal outcome.
 */
export function analyzeInputs(inputs: readonly Input[], options: AnalyzeOptions): AsyncGenerator<Outcome> {
  return analyzeIngested(ingest(inputs, options), options);
}

/** The analyze path after ingestion: articles already read (a watched feed's new items) → pipeline → store. */
export async function* analyzeIngested(items: AsyncIterable<Ingested> | Iterable<Ingested>, options: Omit<AnalyzeOptions, keyof IngestOptions>): AsyncGenerator<Outcome> {
  for await (const item of items) {
    if (!item.ok) {
      yield { ok: false, error: item.error, origin: item.error.origin };
      continue;
    }
    const { article } = item;
    const origin = article.ref ?? article.id;
    try {
      const stored = options.store && !options.replace ? await storedCopy(options.store, article.id) : null;
      if (stored) {
        yield { ok: true, analysis: stored, status: 'duplicate', words: countWords(article.text) };
        continue;
      }
      const analysis = options.pipeline.analyze(article);
      const status = options.store ? await options.store.articles.save(analysis, { replace: Boolean(options.replace) }) : null;
      yield { ok: true, analysis, status, words: countWords(article.text) };
    } catch (e) {
      if (e instanceof ClaimtrailError && e.code === 'unwritable') {
        yield { ok: false, error: e, origin, fatal: true };
        return;
      }
      yield { ok: false, error: new InternalError(`${origin}: analysis failed (${(e as Error).message})`, { cause: e }), origin };
    }
  }
}

/** The stored analysis of an article when this pipeline version made it, else null. */
async function storedCopy(store: Store, id: string): Promise<Analysis | null> {
  if ((await store.articles.storedPipeline(id)) !== store.pipelineVersion) return null;
  return store.articles.getAnalysis(id);
}
