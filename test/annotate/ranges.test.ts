import { describe, expect, it } from 'vitest';
import { PositionIndex, SpanIndex } from '../../src/annotate/ranges.js';

/** A small deterministic generator. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('position lookups answer as a full scan would', () => {
  const rnd = random(5);
  const spans = Array.from({ length: 400 }, () => {
    const lo = Math.floor(rnd() * 1000);
    return { lo, hi: lo + 1 + Math.floor(rnd() * 40) };
  });

  it('PositionIndex.between: the items positioned in [from, to), in their original order', () => {
    const index = new PositionIndex(spans, (s) => s.lo);
    for (let from = -5; from < 1050; from += 17) {
      const to = from + Math.floor(rnd() * 60);
      expect(index.between(from, to)).toEqual(spans.flatMap((s, i) => (s.lo >= from && s.lo < to ? [i] : [])));
    }
  });

  it('SpanIndex.containing and overlapping: the items holding a point or meeting a range, in order', () => {
    const index = new SpanIndex(spans, (s) => s.lo, (s) => s.hi);
    for (let p = -5; p < 1050; p += 7) {
      expect(index.containing(p)).toEqual(spans.flatMap((s, i) => (s.lo <= p && p < s.hi ? [i] : [])));
      expect(index.overlapping(p, p + 10)).toEqual(spans.flatMap((s, i) => (s.lo < p + 10 && s.hi > p ? [i] : [])));
    }
  });
});
