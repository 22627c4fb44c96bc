import { eventMatch, MILITARY, overlap } from './propositions.js';
import type { ClaimFeatures } from './features.js';
import type { Member } from './members.js';

/** Stances that say something is or is not so; praise, blame, warnings and demands take no side. */
export const TRUTH_STANCES = new Set(['assert', 'confirm', 'deny', 'promise']);


/**
 * Whether two claims of a proposition speak of the very same thing closely enough to set one
 * against the other: a dismissal and the claim it answers; contents that say nearly the same
 * words (four or more shared, Jaccard ≥ 0.4, so a "not" or a denial is what differs); or the same military event (same type,
 * compatible arguments, one shared, and the same place or two shared arguments) where one side denies it or both say it
 * ended or goes on.
 * A dismissal stands for the claim it answers.
 */
export function linked(a: Member, b: Member, byClaim: ReadonlyMap<string, Member>): boolean {
  if (answers(a, b) || answers(b, a)) return true;
  // Overlapping pieces of one quotation are one statement, whatever its parts say.
  if (a.article === b.article && a.contentStart < b.contentEnd && b.contentStart < a.contentEnd) return false;
  const fa = standIn(a, byClaim);
  const fb = standIn(b, byClaim);
  const words = overlap(fa.words, fb.words);
  if (words.shared >= 4 && words.jaccard >= 0.4) {
    // One content quoting the other with words added ("… careless. Not fit!") is not a denial of it:
    // near-identical wording counts only when a stance, not extra words, makes the difference.
    const contained = words.shared >= 0.9 * Math.min(fa.words.length, fb.words.length);
    return !contained || a.stance !== b.stance;
  }
  const denial = a.stance === 'deny' || b.stance === 'deny' || a.features.answers !== null || b.features.answers !== null;
  const predicated = a.features.predicate !== 0 && b.features.predicate !== 0;
  if (!denial && !predicated) return false;
  const countries = { ...fa.countries, ...fb.countries };
  const samePlace = (x: string | null, y: string | null) => x !== null && y !== null && (x === y || (countries[x] !== undefined && countries[x] === countries[y]));
  // The same war event: where it happens agrees, or two of who, whom and where are shared.
  return fa.events.some((x) => MILITARY.has(x.type) && fb.events.some((y) => eventMatch(x, y, countries) > 0 && (samePlace(x.place, y.place) || eventMatch(x, y, countries) >= 2 / 3)));
}

function answers(a: Member, b: Member): boolean {
  return a.article === b.article && a.features.answers === b.claim;
}

function standIn(m: Member, byClaim: ReadonlyMap<string, Member>): ClaimFeatures {
  const referent = m.features.answers ? byClaim.get(`${m.article}|${m.features.answers}`) : undefined;
  return referent?.features ?? m.features;
}

export function claimKey(m: Member): string {
  return `${m.article}|${m.claim}`;
}
