import { tokenize } from '../../doc/tokenize.js';
import type { ComponentSpec } from '../pipeline.js';

/** Tokens and sentences (src/doc/tokenize.ts): the first component, which every other reads. */
export const TOKENS: ComponentSpec = {
  name: 'tokens',
  assigns: ['tokens', 'sentences'],
  requires: [],
  create: () => (doc) => {
    const { tokens, sentences } = tokenize(doc.text);
    doc.set('tokens', tokens);
    doc.set('sentences', sentences);
  },
};
