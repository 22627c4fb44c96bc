import type { Command } from 'commander';
import { claimDate, INFERRED_NOTE, quoted, stanceLabel } from '../../doc/display.js';
import type { ClaimItem, Page } from '../../contract/index.js';
import { STANCES, type Stance } from '../../contract/values.js';
import { NotFoundError } from '../../errors.js';
import { clip } from '../digest.js';
import { datePrefix, err, openStore, out, positiveNumber, UsageError } from '../shared.js';

function stance(value: string): Stance {
  if (!(STANCES as readonly string[]).includes(value)) throw new UsageError(`--stance must be one of ${STANCES.join(', ')}, got "${value}"`);
  return value as Stance;
}

interface ClaimsOptions {
  db?: string;
  speaker?: string;
  stance?: Stance;
  about?: string;
  from?: string;
  to?: string;
  query?: string;
  article?: string;
  limit: number;
  json?: boolean;
}

export function registerClaims(program: Command): void {
  program
    .command('claims')
    .description('the claim ledger across the store, newest first')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--speaker <name>', 'entity id, or words of the speaker’s name')
    .option('--stance <stance>', `only this stance (${STANCES.join(', ')})`, stance)
    .option('--about <text>', 'claims whose content mentions an entity of this name or holds these words')
    .option('--from <date>', 'said (else published) on or after this date', datePrefix('--from'))
    .option('--to <date>', 'said (else published) on or before this date', datePrefix('--to'))
    .option('-q, --query <words>', 'full-text words over speaker and content')
    .option('--article <id>', 'only claims of this article (id, unique prefix or ref)')
    .option('--limit <n>', 'how many', positiveNumber('--limit'), 50)
    .option('--json', 'one JSON object per line')
    .action(async (options: ClaimsOptions) => {
      const store = await openStore(options.db);
      try {
        let article: string | undefined;
        if (options.article) {
          article = (await store.articles.resolveArticleId(options.article)) ?? undefined;
          if (!article) throw new NotFoundError(`no article "${options.article}" in ${store.path} (see claimtrail articles)`);
        }
        const filters = { speaker: options.speaker, stance: options.stance, about: options.about, from: options.from, to: options.to, q: options.query, article };
        let cursor: string | null = null;
        let shown = 0;
        let inferred = false;
        do {
          const page: Page<ClaimItem> = await store.corpus.listClaims({ ...filters, limit: Math.min(500, options.limit - shown), cursor });
          for (const c of page.items) {
            if (options.json) {
              out(JSON.stringify(c));
              continue;
            }
            const when = claimDate(c);
            inferred ||= when.inferred;
            out(`${c.speaker?.name ?? 'unattributed'}${c.via ? ` via ${c.via.name}` : ''} · ${c.cue ?? '—'} · ${stanceLabel(c)} · ${when.text}`);
            out(`   ${quoted(clip(c.content, 150))}`);
            out(`   ${c.article.slice(0, 8)} ${c.claim}  ${clip(c.title ?? '', 70)}`);
          }
          shown += page.items.length;
          cursor = page.next;
        } while (cursor && shown < options.limit);
        if (inferred && !options.json) err(INFERRED_NOTE);
        if (!options.json) err(`${shown} claims in ${store.path}`);
      } finally {
        await store.close();
      }
    });
}
