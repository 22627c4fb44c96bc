import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../src/annotate/claims/index.js';
import { CueModel } from '../../../src/annotate/claims/model.js';
import type { Doc } from '../../../src/doc/doc.js';
import { en } from '../../../src/lang/index.js';
import { tokenized } from '../../helpers.js';

/** A doc with no entities or times: the claims read from the words alone. */
function docOf(text: string): Doc {
  const doc = tokenized({ id: 't', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
  doc.set('entities', []);
  doc.set('times', []);
  return doc;
}

const model = CueModel.load(en.data.cueModel);
const claimsOf = (text: string) => findClaims(docOf(text), model, en).map((c) => [c.cue?.text, c.content.text]);

describe('contents past what stands between a cue and its clause', () => {
  it('passes an aside set off by commas before "that"', () => {
    expect(claimsOf('Minister Vale told the delegates, with visible irritation, that the League had broken the truce.')).toEqual([
      ['told', 'the League had broken the truce'],
    ]);
  });

  it('reads the that-clause of someone brought to believe it, past coordinated people and an aside, after a verb of trying', () => {
    expect(claimsOf('Vale is seeking to convince the envoys and, to a far lesser degree, the public that Osterlich bears no blame for the shortages.')).toEqual([
      ['convince', 'Osterlich bears no blame for the shortages'],
    ]);
  });
});

describe('claims told inside a quotation', () => {
  it('reads what someone named in a quote said, beside the quoting claim', () => {
    const text = '“The trouble is that Governor Dorn told the council that the dam was sound,” the engineer said. “[Dorn] has tried again and again to tell a story that the flood was the League’s doing,” Vale said.';
    expect(claimsOf(text)).toEqual([
      ['told', 'the dam was sound'],
      ['said', '“The trouble is that Governor Dorn told the council that the dam was sound,”'],
      ['tell', 'the flood was the League’s doing'],
      ['said', '“[Dorn] has tried again and again to tell a story that the flood was the League’s doing,”'],
    ]);
  });

  it('keeps the quoted speaker’s own words, a pronoun and a statement still to come inside the quote', () => {
    const text = '“We said that the bridge was safe, and he said that it was not,” the mayor said. “Dorn will announce that the port is closed,” Vale said.';
    expect(claimsOf(text).map(([cue]) => cue)).toEqual(['said', 'said']);
  });
});

describe('quotes closed by a verb of ending', () => {
  it('reads a quote that a speaker "summed up" as the speaker’s, but no claim in "summed up the results"', () => {
    expect(claimsOf('“The harbour stays shut until the storm passes. Nobody sails,” the head of the port summed up. The clerk summed up the results.')).toEqual([
      ['summed', '“The harbour stays shut until the storm passes. Nobody sails,”'],
    ]);
  });
});
