import type { EntityMention } from '../../../doc/types.js';
import { TAG } from '../../pos/tags.js';
import { isSettlement, namedAsSettlement, type Resolution } from './context.js';
import { entrySlot, nameHead, type Slot } from './group.js';

/**
 * Definite descriptions as mentions: "the commission" is the organisation mentioned last before
 * it whose name has that head noun (or that the gazetteer describes so); "the city" the
 * settlement named last, "the capital" the capital, "the Peruvian capital" that country's. They
 * carry kind "description" so that name-only consumers (the CoNLL eval) can leave them out.
 */
export function describe(r: Resolution, slots: Slot[]): void {
  const { doc, t, g, lex, taken } = r;
  let nouns: string[][] | null = null;
  for (let i = 0; i + 1 < t.count; i++) {
    if (t.lower[i] !== 'the' || t.sentence[i + 1] !== t.sentence[i]) continue;
    const capital = countryCapital(r, slots, i);
    if (capital) {
      addDescription(r, capital.slot, i, capital.end);
      i = capital.end - 1;
      continue;
    }
    const noun = t.lower[i + 1]!;
    const settlement = lex.SETTLEMENT_NOUNS.has(noun);
    if ((!settlement && !lex.DESCRIBED_HEADS.has(noun) && !g.descriptionNouns.has(noun)) || taken[i + 1]) continue;
    // Not when the noun modifies the next one ("the party chair", "the court session"), names a
    // kind ("the commission of inquiry") or opens a name ("the Party Congress").
    if (i + 2 < t.count && t.sentence[i + 2] === t.sentence[i]) {
      const tag = doc.pos[i + 2];
      if (tag === TAG.NOUN || tag === TAG.PROPN || t.lower[i + 2] === 'of') continue;
    }
    let fits: (k: number) => boolean;
    if (settlement) {
      fits = (k) => settlementFor(r, slots[k]!, noun);
    } else {
      const heads = (nouns ??= slots.map((s) => {
        const out = s.entry >= 0 ? [...g.entry(s.entry).descriptions] : [];
        const head = nameHead(s.tokens);
        if (s.entity.type === 'ORG' && lex.DESCRIBED_HEADS.has(head)) out.push(head);
        return out;
      }));
      // A capital added by countryCapital after the nouns were listed has none of these.
      fits = (k) => heads[k]?.includes(noun) ?? false;
    }
    let best = -1;
    let bestAt = -1;
    for (let k = 0; k < slots.length; k++) {
      if (!fits(k)) continue;
      for (const a of slots[k]!.at) {
        if (a < i && a > bestAt) {
          bestAt = a;
          best = k;
        }
      }
    }
    if (best >= 0) addDescription(r, slots[best]!, i, i + 2);
  }
}

function addDescription(r: Resolution, slot: Slot, first: number, end: number): void {
  const m: EntityMention = r.doc.span(r.t.start[first]!, r.t.end[end - 1]!);
  m.kind = 'description';
  slot.entity.mentions.push(m);
  slot.at.push(first);
}

/**
 * Whether `slot` is a place that "the <noun>" may stand for: a capital for "the capital"; for "the city", "the town" or
 * "the village" a settlement the gazetteer knows, or a place the article introduced as one ("the town of Vorsk").
 */
function settlementFor(r: Resolution, slot: Slot, noun: string): boolean {
  const e = slot.entity;
  // A place no list knows is tagged a location; introduced as a town ("the border town of Desaguadero") it is one.
  if (e.type !== 'GPE' && !(e.type === 'LOC' && !e.subtype && noun !== 'capital')) return false;
  if (noun === 'capital') return e.subtype === 'capital';
  if (e.subtype) return isSettlement(e.subtype) || e.subtype === 'capital';
  return slot.at.some((a) => namedAsSettlement(r, a));
}

/**
 * "the Peruvian capital", "the South Korean capital": the capital of the country whose name or
 * demonym follows "the" at token `i`, with the token after the description; null otherwise.
 */
function countryCapital(r: Resolution, slots: Slot[], i: number): { slot: Slot; end: number } | null {
  const { doc, t, g } = r;
  const at = t.start[i + 1]!;
  for (const s of slots) {
    if (s.entry < 0 || s.entity.subtype !== 'country' || !s.at.includes(i + 1)) continue;
    const m = s.entity.mentions.find((x) => x.start === at);
    if (!m) return null;
    const after = doc.tokenAt(m.end - 1) + 1;
    if (t.lower[after] !== 'capital' || t.sentence[after] !== t.sentence[i]) return null;
    const next = doc.pos[after + 1];
    if (after + 1 < t.count && t.sentence[after + 1] === t.sentence[i] && (next === TAG.NOUN || next === TAG.PROPN)) return null;
    const capital = g.capitalOf(s.entry);
    if (capital < 0) return null;
    return { slot: slots.find((x) => x.entry === capital) ?? entrySlot(g, capital, slots), end: after + 1 };
  }
  return null;
}
