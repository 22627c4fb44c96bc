import type { Analysis, Claim, Entity, Event, Quantity, TimeExpression } from '../../src/contract/index.js';

/** A highlighted stretch of the article and what it is. */
export type Mark =
  | { kind: 'entity'; start: number; end: number; entity: Entity; label: string }
  | { kind: 'time'; start: number; end: number; time: TimeExpression }
  | { kind: 'quantity'; start: number; end: number; quantity: Quantity }
  | { kind: 'speaker' | 'cue' | 'content' | 'via'; start: number; end: number; claim: Claim }
  | { kind: 'trigger'; start: number; end: number; event: Event };

export type MarkKind = Mark['kind'];

/** A run of text under the same marks. */
export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/** Every span of the analysis as a mark. */
export function marksOf(a: Analysis): Mark[] {
  const marks: Mark[] = [];
  for (const entity of a.entities) for (const m of entity.mentions) marks.push({ kind: 'entity', start: m.start, end: m.end, entity, label: m.label ?? entity.type });
  for (const time of a.times) marks.push({ kind: 'time', start: time.start, end: time.end, time });
  for (const quantity of a.quantities) marks.push({ kind: 'quantity', start: quantity.start, end: quantity.end, quantity });
  for (const claim of a.claims) {
    if (claim.speaker) marks.push({ kind: 'speaker', start: claim.speaker.start, end: claim.speaker.end, claim });
    if (claim.cue) marks.push({ kind: 'cue', start: claim.cue.start, end: claim.cue.end, claim });
    if (claim.via) marks.push({ kind: 'via', start: claim.via.start, end: claim.via.end, claim });
    for (const part of claim.content.parts?.length ? claim.content.parts : [claim.content]) marks.push({ kind: 'content', start: part.start, end: part.end, claim });
  }
  for (const event of a.events) marks.push({ kind: 'trigger', start: event.trigger.start, end: event.trigger.end, event });
  return marks;
}

/**
 * Cut [0, length) at every mark boundary: each segment lists the marks covering it (marks may
 * nest and overlap). One sweep over the sorted boundaries.
 */
export function segment(length: number, marks: readonly Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= length && m.start < m.end);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const byStart = [...valid].sort((x, y) => x.start - y.start);
  const segments: Segment[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    active = active.filter((m) => m.end > start);
    while (next < byStart.length && byStart[next]!.start <= start) {
      const m = byStart[next++]!;
      if (m.end > start) active.push(m);
    }
    segments.push({ start, end, marks: active.slice() });
  }
  return segments;
}
