import type { EntityMention } from '../../../doc/types.js';
import { TAG } from '../../pos/tags.js';
import type { Resolution } from './context.js';
import { nameHead, type Slot } from './group.js';

/**
 * Definite descriptions as mentions: "the commission" is the organisation mentioned last before
 * it whose name has that head noun (or that the gazetteer describes so). They carry kind
 * "description" so that name-only consumers (the CoNLL eval) can leave them out.
 */
export function describe(r: Resolution, slots: readonly Slot[]): void {
  const { doc, t, g, lex, taken } = r;
  let nouns: string[][] | null = null;
  for (let i = 0; i + 1 < t.count; i++) {
    if (t.lower[i] !== 'the') continue;
    const noun = t.lower[i + 1]!;
    if ((!lex.DESCRIBED_HEADS.has(noun) && !g.descriptionNouns.has(noun)) || taken[i + 1] || t.sentence[i + 1] !== t.sentence[i]) continue;
    // Not when the noun modifies the next one ("the party chair", "the court session"), names a
    // kind ("the commission of inquiry") or opens a name ("the Party Congress").
    if (i + 2 < t.count && t.sentence[i + 2] === t.sentence[i]) {
      const tag = doc.pos[i + 2];
      if (tag === TAG.NOUN || tag === TAG.PROPN || t.lower[i + 2] === 'of') continue;
    }
    nouns ??= slots.map((s) => {
      const out = s.entry >= 0 ? [...g.entry(s.entry).descriptions] : [];
      const head = nameHead(s.tokens);
      if (s.entity.type === 'ORG' && lex.DESCRIBED_HEADS.has(head)) out.push(head);
      return out;
    });
    let best = -1;
    let bestAt = -1;
    for (let k = 0; k < slots.length; k++) {
      if (!nouns[k]!.includes(noun)) continue;
      for (const a of slots[k]!.at) {
        if (a < i && a > bestAt) {
          bestAt = a;
          best = k;
        }
      }
    }
    if (best < 0) continue;
    const m: EntityMention = doc.span(t.start[i]!, t.end[i + 1]!);
    m.kind = 'description';
    slots[best]!.entity.mentions.push(m);
    slots[best]!.at.push(i);
  }
}
