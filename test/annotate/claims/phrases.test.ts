import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../src/annotate/claims/index.js';
import { CueModel } from '../../../src/annotate/claims/model.js';
import type { Doc } from '../../../src/doc/doc.js';
import type { Entity, TimeExpression } from '../../../src/doc/types.js';
import { en } from '../../../src/lang/index.js';
import { tokenized } from '../../helpers.js';

/** A doc whose places and dates are given by hand: the claims read from the words and those alone. */
function docOf(text: string, dates: string[], places: string[] = []): Doc {
  const doc = tokenized({ id: 't', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
  const at = (m: string) => ({ start: text.indexOf(m), end: text.indexOf(m) + m.length, text: m });
  doc.set('entities', places.map((p): Entity => ({ id: p, name: p, type: 'GPE', subtype: null, kb: null, mentions: [at(p)] })));
  doc.set('times', dates.map((d): TimeExpression => ({ start: text.indexOf(d), end: text.indexOf(d) + d.length, text: d, value: '2025-03', type: 'DATE' })));
  return doc;
}

const model = CueModel.load(en.data.cueModel);
const claimsOf = (text: string, dates: string[] = [], places: string[] = []) => findClaims(docOf(text, dates, places), model, en).map((c) => [c.cue?.text, c.stance, c.content.text]);

describe('cues whose content is a noun phrase', () => {
  it('reads a noun cue after a light verb past a modifier read as a noun', () => {
    expect(claimsOf('Several deputies have expressed grave concerns about the League’s blockade of the port.')).toEqual([
      ['expressed grave concerns', 'warn', 'the League’s blockade of the port'],
    ]);
  });

  it('reads accusations traded over something', () => {
    expect(claimsOf('Osterlich and the League have traded accusations over the shelling of the dam.')).toEqual([
      ['traded accusations', 'condemn', 'the shelling of the dam'],
    ]);
  });

  it('reads "lashing out at" with its two particles, but no claim in a verb without them', () => {
    expect(claimsOf('The envoy spoke for an hour, lashing out at the League for arming the rebels. Storms lashed the coast.')).toEqual([
      ['lashing out at', 'condemn', 'the League for arming the rebels'],
    ]);
  });

  it('reads a noun cue whose holder is named where it is felt', () => {
    expect(claimsOf('The raids have caused panic among tourists and concern in Osterlich that the new bridge could be targeted.', [], ['Osterlich']).map(([cue, , content]) => [cue, content])).toEqual([
      ['concern', 'the new bridge could be targeted'],
    ]);
  });

  it('reads "critical of" after "be", not "critical to"', () => {
    expect(claimsOf('Minister Vale, whose government has been critical of the League’s decision to leave the grain deal, stayed away. The port is critical to the war effort.')).toEqual([
      ['critical of', 'condemn', 'the League’s decision to leave the grain deal'],
    ]);
  });

  it('reads what a document records', () => {
    expect(claimsOf('The mission published its report on Friday. It documents 40 cases of arbitrary detention by the border guards, mostly in the north.')).toEqual([
      ['documents', 'assert', '40 cases of arbitrary detention by the border guards'],
    ]);
  });
});

describe('appeals', () => {
  it('reads an appeal to someone to act, past a time, and an appeal for something', () => {
    expect(claimsOf('Minister Vale appealed to the shipping firm in March to stop carrying arms. The mayor appealed for calm.', ['March'])).toEqual([
      ['appealed to', 'demand', 'the shipping firm in March to stop carrying arms'],
      ['appealed for', 'demand', 'calm'],
    ]);
  });

  it('reads no claim in a legal appeal or in appealing to voters', () => {
    expect(claimsOf('Vale appealed the ruling. Dorn may decline to appeal to the high court should the verdict stand. The plan was a chance to appeal to rural voters.')).toEqual([]);
  });
});
