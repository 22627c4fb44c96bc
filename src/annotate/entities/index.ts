import type { Doc } from '../../doc/doc.js';
import type { Component } from '../pipeline.js';
import { COMPILED_GAZETTEER_PATH, NER_MODEL_PATH, shippedGazetteerFiles } from './data.js';
import { DocFeatures } from './features.js';
import { openGazetteer, type Gazetteer } from './gazetteer.js';
import { resolveEntities } from './resolve.js';
import { completeNames, gazetteerCodes, NerModel, spansOf } from './tagger.js';

export { entityId } from './ids.js';

export interface EntitiesOptions {
  /** Users' gazetteer files (docs/gazetteer.md), added after the shipped ones. */
  gazetteers?: readonly string[];
}

/** Shipped data is read once per process however many pipelines use it; users' files once per pipeline. */
let shipped: { model: NerModel; gazetteer: Gazetteer } | null = null;

/**
 * The entities layer: a perceptron NER tagger with gazetteer features proposes names; the
 * gazetteer and rules type them, link them to canonical entities and join their mentions.
 * Data loads on the first document, not when the pipeline is built.
 */
export function createEntities(options: EntitiesOptions = {}): Component {
  let gazetteer: Gazetteer | null = null;
  let model: NerModel | null = null;
  return {
    name: 'entities',
    requires: [],
    run(doc: Doc): void {
      if (!gazetteer || !model) {
        shipped ??= { model: NerModel.read(NER_MODEL_PATH), gazetteer: openGazetteer(COMPILED_GAZETTEER_PATH, shippedGazetteerFiles()) };
        model = shipped.model;
        const extra = options.gazetteers ?? [];
        // Users' files extend a gazetteer of their own, never the one shared by every pipeline.
        gazetteer = extra.length ? openGazetteer(COMPILED_GAZETTEER_PATH, shippedGazetteerFiles(), extra) : shipped.gazetteer;
      }
      const t = doc.tokens;
      const matches = gazetteer.scan(t);
      const features = new DocFeatures(t, gazetteerCodes(gazetteer, t, matches), doc.sentences);
      const spans = completeNames(spansOf(model.tag(features)), t);
      doc.entities = resolveEntities({ doc, gazetteer, matches, spans });
      doc.entitiesChanged();
    },
  };
}
