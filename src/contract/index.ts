/**
 * The data contract, written once: TypeBox schemas from which the TypeScript types (Static<>),
 * schema/analysis.schema.json (npm run build:schema), the OpenAPI description (the server's
 * routes use these schemas) and the web workbench's types all derive.
 */
export * from './values.js';
export * from './kit.js';
export * from './analysis.js';
export * from './ledger.js';
export * from './cross.js';
export * from './check.js';
export * from './write.js';
export * from './jobs.js';
export * from './error.js';
export * from './queries.js';
export * from './feeds.js';
