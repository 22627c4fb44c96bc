import type { ComponentSpec } from '../pipeline.js';
import { COMPILED_GAZETTEER_PATH, NER_MODEL_PATH, shippedGazetteerFiles } from './data.js';
import { DocFeatures } from './features.js';
import { openGazetteer, type Gazetteer } from './gazetteer.js';
import { resolveEntities } from './resolve.js';
import { completeNames, gazetteerCodes, NerModel, spansOf } from './tagger.js';

export { entityId } from './ids.js';

/** Shipped data is read once per process however many pipelines use it; users' files once per pipeline. */
let shipped: { model: NerModel; gazetteer: Gazetteer } | null = null;

/**
 * The entities layer: a perceptron NER tagger with gazetteer features proposes names; the
 * gazetteer and rules type them, link them to canonical entities and join their mentions.
 * Data loads on the first document, not when the pipeline is built.
 */
export const ENTITIES: ComponentSpec = {
  name: 'entities',
  assigns: ['entities'],
  requires: ['tokens', 'sentences', 'pos'],
  create: ({ gazetteers }) => {
    let gazetteer: Gazetteer | null = null;
    let model: NerModel | null = null;
    return (doc) => {
      if (!gazetteer || !model) {
        shipped ??= { model: NerModel.read(NER_MODEL_PATH), gazetteer: openGazetteer(COMPILED_GAZETTEER_PATH, shippedGazetteerFiles()) };
        model = shipped.model;
        // Users' files extend a gazetteer of their own, never the one shared by every pipeline.
        gazetteer = gazetteers.length ? openGazetteer(COMPILED_GAZETTEER_PATH, shippedGazetteerFiles(), gazetteers) : shipped.gazetteer;
      }
      const t = doc.tokens;
      const matches = gazetteer.scan(t);
      const features = new DocFeatures(t, gazetteerCodes(gazetteer, t, matches), doc.sentences);
      const spans = completeNames(spansOf(model.tag(features)), t);
      doc.set('entities', resolveEntities({ doc, gazetteer, matches, spans }));
    };
  },
};
