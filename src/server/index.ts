import type { FastifyInstance } from 'fastify';
import type { Pipeline } from '../annotate/pipeline.js';
import { refreshAnalysis } from '../analysis/index.js';
import { pipelineVersion } from '../annotate/index.js';
import { openStore, type Store } from '../store/index.js';
import type { JobQueue } from '../queue/job.js';
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
  /** The job queue's postgres:// URL, or an open queue (left open on close): posted articles go to workers. */
  queue?: string | JobQueue | null;
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
  let app: FastifyInstance | undefined;
  let queue: JobQueue | null = null;
  const ownQueue = typeof options.queue === 'string';
  try {
    // The queue (pg-boss, pg) is loaded only for a server that has one; its background errors (a
    // lost connection, retried) go to the server's log once there is one.
    const onError = (e: Error) => (app ? app.log.error({ err: e }, 'job queue') : process.stderr.write(`job queue: ${e.message}\n`));
    queue = typeof options.queue === 'string' ? await (await import('../queue/index.js')).openQueue(options.queue, { connections: 2, onError }) : (options.queue ?? null);
    // Articles stored by an older build or another process get their cross-article analysis now
    // (with a queue, only those before its first unfinished job: the workers take the rest in order).
    await refreshAnalysis(store, { before: queue ? await queue.refreshLimit() : null });
    app = await buildServer({ store, host, token: options.token, pipeline: options.pipeline, webRoot: options.webRoot, allowPrivateUrls: options.allowPrivateUrls, logger: options.logger, queue });
    await app.listen({ host, port: options.port ?? 7878 });
  } catch (e) {
    if (ownQueue) await queue?.close();
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
      if (ownQueue) await queue?.close();
      if (ownStore) await store.close();
    },
  };
}
