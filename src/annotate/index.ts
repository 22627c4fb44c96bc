import { Pipeline, type Component } from './pipeline.js';
import { createEntities } from './entities/index.js';
import { createTimes } from './times/index.js';
import { createQuantities } from './quantities/index.js';
import { createClaims } from './claims/index.js';
import { createEvents } from './events/index.js';

export { Pipeline, type Component } from './pipeline.js';
export { pipelineVersion } from './version.js';

export interface PipelineOptions {
  /** Extra gazetteer files (see docs/gazetteer.md) added to the shipped one. */
  gazetteers?: readonly string[];
  /** Run only these layers (and what they need); all when absent. */
  layers?: readonly string[];
}

/** The standard pipeline: entities → times → quantities → claims → events. */
export async function createPipeline(options: PipelineOptions = {}): Promise<Pipeline> {
  const components: Component[] = [];
  components.push(createEntities({ gazetteers: options.gazetteers ?? [] }));
  components.push(createTimes());
  components.push(createQuantities());
  components.push(createClaims());
  components.push(createEvents());
  return new Pipeline(options.layers ? selectLayers(components, options.layers) : components);
}

/** The components that fill `layers`, with every layer they need, in pipeline order. */
function selectLayers(components: readonly Component[], layers: readonly string[]): Component[] {
  const byName = new Map(components.map((c) => [c.name, c]));
  const keep = new Set<string>();
  const add = (name: string) => {
    if (keep.has(name) || name === 'tokens') return;
    const c = byName.get(name);
    if (!c) throw new Error(`unknown layer "${name}" (layers: ${[...byName.keys()].join(', ') || 'none'})`);
    keep.add(name);
    c.requires.forEach(add);
  };
  layers.forEach(add);
  return components.filter((c) => keep.has(c.name));
}
