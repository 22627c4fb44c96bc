import type { Migration } from './index.js';

/**
 * Migration 0014: the layers' pipeline versions are indexed, so whether the store holds an article another version
 * analysed is two index lookups, not a scan of every article's layers (src/store/kysely/other-pipelines.ts; SQLite's
 * 0019).
 */
export const layerPipelines: Migration = {
  name: '0014_layer_pipelines',
  statements: ['create index layers_pipeline on layers (pipeline)'],
};
