import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped data folder: ../data seen from src/ and from dist/ alike. */
const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

/**
 * A file (or folder) of the shipped data, from its path below data/: `dataPath('pos',
 * 'lexicon.tsv')`. Every loader and build script finds its data here, so moving the data
 * folder, or adding a language's own, changes one line.
 */
export function dataPath(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}
