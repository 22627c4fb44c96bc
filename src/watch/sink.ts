import { createHash } from 'node:crypto';
import { analyzeIngested, type Outcome } from '../analyze.js';
import type { Analyzer } from '../annotate/analyzer.js';
import { ingestFeedItem, type Ingested, type IngestOptions } from '../ingest/index.js';
import type { FeedItem } from '../ingest/feed.js';
import type { Analysis, Article } from '../doc/types.js';
import type { AnalyzeRequest } from '../queue/job.js';
import type { Store } from '../store/index.js';

/**
 * A new item of a watched feed: all it takes to read it as an article. Plain data, so that a job
 * queue can carry it to a worker that reads it (readFeedItem) and analyses it (analyzeIngested).
 */
export interface NewItem {
  feedUrl: string;
  feedTitle: string | null;
  /** The feed's language, applied to the item. */
  language: string | null;
  /** What the feed knows it by (itemId). */
  id: string;
  item: FeedItem;
}

/** What handling an item came to. */
export interface ItemOutcome {
  /** Articles it added to the store (0 for a copy already stored, or when it is only queued). */
  stored: number;
  /** Why it could not be read or analysed, naming it: it counts as handled all the same and is not tried again. */
  errors: string[];
}

/**
 * What the watcher does with each new item: analyse and store it here (analyzeSink), or hand it to a job queue. Taking
 * an item reads it and starts what may run ahead of its turn (its analysis); `finish`, which the watcher calls in the
 * feed's order (oldest first), stores or queues it. The watcher takes a few of a feed's items ahead of the one it
 * finishes. Throwing (from take or finish) means the item was not handled: it is not remembered, and the next poll
 * brings it again. An error with code "unwritable" stops the watcher.
 */
export interface ItemSink {
  take(item: NewItem): Promise<() => Promise<ItemOutcome>>;
  /** After a poll that handed items over: bring what depends on them up to date (the cross-article analysis). */
  settle(): Promise<void>;
}

/** An item's id: its guid, else its link, else a hash of what it says. */
export function itemId(item: FeedItem): string {
  if (item.guid) return item.guid;
  if (item.link) return item.link;
  return `sha256:${createHash('sha256').update(JSON.stringify([item.title, item.published, item.html])).digest('hex').slice(0, 32)}`;
}

/**
 * Read a new item as `claimtrail analyze` reads a feed's item: its content, or its link fetched
 * when it carries a summary only; then cleaned. What comes back goes through analyzeIngested (a
 * job queue's worker does the same with the items it is handed).
 */
export async function readFeedItem(item: NewItem, options: IngestOptions): Promise<Ingested[]> {
  const articles: Ingested[] = [];
  for await (const got of ingestFeedItem(item.item, { title: item.feedTitle, language: item.language }, item.feedUrl, options)) articles.push(got);
  return articles;
}

export interface AnalyzeSinkDeps {
  store: Store;
  /** The pipeline, or a pool of threads running it (AnalysisPool): then items of several feeds are analysed at once. */
  pipeline: Analyzer;
  /** How items (and the links of summary-only items) are read. */
  ingest: IngestOptions;
  /** The cross-article refresh (src/analysis refreshAnalysis; the CLI's stops before a job queue's unfinished jobs). */
  refresh: (store: Store) => Promise<unknown>;
  /** Sees each article's outcome (the CLI prints it). */
  onOutcome?: (outcome: Outcome, item: NewItem) => void;
}

/** An item taken and finished, waiting for its turn to be stored. */
interface Waiting {
  item: NewItem;
  articles: Ingested[];
  started: Map<Article, Promise<Analysis>>;
  done: (outcome: ItemOutcome) => void;
  failed: (e: unknown) => void;
}

/**
 * The sink that analyses and stores items in this process. Reading an item (fetching its link) and analysing its
 * articles run alongside other feeds' items: on a pool of threads (AnalysisPool), as many at once as it has threads.
 * Storing and the cross-article refresh run one at a time, each feed's items stored in the order the watcher finishes
 * them. Items of several feeds finished while a store runs are stored together after it, in one transaction per batch
 * (analyzeIngested): storing each on its own committed each (the commit cost more than the rows).
 */
export function analyzeSink(deps: AnalyzeSinkDeps): ItemSink {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  let dirty = false;
  let waiting: Waiting[] = [];
  // Stores every item waiting; an item's promise settles when the run that took it does.
  const storeWaiting = async () => {
    const group = waiting;
    waiting = [];
    if (!group.length) return;
    const started = new Map(group.flatMap((w) => [...w.started]));
    // Each analysis started at take; one not needed (a copy stored meanwhile) is let go.
    const pipeline: Analyzer = { analyze: (article) => started.get(article) ?? deps.pipeline.analyze(article) };
    const results = group.map((): ItemOutcome => ({ stored: 0, errors: [] }));
    // analyzeIngested gives one outcome per item read, in order: the k-th belongs to the group's item holding it.
    const owner = group.flatMap((w, g) => w.articles.map(() => g));
    let k = 0;
    try {
      for await (const outcome of analyzeIngested(group.flatMap((w) => w.articles), { pipeline, store: deps.store })) {
        const g = owner[k++]!;
        deps.onOutcome?.(outcome, group[g]!.item);
        if (!outcome.ok) {
          if (outcome.fatal) throw outcome.error;
          results[g]!.errors.push(outcome.error.message);
        } else if (outcome.status !== 'duplicate') {
          results[g]!.stored++;
          dirty = true;
        }
      }
    } catch (e) {
      for (const w of group) w.failed(e);
      return;
    }
    group.forEach((w, g) => w.done(results[g]!));
  };
  return {
    async take(item) {
      const articles = await readFeedItem(item, deps.ingest);
      const started = await startAnalyses(articles, deps);
      return () =>
        new Promise<ItemOutcome>((done, failed) => {
          waiting.push({ item, articles, started, done, failed });
          void serial(storeWaiting);
        });
    },
    settle() {
      return serial(async () => {
        if (!dirty) return;
        dirty = false;
        try {
          await deps.refresh(deps.store);
        } catch (e) {
          dirty = true;
          throw e;
        }
      });
    },
  };
}

/**
 * Start analysing an item's articles that this pipeline version has not stored, before the item's turn to be stored:
 * on a pool, the threads work through the items of every feed polled while this thread stores. A failure is the store
 * stage's to report, with the article named (analyzeIngested), so none is left unhandled here.
 */
async function startAnalyses(articles: readonly Ingested[], deps: AnalyzeSinkDeps): Promise<Map<Article, Promise<Analysis>>> {
  const read = articles.flatMap((a) => (a.ok ? [a.article] : []));
  const started = new Map<Article, Promise<Analysis>>();
  if (!read.length) return started;
  let stored: Map<string, string>;
  try {
    stored = await deps.store.articles.storedPipelines(read.map((a) => a.id));
  } catch {
    // The store stage reads it again and reports what fails.
    return started;
  }
  for (const article of read) {
    if (stored.get(article.id) === deps.store.pipelineVersion) continue;
    const analysis = Promise.resolve().then(() => deps.pipeline.analyze(article));
    analysis.catch(() => undefined);
    started.set(article, analysis);
  }
  return started;
}

export interface QueueSinkDeps {
  /** Queues analyze requests; resolves to their job ids (JobQueue.enqueue). */
  enqueue: (requests: readonly AnalyzeRequest[]) => Promise<string[]>;
  /** How items (and the links of summary-only items) are read. */
  ingest: IngestOptions;
  /** Sees each job queued (the CLI prints it). */
  onQueued?: (jobId: string, article: Article) => void;
}

/**
 * The sink that hands items to `claimtrail worker`s through the job queue. Each item is read
 * here (a summary-only item's link fetched) and cleaned, and each of its articles queued as one
 * JSONL record taken as it is, so a worker stores exactly the article `claimtrail watch` would
 * have stored itself. The workers refresh the cross-article analysis: settle has nothing to do.
 */
export function queueSink(deps: QueueSinkDeps): ItemSink {
  return {
    async take(item) {
      const result: ItemOutcome = { stored: 0, errors: [] };
      const requests: AnalyzeRequest[] = [];
      const articles: Article[] = [];
      for (const got of await readFeedItem(item, deps.ingest)) {
        if (!got.ok) {
          result.errors.push(got.error.message);
          continue;
        }
        const { article } = got;
        const { id: _id, ref, ...fields } = article;
        const record = JSON.stringify({ ...fields, id: ref });
        articles.push(article);
        requests.push({ input: { name: ref ?? article.id, content: `${record}\n`, kind: 'jsonl' }, replace: false, verbatim: true, fetchTimeoutMs: deps.ingest.timeoutMs, maxBytes: deps.ingest.maxBytes, publicOnly: deps.ingest.publicOnly ?? true });
      }
      // Queued in the feed's order; throws when the queue cannot take them: the item is not remembered and comes again.
      return async () => {
        const ids = requests.length ? await deps.enqueue(requests) : [];
        ids.forEach((id, k) => deps.onQueued?.(id, articles[k]!));
        return result;
      };
    },
    async settle() {},
  };
}
