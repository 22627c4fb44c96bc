import { describe, expect, it } from 'vitest';
import { TAG_NAMES } from '../../../src/annotate/pos/tags.js';
import { tokenized } from '../../helpers.js';

/** Each word with its class, as the tagger gives it. */
function tagged(text: string): string[] {
  const doc = tokenized({ id: 't', title: null, published: null, source: null, url: null, language: 'en', text, ref: null });
  return doc.tokens.words.map((w, i) => `${w}/${TAG_NAMES[doc.pos[i]!]}`);
}

describe('word classes', () => {
  it('reads a verb\'s plain form after an article or a possessor as a noun, and a verb elsewhere (after "let\'s" too)', () => {
    expect(tagged('The claim was false.')).toContain('claim/NOUN');
    // So after an article and a modifier, before an auxiliary: "The Bolivian claim was rejected".
    expect(tagged('The Bolivian claim was rejected by the army.')).toContain('claim/NOUN');
    expect(tagged('The latest report is out.')).toContain('report/NOUN');
    expect(tagged("Their call went unanswered and Moscow's claim stood.")).toEqual(expect.arrayContaining(['call/NOUN', 'claim/NOUN']));
    expect(tagged('They claim the alleged attack never happened.')).toEqual(expect.arrayContaining(['claim/VERB', 'alleged/ADJ']));
    expect(tagged("Let's go.")).toContain('go/VERB');
  });

  it('reads an -ing form after a comma and before "that" as a participle, and the same word after an article as a noun', () => {
    expect(tagged('The operator said the dam was hit, warning that it could burst.')).toContain('warning/VERB');
    expect(tagged('The operator gave a warning that it could burst.')).toContain('warning/NOUN');
  });

  it('reads an -ing form after an article that heads its phrase as a noun, and one before a noun as a participle', () => {
    expect(tagged('Peru blamed the army for the shelling and the fighting in the east.')).toEqual(expect.arrayContaining(['shelling/NOUN', 'fighting/NOUN']));
    expect(tagged('The attacking troops left the following day.')).toEqual(expect.arrayContaining(['attacking/VERB', 'following/VERB']));
  });

  it('reads an -ed form between a noun and an article or a number as the verb, and after an article as an adjective', () => {
    expect(tagged('Debris damaged two buildings.')).toContain('damaged/VERB');
    expect(tagged('The damaged buildings were cleared.')).toContain('damaged/ADJ');
  });
});
