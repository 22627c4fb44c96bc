import type { Command } from 'commander';
import type { ClaimRef, Contradiction } from '../../contract/index.js';
import { claimDate, INFERRED_NOTE, quoted, sideHead } from '../../doc/display.js';
import { clip } from '../digest.js';
import { allItems } from '../../store/page.js';
import { err, openStore, out, positiveNumber } from '../shared.js';
import { refreshInOrder } from '../refresh.js';

interface Options {
  db?: string;
  json?: boolean;
  about?: string;
  limit?: number;
}

export function registerContradictions(program: Command): void {
  program
    .command('contradictions')
    .description('claims that disagree across the stored articles: who says what on each side, and when')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--about <text>', 'only contradictions whose subject, speakers or claims contain this text')
    .option('--limit <n>', 'at most this many', positiveNumber('--limit'))
    .option('--json', 'one JSON object per line: {id, about, kind, sides: [{stance, claims: [{article, claim, speaker, content, said}]}], why}')
    .action(async (options: Options) => {
      const store = await openStore(options.db);
      try {
        await refreshInOrder(store, options.db);
        let n = 0;
        let inferred = false;
        for await (const x of allItems((cursor) => store.analysis.listContradictions({ cursor, about: options.about, limit: 200 }), options.limit)) {
          out(options.json ? JSON.stringify(x) : readable(x));
          inferred ||= x.sides.some((s) => s.claims.some((c) => !c.said && c.published));
          n++;
        }
        if (inferred && !options.json) process.stderr.write(`${INFERRED_NOTE}\n`);
        if (!options.json) {
          const counts = await store.analysis.counts();
          err(
            `${n} contradictions shown · ${counts.contradictions} in ${counts.propositions} propositions (${counts.crossArticlePropositions} across articles) · ${counts.stories} stories · ${counts.duplicateGroups} near-duplicate groups (${counts.articlesInDuplicateGroups} articles) · ${counts.articles} articles`,
          );
        }
      } finally {
        await store.close();
      }
    });
}

/** Claims shown per side; --json has them all. */
const SHOWN = 4;

function readable(x: Contradiction): string {
  const lines = [`${x.id}  ${x.about}  (${x.kind})`, ...x.why.map((w) => `  why: ${w}`)];
  for (const side of x.sides) {
    const head = sideHead(x.kind, side);
    lines.push(`  ${head === null ? (side.stance === 'assert' ? 'affirm' : 'deny or contradict') : x.kind === 'blame' ? head : `says ${head}`}:`);
    for (const c of side.claims.slice(0, SHOWN)) lines.push(`    ${claimLine(c)}`);
    if (side.claims.length > SHOWN) lines.push(`    … and ${side.claims.length - SHOWN} more (--json for all)`);
  }
  return `${lines.join('\n')}\n`;
}

/** One claim on one line: date (≈ when inferred, see INFERRED_NOTE), speaker, stance, content, outlet. */
export function claimLine(c: ClaimRef & { placed?: string | null }): string {
  const when = claimDate(c).text.padEnd(14);
  return `${when} ${c.speaker ?? 'unattributed'} [${c.stance}]: ${quoted(clip(c.content, 110))} · ${c.source ?? c.article.slice(0, 8)} ${c.claim}`;
}
