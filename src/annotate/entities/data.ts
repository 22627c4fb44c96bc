import { fileURLToPath } from 'node:url';

/** The project root: three levels up from src/annotate/entities and from dist/annotate/entities. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Gazetteer files shipped with the project, in load order (docs/gazetteer.md). */
export function shippedGazetteerFiles(): string[] {
  return ['places.tsv', 'facilities.tsv', 'actors.tsv', 'people.tsv'].map((f) => `${ROOT}data/gazetteer/${f}`);
}

/** The shipped files compiled for fast opening (scripts/build-gazetteer.ts). */
export const COMPILED_GAZETTEER_PATH = `${ROOT}data/gazetteer/compiled.txt`;

/** The trained NER weights (scripts/train-ner.ts). */
export const NER_MODEL_PATH = `${ROOT}data/models/ner.bin`;
