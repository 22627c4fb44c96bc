import type { LayerName } from '../doc/layers.js';
import { DEFAULT_LANGUAGE, type Language } from '../lang/index.js';
import { buildComponent, Pipeline, type ComponentSpec, type PipelineConfig } from './pipeline.js';
import { TOKENS } from './tokens/index.js';
import { POS } from './pos/index.js';
import { ENTITIES } from './entities/index.js';
import { TIMES } from './times/index.js';
import { QUANTITIES } from './quantities/index.js';
import { CLAIMS } from './claims/index.js';
import { EVENTS } from './events/index.js';
import { UsageError } from '../errors.js';

export { Pipeline, type Component, type ComponentSpec, type PipelineConfig } from './pipeline.js';
export { pipelineVersion } from './version.js';

/**
 * The component registry: every kind of component, one line each. A pipeline takes those that
 * fill the layers asked for and those they need, in an order where each runs after what it reads.
 */
export const REGISTRY: readonly ComponentSpec[] = [TOKENS, POS, ENTITIES, TIMES, QUANTITIES, CLAIMS, EVENTS];

export interface PipelineOptions {
  /** The language of the texts (DEFAULT_LANGUAGE, English, when absent). */
  language?: Language;
  /** Extra gazetteer files (see docs/gazetteer.md) added to the shipped one. */
  gazetteers?: readonly string[];
  /** Fill only these layers (and those they need); all when absent. */
  layers?: readonly string[];
}

/** A pipeline of the registry's components: all of them, or those the layers asked for need. */
export function buildPipeline(options: PipelineOptions = {}): Pipeline {
  const config: PipelineConfig = { language: options.language ?? DEFAULT_LANGUAGE, gazetteers: options.gazetteers ?? [] };
  return new Pipeline(resolveComponents(REGISTRY, options.layers).map((spec) => buildComponent(spec, config)));
}

/** {@link buildPipeline}, for callers that await it. */
export async function createPipeline(options: PipelineOptions = {}): Promise<Pipeline> {
  return buildPipeline(options);
}

/**
 * The components that fill `layers` (all when absent) and every layer they need, each after the
 * components whose layers it reads; among components free to run, registry order.
 */
export function resolveComponents(registry: readonly ComponentSpec[], layers?: readonly string[]): ComponentSpec[] {
  const byLayer = new Map<string, ComponentSpec>();
  for (const spec of registry) {
    for (const layer of spec.assigns) {
      const other = byLayer.get(layer);
      // A registry at odds with itself is a bug in the code that built it, not a user's mistake: plain Errors here.
      if (other) throw new Error(`pipeline: layer "${layer}" is filled by both "${other.name}" and "${spec.name}"`);
      byLayer.set(layer, spec);
    }
  }
  const fill = (layer: string): ComponentSpec => {
    const spec = byLayer.get(layer);
    if (!spec) throw new UsageError(`unknown layer "${layer}" (layers: ${[...byLayer.keys()].join(', ')})`);
    return spec;
  };
  const wanted = new Set<ComponentSpec>();
  const add = (spec: ComponentSpec) => {
    if (wanted.has(spec)) return;
    wanted.add(spec);
    spec.requires.forEach((layer: LayerName) => add(fill(layer)));
  };
  if (layers) layers.forEach((layer) => add(fill(layer)));
  else registry.forEach(add);
  // Kahn's order: repeatedly the first component (in registry order) whose needs are filled.
  const order: ComponentSpec[] = [];
  const filled = new Set<string>();
  const left = registry.filter((spec) => wanted.has(spec));
  while (left.length) {
    const next = left.findIndex((spec) => spec.requires.every((layer) => filled.has(layer)));
    if (next < 0) throw new Error(`pipeline: components ${left.map((s) => `"${s.name}"`).join(', ')} need each other's layers`);
    const [spec] = left.splice(next, 1);
    order.push(spec!);
    spec!.assigns.forEach((layer) => filled.add(layer));
  }
  return order;
}
