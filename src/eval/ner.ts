/**
 * `npm run eval -- ner [--split dev|train] [--errors N]`: entity mentions on CoNLL-2003 (exact span
 * and type). Runs the real entities component on each document's text as given. Our types map to
 * CoNLL's: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, the rest→MISC; a mention's own label wins over its
 * entity's type. Mentions nested in another mention (the country in "Ukraine's General Staff") are
 * not scored: CoNLL annotates the outermost name only; nor are definite descriptions ("the commission").
 */
import { parseArgs } from 'node:util';
import { createPipeline } from '../annotate/index.js';
import type { EntityType } from '../doc/types.js';
import { codePointToUtf16, printTable, prf, readJsonl, sharedPath } from './shared.js';

interface ConllDoc {
  id: string;
  text: string;
  entities: { type: string; start: number; end: number; text: string }[];
}

export const CONLL_TYPE: Record<EntityType, string> = {
  PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC', NORP: 'MISC', LAW: 'MISC', EVENT: 'MISC', MISC: 'MISC',
};
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { split: { type: 'string', default: 'dev' }, errors: { type: 'string', default: '0' } } });
  const docs = readJsonl<ConllDoc>(sharedPath(`eval/conll2003/${values.split}.jsonl`));
  const pipeline = await createPipeline({ layers: ['entities'] });
  const counts = new Map(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  let words = 0;
  const t0 = performance.now();
  for (const d of docs) {
    const doc = pipeline.process({ id: d.id, title: null, published: null, source: null, url: null, language: 'en', text: d.text, ref: d.id });
    words += doc.tokens.count;
    const toU = codePointToUtf16(d.text);
    const gold = new Map(d.entities.map((e) => [`${toU(e.start)}:${toU(e.end)}`, e.type]));
    const located = doc.mentions();
    const predicted = new Map<string, string>();
    let outerEnd = -1;
    for (const { mention, entity } of located) {
      if (mention.kind === 'description') continue; // CoNLL annotates names only
      if (mention.end <= outerEnd) continue; // nested in the previous mention
      outerEnd = mention.end;
      predicted.set(`${mention.start}:${mention.end}`, CONLL_TYPE[mention.label ?? entity.type]);
    }
    for (const [span, type] of predicted) {
      const g = gold.get(span);
      if (g === type) counts.get(type)!.tp++;
      else {
        counts.get(type)!.fp++;
        if (errors.length < Number(values.errors)) errors.push(`FP ${type.padEnd(4)} ${d.text.slice(...(span.split(':').map(Number) as [number, number]))}${g ? ` (gold ${g})` : ''}`);
      }
    }
    for (const [span, type] of gold) {
      if (predicted.get(span) !== type) {
        counts.get(type)!.fn++;
        if (errors.length < Number(values.errors)) errors.push(`FN ${type.padEnd(4)} ${d.text.slice(...(span.split(':').map(Number) as [number, number]))}`);
      }
    }
  }
  const ms = performance.now() - t0;
  console.log(`CoNLL-2003 ${values.split}: ${docs.length} documents, ${words} tokens, ${(ms / 1000).toFixed(1)} s\n`);
  const rows: (string | number)[][] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [type, c] of counts) {
    const s = prf(c.tp, c.fp, c.fn);
    rows.push([type, c.tp, c.fp, c.fn, s.precision, s.recall, s.f1]);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const all = prf(tp, fp, fn);
  rows.push(['overall', tp, fp, fn, all.precision, all.recall, all.f1]);
  printTable(['type', 'tp', 'fp', 'fn', 'P', 'R', 'F1'], rows);
  if (errors.length) console.log(`\n${errors.join('\n')}`);
}
