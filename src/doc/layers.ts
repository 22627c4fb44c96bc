import type { Sentence, Tokens } from './tokenize.js';
import type { Analysis, ContractLayer } from './types.js';

/**
 * The layers only the Doc holds: what the annotators read but the JSON contract does not carry.
 * One line per layer: its name and its type on the Doc.
 */
export interface DocLayers {
  /** Token offsets and forms (src/doc/tokenize.ts). */
  tokens: Tokens;
  /** Sentences, as token ranges. */
  sentences: Sentence[];
  /** The coarse word class of every token: a TAG of src/annotate/pos/tags.ts. */
  pos: Uint8Array;
}

/**
 * The typed layer registry: every layer a Doc can hold, by name, with its type — the Doc's own
 * and the contract's (`Analysis`), so that a layer added to the contract is a Doc layer of that
 * same type with nothing more to declare.
 */
export type Layers = DocLayers & Pick<Analysis, ContractLayer>;
export type LayerName = keyof Layers;
