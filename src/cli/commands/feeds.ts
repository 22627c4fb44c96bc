import type { Command } from 'commander';
import type { WatchedFeed } from '../../contract/index.js';
import { NotFoundError } from '../../errors.js';
import { err, openStore, out } from '../shared.js';

const DB = ['--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)'] as const;

export function registerFeeds(program: Command): void {
  const feeds = program
    .command('feeds')
    .description('list the feeds claimtrail watch follows: their state and last errors')
    .option(...DB)
    .option('--json', 'one JSON object per line')
    .action(async (options: { db?: string; json?: boolean }) => {
      const store = await openStore(options.db);
      try {
        const list = await store.feeds.list();
        for (const f of list) out(options.json ? JSON.stringify(f) : describe(f));
        if (!options.json) err(`${list.length} feed${list.length === 1 ? '' : 's'} watched in ${store.path}${list.length ? '' : ' (add them with claimtrail watch URL…)'}`);
      } finally {
        await store.close();
      }
    });

  feeds
    .command('remove')
    .description('stop watching a feed and forget which items it had (its stored articles stay)')
    .argument('<url>', 'the feed URL, as `claimtrail feeds` lists it')
    .option(...DB)
    // `feeds remove URL --db PATH` leaves --db to `feeds`, which reads options after its subcommand too.
    .action(async (url: string, _options: unknown, command: Command) => {
      const store = await openStore(command.optsWithGlobals<{ db?: string }>().db);
      try {
        if (!(await store.feeds.remove(url))) throw new NotFoundError(`no watched feed "${url}" in ${store.path} (see claimtrail feeds)`);
        err(`stopped watching ${url}`);
      } finally {
        await store.close();
      }
    });
}

/** One feed in a few lines: its state, totals and last error. */
function describe(f: WatchedFeed): string {
  const state = f.lastPolled === null ? 'new' : f.failures ? `failing (${f.failures} in a row)` : 'ok';
  const lines = [`${f.url}${f.title ? `  “${f.title}”` : ''}`];
  const polled = f.lastPolled === null ? 'never polled' : `polled ${instant(f.lastPolled)} (${f.lastStatus ?? 'no answer'})`;
  lines.push(`  ${state} · ${polled}${f.nextPoll ? ` · next ${instant(f.nextPoll)}` : ''} · ${f.itemsSeen} items · ${f.articlesStored} articles stored`);
  if (f.lastError) lines.push(`  last error ${instant(f.lastError.at)}: ${f.lastError.message}`);
  return lines.join('\n');
}

/** An instant to the second, UTC: 2026-12-04 10:20:05Z. */
function instant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}
