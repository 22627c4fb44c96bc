/**
 * `npm run eval -- html [DIR GOLD]`: main-text extraction on ../shared/eval/html-main-text.
 *
 * gold.json maps a page URL to {file, with: [...], without: [...], comments?: [...], title?, date?}.
 * Per segment: a `with` found is a TP, a `with` missing an FN, a `without` found an FP. Reader
 * comments are not the article (a ledger of claims must not take a commenter's words for the
 * story's), so `comments` segments count as `without`; the figures without them are printed too.
 * The project's path (decode + extractHtml + cleaning, through ingest()) is scored against
 * Readability alone over linkedom, the baseline it improves on. HTML_EVAL_VERBOSE=1 adds the
 * counts of every page.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { loadRules } from '../ingest/clean.js';
import { blockText, decodeCharset } from '../ingest/html.js';
import { ingest } from '../ingest/index.js';
import { normalizeDate } from '../ingest/source.js';
import { prf, printTable, sharedPath } from './shared.js';

interface GoldPage {
  file: string;
  with: string[];
  without: string[];
  comments?: string[];
  title?: string;
  date?: string;
}

interface Extracted {
  text: string | null;
  title: string | null;
  published: string | null;
  ms: number;
}

interface Counts {
  tp: number;
  fn: number;
  fp: number;
}

/** Whitespace, quotes, dashes and invisible characters do not decide whether a segment is there. */
export function normalizeForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function score(text: string | null, page: GoldPage, withComments: boolean): Counts {
  const have = text === null ? '' : normalizeForMatch(text);
  const found = (seg: string) => {
    const s = normalizeForMatch(seg);
    return s.length > 0 && have.includes(s);
  };
  const without = withComments ? [...page.without, ...(page.comments ?? [])] : page.without;
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const seg of page.with) {
    if (!normalizeForMatch(seg)) continue;
    if (found(seg)) tp++;
    else fn++;
  }
  for (const seg of without) if (found(seg)) fp++;
  return { tp, fn, fp };
}

async function ours(path: string, rules: ReturnType<typeof loadRules>): Promise<Extracted> {
  const t0 = performance.now();
  for await (const got of ingest([path], { verbatim: false, timeoutMs: 0, maxBytes: 50 << 20, rules })) {
    const ms = performance.now() - t0;
    if (!got.ok) return { text: null, title: null, published: null, ms };
    return { text: got.article.text, title: got.article.title, published: got.article.published, ms };
  }
  return { text: null, title: null, published: null, ms: performance.now() - t0 };
}

/** Readability alone: its title line, then its content as blank-line-separated blocks. */
function baseline(html: string): Extracted {
  const t0 = performance.now();
  const { document } = parseHTML(html);
  const parsed = new Readability(document, { serializer: (node: Node) => node }).parse();
  const body = parsed?.content ? blockText(parsed.content) : '';
  const title = parsed?.title?.trim() || null;
  const text = body.trim() ? (title ? `${title}\n\n${body}` : body) : null;
  return { text, title, published: normalizeDate(parsed?.publishedTime), ms: performance.now() - t0 };
}

/** The page as a browser would decode it, for the baseline: its declared charset, else UTF-8 (all but one of the set are). */
function decode(buf: Buffer): string {
  const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(buf.subarray(0, 4096).toString('latin1'))?.[1];
  try {
    return decodeCharset(buf, declared ?? 'utf-8');
  } catch {
    return buf.toString('utf8');
  }
}

interface SystemResult {
  name: string;
  pages: { file: string; strict: Counts; loose: Counts; ms: number; ok: boolean; titleOk: boolean | null; dateOk: boolean | null }[];
}

function summarise(r: SystemResult, which: 'strict' | 'loose'): (string | number)[] {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let perPage = 0;
  for (const p of r.pages) {
    const c = p[which];
    tp += c.tp;
    fn += c.fn;
    fp += c.fp;
    perPage += prf(c.tp, c.fp, c.fn).f1;
  }
  const s = prf(tp, fp, fn);
  return [r.name, tp, fp, fn, s.precision, s.recall, s.f1, perPage / r.pages.length];
}

function sameTitle(got: string | null, gold: string): boolean {
  if (!got) return false;
  const a = normalizeForMatch(got).toLowerCase();
  const b = normalizeForMatch(gold).toLowerCase();
  return a === b;
}

export async function run(args: string[]): Promise<void> {
  const dir = args[0] ? resolve(args[0]) : sharedPath('eval/html-main-text/html');
  const goldPath = args[1] ? resolve(args[1]) : sharedPath('eval/html-main-text/gold.json');
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<string, GoldPage>;
  const rules = loadRules();
  const systems: SystemResult[] = [
    { name: 'readability alone', pages: [] },
    { name: 'claimtrail', pages: [] },
  ];
  const entries = Object.values(gold);
  // Warm the JIT on a few pages so that the first pages' timings are not compile time.
  for (const page of entries.slice(0, 5)) {
    const path = join(dir, page.file);
    baseline(decode(readFileSync(path)));
    await ours(path, rules);
  }
  for (const page of entries) {
    const path = join(dir, page.file);
    const results = [baseline(decode(readFileSync(path))), await ours(path, rules)];
    results.forEach((got, i) => {
      systems[i]!.pages.push({
        file: page.file,
        strict: score(got.text, page, true),
        loose: score(got.text, page, false),
        ms: got.ms,
        ok: got.text !== null,
        titleOk: page.title ? sameTitle(got.title, page.title) : null,
        dateOk: page.date ? got.published?.slice(0, 10) === page.date : null,
      });
    });
  }

  const header = ['system', 'TP', 'FP', 'FN', 'P', 'R', 'F1', 'page F1'];
  console.log(`html main text: ${entries.length} pages from ${dir}\n`);
  console.log('segments: with + without + comments (reader comments must not appear)');
  printTable(header, systems.map((s) => summarise(s, 'strict')));
  console.log('\nsegments: with + without only (comments ignored, as in the public benchmark)');
  printTable(header, systems.map((s) => summarise(s, 'loose')));

  console.log('');
  const rate = (xs: (boolean | null)[]) => {
    const known = xs.filter((x) => x !== null);
    return `${known.filter(Boolean).length}/${known.length}`;
  };
  printTable(
    ['system', 'failed', 'titles', 'dates', 'total s', 'pages/s'],
    systems.map((s) => {
      const ms = s.pages.reduce((n, p) => n + p.ms, 0);
      return [
        s.name,
        s.pages.filter((p) => !p.ok).length,
        rate(s.pages.map((p) => p.titleOk)),
        rate(s.pages.map((p) => p.dateOk)),
        (ms / 1000).toFixed(2),
        (s.pages.length / (ms / 1000)).toFixed(1),
      ];
    }),
  );
  console.log('titles: equal to the gold title (case, whitespace, quotes, dashes aside); dates: gold day = the day the page gives (its own clock and offset)');
  console.log('claimtrail times the whole ingest path per file (read, decode, extract, clean); readability alone parse + parse()');
  const mine = systems[1]!;
  const failed = mine.pages.filter((p) => !p.ok).map((p) => p.file);
  if (failed.length) console.log(`\nfailed (no text): ${failed.join(', ')}`);
  const slowest = [...mine.pages].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`slowest: ${slowest.map((p) => `${p.file} ${p.ms.toFixed(0)} ms`).join(', ')}`);
  if (process.env.HTML_EVAL_VERBOSE) {
    for (const p of mine.pages) {
      const b = systems[0]!.pages.find((x) => x.file === p.file)!;
      console.log(`${p.file}\tours tp ${p.strict.tp} fn ${p.strict.fn} fp ${p.strict.fp}\tbase tp ${b.strict.tp} fn ${b.strict.fn} fp ${b.strict.fp}`);
    }
  }
}
