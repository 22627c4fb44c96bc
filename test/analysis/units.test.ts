import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../src/annotate/events/index.js';
import { contradictionOf } from '../../src/analysis/contradictions.js';
import { claimFeatures, positionOf, type ClaimFeatures } from '../../src/analysis/features.js';
import type { Member } from '../../src/analysis/members.js';
import { minhash, similarity } from '../../src/analysis/minhash.js';
import { orderSteps } from '../../src/analysis/stories.js';
import type { Stance } from '../../src/doc/types.js';
import { handmade, KOREA_ENTITIES, type HandmadeSpec } from '../events/handmade.js';
import { RECORDS } from './corpus.js';

function featuresOf(text: string, spec: HandmadeSpec) {
  const doc = handmade(text, { entities: KOREA_ENTITIES, ...spec });
  doc.events = extractEvents(doc);
  return claimFeatures(doc.toAnalysis());
}

let seq = 0;
function member(over: Partial<Member> & { features: ClaimFeatures; stance: Stance }): Member {
  seq++;
  return {
    article: `a${seq}`,
    articleSeq: seq,
    claim: 'c1',
    speaker: `speaker ${seq}`,
    speakerKey: `s${seq}`,
    content: 'content',
    contentStart: 0,
    contentEnd: 7,
    said: null,
    published: '2025-01-20',
    source: null,
    dupGroup: `a${seq}`,
    position: positionOf(over.stance, over.features),
    ...over,
  };
}

describe('claim features', () => {
  it('reads which way a content points: "ended" against "continue", negation in its opening words', () => {
    const f = featuresOf('Moscow said the fighting in Kursk had ended. Kyiv said the fighting in Kursk continues and has not ended.', {
      claims: [
        { speaker: 'Moscow', content: 'the fighting in Kursk had ended', stance: 'assert' },
        { speaker: 'Kyiv', content: 'the fighting in Kursk continues and has not ended', stance: 'assert' },
      ],
    });
    expect(f.get('c1')).toMatchObject({ predicate: 1, negated: false });
    // Both "ended" and "continues": no predicate; the "not" turns it round.
    expect(f.get('c2')).toMatchObject({ predicate: 0, negated: true });
    expect(positionOf('assert', f.get('c1')!)).toBe(1);
    expect(positionOf('deny', f.get('c1')!)).toBe(-1);
    expect(f.get('c1')!.words).toEqual(f.get('c2')!.words);
  });

  it('lets a bare dismissal answer the nearest earlier claim of another speaker, and reads "initially"', () => {
    const text = 'Seoul said North Korea had sent troops to Russia, a report Pyongyang initially called baseless lies.';
    const f = featuresOf(text, {
      claims: [
        { speaker: 'Seoul', content: 'North Korea had sent troops to Russia', stance: 'assert' },
        { speaker: 'Pyongyang', content: 'baseless lies', stance: 'deny' },
      ],
    });
    expect(f.get('c2')).toMatchObject({ answers: 'c1', order: 'early' });
    expect(f.get('c1')!.answers).toBeNull();
  });
});

describe('ordering story steps', () => {
  it('puts a dismissal right after the claim it answers and an undated claim at its publication date', () => {
    const base: ClaimFeatures = { entities: [], events: [], words: [], numbers: [], dates: [], predicate: 0, negated: false, countries: {}, order: null, answers: null };
    const report = member({ stance: 'assert', said: '2024-10', article: 'x', claim: 'c1', features: base, published: '2025-04-28' });
    const dismissal = member({ stance: 'deny', article: 'x', claim: 'c2', features: { ...base, answers: 'c1', order: 'early' }, published: '2025-04-28' });
    const confirmation = member({ stance: 'confirm', article: 'x', claim: 'c3', features: base, published: '2025-04-28', contentStart: 50 });
    const earlierDenial = member({ stance: 'deny', said: '2024-11-02', features: base });
    const steps = orderSteps([confirmation, earlierDenial, dismissal, report]);
    expect(steps.map((s) => `${s.article}/${s.claim}`)).toEqual(['x/c1', 'x/c2', `${earlierDenial.article}/c1`, 'x/c3']);
    expect(steps.map((s) => s.placed)).toEqual(['2024-10', '2024-10', '2024-11-02', '2025-04-28']);
  });
});

describe('number disagreements', () => {
  it('sets different counts of one capture from different sources against each other', () => {
    const capture = (n: number) => ({ type: 'capture', actor: 'Q212', target: 'Q423', place: 'kursk', time: '2025-01-11', quantity: n, planned: false });
    const f = (n: number): ClaimFeatures => ({ entities: [], events: [capture(n)], words: ['captur', 'soldier'], numbers: [n], dates: [], predicate: 0, negated: false, countries: {}, order: null, answers: null });
    const x = contradictionOf(7, 'capture', [member({ stance: 'assert', features: f(2) }), member({ stance: 'assert', features: f(9) })]);
    expect(x).toMatchObject({ id: 'x7', kind: 'number' });
    expect(x!.sides.map((s) => s.value)).toEqual([2, 9]);
    // Counts within a quarter of each other are the same figure rounded differently.
    expect(contradictionOf(8, 'capture', [member({ stance: 'assert', features: f(100) }), member({ stance: 'assert', features: f(110) })])).toBeNull();
  });
});

describe('near-duplicate signatures', () => {
  it('rates a syndicated copy close and an unrelated article far', () => {
    const [original, copy, ...others] = RECORDS;
    const sig = minhash(original!.text);
    expect(similarity(sig, minhash(copy!.text))).toBeGreaterThan(0.6);
    for (const o of others) expect(similarity(sig, minhash(o.text))).toBeLessThan(0.2);
  });
});
