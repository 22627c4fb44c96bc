/**
 * `npm run eval -- time [timebank|aquaint|all] [--errors]`: the times layer on TempEval-3
 * TimeBank and AQUAINT (../shared/eval/tempeval3), scored as TempEval-3 scores timexes:
 *
 * - relaxed extent: a system and a gold timex match when their spans overlap (one-to-one,
 *   largest overlap first); strict extent: identical spans;
 * - attribute F1 (value, type): a system timex counts when it matches a gold timex by relaxed
 *   extent and the attribute is equal; P over system timexes, R over gold timexes.
 *
 * Each text runs through the real pipeline component with `article.published` = the record's
 * DCT. The DCT's own timex (functionInDocument CREATION_TIME) is document metadata outside the
 * text and is not scored; datelines inside the text ("WASHINGTON, August 8 (Xinhua)",
 * PUBLICATION_TIME) are scored like any other timex.
 */
import { createPipeline } from '../annotate/index.js';
import type { Article, TimeExpression } from '../doc/types.js';
import { codePointToUtf16, prf, printTable, readJsonl, sharedPath, type Scores } from './shared.js';
import { UsageError } from '../errors.js';

interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  functionInDocument?: string;
}

interface TempEvalRecord {
  id: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

export interface Counts {
  gold: number;
  system: number;
  relaxed: number;
  strict: number;
  value: number;
  type: number;
}

export const CORPORA = ['timebank', 'aquaint'] as const;
export type Corpus = (typeof CORPORA)[number];

export async function run(args: string[]): Promise<void> {
  const showErrors = args.includes('--errors');
  const which = args.find((a) => !a.startsWith('--')) ?? 'all';
  if (which !== 'all' && !(CORPORA as readonly string[]).includes(which)) {
    throw new UsageError(`eval time: unknown corpus "${which}" (timebank, aquaint or all)`);
  }
  const corpora = which === 'all' ? [...CORPORA] : [which as Corpus];
  const rows: (string | number)[][] = [];
  const total = zero();
  for (const corpus of corpora) {
    const counts = await measure(corpus, showErrors ? (line) => console.log(line) : null);
    rows.push(row(corpus, counts));
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += counts[k];
  }
  if (corpora.length > 1) rows.push(row('combined', total));
  printTable(['corpus', 'gold', 'system', 'relaxed P', 'R', 'F1', 'strict P', 'R', 'F1', 'value F1', 'type F1'], rows);
}

/** Counts of one corpus; `report` receives each miss, extra and wrong value when given. */
export async function measure(corpus: Corpus, report: ((line: string) => void) | null = null): Promise<Counts> {
  const pipeline = await createPipeline({ layers: ['times'] });
  const counts = zero();
  for (const record of readJsonl<TempEvalRecord>(sharedPath(`eval/tempeval3/${corpus}.jsonl`))) {
    const article: Article = { id: record.id, title: null, published: record.dct, source: null, url: null, language: 'en', text: record.text, ref: record.id };
    const system = pipeline.process(article).times;
    const toUtf16 = codePointToUtf16(record.text);
    const gold = record.timexes
      .filter((g) => g.functionInDocument !== 'CREATION_TIME')
      .map((g) => ({ ...g, start: toUtf16(g.start), end: toUtf16(g.end) }));
    score(gold, system, counts, report && ((line) => report(`${record.id} (dct ${record.dct}) ${line}`)), record.text);
  }
  return counts;
}

export function zero(): Counts {
  return { gold: 0, system: 0, relaxed: 0, strict: 0, value: 0, type: 0 };
}

/** Relaxed, strict, value and type scores from counts. */
export function measures(c: Counts): { relaxed: Scores; strict: Scores; value: Scores; type: Scores } {
  const of = (k: number) => prf(k, c.system - k, c.gold - k);
  return { relaxed: of(c.relaxed), strict: of(c.strict), value: of(c.value), type: of(c.type) };
}

function row(name: string, c: Counts): (string | number)[] {
  const { relaxed, strict, value, type } = measures(c);
  return [name, c.gold, c.system, relaxed.precision, relaxed.recall, relaxed.f1, strict.precision, strict.recall, strict.f1, value.f1, type.f1];
}

/** Pair system and gold timexes one-to-one by largest overlap, then count. */
function score(gold: GoldTimex[], system: TimeExpression[], c: Counts, report: ((line: string) => void) | null, text: string): void {
  c.gold += gold.length;
  c.system += system.length;
  const pairs: { s: number; g: number; overlap: number }[] = [];
  for (let s = 0; s < system.length; s++) {
    for (let g = 0; g < gold.length; g++) {
      const overlap = Math.min(system[s]!.end, gold[g]!.end) - Math.max(system[s]!.start, gold[g]!.start);
      if (overlap > 0) pairs.push({ s, g, overlap });
    }
  }
  pairs.sort((a, b) => b.overlap - a.overlap);
  const usedS = new Set<number>();
  const usedG = new Set<number>();
  for (const { s, g } of pairs) {
    if (usedS.has(s) || usedG.has(g)) continue;
    usedS.add(s);
    usedG.add(g);
    const sys = system[s]!;
    const gt = gold[g]!;
    c.relaxed++;
    if (sys.start === gt.start && sys.end === gt.end) c.strict++;
    if (sys.value === gt.value) c.value++;
    else report?.(`VALUE  "${sys.text}" ${sys.value} ≠ gold "${gt.text}" ${gt.value}  …${context(text, gt.start, gt.end)}…`);
    if (sys.type === gt.type) c.type++;
  }
  if (!report) return;
  gold.forEach((g, k) => usedG.has(k) || report(`MISS   "${g.text}" ${g.type} ${g.value}  …${context(text, g.start, g.end)}…`));
  system.forEach((s, k) => usedS.has(k) || report(`EXTRA  "${s.text}" ${s.type} ${s.value}  …${context(text, s.start, s.end)}…`));
}

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 40), start)}[${text.slice(start, end)}]${text.slice(end, end + 30)}`.replace(/\s+/g, ' ');
}
