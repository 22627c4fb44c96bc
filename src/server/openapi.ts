import { openStore } from '../store/index.js';
import { buildServer } from './app.js';

/**
 * The OpenAPI description the server serves at /openapi.json, built from the routes' schemas
 * (the contract's) on an empty store in memory: schema/openapi.json (npm run build:schema).
 */
export async function openApiDocument(): Promise<unknown> {
  const store = await openStore(':memory:');
  const app = await buildServer({ store, webRoot: null, token: null });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await store.close();
  }
}
