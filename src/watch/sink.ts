import { createHash } from 'node:crypto';
import { analyzeIngested, type Outcome } from '../analyze.js';
import type { Pipeline } from '../annotate/pipeline.js';
import { ingestFeedItem, type Ingested, type IngestOptions } from '../ingest/index.js';
import type { FeedItem } from '../ingest/feed.js';
import type { Article } from '../doc/types.js';
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
 * What the watcher does with each new item: analyse and store it here (analyzeSink), or hand it
 * to a job queue. Throwing means the item was not handled: it is not remembered, and the next
 * poll brings it again. An error with code "unwritable" stops the watcher.
 */
export interface ItemSink {
  accept(item: NewItem): Promise<ItemOutcome>;
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
  pipeline: Pipeline;
  /** How items (and the links of summary-only items) are read. */
  ingest: IngestOptions;
  /** The cross-article refresh (src/analysis refreshAnalysis; the CLI's stops before a job queue's unfinished jobs). */
  refresh: (store: Store) => Promise<unknown>;
  /** Sees each article's outcome (the CLI prints it). */
  onOutcome?: (outcome: Outcome, item: NewItem) => void;
}

/**
 * The sink that analyses and stores items in this process. Reading an item (fetching its link)
 * runs alongside other feeds' polls; analysing, storing and the cross-article refresh run one at
 * a time.
 */
export function analyzeSink(deps: AnalyzeSinkDeps): ItemSink {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  let dirty = false;
  return {
    async accept(item) {
      const articles = await readFeedItem(item, deps.ingest);
      return serial(async () => {
        const result: ItemOutcome = { stored: 0, errors: [] };
        for await (const outcome of analyzeIngested(articles, { pipeline: deps.pipeline, store: deps.store })) {
          deps.onOutcome?.(outcome, item);
          if (!outcome.ok) {
            if (outcome.fatal) throw outcome.error;
            result.errors.push(outcome.error.message);
          } else if (outcome.status !== 'duplicate') {
            result.stored++;
            dirty = true;
          }
        }
        return result;
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
    async accept(item) {
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
      // Throws when the queue cannot take them: the item is not remembered and comes again.
      const ids = requests.length ? await deps.enqueue(requests) : [];
      ids.forEach((id, k) => deps.onQueued?.(id, articles[k]!));
      return result;
    },
    async settle() {},
  };
}
