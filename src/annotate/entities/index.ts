import type { Language } from '../../lang/language.js';
import type { ComponentSpec } from '../pipeline.js';
import { posLexicon } from '../pos/tags.js';
import { DocFeatures } from './features.js';
import { openGazetteer, type Gazetteer } from './gazetteer.js';
import { resolveEntities } from './resolve/index.js';
import { completeNames, gazetteerCodes, NerModel, spansOf } from './tagger.js';

export { entityId } from './ids.js';

/** A language's shipped data is read once per process however many pipelines use it; users' files once per pipeline. */
const SHIPPED = new WeakMap<Language, { model: NerModel; gazetteer: Gazetteer }>();

function shipped(language: Language): { model: NerModel; gazetteer: Gazetteer } {
  let data = SHIPPED.get(language);
  if (!data) {
    const { nerModel, compiledGazetteer, gazetteers } = language.data;
    SHIPPED.set(language, (data = { model: NerModel.read(nerModel), gazetteer: openGazetteer(compiledGazetteer, gazetteers, [], language) }));
  }
  return data;
}

/**
 * The entities layer: a perceptron NER tagger with gazetteer features proposes names; the
 * gazetteer and rules type them, link them to canonical entities and join their mentions.
 * Data loads on the first document, not when the pipeline is built.
 */
export const ENTITIES: ComponentSpec = {
  name: 'entities',
  assigns: ['entities'],
  requires: ['tokens', 'sentences', 'pos'],
  create: ({ language, gazetteers }) => {
    let gazetteer: Gazetteer | null = null;
    let model: NerModel | null = null;
    return (doc) => {
      if (!gazetteer || !model) {
        const data = shipped(language);
        // Users' files extend a gazetteer of their own, never the one shared by every pipeline. Kept
        // only once all of them load: a bad file fails every article, not just the first.
        gazetteer = gazetteers.length ? openGazetteer(language.data.compiledGazetteer, language.data.gazetteers, gazetteers, language) : data.gazetteer;
        model = data.model;
      }
      const t = doc.tokens;
      const matches = gazetteer.scan(t);
      const features = new DocFeatures(t, gazetteerCodes(gazetteer, t, matches), doc.sentences);
      const spans = completeNames(spansOf(model.tag(features)), t, posLexicon(language));
      doc.set('entities', resolveEntities({ doc, gazetteer, matches, spans }, language));
    };
  },
};
