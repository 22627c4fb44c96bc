import type { Command } from 'commander';
import type { RefreshCache } from '../../analysis/index.js';
import type { Store } from '../../store/store.js';
import { digest } from '../digest.js';
import { Progress } from '../progress.js';
import { collect, err, openStore, out, positiveNumber, threadCount, UsageError } from '../shared.js';
import { summaryLine } from '../summary.js';

interface AnalyzeFlags {
  json?: boolean;
  db?: string;
  store: boolean;
  verbatim?: boolean;
  boilerplate?: string[];
  gazetteer?: string[];
  timeout: number;
  maxSize: number;
  reanalyze?: boolean;
  queue?: string | true;
  threads?: number;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('read articles (files, directories, URLs, feeds, JSONL, - for stdin), analyse and store them')
    .argument('<inputs...>', 'text, HTML, JSONL or RSS/Atom files, directories, http(s) URLs, or - for stdin')
    .option('--json', 'print one JSON analysis per article per line (schema/analysis.schema.json)')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--no-store', 'analyse without writing to the database')
    .option('--verbatim', "keep text and JSONL inputs' text exactly as given (no cleaning)")
    .option('--boilerplate <file>', 'extra boilerplate rules (see data/boilerplate.txt); repeatable', collect)
    .option('--gazetteer <file>', 'extra gazetteer entries (see docs/gazetteer.md); repeatable', collect)
    .option('--timeout <seconds>', 'give up on a URL after this long', positiveNumber('--timeout'), 20)
    .option('--max-size <MB>', 'largest article accepted, in megabytes', positiveNumber('--max-size'), 10)
    .option('--reanalyze', 'replace the stored analysis of articles already in the database')
    .option('--threads <n>', 'threads that analyse articles while this one stores them (default: one per core but one, at least one; 0: this thread analyses)', threadCount)
    .option('--queue [url]', 'queue one job per article for `claimtrail worker`s instead (the queue: this postgres:// URL, else $CLAIMTRAIL_QUEUE, else the database when it is on PostgreSQL); prints the job ids')
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      process.exitCode = flags.queue === undefined ? await analyze(inputs, flags) : await enqueue(inputs, flags);
    });
}

/** Read every file an option names before any article, so a bad one is one usage error, not one per article. */
export function checkOptionFiles(
  flags: Pick<AnalyzeFlags, 'gazetteer' | 'boilerplate'>,
  loadRules: typeof import('../../ingest/clean.js').loadRules,
  readGazetteer: typeof import('../../annotate/entities/gazetteer.js').readGazetteer,
): ReturnType<typeof loadRules> {
  for (const file of flags.gazetteer ?? []) {
    try {
      readGazetteer([file]);
    } catch (e) {
      throw new UsageError(`--gazetteer ${file}: ${(e as Error).message.replace(/^gazetteer \S+: /, '')}`);
    }
  }
  try {
    return loadRules(flags.boilerplate);
  } catch (e) {
    throw new UsageError(`--boilerplate: ${(e as Error).message}`);
  }
}

async function analyze(inputs: string[], flags: AnalyzeFlags): Promise<number> {
  const started = performance.now();
  // Loaded here, not at the top: the reading commands start without the ingest stack (HTML, feeds, fetch).
  const [{ analyzeInputs }, { createPipeline }, { AnalysisPool, defaultThreads }, { refreshInOrder }, { RefreshAlongside, REFRESH_EVERY }, { loadRules }, { estimateCount, holdsOneArticle }, { readGazetteer }] = await Promise.all([
    import('../../analyze.js'),
    import('../../annotate/index.js'),
    import('../../threads/analysis-pool.js'),
    import('../refresh.js'),
    import('../../analysis/alongside.js'),
    import('../../ingest/clean.js'),
    import('../../ingest/index.js'),
    import('../../annotate/entities/gazetteer.js'),
  ]);
  const rules = checkOptionFiles(flags, loadRules, readGazetteer);
  const gazetteers = flags.gazetteer ?? [];
  // One article is analysed here: a thread would only add its start-up.
  const threads = flags.threads ?? ((await holdsOneArticle(inputs)) ? 0 : defaultThreads());
  const pool = threads > 0 ? new AnalysisPool(threads, { gazetteers }) : null;
  // Its thread starts and loads its data while this one opens the store and reads the first inputs.
  pool?.warm();
  const pipeline = pool ?? (await createPipeline({ gazetteers }));
  let store: Store | null = null;
  let replaces: boolean;
  try {
    store = flags.store ? await openStore(flags.db) : null;
    // Duplicates, propositions, contradictions, stories and the timeline, brought up to date while the articles are stored —
    // unless the run may replace stored articles: a refresh before a replacement would match claims against the replaced
    // article's claims, which one refresh after the run never sees (RefreshAlongside).
    replaces = Boolean(flags.reanalyze) || (store !== null && (await store.articles.holdsOtherPipelines(store.pipelineVersion)));
  } catch (e) {
    await Promise.all([store?.close(), pool?.close()]);
    throw e;
  }
  const cache: RefreshCache = {};
  const refresh = store ? new RefreshAlongside((last) => refreshInOrder(store, flags.db, { cache, partial: !last }), replaces ? Infinity : REFRESH_EVERY) : null;
  const progress = new Progress();
  const total = progress.enabled ? await estimateCount(inputs) : undefined;
  const counts = { read: 0, new: 0, duplicates: 0, replaced: 0, failed: 0, words: 0 };
  const ready = performance.now();
  let analysed = ready;
  let fatal = false;
  let refreshFailed = false;
  try {
    const outcomes = analyzeInputs(inputs, {
      pipeline,
      store,
      replace: flags.reanalyze,
      verbatim: Boolean(flags.verbatim),
      timeoutMs: flags.timeout * 1000,
      maxBytes: flags.maxSize * 1024 * 1024,
      rules,
    });
    for await (const outcome of outcomes) {
      progress.clear();
      if (!outcome.ok) {
        counts.failed++;
        err(`error: ${outcome.error.message}`);
        fatal ||= outcome.fatal === true;
      } else {
        counts.read++;
        counts.words += outcome.words;
        if (outcome.status === 'duplicate') counts.duplicates++;
        else if (outcome.status === 'replaced') counts.replaced++;
        else counts.new++;
        if (outcome.status !== 'duplicate') refresh?.stored();
        const note = outcome.status === 'duplicate' ? 'already stored' : undefined;
        out(flags.json ? JSON.stringify(outcome.analysis) : `${digest(outcome.analysis, note)}\n`);
      }
      progress.update(counts.read + counts.failed, counts.words, counts.failed, total);
    }
    analysed = performance.now();
    if (refresh && !fatal) {
      await refresh.finish().catch((e: Error) => {
        refreshFailed = true;
        err(`error: the articles are stored, but the cross-article analysis failed (the next run retries it): ${e.message}`);
      });
    }
  } finally {
    progress.clear();
    await refresh?.settle();
    await Promise.all([store?.close(), pool?.close()]);
  }
  const line = summaryLine({
    read: counts.read,
    stored: store ? { new: counts.new, duplicates: counts.duplicates, replaced: counts.replaced } : null,
    failed: counts.failed,
    words: counts.words,
    startupMs: ready - started,
    analysisMs: analysed - ready,
    refreshMs: performance.now() - analysed,
    db: store?.path ?? null,
  });
  err(`${line}${fatal ? ' · stopped: the database cannot be written' : ''}`);
  return counts.failed || refreshFailed ? 1 : 0;
}

/** `analyze --queue`: read the inputs here, queue a job for each article, print the job ids. */
async function enqueue(inputs: string[], flags: AnalyzeFlags): Promise<number> {
  const clash = [flags.json && '--json', !flags.store && '--no-store', flags.boilerplate && '--boilerplate', flags.gazetteer && '--gazetteer', flags.threads !== undefined && '--threads'].filter(Boolean);
  if (clash.length) throw new UsageError(`--queue cannot go with ${clash.join(', ')}: queued articles are analysed and stored by the workers (give --boilerplate and --gazetteer to claimtrail worker)`);
  const [{ openQueue, resolveQueueUrl, inputLabel }, { readJobInputs, requestsFor }, { resolveDbPath }] = await Promise.all([
    import('../../queue/index.js'),
    import('../../queue/inputs.js'),
    import('../../store/index.js'),
  ]);
  const url = resolveQueueUrl(flags.queue === true ? undefined : flags.queue, resolveDbPath(flags.db));
  if (!url) throw new UsageError('--queue: no job queue: give --queue postgres://…, set CLAIMTRAIL_QUEUE, or use a PostgreSQL database with --db');
  const maxBytes = flags.maxSize * 1024 * 1024;
  const read = await readJobInputs(inputs, { maxBytes });
  for (const e of read.errors) err(`error: ${e.message}`);
  const queue = await openQueue(url, { connections: 1 });
  try {
    const requests = requestsFor(read.inputs, { replace: Boolean(flags.reanalyze), verbatim: Boolean(flags.verbatim), fetchTimeoutMs: flags.timeout * 1000, maxBytes, publicOnly: false });
    const ids = await queue.enqueue(requests);
    ids.forEach((id, i) => out(`${id}\t${inputLabel(requests[i]!.input)}`));
    err(`queued ${ids.length} jobs in ${queue.location}${read.errors.length ? ` · ${read.errors.length} inputs failed` : ''} · claimtrail jobs shows them`);
  } finally {
    await queue.close();
  }
  return read.errors.length ? 1 : 0;
}
