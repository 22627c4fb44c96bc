import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPipeline, createPipeline } from '../../../src/annotate/index.js';
import { digitValue, readNumber } from '../../../src/lang/en/numbers.js';
import type { Quantity } from '../../../src/doc/types.js';
import { tokenize } from '../../../src/doc/tokenize.js';
import { HAS_SEED, SEED, SEED_GOLD } from '../../helpers.js';

const QUANTITIES = buildPipeline({ layers: ['quantities'] });

function quantities(text: string): Quantity[] {
  const doc = QUANTITIES.process({ id: 'q', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
  for (const q of doc.quantities) expect(text.slice(q.start, q.end)).toBe(q.text);
  return doc.quantities;
}

const brief = (qs: Quantity[]) => qs.map((q) => [q.text, q.value, q.unit, q.approximate]);

describe('quantities', () => {
  it('reads counts in digits and words with the noun phrase they count', () => {
    expect(brief(quantities('Pyongyang sent 1,500 special forces soldiers and planned to add 12,000 troops.'))).toEqual([
      ['1,500', 1500, 'special forces soldiers', false],
      ['12,000', 12000, 'troops', false],
    ]);
    expect(brief(quantities('Ukrainian units captured two North Korean soldiers and one Russian officer.'))).toEqual([
      ['two', 2, 'North Korean soldiers', false],
      ['one', 1, 'Russian officer', false],
    ]);
    expect(brief(quantities('Some 3.5 million people fled and twenty-four villages burned.'))).toEqual([
      ['3.5 million', 3500000, 'people', true],
      ['twenty-four', 24, 'villages', false],
    ]);
  });

  it('marks hedges, bounds, vague plurals and ranges as approximate', () => {
    expect(brief(quantities('More than 200 drones, up to 40 missiles and at least 9 shells hit.'))).toEqual([
      ['200', 200, 'drones', true],
      ['40', 40, 'missiles', true],
      ['9', 9, 'shells', true],
    ]);
    expect(brief(quantities('Dozens of civilians, hundreds of soldiers and tens of thousands of residents left; a dozen tanks stayed.'))).toEqual([
      ['Dozens', 24, 'civilians', true],
      ['hundreds', 200, 'soldiers', true],
      ['tens of thousands', 20000, 'residents', true],
      ['a dozen', 12, 'tanks', false],
    ]);
    expect(brief(quantities('Between 1,000 and 2,000 fighters, or two or three brigades.'))).toEqual([
      ['1,000', 1000, 'fighters', true],
      ['2,000', 2000, 'fighters', true],
      ['two', 2, 'brigades', true],
      ['three', 3, 'brigades', true],
    ]);
  });

  it('lets a bare count share the noun of the count before it: "3 people were killed and 12 wounded"', () => {
    expect(brief(quantities('Officials said 3 people were killed and 12 wounded; 4 more fled.'))).toEqual([
      ['3', 3, 'people', false],
      ['12', 12, 'people', false],
      ['4', 4, null, false],
    ]);
  });

  it('ends the counted noun phrase at a verb or a number, keeping participles that modify a noun', () => {
    expect(brief(quantities('Yesterday 20 drones hit two apartment blocks and 14 heavily armed men seized three armoured vehicles.'))).toEqual([
      ['20', 20, 'drones', false],
      ['two', 2, 'apartment blocks', false],
      ['14', 14, 'heavily armed men', false],
      ['three', 3, 'armoured vehicles', false],
    ]);
    // After the count the lexicon's "verb" is a noun: "one estimate", "two protest groups".
    expect(brief(quantities('By one estimate, two protest groups marched.'))).toEqual([
      ['one', 1, 'estimate', false],
      ['two', 2, 'protest groups', false],
    ]);
  });

  it('lets a bare subject count share the noun before it: "300 troops died and 2,700 were injured"', () => {
    expect(brief(quantities('About 300 conscripts died and 2,700 were injured.'))).toEqual([
      ['300', 300, 'conscripts', true],
      ['2,700', 2700, 'conscripts', false],
    ]);
  });

  it('does not count ages', () => {
    expect(brief(quantities('The pilot, 36 years old, and two boys aged 9 and 11 survived; Petrenko, 52, did not.'))).toEqual([['two', 2, 'boys', false]]);
  });

  it('splits written ranges into both ends', () => {
    expect(brief(quantities('The raid killed 1,500-2,000 fighters; the vote was 3-2.'))).toEqual([
      ['1,500', 1500, 'fighters', true],
      ['2,000', 2000, 'fighters', true],
    ]);
  });

  it('gives money an ISO 4217 code and percentages the unit "percent"', () => {
    expect(brief(quantities('Aid worth $2.5 billion, €200m and 70 million dollars rose 12%, and rents 3 per cent.'))).toEqual([
      ['$2.5 billion', 2500000000, 'USD', false],
      ['€200m', 200000000, 'EUR', false],
      ['70 million dollars', 70000000, 'USD', false],
      ['12%', 12, 'percent', false],
      ['3 per cent', 3, 'percent', false],
    ]);
  });

  it('leaves numbers of dates, labels, names, pronouns and ids alone', () => {
    expect(quantities('The treaty signed on 27 April 2024 cites Article 4 and Resolution 2231.')).toEqual([]);
    expect(quantities('No one knows; the one who left flew F-16 jets after the 9/11 attacks.')).toEqual([]);
    expect(quantities('The post (id 1474387200123) was deleted within two days.')).toEqual([]);
  });

  it('runs after the times layer it depends on', () => {
    expect(QUANTITIES.components.map((c) => c.name)).toEqual(['tokens', 'pos', 'times', 'quantities']);
    expect(QUANTITIES.components.at(-1)!.requires).toContain('times');
  });

  it.skipIf(!HAS_SEED)('finds every quantity of the seed gold with its value and unit', async () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as { article: { published: string }; quantities: { text: string; value: number; unit_contains: string }[] };
    const pipeline = await createPipeline({ layers: ['quantities'] });
    const text = readFileSync(SEED, 'utf8');
    const doc = pipeline.process({ id: 'seed', title: null, published: gold.article.published, source: null, url: null, language: 'en', text, ref: null });
    for (const g of gold.quantities) {
      const found = doc.quantities.some((q) => q.text.includes(g.text) && q.value === g.value && (q.unit ?? '').includes(g.unit_contains));
      expect(found, `${g.text} ${g.unit_contains}`).toBe(true);
    }
  });
});

describe('numbers', () => {
  const read = (text: string) => {
    const { tokens } = tokenize(text);
    return readNumber(tokens, 0, tokens.count)?.value ?? null;
  };

  it('reads digits, words, scales and fractions', () => {
    expect(read('12,000,000')).toBe(12000000);
    expect(read('3.5 million')).toBe(3500000);
    expect(read('two hundred and fifty')).toBe(250);
    expect(read('a hundred thirty million')).toBe(130000000);
    expect(read('twenty four')).toBe(24);
    expect(read('5 1/2')).toBe(5.5);
    expect(read('two dozen')).toBe(24);
  });

  it('refuses what is not a number', () => {
    expect(digitValue('1,50')).toBeNaN();
    expect(digitValue('1990s')).toBeNaN();
    expect(read('a soldier')).toBeNull();
    expect(read('9/11')).toBeNull();
  });
});
