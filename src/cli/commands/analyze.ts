import type { Command } from 'commander';
import { createPipeline } from '../../annotate/index.js';
import { countWords } from '../../doc/doc.js';
import { estimateCount, ingest } from '../../ingest/index.js';
import { loadRules } from '../../ingest/clean.js';
import type { SaveStatus, Store } from '../../store/store.js';
import { digest } from '../digest.js';
import { Progress } from '../progress.js';
import { collect, openStore, out, positiveNumber } from '../shared.js';

interface AnalyzeOptions {
  json?: boolean;
  db?: string;
  store: boolean;
  verbatim?: boolean;
  boilerplate?: string[];
  gazetteer?: string[];
  timeout: number;
  maxSize: number;
  reanalyze?: boolean;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('read articles (files, directories, URLs, feeds, JSONL, - for stdin), analyse and store them')
    .argument('<inputs...>', 'text, HTML, JSONL or RSS/Atom files, directories, http(s) URLs, or - for stdin')
    .option('--json', 'print one JSON analysis per article per line (schema/analysis.schema.json)')
    .option('--db <path>', 'database file (default: $CLAIMTRAIL_DB or ./claimtrail.db)')
    .option('--no-store', 'analyse without writing to the database')
    .option('--verbatim', "keep text and JSONL inputs' text exactly as given (no cleaning)")
    .option('--boilerplate <file>', 'extra boilerplate rules (see data/boilerplate.txt); repeatable', collect)
    .option('--gazetteer <file>', 'extra gazetteer entries (see docs/gazetteer.md); repeatable', collect)
    .option('--timeout <seconds>', 'give up on a URL after this long', positiveNumber('--timeout'), 20)
    .option('--max-size <MB>', 'largest article accepted, in megabytes', positiveNumber('--max-size'), 10)
    .option('--reanalyze', 'replace the stored analysis of articles already in the database')
    .action(async (inputs: string[], options: AnalyzeOptions) => {
      process.exitCode = await analyze(inputs, options);
    });
}

interface Counts {
  read: number;
  new: number;
  duplicates: number;
  replaced: number;
  failed: number;
  words: number;
}

async function analyze(inputs: string[], options: AnalyzeOptions): Promise<number> {
  const rules = loadRules(options.boilerplate);
  const pipeline = await createPipeline({ gazetteers: options.gazetteer ?? [] });
  const store: Store | null = options.store ? await openStore(options.db) : null;
  const progress = new Progress();
  const total = progress.enabled ? await estimateCount(inputs) : undefined;
  const counts: Counts = { read: 0, new: 0, duplicates: 0, replaced: 0, failed: 0, words: 0 };
  const started = performance.now();
  try {
    const items = ingest(inputs, { verbatim: Boolean(options.verbatim), timeoutMs: options.timeout * 1000, maxBytes: options.maxSize * 1024 * 1024, rules });
    for await (const item of items) {
      if (!item.ok) {
        counts.failed++;
        progress.clear();
        process.stderr.write(`error: ${item.error.message}\n`);
        continue;
      }
      counts.read++;
      counts.words += countWords(item.article.text);
      let analysis;
      let status: SaveStatus | null = null;
      try {
        analysis = pipeline.analyze(item.article);
        if (store) status = await store.save(analysis, { replace: Boolean(options.reanalyze) });
      } catch (e) {
        counts.failed++;
        progress.clear();
        process.stderr.write(`error: ${item.article.ref ?? item.article.id}: analysis failed (${(e as Error).message})\n`);
        continue;
      }
      if (status === 'duplicate') counts.duplicates++;
      else if (status === 'replaced') counts.replaced++;
      else counts.new++;
      progress.clear();
      out(options.json ? JSON.stringify(analysis) : `${digest(analysis, status === 'duplicate' ? 'already stored' : undefined)}\n`);
      progress.update(counts.read + counts.failed, counts.words, counts.failed, total);
    }
  } finally {
    progress.clear();
    await store?.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(counts.words / Math.max(seconds, 1e-3)).toLocaleString('en-US');
  const stored = store ? ` · new ${counts.new} · duplicates ${counts.duplicates}${counts.replaced ? ` · replaced ${counts.replaced}` : ''}` : ' · not stored';
  process.stderr.write(
    `read ${counts.read}${stored} · failed ${counts.failed} · ${counts.words.toLocaleString('en-US')} words in ${seconds.toFixed(2)} s (${rate} words/s)${store ? ` · ${store.path}` : ''}\n`,
  );
  return counts.failed ? 1 : 0;
}
