import type { FastifyInstance } from 'fastify';
import type { Pipeline } from '../annotate/pipeline.js';
import { refreshAnalysis } from '../analysis/index.js';
import { pipelineVersion } from '../annotate/index.js';
import { openStore, type Store } from '../store/index.js';
import { buildServer } from './app.js';

export { buildServer, type ServerOptions } from './app.js';

export interface StartOptions {
  /** Database path, or an open store (left open on close). */
  db: string | Store;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string | null;
  pipeline?: Pipeline;
  webRoot?: string | null;
  /** Let posted URLs reach loopback and private addresses (ServerOptions.allowPrivateUrls). */
  allowPrivateUrls?: boolean;
  logger?: boolean;
}

export interface RunningServer {
  /** http://host:port/ of the workbench. */
  address: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Open the store, start the API and workbench, and say where it listens (the CLI and the demo use this). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const ownStore = typeof options.db === 'string';
  const store = typeof options.db === 'string' ? await openStore(options.db, pipelineVersion(), { boundedReads: true }) : options.db;
  let app: FastifyInstance;
  try {
    // Articles stored by an older build or another process get their cross-article analysis now.
    await refreshAnalysis(store);
    app = await buildServer({ store, host, token: options.token, pipeline: options.pipeline, webRoot: options.webRoot, allowPrivateUrls: options.allowPrivateUrls, logger: options.logger });
    await app.listen({ host, port: options.port ?? 7878 });
  } catch (e) {
    if (ownStore) await store.close();
    throw e;
  }
  const bound = app.server.address();
  const port = typeof bound === 'object' && bound ? bound.port : options.port;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    address: `http://${shown}:${port}/`,
    app,
    async close() {
      await app.close();
      if (ownStore) await store.close();
    },
  };
}
