/**
 * `npm run eval -- events [--errors]`: event triggers on WikiEvents dev (../shared/eval/wikievents),
 * through the whole pipeline. KAIROS types are mapped to the project's taxonomy where one fits
 * (Conflict.Attack → attack, Life.Die → kill, Life.Injure → injure, Contact.*.Meet → meet,
 * Justice.ArrestJailDetain → arrest, Conflict.Demonstrate → protest, Contact.ThreatenCoerce →
 * threaten); gold events of other types are not scored, nor are predictions of types without a
 * KAIROS counterpart (deploy, military_operation, capture, withdraw, sign_agreement, sanction,
 * arms_transfer, commemorate, ceasefire); intercept is scored as attack, as KAIROS codes a shoot-down.
 * A prediction and a gold trigger match when their spans overlap and their types are equal;
 * "trigger" ignores the type.
 *
 * The records' sentences are joined with line breaks (the set's own text runs them together), and
 * each record is an article without a publication date.
 */
import { createPipeline } from '../annotate/index.js';
import type { Article } from '../doc/types.js';
import { codePointToUtf16, prf, printTable, readJsonl, sharedPath } from './shared.js';

type Token = [string, number, number];

interface WikiEventsRecord {
  doc_id: string;
  text: string;
  sentences: [Token[], string][];
  event_mentions: { event_type: string; trigger: { start: number; end: number; text: string; sent_idx: number } }[];
}

const KAIROS: [RegExp, string][] = [
  [/^Conflict\.Attack\./, 'attack'],
  [/^Life\.Die\./, 'kill'],
  [/^Life\.Injure\./, 'injure'],
  [/^Contact\.[A-Za-z]+\.Meet$/, 'meet'],
  [/^Justice\.ArrestJailDetain\./, 'arrest'],
  [/^Conflict\.Demonstrate\./, 'protest'],
  [/^Contact\.ThreatenCoerce\./, 'threaten'],
];
const SCORED = new Set(KAIROS.map(([, t]) => t));
/** Our types KAIROS folds into another: a drone or missile shot down is a Conflict.Attack on it. */
const AS_KAIROS: Record<string, string> = { intercept: 'attack' };

interface Span {
  start: number;
  end: number;
  type: string;
  text: string;
}

export async function run(args: string[]): Promise<void> {
  const errors = args.includes('--errors');
  const records = readJsonl<WikiEventsRecord>(sharedPath('eval/wikievents/dev.jsonl'));
  const pipeline = await createPipeline();
  const perType = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, k: 'tp' | 'fp' | 'fn') => {
    const c = perType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    perType.set(type, c);
  };
  const trigger = { tp: 0, fp: 0, fn: 0 };
  for (const r of records) {
    const { text, gold } = rebuild(r);
    const article: Article = { id: r.doc_id, title: null, published: null, source: null, url: null, language: 'en', text, ref: r.doc_id };
    const predicted: Span[] = pipeline
      .analyze(article)
      .events.map((e) => ({ start: e.trigger.start, end: e.trigger.end, type: AS_KAIROS[e.type] ?? e.type, text: e.trigger.text }))
      .filter((e) => SCORED.has(e.type));
    const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
    for (const g of gold) {
      const hit = predicted.some((p) => overlaps(p, g) && p.type === g.type);
      bump(g.type, hit ? 'tp' : 'fn');
      if (predicted.some((p) => overlaps(p, g))) trigger.tp++;
      else trigger.fn++;
      if (!hit && errors) console.log(`missed  ${g.type.padEnd(8)} "${g.text}"  ${r.doc_id}`);
    }
    for (const p of predicted) {
      if (!gold.some((g) => overlaps(p, g) && p.type === g.type)) {
        bump(p.type, 'fp');
        if (errors) console.log(`spurious ${p.type.padEnd(8)} "${p.text}"  ${r.doc_id}`);
      }
      if (!gold.some((g) => overlaps(p, g))) trigger.fp++;
    }
  }
  const rows = [...perType.entries()].sort().map(([type, c]) => {
    const s = prf(c.tp, c.fp, c.fn);
    return [type, c.tp + c.fn, c.tp + c.fp, s.precision, s.recall, s.f1];
  });
  const total = [...perType.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const all = prf(total.tp, total.fp, total.fn);
  const trig = prf(trigger.tp, trigger.fp, trigger.fn);
  console.log(`WikiEvents dev: ${records.length} documents, mapped KAIROS types only\n`);
  printTable(['type', 'gold', 'predicted', 'P', 'R', 'F1'], [...rows, ['all (type)', total.tp + total.fn, total.tp + total.fp, all.precision, all.recall, all.f1], ['trigger only', trigger.tp + trigger.fn, trigger.tp + trigger.fp, trig.precision, trig.recall, trig.f1]]);
}

/** The text with one sentence per line, and the mapped gold triggers with offsets into it. */
function rebuild(r: WikiEventsRecord): { text: string; gold: Span[] } {
  const toUtf16 = codePointToUtf16(r.text);
  const lines: string[] = [];
  const shift: number[] = [];
  let at = 0;
  for (const [tokens, sentence] of r.sentences) {
    const first = tokens[0];
    shift.push(first ? at - toUtf16(first[1]) : at);
    lines.push(sentence);
    at += sentence.length + 1;
  }
  const text = lines.join('\n');
  const gold: Span[] = [];
  for (const m of r.event_mentions) {
    const type = KAIROS.find(([re]) => re.test(m.event_type))?.[1];
    if (!type) continue;
    const tokens = r.sentences[m.trigger.sent_idx]![0];
    const offset = r.sentences.slice(0, m.trigger.sent_idx).reduce((n, [t]) => n + t.length, 0);
    const first = tokens[m.trigger.start - offset];
    const last = tokens[m.trigger.end - 1 - offset];
    if (!first || !last) continue;
    const base = shift[m.trigger.sent_idx]!;
    gold.push({ start: toUtf16(first[1]) + base, end: toUtf16(last[2]) + base, type, text: m.trigger.text });
  }
  return { text, gold };
}
