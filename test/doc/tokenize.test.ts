import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/doc/tokenize.js';

const words = (text: string) => tokenize(text).tokens.words;
const sentences = (text: string) => tokenize(text).sentences.map((s) => text.slice(s.start, s.end));

describe('tokenize', () => {
  it('keeps offsets exact for every token', () => {
    const text = 'Ukraine’s General Staff said 1,500 troops—“not 12,000”—were in Kursk.\nU.S. officials didn’t agree.';
    const { tokens } = tokenize(text);
    for (let i = 0; i < tokens.count; i++) expect(text.slice(tokens.start[i], tokens.end[i])).toBe(tokens.words[i]);
  });

  it('splits possessives and contractions as CoNLL does, keeps numbers and hyphenated words whole', () => {
    expect(words("Ukraine's forces didn't stop")).toEqual(['Ukraine', "'s", 'forces', 'did', "n't", 'stop']);
    expect(words('Ukraine’s 1,500 all-rounder 3.5 12,000,000')).toEqual(['Ukraine', '’s', '1,500', 'all-rounder', '3.5', '12,000,000']);
    expect(words('O’Brien, AT&T and U.S. troops.')).toEqual(['O’Brien', ',', 'AT&T', 'and', 'U.S.', 'troops', '.']);
    expect(words('in 2024, 3,14 units')).toEqual(['in', '2024', ',', '3', ',', '14', 'units']);
    expect(words('Resolution No. 5 said no.')).toEqual(['Resolution', 'No.', '5', 'said', 'no', '.']);
  });

  it('treats single-quoted words as quotes, not clitics', () => {
    expect(words("the 'sacred' mission")).toEqual(['the', "'", 'sacred', "'", 'mission']);
  });

  it('splits sentences at terminal punctuation and line breaks, not after titles or U.S.', () => {
    expect(sentences('Gen. Gerasimov reported to Putin. He praised the troops.')).toEqual(['Gen. Gerasimov reported to Putin.', 'He praised the troops.']);
    expect(sentences('The U.S. State Department spoke. The spokesperson added more.')).toEqual([
      'The U.S. State Department spoke.',
      'The spokesperson added more.',
    ]);
    expect(sentences('A headline without a stop\nThe body starts here.')).toEqual(['A headline without a stop', 'The body starts here.']);
    expect(sentences('“We will win.” The crowd cheered.')).toEqual(['“We will win.”', 'The crowd cheered.']);
    expect(sentences('“Why?” he asked.')).toEqual(['“Why?” he asked.']);
    expect(sentences('He said. "Are we safe?" she asked.')).toEqual(['He said.', '"Are we safe?" she asked.']);
    expect(sentences('He said "no." Then he left.')).toEqual(['He said "no."', 'Then he left.']);
  });

  it('assigns every token to its sentence', () => {
    const { tokens, sentences: s } = tokenize('One two. Three four.');
    expect(Array.from(tokens.sentence)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(s.map((x) => [x.first, x.last])).toEqual([
      [0, 3],
      [3, 6],
    ]);
  });
});
