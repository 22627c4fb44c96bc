import type { Command } from 'commander';
import { allItems, refreshAnalysis, timeline, type TimelineItem } from '../../analysis/index.js';
import { formatDate } from '../../doc/dates.js';
import { eventSentence, quoted, stanceLabel } from '../../doc/display.js';
import { clip } from '../digest.js';
import { err, openStore, out, positiveNumber, UsageError } from '../shared.js';

interface Options {
  db?: string;
  json?: boolean;
  entity?: string;
  from?: string;
  to?: string;
  limit?: number;
}

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

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
        if (v !== undefined && !DATE.test(v)) throw new UsageError(`--${name} must be a date like 2024, 2024-10 or 2024-10-05, got "${v}"`);
      }
      const store = await openStore(options.db);
      try {
        await refreshAnalysis(store);
        let n = 0;
        const query = { entity: options.entity, from: options.from, to: options.to, limit: 500 };
        for await (const item of allItems((cursor) => timeline(store, { ...query, cursor }), options.limit)) {
          out(options.json ? JSON.stringify(item) : readable(item));
          n++;
        }
        if (!options.json) err(`${n} dated items`);
      } finally {
        await store.close();
      }
    });
}

interface Named {
  name: string;
}

function readable(item: TimelineItem): string {
  const sources = item.sources.map((s) => s.source ?? s.article.slice(0, 8)).join(', ');
  const name = (x: unknown) => (x && typeof x === 'object' && 'name' in x ? (x as Named).name : null);
  let what: string;
  if (item.kind === 'event') {
    const quantity = typeof item.quantity === 'number' ? item.quantity : null;
    what = `event  ${eventSentence({ type: String(item.type), trigger: String(item.trigger ?? item.type), actor: name(item.actor), target: name(item.target), place: name(item.place), quantity, status: String(item.status) })}`;
  } else {
    what = `claim  ${item.speaker ?? 'unattributed'} [${stanceLabel({ stance: String(item.stance), negated: item.negated === true })}]: ${quoted(clip(String(item.content), 100))}`;
  }
  return `${formatDate(item.date).padEnd(12)}  ${what} · ${sources}`;
}
