import { describe, expect, it } from 'vitest';
import { meaningKeys, meaningOverlap, weightOf, type Terms } from '../../src/analysis/meaning.js';
import { inOneShape, keysOf, matchScore, propositionOf } from '../../src/analysis/propositions.js';
import type { ClaimFeatures, EventSig } from '../../src/analysis/features.js';
import { en } from '../../src/lang/index.js';
import { wordVectors } from '../../src/lang/vectors.js';

const { stem } = en.words;

/** A content's terms as the features give them: sorted stems, each with its word's row in the vectors. */
function terms(text: string): Terms {
  const byStem = new Map<string, string>();
  for (const w of text.toLowerCase().split(/\s+/)) if (!byStem.has(stem(w))) byStem.set(stem(w), w);
  const words = [...byStem.keys()].sort();
  return { words, rows: words.map((s) => wordVectors(en).id(byStem.get(s)!)) };
}

function features(text: string, over: Partial<ClaimFeatures> = {}): ClaimFeatures {
  return {
    ...terms(text),
    entities: [], events: [], numbers: [], dates: [], predicate: 0, negated: false, negation: false, countries: {}, wide: [], order: null,
    refers: 0, topic: false, answers: null, refusal: false, statement: true, pronounSubject: false, retort: false, voice: 'v', camp: 'v',
    blame: null, rare: [], subject: null, disbelief: false, ...over,
  } as ClaimFeatures;
}

describe('stems', () => {
  it('gives the forms of one verb one stem', () => {
    for (const forms of ['invade invades invaded invading', 'seize seizes seized seizing', 'plan plans planned planning', 'supply supplies supplied', 'use uses used using'].map((f) => f.split(' '))) {
      expect(new Set(forms.map(stem)).size).toBe(1);
    }
    // Aircraft are one thing, whatever they are called, and not a plan.
    expect(new Set(['planes', 'jet', 'aircraft', 'warplanes'].map(stem)).size).toBe(1);
    expect(stem('planes')).not.toBe(stem('plans'));
    expect(stem('passed')).toBe('pass');
    expect(stem('agree')).toBe('agree');
  });

  it('gives a noun of a news verb the verb\'s stem', () => {
    for (const [noun, verb] of [['blockade', 'blocking'], ['theft', 'stealing'], ['seizure', 'seized'], ['invasion', 'invade'], ['withdrawals', 'withdrew'], ['shelling', 'shelled']]) {
      expect(stem(noun!)).toBe(stem(verb!));
    }
  });
});

describe('meaning of contents', () => {
  it('weighs a word by how much it tells: common words little, rare and unknown ones much', () => {
    const row = (w: string) => wordVectors(en).id(w);
    expect(weightOf(row('said'))).toBeLessThan(weightOf(row('weapons')));
    expect(weightOf(row('weapons'))).toBeLessThan(weightOf(row('blockade')));
    expect(weightOf(-1)).toBe(4);
  });

  it('meets one statement in other words, and not a different statement on the same topic', () => {
    const a = terms('naval blockade trapping grain exports ports');
    const b = terms('blockading ports trapped grain shipments');
    const c = terms('grain harvest record yields farmers');
    expect(meaningOverlap(a, b).score).toBeGreaterThan(0.45);
    expect(meaningOverlap(a, b).topics).toBeGreaterThanOrEqual(2);
    expect(meaningOverlap(a, c).score).toBeLessThan(0.45);
    // Features stored before rows existed meet nothing by meaning.
    expect(meaningOverlap({ words: a.words }, b).score).toBe(0);
  });

  it('meets a denial worded with the verb and the accusation worded with its noun', () => {
    const denial = terms('blocking harbours stealing timber');
    const accusation = terms('blockade harbours theft timber convoys');
    expect(meaningOverlap(denial, accusation, 0.4).topics).toBeGreaterThanOrEqual(3);
    expect(meaningOverlap(denial, accusation, 0.4).score).toBeGreaterThan(0.6);
  });

  it('keys a long content by its rarest topic words, so a short denial of one thing it says finds it', () => {
    const statement = meaningKeys(terms('the blockade of the harbours has already cut the amount of bread available in every area'));
    const denial = meaningKeys(terms('smuggling wheat or blocking harbours'));
    expect(statement).toContain('t:block|harbour');
    expect(denial.filter((k) => statement.includes(k))).toEqual(['t:block|harbour']);
  });

  it('keys a content by pairs of its heaviest topic words, so two in common make a candidate', () => {
    const keys = meaningKeys(terms('turbine pipeline maintenance sanctions'));
    expect(keys).toHaveLength(3);
    expect(keys.every((k) => k.startsWith('t:'))).toBe(true);
    expect(meaningKeys(terms('said that they would'))).toEqual([]);
  });
});

describe('propositions', () => {
  const invasion = (over: Partial<EventSig> = {}): EventSig => ({ type: 'attack', actor: 'R', target: null, place: null, time: null, quantity: null, planned: false, denied: false, ...over });

  it('joins paraphrases of one statement, found through their keys', () => {
    const a = features('naval blockade trapping grain exports ports');
    const b = features('blockading ports trapped grain shipments');
    const shared = keysOf(a).filter((k) => keysOf(propositionOf(b)).includes(k));
    expect(shared.length).toBeGreaterThan(0);
    expect(matchScore(a, propositionOf(b))).toBeGreaterThan(0);
    expect(matchScore(features('grain harvest record yields farmers'), propositionOf(b))).toBe(0);
  });

  it('puts a denial with the statement that holds all it denies, not a shorter one sharing fewer of its words', () => {
    const denial = features('smuggling grain blocking harbours', { denies: [['grain', 'smuggl'], ['block', 'harbour']] });
    const blockade = propositionOf(features('blockade harbours trapped wheat maize barns inland'));
    const closed = propositionOf(features('grain harbours closed'));
    expect(matchScore(denial, blockade)).toBeGreaterThan(matchScore(denial, closed));
  });

  it('does not join war claims on one party alone — the war is their background — but on one narrow place', () => {
    const a = features('shelled homes overnight', { events: [invasion()] });
    const b = features('drone hit power station', { events: [invasion()] });
    expect(matchScore(a, propositionOf(b))).toBe(0);
    const here = features('shelled homes overnight', { events: [invasion({ place: 'town' })] });
    const there = features('drone hit power station', { events: [invasion({ actor: null, place: 'town' })] });
    expect(matchScore(here, propositionOf(there))).toBeGreaterThan(2);
  });

  it('tells attacks on two towns of one country apart, though a town and its country may be one place', () => {
    const countries = { R: 'RR', town: 'RR', village: 'RR', land: 'RR' };
    const here = features('guns shelled town overnight', { events: [invasion({ place: 'town' })], countries });
    const there = features('guns shelled village overnight', { events: [invasion({ place: 'village' })], countries });
    expect(matchScore(here, propositionOf(there))).toBe(0);
    const country = features('guns shelled land overnight', { events: [invasion({ place: 'land' })], countries, wide: ['land'] });
    expect(matchScore(here, propositionOf(country))).toBeGreaterThan(2);
  });

  it('writes a proposition\'s features as before, and reads them back in the one shape every proposition has', () => {
    const plain = propositionOf(features('grain harbours closed', { rows: undefined }));
    const blaming = propositionOf(features('provoked the war', { blame: { target: 'state:A', with: [], outcome: 'war', direction: 1 } }));
    // Stores hold features JSON that earlier builds wrote, with the absent fields left out, in this order.
    expect(JSON.stringify(plain)).toBe('{"subject":null,"rare":[],"events":[],"words":["clos","grain","harbour"],"entities":[],"countries":{},"wide":[]}');
    expect(JSON.stringify(blaming)).toMatch(/^\{"blames":\["war"\],"subject":null,"rare":\[\],"events":\[\],"words":\[.+\],"rows":\[.+\],"entities"/);
    const read = inOneShape(JSON.parse(JSON.stringify(plain)));
    expect(Object.keys(read)).toEqual(Object.keys(blaming));
    expect(JSON.stringify(read)).toBe(JSON.stringify(plain));
  });
});
