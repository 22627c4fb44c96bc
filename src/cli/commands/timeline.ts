import type { Command } from 'commander';
import type { TimelineItem } from '../../contract/index.js';
import { formatDate, isDatePrefix } from '../../doc/dates.js';
import { eventSentence, quoted, stanceLabel } from '../../doc/display.js';
import { allItems } from '../../store/page.js';
import { clip } from '../digest.js';
import { err, openStore, out, positiveNumber, UsageError } from '../shared.js';
import { refreshInOrder } from '../refresh.js';

interface Options {
  db?: string;
  json?: boolean;
  entity?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export function registerTimeline(program: Command): void {
  program
    .command('timeline')
    .description('dated events and claims in date order, each with the articles it comes from')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--entity <name>', 'only what this entity (name, alias or id) takes part in')
    .option('--from <date>', 'from this date (2024, 2024-10 or 2024-10-05)')
    .option('--to <date>', 'up to and including this date')
    .option('--limit <n>', 'at most this many', positiveNumber('--limit'))
    .option('--json', 'one JSON object per line: {date, kind, …, sources: [{article, ref, title, source, published, url}]}')
    .action(async (options: Options) => {
      for (const name of ['from', 'to'] as const) {
        const v = options[name];
        if (v !== undefined && !isDatePrefix(v)) throw new UsageError(`--${name} must be a date like 2024, 2024-10 or 2024-10-05, got "${v}"`);
      }
      const store = await openStore(options.db);
      try {
        await refreshInOrder(store, options.db);
        let n = 0;
        const query = { entity: options.entity, from: options.from, to: options.to, limit: 500 };
        for await (const item of allItems((cursor) => store.analysis.timeline({ ...query, cursor }), options.limit)) {
          out(options.json ? JSON.stringify(item) : readable(item));
          n++;
        }
        if (!options.json) err(`${n} dated items`);
      } finally {
        await store.close();
      }
    });
}

function readable(item: TimelineItem): string {
  const sources = item.sources.map((s) => s.source ?? s.article.slice(0, 8)).join(', ');
  let what: string;
  if (item.kind === 'event') {
    what = `event  ${eventSentence({ type: item.type, trigger: item.trigger, actor: item.actor?.name ?? null, target: item.target?.name ?? null, place: item.place?.name ?? null, quantity: item.quantity, status: item.status })}`;
  } else {
    what = `claim  ${item.speaker ?? 'unattributed'} [${stanceLabel({ stance: item.stance, negated: item.negated === true })}]: ${quoted(clip(item.content, 100))}`;
  }
  return `${formatDate(item.date).padEnd(12)}  ${what} · ${sources}`;
}
