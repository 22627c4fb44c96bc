import type { ClaimRef } from '../contract/cross.js';
import type { Stance } from '../doc/types.js';
import type { ClaimFeatures } from './features.js';

export type { ClaimRef };

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

export function claimRef(m: Member): ClaimRef {
  return { article: m.article, claim: m.claim, speaker: m.speaker, stance: m.stance, content: m.content, said: m.said, source: m.source, published: m.published };
}

/**
 * A claim repeated by a syndicated copy counts once: within a group of near-duplicate articles,
 * one voice's claims on one side of a proposition are kept from the earliest stored article that
 * has any (a copy's new headline saying the same counts no more), and only a copy's new voices or
 * sides add claims.
 */
export function dedupeCopies(members: readonly Member[]): Member[] {
  const first = new Map<string, number>();
  const key = (m: Member) => `${m.dupGroup}|${m.features.voice}|${m.position}`;
  for (const m of members) first.set(key(m), Math.min(first.get(key(m)) ?? Infinity, m.articleSeq));
  return [...members].filter((m) => m.articleSeq === first.get(key(m))).sort((a, b) => a.articleSeq - b.articleSeq || a.contentStart - b.contentStart);
}
