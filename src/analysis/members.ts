import type { Stance } from '../doc/types.js';
import type { ClaimFeatures } from './features.js';

/** A claim as a member of a proposition, with what the cross-article analysis needs of it. */
export interface Member {
  article: string;
  articleSeq: number;
  claim: string;
  speaker: string | null;
  speakerKey: string;
  stance: Stance;
  content: string;
  contentStart: number;
  contentEnd: number;
  said: string | null;
  published: string | null;
  source: string | null;
  /** Near-duplicate group of the article: copies of one article share it. */
  dupGroup: string;
  /** +1 affirms the proposition, −1 denies it, 0 takes no side. */
  position: number;
  features: ClaimFeatures;
}

/** A claim as the lists print it. */
export interface ClaimRef {
  article: string;
  claim: string;
  speaker: string | null;
  stance: Stance;
  content: string;
  said: string | null;
  source: string | null;
  published: string | null;
}

export function claimRef(m: Member): ClaimRef {
  return { article: m.article, claim: m.claim, speaker: m.speaker, stance: m.stance, content: m.content, said: m.said, source: m.source, published: m.published };
}

/**
 * One member per (copy group, speaker, stance, position, content): a claim repeated by a
 * syndicated copy counts once. The earliest stored article keeps it.
 */
export function dedupeCopies(members: readonly Member[]): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  for (const m of [...members].sort((a, b) => a.articleSeq - b.articleSeq || a.contentStart - b.contentStart)) {
    const key = `${m.dupGroup}|${m.speakerKey}|${m.stance}|${m.position}|${m.content.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 80)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}
