import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DocFeatures, N_CLASSES } from '../../../src/annotate/entities/features.js';
import { NerModel } from '../../../src/annotate/entities/tagger.js';
import { en } from '../../../src/lang/index.js';
import { tokenized } from '../../helpers.js';

const texts = [
  'The defence ministry in Valdera said on Tuesday that drones struck a depot near Korvask overnight.',
  'Officials in Ostrelin denied the report, calling it a provocation staged by foreign intelligence services.',
  'Ministers of the Northern Compact met in Havenport; its secretary general said aid to Verdany would continue.',
];

function features(text: string): DocFeatures {
  const doc = tokenized({ id: 't', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text, ref: null });
  return new DocFeatures(doc.tokens, new Int32Array(doc.tokens.count), doc.sentences);
}

const model = (keptForms?: number) => NerModel.decode(gunzipSync(readFileSync(en.data.nerModel)), en.data.nerModel, keptForms);

describe('the NER tagger', () => {
  it('tags the same whether a form’s sums were kept from an earlier document or made afresh', () => {
    const docs = texts.map(features);
    const fresh = docs.map((f) => Array.from(model().tag(f)));
    // A model keeping two forms clears its sums before nearly every document, so reused slots must start from zero.
    const small = model(2);
    const warm = model();
    for (let round = 0; round < 2; round++) {
      expect(docs.map((f) => Array.from(small.tag(f)))).toEqual(fresh);
      expect(docs.map((f) => Array.from(warm.tag(f)))).toEqual(fresh);
    }
    expect(fresh.flat().some((t) => t > 0)).toBe(true);
  });

  it('gives O unscored to a plain lower-case word after one outside a name, and scores one before a capital', () => {
    // A model that tags every token it scores as some name: O weighs −100 in every bucket.
    const weights = new Int8Array(4 * N_CLASSES);
    for (let r = 0; r < 4; r++) weights[r * N_CLASSES] = -100;
    const everything = new NerModel(2, Uint32Array.from([0, 1, 2, 3]), weights);
    const text = 'the envoy from été met de Gaulle. iPhone makers left.';
    const doc = tokenized({ id: 't', title: null, published: null, source: null, url: null, language: 'en', text, ref: null });
    const named = (gaz: Int32Array) => {
      const f = new DocFeatures(doc.tokens, gaz, doc.sentences);
      const tags = everything.tag(f);
      return f.forms.filter((_, i) => tags[i]! > 0);
    };
    // Unscored: "the", "envoy", "from", "été", "met". Scored: "de" (a capital follows), "iPhone" (not plain), and
    // every token after a name.
    expect(named(new Int32Array(doc.tokens.count))).toEqual(['de', 'Gaulle', '.', 'iPhone', 'makers', 'left', '.']);
    // A word of a gazetteer name is scored too.
    const gaz = new Int32Array(doc.tokens.count);
    gaz[1] = 5;
    expect(named(gaz).slice(0, 3)).toEqual(['envoy', 'from', 'été']);
  });
});
