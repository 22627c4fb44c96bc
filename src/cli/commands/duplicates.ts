import type { Command } from 'commander';
import type { DuplicateGroup } from '../../contract/index.js';
import { formatDate } from '../../doc/dates.js';
import { allItems } from '../../store/page.js';
import { clip } from '../digest.js';
import { openStore, out, positiveNumber } from '../shared.js';
import { refreshInOrder } from '../refresh.js';

export function registerDuplicates(program: Command): void {
  program
    .command('duplicates')
    .description('groups of near-duplicate articles (syndicated copies, reposts): each group counts once in contradictions and stories')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--limit <n>', 'at most this many groups', positiveNumber('--limit'))
    .option('--json', 'one JSON object per line: {id, articles: [{id, title, source, published}]}')
    .action(async (options: { db?: string; limit?: number; json?: boolean }) => {
      const store = await openStore(options.db);
      try {
        await refreshInOrder(store, options.db);
        let n = 0;
        for await (const g of allItems((cursor) => store.analysis.duplicateGroups({ cursor, limit: 200 }), options.limit)) {
          out(options.json ? JSON.stringify(g) : readable(g));
          n++;
        }
        if (!options.json) process.stderr.write(`${n} near-duplicate group${n === 1 ? '' : 's'} in ${store.path}\n`);
      } finally {
        await store.close();
      }
    });
}

function readable(g: DuplicateGroup): string {
  const lines = [`${g.id}  ${g.articles.length} copies`];
  for (const a of g.articles) lines.push(`  ${a.id}  ${formatDate(a.published).padEnd(12)}  ${clip(a.title ?? '(untitled)', 70)}  ${a.source ?? ''}`.trimEnd());
  return `${lines.join('\n')}\n`;
}
