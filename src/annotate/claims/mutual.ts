import type { Doc } from '../../doc/doc.js';
import type { Claim, EntityRef } from '../../doc/types.js';
import type { Language } from '../../lang/language.js';

/**
 * "Peru and Bolivia accused each other of shelling the town": two claims, each party accusing the other, not one by
 * the party named last. A claim whose content opens with "each other" or "one another" and whose speaker's words are
 * two parties joined by "and" becomes one claim per party, with the same cue and content. Ids are numbered again in
 * text order, and what refers to a claim so split refers to its first part.
 */
export function splitMutual(lex: Language['claims'], doc: Doc, claims: Claim[]): Claim[] {
  // Almost no article has one: then its claims stay as they are, not copied.
  if (!claims.some((c) => c.speaker && lex.MUTUAL.test(c.content.text) && partiesOf(doc, c.speaker))) return claims;
  const out: Claim[] = [];
  const renamed = new Map<string, string>();
  for (const c of claims) {
    const parties = c.speaker && lex.MUTUAL.test(c.content.text) ? partiesOf(doc, c.speaker) : null;
    for (const speaker of parties ?? [c.speaker]) {
      const id = `c${out.length + 1}`;
      if (!renamed.has(c.id)) renamed.set(c.id, id);
      const explain = parties && c.explain ? { ...c.explain, detail: `${c.explain.detail ?? ''}; one of two parties said to accuse each other` } : c.explain;
      out.push({ ...c, id, speaker, ...(explain ? { explain } : {}) });
    }
  }
  for (const c of out) if (c.refersTo !== undefined) c.refersTo = renamed.get(c.refersTo) ?? c.refersTo;
  return out;
}

/** The two parties a speaker's words name, "A and B", each as its own speaker; else null. */
function partiesOf(doc: Doc, speaker: EntityRef): EntityRef[] | null {
  const mentions = doc.mentionsIn(speaker.start, speaker.end);
  if (mentions.length !== 2 || mentions[0]!.entity.id === mentions[1]!.entity.id) return null;
  // The two names are the whole of the speaker's words ("The Peruvian and Bolivian armies" names no two speakers).
  const [a, b] = [mentions[0]!.mention, mentions[1]!.mention];
  if (a.start !== speaker.start || b.end !== speaker.end || !/^\s+and\s+$/.test(doc.text.slice(a.end, b.start))) return null;
  return mentions.map((m) => ({ start: m.mention.start, end: m.mention.end, text: m.mention.text, entity: m.entity.id }));
}
