import type { ComponentSpec } from '../pipeline.js';
import { posLexicon, tagTokens } from './tags.js';

/** The word classes (src/annotate/pos/tags.ts): a layer of its own, read by entities, times, quantities and claims. */
export const POS: ComponentSpec = {
  name: 'pos',
  assigns: ['pos'],
  requires: ['tokens', 'sentences'],
  create: ({ language }) => (doc) => doc.set('pos', tagTokens(doc.tokens, posLexicon(language))),
};
