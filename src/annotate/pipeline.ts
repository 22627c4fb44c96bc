import { performance } from 'node:perf_hooks';
import { Doc } from '../doc/doc.js';
import type { Analysis, Article } from '../doc/types.js';

/**
 * A pipeline component adds one layer to a Doc. Components run in order; each names the
 * layers it reads so the pipeline can refuse an order that would run one before its inputs.
 */
export interface Component {
  /** The layer this component fills: entities, times, quantities, claims, events. */
  readonly name: string;
  /** Layers that must be filled before this one runs. */
  readonly requires: readonly string[];
  run(doc: Doc): void;
}

/** Milliseconds spent per stage ("tokenize" and each component), summed over documents. */
export type Timings = Record<string, number>;

export class Pipeline {
  readonly components: readonly Component[];
  readonly timings: Timings = {};

  constructor(components: readonly Component[]) {
    const done = new Set<string>(['tokens']);
    for (const c of components) {
      for (const r of c.requires) {
        if (!done.has(r)) throw new Error(`pipeline: component "${c.name}" needs layer "${r}", which no earlier component fills`);
      }
      done.add(c.name);
    }
    this.components = components;
  }

  /** Tokenize the article and run every component over it. */
  process(article: Article): Doc {
    let t = performance.now();
    const doc = new Doc(article);
    t = this.tick('tokenize', t);
    for (const c of this.components) {
      c.run(doc);
      t = this.tick(c.name, t);
    }
    return doc;
  }

  analyze(article: Article): Analysis {
    return this.process(article).toAnalysis();
  }

  private tick(stage: string, since: number): number {
    const now = performance.now();
    this.timings[stage] = (this.timings[stage] ?? 0) + (now - since);
    return now;
  }
}
