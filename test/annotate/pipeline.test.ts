import { describe, expect, it } from 'vitest';
import { buildComponent, Pipeline, type ComponentSpec } from '../../src/annotate/pipeline.js';
import { buildPipeline, REGISTRY, resolveComponents } from '../../src/annotate/index.js';
import { Doc } from '../../src/doc/doc.js';
import { UsageError } from '../../src/errors.js';
import { en } from '../../src/lang/index.js';

const article = { id: 'p', title: null, published: '2025-04-28', source: null, url: null, language: 'en', text: 'Kyiv said on Monday that 300 troops withdrew.', ref: null };
const names = (specs: readonly { name: string }[]) => specs.map((s) => s.name);

describe('pipeline from the registry', () => {
  it('takes the components a layer needs, each after those whose layers it reads', () => {
    expect(names(resolveComponents(REGISTRY, ['claims']))).toEqual(['tokens', 'pos', 'entities', 'times', 'claims']);
    expect(names(resolveComponents(REGISTRY, ['times']))).toEqual(['tokens', 'pos', 'times']);
    expect(names(resolveComponents(REGISTRY))).toEqual(['tokens', 'pos', 'entities', 'times', 'quantities', 'claims', 'events']);
  });

  it('orders by what components read, not by where the registry lists them', () => {
    expect(names(resolveComponents([...REGISTRY].reverse(), ['events']))).toEqual(['tokens', 'pos', 'times', 'quantities', 'entities', 'claims', 'events']);
  });

  it('names an unknown layer and refuses two components filling one layer', () => {
    expect(() => resolveComponents(REGISTRY, ['sanctions'])).toThrow(/unknown layer "sanctions" \(layers: tokens, sentences, pos, entities/);
    expect(() => resolveComponents(REGISTRY, ['sanctions'])).toThrowError(UsageError);
    const twice: ComponentSpec = { name: 'other-pos', assigns: ['pos'], requires: ['tokens'], create: () => () => undefined };
    expect(() => resolveComponents([...REGISTRY, twice])).toThrow('layer "pos" is filled by both "pos" and "other-pos"');
  });

  it('refuses an order that reads a layer before a component fills it', () => {
    const [tokens, pos] = REGISTRY.map((spec) => buildComponent(spec, { language: en, gazetteers: [] }));
    expect(() => new Pipeline([pos!, tokens!])).toThrow('component "pos" needs layer "tokens", which no earlier component fills');
  });

  it('times every component, the word classes as a stage of their own', () => {
    const pipeline = buildPipeline({ layers: ['quantities'] });
    const doc = pipeline.process(article);
    expect(Object.keys(pipeline.timings)).toEqual(['tokens', 'pos', 'times', 'quantities']);
    expect(doc.pos.length).toBe(doc.tokens.count);
    expect(doc.quantities.map((q) => q.text)).toEqual(['300']);
  });

  it('says which layer a Doc lacks when it is read before it is filled', () => {
    expect(() => new Doc(article).claims).toThrow('doc: layer "claims" is not filled yet');
    expect(buildPipeline({ layers: ['times'] }).analyze(article).claims).toEqual([]);
  });
});
