import type { Command } from 'commander';
import { formatDate } from '../../doc/dates.js';
import { quoted, stanceLabel } from '../../doc/display.js';
import { clip, digest } from '../digest.js';
import { NotFoundError } from '../../errors.js';
import { err, openStore, out, positiveNumber } from '../shared.js';

export function registerArticles(program: Command): void {
  program
    .command('articles')
    .description('list stored articles, most recently published first (≡ marks one with near-duplicate copies)')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('-q, --query <words>', 'only articles whose title or text contain these words')
    .option('--limit <n>', 'how many', positiveNumber('--limit'), 50)
    .option('--json', 'one JSON object per line')
    .action(async (options: { db?: string; query?: string; limit: number; json?: boolean }) => {
      const store = await openStore(options.db);
      try {
        const page = await store.articles.listArticles({ limit: options.limit, q: options.query });
        for (const a of page.items) {
          out(options.json ? JSON.stringify(a) : `${a.id}  ${(a.published?.slice(0, 10) ?? 'undated').padEnd(10)} ${a.duplicateGroup ? '≡' : ' '} ${clip(a.title ?? '(untitled)', 70)}  ${a.source ?? a.ref ?? ''}`);
        }
        if (!options.json) {
          const total = await store.articles.countArticles();
          err(`${page.items.length} of ${total} articles in ${store.path}`);
        }
      } finally {
        await store.close();
      }
    });

  program
    .command('show')
    .description('one stored article with its layers')
    .argument('<id>', 'article id (or a unique prefix of one, or its ref)')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--json', 'the analysis as JSON (schema/analysis.schema.json)')
    .option('--explain', 'say which rule produced each claim and event')
    .action(async (id: string, options: { db?: string; json?: boolean; explain?: boolean }) => {
      const store = await openStore(options.db);
      try {
        const analysis = await store.articles.getAnalysis(id);
        if (!analysis) throw new NotFoundError(`no article "${id}" in ${store.path} (see claimtrail articles)`);
        if (options.json) {
          out(JSON.stringify(analysis));
          return;
        }
        out(digest(analysis));
        out('');
        out(analysis.article.text);
        if (analysis.claims.length) out('\nclaims:');
        const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
        for (const c of analysis.claims) {
          const who = (c.speaker?.entity && names.get(c.speaker.entity)) ?? c.speaker?.text ?? 'unattributed';
          const via = c.via ? ` via ${c.via.text}` : '';
          out(`  ${c.id} ${who}${via} · ${c.cue?.text ?? '—'} · ${stanceLabel(c)} · ${c.kind}${c.said ? ` · said ${formatDate(c.said)}` : ''}`);
          out(`     ${quoted(clip(c.content.text, 160))}`);
          if (options.explain && c.explain) out(`     rule: ${c.explain.rule}${c.explain.detail ? ` (${c.explain.detail})` : ''}`);
        }
        if (analysis.events.length) out('\nevents:');
        for (const e of analysis.events) {
          const parts = [e.actor && `actor ${names.get(e.actor) ?? e.actor}`, e.target && `target ${names.get(e.target) ?? e.target}`, e.place && `place ${names.get(e.place) ?? e.place}`, e.time && `time ${formatDate(e.time)}`, e.quantity !== null && `quantity ${e.quantity}`].filter(Boolean);
          out(`  ${e.id} ${e.type} “${e.trigger.text}” · ${e.status}${parts.length ? ` · ${parts.join(' · ')}` : ''}`);
          if (options.explain && e.explain) out(`     rule: ${e.explain.rule}${e.explain.detail ? ` (${e.explain.detail})` : ''}`);
        }
      } finally {
        await store.close();
      }
    });
}
