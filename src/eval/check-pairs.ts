/**
 * `npm run eval -- check-pairs`: would the claim-check model (src/check, trained on FNC-1
 * headline–body pairs) help the cross-article layer group claims into propositions and set their
 * sides? Every pair of gold claims from two conflict dev articles is a question: are they of one
 * gold proposition (and on the same side or opposite sides)? Each claim's content is analysed on
 * its own and judged against the other's as the "article". All pairs of one proposition are
 * judged; of the others, every SAMPLE-th in a fixed order (the figures scale it back up).
 */
import { readFileSync } from 'node:fs';
import { createPipeline } from '../annotate/index.js';
import { stanceToClaim, stanceModel } from '../check/index.js';
import type { Analysis } from '../doc/types.js';
import { printTable, sharedPath } from './shared.js';

interface GoldFile {
  articles: Record<string, { claims: { id: string; content: string }[] }>;
  propositions: { id: string; members: { claim: string; side: 'for' | 'against' }[] }[];
}

const SAMPLE = 10;
const THRESHOLDS = [0.3, 0.5, 0.7, 0.9];

export async function run(args: string[]): Promise<void> {
  const split = args.find((a) => a === 'dev') ?? 'dev';
  const gold = JSON.parse(readFileSync(sharedPath(`eval/conflict/${split}/gold.json`), 'utf8')) as GoldFile;
  const pipeline = await createPipeline();
  const model = stanceModel();
  const claims: { id: string; article: string; analysis: Analysis }[] = [];
  for (const [article, entry] of Object.entries(gold.articles)) {
    for (const c of entry.claims) {
      const analysis = pipeline.analyze({ id: c.id, title: null, published: null, source: null, url: null, language: 'en', text: c.content, ref: null });
      claims.push({ id: c.id, article, analysis });
    }
  }
  /** claim id → proposition id → side */
  const sides = new Map<string, Map<string, string>>();
  for (const p of gold.propositions) for (const m of p.members) sides.set(m.claim, (sides.get(m.claim) ?? new Map<string, string>()).set(p.id, m.side));

  const related: number[] = [];
  const unrelated: number[] = [];
  const sideCounts = { same: { agree: 0, disagree: 0, other: 0 }, opposite: { agree: 0, disagree: 0, other: 0 } };
  let others = 0;
  const t0 = performance.now();
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      if (a.article === b.article) continue;
      const relation = relationOf(sides.get(a.id), sides.get(b.id));
      if (!relation && others++ % SAMPLE !== 0) continue;
      const r = stanceToClaim(a.analysis, b.analysis, model);
      const score = 1 - r.probabilities.unrelated;
      if (!relation) {
        unrelated.push(score);
        continue;
      }
      related.push(score);
      const counts = sideCounts[relation];
      if (r.stance === 'agree' || r.stance === 'disagree') counts[r.stance]++;
      else counts.other++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const pairs = related.length + unrelated.length;
  console.log(`check-pairs (conflict ${split}): ${claims.length} gold claims; ${related.length} cross-article pairs of one proposition, ${others} others (1 in ${SAMPLE} judged); ${pairs} pairs judged in ${seconds.toFixed(1)} s\n`);
  console.log(`relatedness (1 − P(unrelated)) separating pairs of one proposition from the others: AUC ${auc(related, unrelated).toFixed(3)}\n`);
  printTable(
    ['threshold', 'recall', 'false-pair rate', 'est. precision'],
    THRESHOLDS.map((t) => {
      const tp = related.filter((s) => s > t).length;
      const fp = unrelated.filter((s) => s > t).length * SAMPLE;
      return [t, tp / related.length, fp / (unrelated.length * SAMPLE), tp + fp ? tp / (tp + fp) : 0];
    }),
  );
  console.log('\nsides of pairs of one proposition (gold) by the model\'s stance:');
  printTable(
    ['gold sides', 'agree', 'disagree', 'discuss/unrelated'],
    (['same', 'opposite'] as const).map((k) => [k, sideCounts[k].agree, sideCounts[k].disagree, sideCounts[k].other]),
  );
}

/** How two claims stand in the gold: on the same side or opposite sides of a proposition both are in, or unrelated (null). */
function relationOf(a: Map<string, string> | undefined, b: Map<string, string> | undefined): 'same' | 'opposite' | null {
  if (!a || !b) return null;
  let relation: 'same' | 'opposite' | null = null;
  for (const [p, side] of a) {
    const other = b.get(p);
    if (other === undefined) continue;
    if (other === side) return 'same';
    relation = 'opposite';
  }
  return relation;
}

/** Area under the ROC curve: the chance a related pair scores above an unrelated one (ties count half). */
function auc(pos: readonly number[], neg: readonly number[]): number {
  if (!pos.length || !neg.length) return 0;
  const sorted = [...neg].sort((x, y) => x - y);
  let sum = 0;
  for (const p of pos) {
    const below = lowerBound(sorted, p);
    const upTo = lowerBound(sorted, p + Number.EPSILON * Math.max(1, Math.abs(p)));
    sum += below + (upTo - below) / 2;
  }
  return sum / pos.length / neg.length;
}

function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
