/**
 * `npm run eval -- attribution [dev|train] [--verbose] [--errors N]`: attributed claims against
 * PolNeAR (../shared/eval/polnear/<split>.jsonl). Each article's text goes through the real
 * pipeline as is (no cleaning, so offsets agree). Predicted and gold claims are matched one to one
 * by content overlap (shared characters ÷ characters in either, over all content pieces), at 0.3
 * and at 0.8. A matched claim's source is right when the spans overlap (or both are absent), its
 * cue when they overlap. Articles annotated by several people are scored once, against the
 * annotation that agrees best with the others. `--errors N` lists up to about N false positives
 * (FP), misses (FN) and claims found with their content's boundaries off (BD, below 0.8).
 */
import { createPipeline } from '../annotate/index.js';
import type { Article, Claim } from '../doc/types.js';
import { codePointToUtf16, prf, printTable, readJsonl, sharedPath, type Scores } from './shared.js';

interface PolnearSpan {
  spans: [number, number][];
  text: string;
}

interface PolnearAttribution {
  trigger_type: string;
  source?: PolnearSpan[];
  cue?: PolnearSpan[];
  content?: PolnearSpan[];
}

interface PolnearRecord {
  id: string;
  annotator: string;
  publication_date: string;
  title: string;
  text: string;
  attributions: PolnearAttribution[];
}

/** Character ranges [start, end) in UTF-16 offsets. */
type Ranges = [number, number][];

interface GoldClaim {
  content: Ranges;
  source: Ranges;
  cue: Ranges;
}

interface Match {
  gold: number;
  predicted: number;
  score: number;
}

export async function run(args: string[]): Promise<void> {
  const split = args.find((a) => a === 'dev' || a === 'train') ?? 'dev';
  const verbose = args.includes('--verbose');
  const errorsArg = args.indexOf('--errors');
  const showErrors = errorsArg >= 0 ? Number(args[errorsArg + 1] ?? 20) : 0;
  const records = readJsonl<PolnearRecord>(sharedPath(`eval/polnear/${split}.jsonl`));
  const articles = pickAnnotations(records);
  const pipeline = await createPipeline();

  const totals = { gold: 0, predicted: 0, m3: 0, m8: 0, source: 0, cue: 0, both: 0 };
  const byRule = new Map<string, { predicted: number; matched: number; all: number }>();
  const errors: string[] = [];
  for (const record of articles) {
    const toUtf16 = codePointToUtf16(record.text);
    const convert = (spans: PolnearSpan[] | undefined): Ranges => (spans ?? []).flatMap((s) => s.spans.map(([a, b]) => [toUtf16(a), toUtf16(b)] as [number, number]));
    const gold: GoldClaim[] = record.attributions
      .map((a) => ({ content: convert(a.content), source: convert(a.source), cue: convert(a.cue) }))
      .filter((g) => g.content.length > 0);
    const article: Article = { id: record.id, title: record.title, published: record.publication_date, source: null, url: null, language: 'en', text: record.text, ref: record.id };
    const predicted = pipeline.process(article).claims;
    const contents = predicted.map(contentRanges);
    const at3 = match(gold.map((g) => g.content), contents, 0.3);
    const at8 = match(gold.map((g) => g.content), contents, 0.8);
    totals.gold += gold.length;
    totals.predicted += predicted.length;
    totals.m3 += at3.length;
    totals.m8 += at8.length;
    const matchedPredicted = new Map(at3.map((m) => [m.predicted, m]));
    predicted.forEach((c, k) => {
      const rule = `${c.explain?.rule ?? '?'}${c.explain?.detail?.includes('learned cue word') ? ' (learned word)' : ''}`;
      const row = byRule.get(rule) ?? { predicted: 0, matched: 0, all: 0 };
      byRule.set(rule, row);
      row.predicted++;
      const m = matchedPredicted.get(k);
      if (!m) {
        if (errors.length < showErrors * 2) errors.push(`FP [${rule}] ${c.speaker?.text ?? '∅'} | ${c.cue?.text} | ${c.content.text.slice(0, 160)}`);
        return;
      }
      row.matched++;
      const g = gold[m.gold]!;
      // Found, but its content's boundaries miss the 0.8 overlap.
      if (showErrors && !at8.some((x) => x.predicted === k) && errors.length < showErrors * 2) {
        errors.push(`BD [${rule}] ${c.content.text.slice(0, 160)}\n   gold: ${slice(record.text, g.content).slice(0, 160)}`);
      }
      const sourceRight = c.speaker ? overlaps([[c.speaker.start, c.speaker.end]], g.source) : g.source.length === 0;
      const cueRight = c.cue !== null && overlaps([[c.cue.start, c.cue.end]], g.cue);
      if (sourceRight) totals.source++;
      if (cueRight) totals.cue++;
      if (sourceRight && cueRight) {
        totals.both++;
        row.all++;
      } else if (verbose) {
        console.log(`  wrong ${sourceRight ? '' : 'source'} ${cueRight ? '' : 'cue'}: "${c.speaker?.text ?? '∅'}" / "${c.cue?.text}" vs gold "${slice(record.text, g.source)}" / "${slice(record.text, g.cue)}"`);
      }
    });
    if (showErrors) {
      const matchedGold = new Set(at3.map((m) => m.gold));
      gold.forEach((g, k) => {
        if (!matchedGold.has(k) && errors.length < showErrors * 2) errors.push(`FN ${slice(record.text, g.source) || '∅'} | ${slice(record.text, g.cue)} | ${slice(record.text, g.content).slice(0, 160)}`);
      });
    }
  }

  const s3 = prf(totals.m3, totals.predicted - totals.m3, totals.gold - totals.m3);
  const s8 = prf(totals.m8, totals.predicted - totals.m8, totals.gold - totals.m8);
  const sAll = prf(totals.both, totals.predicted - totals.both, totals.gold - totals.both);
  console.log(`PolNeAR ${split}: ${articles.length} articles (one annotation each), ${totals.gold} gold claims, ${totals.predicted} predicted\n`);
  const row = (name: string, s: Scores) => [name, s.tp, s.fp, s.fn, s.precision, s.recall, s.f1];
  printTable(['match', 'tp', 'fp', 'fn', 'P', 'R', 'F1'], [row('content ≥ 0.3', s3), row('content ≥ 0.8', s8), row('content ≥ 0.3 + source + cue', sAll)]);
  const share = (n: number) => (totals.m3 ? n / totals.m3 : 0);
  console.log(`\nof ${totals.m3} claims matched at 0.3: source right ${share(totals.source).toFixed(3)}, cue right ${share(totals.cue).toFixed(3)}, both ${share(totals.both).toFixed(3)}`);
  console.log('(source right: predicted speaker span overlaps the gold source, or both absent; cue right: spans overlap)\n');
  printTable(
    ['rule', 'predicted', 'matched', 'precision', 'all right', 'share of matched'],
    [...byRule].sort((a, b) => b[1].predicted - a[1].predicted).map(([rule, r]) => [rule, r.predicted, r.matched, r.matched / r.predicted, r.all, r.matched ? r.all / r.matched : 0]),
  );
  if (errors.length) console.log(`\n${errors.join('\n')}`);
}

/**
 * One annotation per article. Where several annotators did the same article, keep the one
 * whose claims agree best (content F1 at 0.3) with the others': the most typical annotation.
 */
function pickAnnotations(records: PolnearRecord[]): PolnearRecord[] {
  const byId = new Map<string, PolnearRecord[]>();
  for (const r of records) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const out: PolnearRecord[] = [];
  for (const group of byId.values()) {
    if (group.length === 1) {
      out.push(group[0]!);
      continue;
    }
    const contents = group.map((r) => r.attributions.filter((a) => a.content?.length).map((a) => a.content!.flatMap((c) => c.spans)));
    let best = 0;
    let bestScore = -1;
    group.forEach((_, i) => {
      let score = 0;
      group.forEach((__, j) => {
        if (i === j) return;
        const m = match(contents[i]!, contents[j]!, 0.3).length;
        score += prf(m, contents[j]!.length - m, contents[i]!.length - m).f1;
      });
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    out.push(group[best]!);
  }
  return out;
}

function contentRanges(c: Claim): Ranges {
  return (c.content.parts ?? [c.content]).map((p) => [p.start, p.end]);
}

function size(r: Ranges): number {
  return r.reduce((n, [a, b]) => n + (b - a), 0);
}

/** Characters shared by two sets of ranges (each set's ranges do not overlap one another). */
function shared(a: Ranges, b: Ranges): number {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
}

function overlaps(a: Ranges, b: Ranges): boolean {
  return shared(a, b) > 0;
}

/** One-to-one matching by overlap ÷ union, best pairs first, keeping pairs at or above `threshold`. */
function match(gold: Ranges[], predicted: Ranges[], threshold: number): Match[] {
  const pairs: Match[] = [];
  gold.forEach((g, i) => {
    predicted.forEach((p, j) => {
      const inter = shared(g, p);
      if (!inter) return;
      const score = inter / (size(g) + size(p) - inter);
      if (score >= threshold) pairs.push({ gold: i, predicted: j, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const out: Match[] = [];
  for (const m of pairs) {
    if (usedGold.has(m.gold) || usedPredicted.has(m.predicted)) continue;
    usedGold.add(m.gold);
    usedPredicted.add(m.predicted);
    out.push(m);
  }
  return out;
}

function slice(text: string, r: Ranges): string {
  return r.map(([a, b]) => text.slice(a, b)).join(' … ');
}
