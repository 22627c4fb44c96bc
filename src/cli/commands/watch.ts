import type { Command } from 'commander';
import type { Store } from '../../store/store.js';
import type { WatchEvent } from '../../watch/watcher.js';
import { digest } from '../digest.js';
import { resolveDbPath } from '../../store/index.js';
import { collect, err, openStore, out, positiveNumber, threadCount, UsageError } from '../shared.js';
import { checkOptionFiles } from './analyze.js';

interface WatchFlags {
  every: string;
  once?: boolean;
  db?: string;
  concurrency: number;
  timeout: number;
  maxSize: number;
  boilerplate?: string[];
  gazetteer?: string[];
  threads?: number;
  allowPrivateUrls?: boolean;
  queue?: string | true;
}

const HELP = `
Each feed is fetched with a conditional GET (If-None-Match / If-Modified-Since): an unchanged feed
answers 304 and costs nothing. Only items not seen before (by guid, else link) are analysed and
stored, as \`claimtrail analyze\` would; a summary-only item's link is fetched from a public address
only, unless --allow-private-urls. A feed that fails is polled less often while it fails (up to
every 6 h). Ctrl-C (SIGINT) or SIGTERM stops after the items under way.

Examples:
  claimtrail watch https://example.org/world.rss https://example.net/atom.xml --every 15m
  claimtrail watch --once            poll every watched feed once (from cron), then exit
  claimtrail feeds                   the watched feeds, their state and last errors`;

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds on a schedule and analyse and store each new item')
    .argument('[feeds...]', 'http(s) feed URLs to watch (added to the watched feeds); none: every watched feed')
    .option('--every <duration>', 'poll each feed this often: 30s, 10m, 2h …', '10m')
    .option('--once', 'poll each feed once and exit (status 1 when a feed or an item failed)')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--concurrency <n>', 'feeds polled at the same time, at most', positiveInteger('--concurrency'), 8)
    .option('--timeout <seconds>', 'give up on a feed or an item link after this long', positiveNumber('--timeout'), 20)
    .option('--max-size <MB>', 'largest feed or article accepted, in megabytes', positiveNumber('--max-size'), 10)
    .option('--boilerplate <file>', 'extra boilerplate rules (see data/boilerplate.txt); repeatable', collect)
    .option('--gazetteer <file>', 'extra gazetteer entries (see docs/gazetteer.md); repeatable', collect)
    .option('--threads <n>', "threads that analyse new items, several feeds' at once, while this one stores them (default: one per core but one, at least one; 0: this thread analyses)", threadCount)
    .option('--allow-private-urls', 'let item links reach loopback and private addresses (refused by default)')
    .option('--queue [url]', 'queue each new article for `claimtrail worker`s instead of analysing it here (the queue: this postgres:// URL, else $CLAIMTRAIL_QUEUE, else the database when it is on PostgreSQL)')
    .addHelpText('after', HELP)
    .action(async (urls: string[], flags: WatchFlags) => {
      process.exitCode = await watch(urls, flags);
    });
}

function positiveInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number of at least 1, got "${value}"`);
    return n;
  };
}

/** A feed URL as given, or a usage error naming it. */
function feedUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`feed "${value}" is not a URL (give an http(s) URL such as https://example.org/feed.xml)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`feed "${value}" is not an http(s) URL`);
  return value;
}

async function watch(args: string[], flags: WatchFlags): Promise<number> {
  // Loaded here, not at the top: the other commands start without the ingest and analysis stack.
  const [{ parseDuration, formatDuration }, { watchFeeds, pollOnce }, { analyzeSink, queueSink }, { createPipeline }, { AnalysisPool, defaultThreads }, { refreshInOrder }, { loadRules }, { readGazetteer }, { openQueue, resolveQueueUrl }] = await Promise.all([
    import('../../watch/schedule.js'),
    import('../../watch/watcher.js'),
    import('../../watch/sink.js'),
    import('../../annotate/index.js'),
    import('../../threads/analysis-pool.js'),
    import('../refresh.js'),
    import('../../ingest/clean.js'),
    import('../../annotate/entities/gazetteer.js'),
    import('../../queue/index.js'),
  ]);
  const intervalMs = parseDuration(flags.every, '--every');
  const given = [...new Set(args.map(feedUrl))];
  let queueUrl: string | null = null;
  if (flags.queue !== undefined) {
    const clash = [flags.gazetteer?.length && '--gazetteer', flags.threads !== undefined && '--threads'].filter(Boolean);
    if (clash.length) throw new UsageError(`--queue cannot go with ${clash.join(', ')}: queued articles are analysed by the workers (give --gazetteer and --threads to claimtrail worker)`);
    queueUrl = resolveQueueUrl(flags.queue === true ? undefined : flags.queue, resolveDbPath(flags.db));
    if (!queueUrl) throw new UsageError('--queue: no job queue: give --queue postgres://…, set CLAIMTRAIL_QUEUE, or use a PostgreSQL database with --db');
  }
  const rules = checkOptionFiles(flags, loadRules, readGazetteer);
  const threads = queueUrl ? 0 : (flags.threads ?? defaultThreads());
  // Its first thread starts with the first new item: a poll that brings none (most polls of a watcher run from cron)
  // loads no pipeline at all.
  const pool = threads > 0 ? new AnalysisPool(threads, { gazetteers: flags.gazetteer ?? [] }) : null;
  const store: Store = await openStore(flags.db).catch(async (e: unknown) => {
    await pool?.close();
    throw e;
  });
  const queue = queueUrl ? await openQueue(queueUrl, { connections: 1 }).catch(async (e: unknown) => {
    await store.close();
    throw e;
  }) : null;
  const stop = new AbortController();
  let signals = 0;
  const onSignal = () => {
    if (++signals > 1) process.exit(130);
    err('stopping after the items under way (again to quit at once)');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const now = new Date().toISOString();
    for (const url of given) await store.feeds.add(url, now);
    const urls = given.length ? given : (await store.feeds.list()).map((f) => f.url);
    if (!urls.length) throw new UsageError(`no feeds to watch: give their URLs (none are watched in ${store.path})`);
    const ingest = { verbatim: false, timeoutMs: flags.timeout * 1000, maxBytes: flags.maxSize * 1024 * 1024, publicOnly: !flags.allowPrivateUrls, rules };
    const sink = queue
      ? queueSink({ enqueue: (requests) => queue.enqueue(requests), ingest, onQueued: (id, article) => out(`queued ${id} ${article.ref ?? article.id}${article.title ? ` · ${article.title}` : ''}\n`) })
      : analyzeSink({
          store,
          pipeline: pool ?? (await createPipeline({ gazetteers: flags.gazetteer ?? [] })),
          ingest,
          refresh: (s) => refreshInOrder(s, flags.db),
          onOutcome: (o) => {
            if (o.ok) out(`${digest(o.analysis, o.status === 'duplicate' ? 'already stored' : undefined)}\n`);
          },
        });
    const failed = new Set<string>();
    const totals = { items: 0, stored: 0 };
    const options = {
      feeds: store.feeds,
      sink,
      intervalMs,
      concurrency: flags.concurrency,
      fetch: { timeoutMs: flags.timeout * 1000, maxBytes: flags.maxSize * 1024 * 1024 },
      onEvent: (e: WatchEvent) => {
        const time = new Date().toISOString().slice(11, 19);
        if (e.kind === 'refresh-failed') return err(`${time} error: the articles are stored, but the cross-article analysis failed (retried after the next ones): ${e.message}`);
        if (e.kind === 'removed') return err(`${time} ${e.url}: no longer watched (removed), not polled again`);
        if (e.kind === 'poll-failed') {
          failed.add(e.url);
          return err(`${time} error: ${e.url}: ${e.message}`);
        }
        const r = e.result;
        totals.items += r.items;
        totals.stored += r.stored;
        const next = flags.once ? '' : ` · next in ${formatDuration(r.nextPoll - Date.now())}`;
        if (r.error) {
          failed.add(r.url);
          return err(`${time} error: ${r.error} (${r.failures} in a row)${next}`);
        }
        for (const m of r.itemErrors) err(`${time} error: ${m}`);
        if (r.itemErrors.length) failed.add(r.url);
        const what = r.status === 304 ? 'not modified' : `${r.items} new item${r.items === 1 ? '' : 's'} · ${r.stored} stored${r.stopped ? ' · stopped, the rest next time' : ''}`;
        err(`${time} ${r.url}: ${r.status} ${what}${next}`);
      },
    };
    if (flags.once) {
      const results = await pollOnce(urls, options, stop.signal);
      err(`polled ${results.length} feed${results.length === 1 ? '' : 's'} · ${failed.size} failed · ${totals.items} new items · ${queue ? 'queued for the workers' : `${totals.stored} stored`} · ${store.path}`);
      return failed.size ? 1 : 0;
    }
    err(`watching ${urls.length} feed${urls.length === 1 ? '' : 's'} every ${formatDuration(intervalMs)} · ${store.path} · Ctrl-C stops`);
    await watchFeeds(urls, options, stop.signal);
    err(`stopped · ${totals.items} new items · ${queue ? 'queued for the workers' : `${totals.stored} stored`}`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await queue?.close();
    await pool?.close();
    await store.close();
  }
}
