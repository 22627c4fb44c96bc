import type { Command } from 'commander';
import type { Story } from '../../contract/index.js';
import { INFERRED_NOTE } from '../../doc/display.js';
import { allItems } from '../../store/page.js';
import { err, openStore, out, positiveNumber } from '../shared.js';
import { refreshInOrder } from '../refresh.js';
import { claimLine } from './contradictions.js';

interface Options {
  db?: string;
  json?: boolean;
  about?: string;
  limit?: number;
}

export function registerStories(program: Command): void {
  program
    .command('stories')
    .description('claim stories: a claim reported, denied, confirmed … in the order the claims were made; repeats by other voices marked +')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--about <text>', 'only stories whose subject, speakers or claims contain this text')
    .option('--limit <n>', 'at most this many', positiveNumber('--limit'))
    .option('--json', 'one JSON object per line: {id, about, steps: [{stance, speaker, content, said, article, claim, repeat?}]}')
    .action(async (options: Options) => {
      const store = await openStore(options.db);
      try {
        await refreshInOrder(store, options.db);
        let n = 0;
        let inferred = false;
        for await (const s of allItems((cursor) => store.analysis.listStories({ cursor, about: options.about, limit: 200 }), options.limit)) {
          out(options.json ? JSON.stringify(s) : readable(s));
          inferred ||= s.steps.some((step) => !step.said && step.placed);
          n++;
        }
        if (inferred && !options.json) err(INFERRED_NOTE);
        if (!options.json) err(`${n} stories`);
      } finally {
        await store.close();
      }
    });
}

/** Turns numbered; a step that repeats what was said before indented under them. */
function readable(s: Story): string {
  let n = 0;
  const lines = s.steps.map((step) => (step.repeat ? `       + ${claimLine(step)}` : `  ${++n}. ${claimLine(step)}`));
  return `${[`${s.id}  ${s.about}`, ...lines].join('\n')}\n`;
}
