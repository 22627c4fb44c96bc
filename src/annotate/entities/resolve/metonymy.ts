import { TAG } from '../../pos/tags.js';
import type { Resolution } from './context.js';

/** Step 5: metonymy — a capital or seat of power used as an actor is its country's government. */
export function metonymy(r: Resolution): void {
  const { doc, t, g, cands } = r;
  for (const c of cands) {
    if (c.entry < 0) continue;
    const e = g.entry(c.entry);
    if (e.seatOf >= 0 && isActor(r, c.start, c.end, doc.sentences[t.sentence[c.start]!]!.first)) {
      c.place = c.entry;
      c.entry = e.seatOf;
      c.type = g.entry(e.seatOf).type;
      delete c.label;
    }
  }
}

/** Is the place at [start, end) used as an actor (subject of a verb, party to relations)? */
function isActor(r: Resolution, start: number, end: number, sentenceFirst: number): boolean {
  const { doc, t, lex } = r;
  // "the Kremlin", "the White House": the word that decides is the one before the article.
  const before = t.lower[start - 1] === 'the' ? start - 2 : start - 1;
  const prev = before >= sentenceFirst ? t.lower[before]! : '';
  if (lex.PLACE_BEFORE.has(prev)) return prev === 'to' && t.lower[before - 1] === 'assistance';
  const next = t.lower[end] ?? '';
  if (next === "'s" || next === '’s') return true;
  if (lex.ACTOR_NEXT.has(next) || lex.ACTOR_BEFORE.has(prev)) return true;
  // A verb or auxiliary right after it ("the figure Washington gave").
  if (end < t.count && t.sentence[end] === t.sentence[start]) {
    const tag = doc.pos[end];
    return tag === TAG.VERB || tag === TAG.AUX;
  }
  return false;
}
