import type { Claim, Entity } from '../../doc/types.js';
import { contentTokens, type Token } from '../../lang/en/token.js';
import type { Context } from './context.js';
import type { Draft } from './frames/index.js';

/** Sentences back that a referring claim may reach. */
const REACH = 8;

/**
 * Links each claim that answers or refers back to an earlier claim of the article to it
 * (`refersTo`): a cue after a noun that refers back ("…, claims North Korea initially
 * dismissed as groundless"), or a content that speaks of something said ("Balitsky dismissed
 * that account", "denied claims that the siege had ended", "Kyiv rejected the Russian
 * account", "called it a lie"), read by the language's one reader of such contents
 * (src/lang/en/references.ts, which the cross-article analysis reads too). The earlier claim is
 * the one whose content shares most words with what the content says was said ("reports of the
 * deployment"), or whose speaker it names ("the Russian account"); with neither, the nearest
 * earlier claim by another speaker. `drafts[i]` made `claims[i]`.
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
    // A cue set off after what was just said answers its own sentence ("…, a claim X denies").
    if (end > before || ctx.sentence[d.head]! - ctx.sentence[o.head]! > (d.rule === 'appositive' ? 0 : 1)) return;
    if (end > bestEnd) [best, bestEnd] = [j, end];
  });
  return best;
}

/**
 * A claim whose content (with what stands between cue and content: "denied claims that …")
 * refers to something said: the earlier claim that is, or −1.
 */
function named(ctx: Context, drafts: readonly Draft[], claims: readonly Claim[], entities: ReadonlyMap<string, Entity>, words: (j: number) => Set<string>, i: number): number {
  const d = drafts[i]!;
  if (!d.parts.length) return -1;
  const [a, b] = d.parts[0]!;
  // A content before its cue ("'…,' the army said") names nothing said after the cue.
  if (d.cue[1] > a) return -1;
  const { references, words: lexicon } = ctx.language;
  const tokens = tokensOf(ctx, d.cue[1], b);
  const reference = references.readReference(tokens, claims[i]!.stance);
  if (!reference) return -1;
  // What the content says was said, as compared words; and whom it names as saying it.
  const qualifier = new Set<string>();
  if (reference.said >= 0) for (let k = reference.said; k < reference.saidEnd; k++) if (compared(lexicon, tokens[k]!.lower)) qualifier.add(lexicon.stem(tokens[k]!.lower));
  const named = new Set<string>();
  const sayer = reference.sayer ? entities.get(reference.sayer) : undefined;
  if (sayer) {
    named.add(sayer.id);
    if (sayer.country) named.add(`country:${sayer.country}`);
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

/** The content tokens of token range [from, to), with the entity each lies in, as the reader takes them. */
function tokensOf(ctx: Context, from: number, to: number): Token[] {
  const { start, end } = ctx.doc.tokens;
  const [a, b] = [start[from]!, end[to - 1]!];
  const mentions = ctx.doc.mentionsIn(a, b).map((m) => ({ start: m.mention.start, end: m.mention.end, entity: m.entity.id }));
  return contentTokens(ctx.doc.text.slice(a, b), a, mentions);
}

/** Stems of the words of a claim's content that carry meaning, as the analysis compares contents. */
function contentWords(ctx: Context, d: Draft): Set<string> {
  const lexicon = ctx.language.words;
  const out = new Set<string>();
  for (const [a, b] of d.parts) if (b > a) for (const t of tokensOf(ctx, a, b)) if (compared(lexicon, t.lower)) out.add(lexicon.stem(t.lower));
  return out;
}

function compared(lexicon: Context['language']['words'], w: string): boolean {
  return w.length > 2 && !lexicon.STOP_WORDS.has(w) && /^\p{L}/u.test(w);
}
