import type { Claim, Entity } from '../../doc/types.js';
import { TAG } from '../pos/tags.js';
import type { Context } from './context.js';
import type { Draft } from './frames/index.js';

/** Nouns for what someone said, when a later claim answers it ("dismissed that account"). */
const REPORTS = new Set([
  'account', 'accounts', 'report', 'reports', 'claim', 'claims', 'allegation', 'allegations', 'accusation', 'accusations',
  'assertion', 'assertions', 'statement', 'statements', 'rumour', 'rumours', 'rumor', 'rumors', 'charge', 'charges',
  'finding', 'findings', 'version', 'suggestion', 'suggestions', 'talk', 'estimate', 'estimates', 'figures',
]);

/** Sentences back that a referring claim may reach. */
const REACH = 8;

/**
 * Links each claim that answers or refers back to an earlier claim of the article to it
 * (`refersTo`): a cue after a noun that refers back ("…, claims North Korea initially
 * dismissed as groundless"), or a content that names an earlier statement ("Balitsky dismissed
 * that account", "denied claims that the siege had ended", "Kyiv rejected the Russian
 * account"). The earlier claim is the one whose content shares most words with what qualifies
 * the noun ("reports of the deployment"), or whose speaker it names ("the Russian account");
 * with no qualifier, the nearest earlier claim by another speaker. `drafts[i]` made `claims[i]`.
 */
export function linkReferences(ctx: Context, drafts: readonly Draft[], claims: Claim[], entities: ReadonlyMap<string, Entity>): void {
  // Content words, computed only for claims a referring claim is compared with.
  const memo = new Map<number, Set<string>>();
  const words = (j: number): Set<string> => {
    let w = memo.get(j);
    if (!w) memo.set(j, (w = contentWords(ctx, drafts[j]!)));
    return w;
  };
  drafts.forEach((d, i) => {
    const target = d.refersBack ? answered(ctx, drafts, i) : named(ctx, drafts, claims, entities, words, i);
    if (target >= 0) claims[i]!.refersTo = claims[target]!.id;
  });
}

/** "X reported that …—claims North Korea dismissed as …": the nearest claim whose content ends before the noun. */
function answered(ctx: Context, drafts: readonly Draft[], i: number): number {
  const d = drafts[i]!;
  const before = d.source ? d.source[0] : d.cue[0];
  let best = -1;
  let bestEnd = -1;
  drafts.forEach((o, j) => {
    if (j === i || !o.parts.length) return;
    const end = o.parts[o.parts.length - 1]![1];
    if (end > before || ctx.sentence[d.head]! - ctx.sentence[o.head]! > 1) return;
    if (end > bestEnd) [best, bestEnd] = [j, end];
  });
  return best;
}

/**
 * A claim whose content (or what stands between cue and content) names an earlier statement:
 * the earlier claim that statement is, or −1.
 */
function named(ctx: Context, drafts: readonly Draft[], claims: readonly Claim[], entities: ReadonlyMap<string, Entity>, words: (j: number) => Set<string>, i: number): number {
  const d = drafts[i]!;
  if (!d.parts.length) return -1;
  const [a, b] = d.parts[0]!;
  // The noun: right after the cue ("denied claims that …") or heading a short content ("that account").
  let noun = -1;
  for (let k = d.cue[1]; k < Math.min(b, a + 4); k++) {
    if (ctx.quotes.of[k]! >= 0 || ctx.tags[k] === TAG.AUX) break;
    const t = ctx.tags[k - 1];
    if (REPORTS.has(ctx.lower[k]!) && (ctx.tags[k] === TAG.NOUN || ctx.tags[k] === TAG.PROPN || t === TAG.DET || t === TAG.POSS || t === TAG.ADJ)) {
      noun = k;
      break;
    }
  }
  if (noun < 0) return -1;
  // A short content is the statement itself; a longer one must say what it was ("claims that …", "reports of …").
  const next = ctx.lower[noun + 1];
  if (b - a > 10 && next !== 'that' && next !== 'of' && next !== 'about' && noun + 1 !== a) return -1;
  // What qualifies the noun: its modifiers and possessor, and what follows it.
  let from = noun;
  while (from > d.cue[1] && from > a - 1 && (ctx.tags[from - 1] === TAG.ADJ || ctx.tags[from - 1] === TAG.PROPN || ctx.tags[from - 1] === TAG.POSS || ctx.tags[from - 1] === TAG.DET)) from--;
  const qualifier = new Set<string>();
  if (next === 'that' || next === 'of' || next === 'about' || next === 'over') for (let k = noun + 2; k < b; k++) if (contentWord(ctx, k)) qualifier.add(stem(ctx.lower[k]!));
  const { start, end } = ctx.doc.tokens;
  const named = new Set<string>();
  for (const m of ctx.doc.mentionsIn(start[from]!, end[noun]!)) {
    named.add(m.entity.id);
    if (m.entity.country) named.add(`country:${m.entity.country}`);
  }
  const own = claims[i]!.speaker?.entity ?? null;
  let best = -1;
  let bestScore = 0;
  for (let j = i - 1; j >= 0; j--) {
    const o = drafts[j]!;
    const distance = ctx.sentence[d.head]! - ctx.sentence[o.head]!;
    if (distance > REACH) break;
    if (distance < 0 || o.head > d.head) continue;
    const speaker = claims[j]!.speaker?.entity ?? null;
    if (own && speaker === own) continue;
    let score = 0;
    if (qualifier.size) for (const w of qualifier) if (words(j).has(w)) score++;
    const entity = speaker ? entities.get(speaker) : undefined;
    if (entity && (named.has(entity.id) || (entity.country && named.has(`country:${entity.country}`)))) score += 2;
    const needed = qualifier.size || named.size ? 1 : 0;
    if (score < needed) continue;
    const value = score - 0.1 * distance;
    if (best < 0 || value > bestScore) [best, bestScore] = [j, value];
  }
  return best;
}

/** Stems of the words of a claim's content that carry meaning. */
function contentWords(ctx: Context, d: Draft): Set<string> {
  const out = new Set<string>();
  for (const [a, b] of d.parts) for (let k = a; k < b; k++) if (contentWord(ctx, k)) out.add(stem(ctx.lower[k]!));
  return out;
}

function contentWord(ctx: Context, k: number): boolean {
  const t = ctx.tags[k];
  return (t === TAG.NOUN || t === TAG.PROPN || t === TAG.VERB || t === TAG.ADJ || t === TAG.NUM) && ctx.lower[k]!.length > 2;
}

/** A crude stem: the first five letters ("deployment" and "deployed" meet). */
function stem(w: string): string {
  return w.slice(0, 5);
}
