import { dataPath } from '../../data.js';

/** Gazetteer files shipped with the project, in load order (docs/gazetteer.md). */
export function shippedGazetteerFiles(): string[] {
  return ['places.tsv', 'facilities.tsv', 'actors.tsv', 'people.tsv'].map((f) => dataPath('gazetteer', f));
}

/** The shipped files compiled for fast opening (scripts/build-gazetteer.ts). */
export const COMPILED_GAZETTEER_PATH = dataPath('gazetteer', 'compiled.txt');

/** The trained NER weights (scripts/train-ner.ts). */
export const NER_MODEL_PATH = dataPath('models', 'ner.bin');
