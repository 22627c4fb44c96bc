import { performance } from 'node:perf_hooks';
import { Doc } from '../doc/doc.js';
import type { LayerName } from '../doc/layers.js';
import type { Analysis, Article } from '../doc/types.js';
import type { Language } from '../lang/language.js';

/** What every component of a pipeline is built with. */
export interface PipelineConfig {
  /** The language of the texts: its word lists, lexicons and data files. */
  language: Language;
  /** Users' gazetteer files (docs/gazetteer.md), added to the shipped ones. */
  gazetteers: readonly string[];
}

/**
 * A kind of component, as the registry (src/annotate/index.ts) lists it: the layers it fills
 * and those it reads — known before it is built, so a pipeline can be put together from the
 * layers asked for — and how to build it. Data it reads loads on the first document.
 */
export interface ComponentSpec {
  /** Its name in timings and errors. */
  readonly name: string;
  /** The layers it fills. */
  readonly assigns: readonly LayerName[];
  /** The layers it reads: components that fill them run before it. */
  readonly requires: readonly LayerName[];
  create(config: PipelineConfig): (doc: Doc) => void;
}

/** A component built for one pipeline. */
export interface Component {
  readonly name: string;
  readonly assigns: readonly LayerName[];
  readonly requires: readonly LayerName[];
  run(doc: Doc): void;
}

export function buildComponent(spec: ComponentSpec, config: PipelineConfig): Component {
  return { name: spec.name, assigns: spec.assigns, requires: spec.requires, run: spec.create(config) };
}

/** Milliseconds spent per component, summed over documents. */
export type Timings = Record<string, number>;

export class Pipeline {
  readonly components: readonly Component[];
  readonly timings: Timings = {};

  /** Components in the order they run; an order that reads a layer before it is filled is refused. */
  constructor(components: readonly Component[]) {
    const filled = new Set<LayerName>();
    // Component lists come from resolveComponents or from code: a wrong order is a bug, so plain Errors.
    for (const c of components) {
      for (const r of c.requires) {
        if (!filled.has(r)) throw new Error(`pipeline: component "${c.name}" needs layer "${r}", which no earlier component fills`);
      }
      for (const a of c.assigns) {
        if (filled.has(a)) throw new Error(`pipeline: component "${c.name}" fills layer "${a}", which an earlier component filled`);
        filled.add(a);
      }
    }
    this.components = components;
  }

  /** A Doc of the article with every layer of the pipeline. */
  process(article: Article): Doc {
    return this.run(new Doc(article));
  }

  /** Run every component over a Doc (the layers they need already filled, or filled by earlier ones). */
  run(doc: Doc): Doc {
    let t = performance.now();
    for (const c of this.components) {
      c.run(doc);
      const now = performance.now();
      this.timings[c.name] = (this.timings[c.name] ?? 0) + (now - t);
      t = now;
    }
    return doc;
  }

  analyze(article: Article): Analysis {
    return this.process(article).toAnalysis();
  }
}
