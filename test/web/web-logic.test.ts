import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/doc/types.js';
import { quoted, sideHead, stanceLabel } from '../../src/doc/display.js';
import { axisPositions } from '../../web/src/axis.js';
import { marksOf, segment } from '../../web/src/highlight.js';
import { placeShape } from '../../web/src/places.js';
import { ministryArticle } from '../fixtures/articles.js';

describe('reader highlighting', () => {
  it('cuts the text at every mark boundary, each piece listing the marks over it', () => {
    const a: Analysis = ministryArticle();
    const marks = marksOf(a);
    const pieces = segment(a.article.text.length, marks);
    // The pieces tile the text exactly.
    expect(pieces.map((p) => a.article.text.slice(p.start, p.end)).join('')).toBe(a.article.text);
    // Inside the first claim's content, "Kursk Oblast" is both content and an entity mention.
    const kursk = a.article.text.indexOf('Kursk Oblast', a.claims[0]!.content.start);
    const piece = pieces.find((p) => p.start === kursk)!;
    expect(piece.marks.map((m) => m.kind).sort()).toEqual(['content', 'entity']);
    // Every mark is covered by exactly the pieces between its ends.
    for (const m of marks) {
      const covered = pieces.filter((p) => p.marks.includes(m));
      expect(covered[0]!.start).toBe(m.start);
      expect(covered[covered.length - 1]!.end).toBe(m.end);
    }
  });

  it('drops marks outside the text instead of breaking the reader', () => {
    const pieces = segment(10, [{ kind: 'time', start: 8, end: 30, time: { start: 8, end: 30, text: 'x', value: '2025', type: 'DATE' } }]);
    expect(pieces).toEqual([{ start: 0, end: 10, marks: [] }]);
  });
});

describe('story time axis', () => {
  it('places dated steps by date and undated ones between their neighbours, none on top of another', () => {
    const x = axisPositions([{ placed: '2024-10' }, { placed: null }, { placed: '2024-10' }, { placed: '2025-04-28' }]);
    expect(x[0]).toBe(0);
    expect(x[3]).toBe(1);
    for (let i = 1; i < x.length; i++) expect(x[i]! - x[i - 1]!).toBeGreaterThanOrEqual(0.07);
  });

  it('spreads steps evenly when none is dated', () => {
    expect(axisPositions([{ placed: null }, { placed: null }, { placed: null }])).toEqual([0, 0.5, 1]);
  });
});

describe('claims shown to readers', () => {
  it('quotes a content once, and names a negated stance', () => {
    expect(quoted('troops had left')).toBe('“troops had left”');
    expect(quoted('“We will not stand idle,”')).toBe('“We will not stand idle,”');
    expect(quoted('"Statements by the command"')).toBe('"Statements by the command"');
    expect(stanceLabel({ stance: 'confirm', negated: true })).toBe('not confirm');
    expect(stanceLabel({ stance: 'deny' })).toBe('deny');
  });

  it('heads a side of a contradiction by its count, its day or the party it blames, never a party read as a day', () => {
    expect(sideHead('number', { value: 45, label: 'at least 45 killed' })).toBe('at least 45 killed');
    expect(sideHead('date', { value: '2026-03-02' })).toBe('2 Mar 2026');
    expect(sideHead('blame', { value: 'Bolivia' })).toBe('blames Bolivia');
    expect(sideHead('stance', {})).toBeNull();
  });
});

describe('map shapes', () => {
  const square = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[30, 45], [30, 52], [40, 52], [40, 45], [30, 45]]] } };
  const at = (type: string, subtype: string | null) => ({ type, subtype, coords: [48, 35] as [number, number] });

  it('draws a country as its shape, a region or sea as an area, a city or facility as a point, a continent not at all', () => {
    expect(placeShape(at('GPE', 'country'), [square])).toEqual({ kind: 'country', shape: square });
    expect(placeShape(at('LOC', 'oblast'), [square]).kind).toBe('area');
    expect(placeShape(at('LOC', 'sea'), [square]).kind).toBe('area');
    expect(placeShape(at('GPE', 'city'), [square]).kind).toBe('point');
    expect(placeShape(at('GPE', 'town'), [square]).kind).toBe('point');
    expect(placeShape(at('FAC', 'nuclear-plant'), [square]).kind).toBe('facility');
    expect(placeShape(at('LOC', 'continent'), [square]).kind).toBe('none');
  });

  it('draws a country the atlas has no shape for as an area around its centre, and a sea wider than a region', () => {
    const country = placeShape(at('GPE', 'country'), []);
    expect(country.kind).toBe('area');
    const width = (s: ReturnType<typeof placeShape>) => {
      if (s.kind !== 'area') return 0;
      const lons = s.shape.coordinates[0]!.map((p) => p[0]!);
      return Math.max(...lons) - Math.min(...lons);
    };
    expect(width(placeShape(at('LOC', 'sea'), []))).toBeGreaterThan(width(placeShape(at('LOC', 'oblast'), [])));
  });
});
