import type { Command } from 'commander';
import type { EntitySummary, Page } from '../../contract/index.js';
import { ENTITY_TYPES, type EntityType } from '../../contract/values.js';
import { err, openStore, out, positiveNumber, UsageError } from '../shared.js';

function entityType(value: string): EntityType {
  const t = value.toUpperCase();
  if (!(ENTITY_TYPES as readonly string[]).includes(t)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}, got "${value}"`);
  return t as EntityType;
}

export function registerEntities(program: Command): void {
  program
    .command('entities')
    .description('canonical entities across the store with mention counts, most mentioned first')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--type <type>', `only this type (${ENTITY_TYPES.join(', ')})`, entityType)
    .option('-q, --query <words>', 'only entities whose name contains these words')
    .option('--actors', 'leave out outlets and platforms (media, and the sources of stored articles)')
    .option('--limit <n>', 'how many', positiveNumber('--limit'), 50)
    .option('--json', 'one JSON object per line')
    .action(async (options: { db?: string; type?: EntityType; query?: string; actors?: boolean; limit: number; json?: boolean }) => {
      const store = await openStore(options.db);
      try {
        let cursor: string | null = null;
        let shown = 0;
        do {
          const page: Page<EntitySummary> = await store.corpus.listEntities({ type: options.type, q: options.query, role: options.actors ? 'actors' : undefined, limit: Math.min(500, options.limit - shown), cursor });
          for (const e of page.items) {
            out(options.json ? JSON.stringify(e) : `${String(e.mentions).padStart(6)}  ${e.type.padEnd(6)}  ${e.name}${e.kb ? `  ${e.kb}` : ''}  (${e.articles} article${e.articles === 1 ? '' : 's'})`);
          }
          shown += page.items.length;
          cursor = page.next;
        } while (cursor && shown < options.limit);
        if (!options.json) err(`${shown} entities in ${store.path}`);
      } finally {
        await store.close();
      }
    });
}
