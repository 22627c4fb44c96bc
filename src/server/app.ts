import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { VERSION } from '../contract/version.js';
import { isDatePrefix } from '../doc/dates.js';
import { createPipeline } from '../annotate/index.js';
import type { Pipeline } from '../annotate/pipeline.js';
import { AccessError, UsageError } from '../errors.js';
import { enterBudget } from '../store/budget.js';
import type { Store } from '../store/index.js';
import { crossArticleOf, type CrossArticle } from './cross.js';
import { ClaimChecker } from '../check/index.js';
import { checkRoutes } from './routes/check.js';
import { crossRoutes } from './routes/cross.js';
import { exportRoutes } from './routes/export.js';
import { feedRoutes } from './routes/feeds.js';
import { jobRoutes } from './routes/jobs.js';
import type { JobQueue } from '../queue/job.js';
import { readRoutes } from './routes/read.js';
import { writeRoutes } from './routes/write.js';
import { loadRules } from '../ingest/clean.js';
import { ReadCache } from './cache.js';
import { inProcessWriter, workerWriter, type Writer } from './writer.js';
import { SHARED_SCHEMAS } from './schemas.js';
import { sendError } from './errors.js';
import { isLoopback, rebindingGuard, securityHeaders, writeGuard } from './security.js';

/** The built workbench (npm run build:web), next to dist/ and src/. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ServerOptions {
  store: Store;
  /** The address the server listens on: beyond loopback, writes need a token. */
  host?: string;
  /** Bearer token for writes; defaults to $CLAIMTRAIL_TOKEN. */
  token?: string | null;
  /** The analysis pipeline for POST /api/articles; built on first use when absent. */
  pipeline?: Pipeline;
  /** The cross-article analysis (default: the store's, refreshed by src/analysis). */
  cross?: CrossArticle;
  /** Folder of the built web UI; null serves the API alone. */
  webRoot?: string | null;
  /**
   * How long the reads of one request may run, in ms (default 10 s), when the store bounds reads
   * (Store.open's boundedReads): past it, or when the client disconnects, its query stops.
   */
  readTimeoutMs?: number;
  /** Largest request body and article, in bytes (default 10 MB). */
  maxBytes?: number;
  fetchTimeoutMs?: number;
  /**
   * Let POST /api/articles fetch loopback and private addresses. Off by default: a client could
   * otherwise make the server read services only it can reach (cloud metadata, an intranet).
   */
  allowPrivateUrls?: boolean;
  /** Fastify's logger: true logs at info; or its options (level, stream). */
  logger?: FastifyServerOptions['logger'];
  /**
   * The job queue (src/queue): POST /api/articles queues jobs for `claimtrail worker`s and answers
   * 202, GET /api/jobs/:id follows them. Without one, posted articles are written here.
   */
  queue?: JobQueue | null;
}

/** The HTTP API, its OpenAPI description and docs page, and the web workbench. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token === undefined ? (process.env.CLAIMTRAIL_TOKEN?.trim() || null) : options.token;
  if (!isLoopback(host) && !token) {
    throw new AccessError('forbidden', `listening on ${host} exposes the write endpoints: set CLAIMTRAIL_TOKEN (or listen on 127.0.0.1)`);
  }
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    schemaErrorFormatter: (errors, dataVar) => {
      const e = errors[0]!;
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      const where = `${dataVar}${e.instancePath.replace(/\//g, '.')}`;
      return new UsageError(extra ? `${dataVar}: unknown parameter "${extra}"` : `${where} ${e.message ?? 'is invalid'}`);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'claimtrail API', version: VERSION, description: 'Who claimed what, when: the claim ledger over HTTP. List endpoints answer {items, next}; pass `next` back as `cursor`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '$CLAIMTRAIL_TOKEN' } } },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });

  const readTimeoutMs = options.readTimeoutMs ?? 10_000;
  app.addHook('onRequest', async (_request, reply) => {
    const budget = enterBudget(readTimeoutMs);
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) budget.cancel();
    });
  });
  app.addHook('onRequest', rebindingGuard(host));
  app.addHook('onRequest', securityHeaders);
  app.addHook('preValidation', checkLimit);
  app.addHook('preHandler', checkDates);
  // JSON bodies: a key that could reach an object's prototype is refused by name, not as "not valid JSON".
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.setErrorHandler(sendError);

  let pipeline: Promise<Pipeline> | null = options.pipeline ? Promise.resolve(options.pipeline) : null;
  const getPipeline = () => (pipeline ??= createPipeline());
  const cross = options.cross ?? crossArticleOf(options.store);
  // Analysis and writes run on a worker thread with its own connection, off the event loop; a store
  // in memory, or a pipeline or cross-article analysis a test brings, is written in-process.
  const inWorker = options.store.path !== ':memory:' && !options.pipeline && !options.cross;
  const writer: Writer = inWorker
    ? workerWriter(options.store.location, options.store.pipelineVersion)
    : inProcessWriter({ store: options.store, pipeline: getPipeline, rules: loadRules(), refresh: () => cross.refresh() });
  app.addHook('onClose', () => writer.close());
  const cache = new ReadCache(options.store);
  cache.register(app);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(readRoutes, { store: options.store });
  await app.register(crossRoutes, { cross });
  let checker: Promise<ClaimChecker> | null = null;
  const getChecker = () => (checker ??= getPipeline().then((p) => ClaimChecker.create(p)));
  await app.register(checkRoutes, { store: options.store, checker: getChecker });
  await app.register(exportRoutes, { store: options.store });
  await app.register(feedRoutes, { store: options.store });
  // The writer thread's writes are read like another process's (kept answers served while they are
  // recomputed: no burst of queries after each POST); in-process writes are read at once.
  const changed = () => cache.changed({ stale: inWorker });
  await app.register(writeRoutes, { writer: { ...writer, write: (job) => writer.write(job).finally(changed), refresh: () => writer.refresh().finally(changed) }, guard: writeGuard(token), maxBytes, fetchTimeoutMs: options.fetchTimeoutMs ?? 20_000, allowPrivateUrls: options.allowPrivateUrls ?? false, queue: options.queue ?? null });
  await app.register(jobRoutes, { queue: options.queue ?? null });

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // One route per built file (found at start); every other path is the single-page app.
      wildcard: false,
      index: false,
      // Built assets carry a content hash in their names: cached for good; everything else revalidated.
      cacheControl: false,
      setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (request.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/assets/')) {
      return reply.code(404).send({ error: 'Not Found', message: `no route ${request.method} ${path}`, statusCode: 404 });
    }
    // The workbench routes in the browser: every other page is its index.html.
    if (hasWeb) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.code(404).type('text/plain; charset=utf-8').send('The web workbench is not built: run `npm run build:web`. The API is at /api/… (see /docs).\n');
  });

  return app;
}

/** A page size is a whole number: "1e400" or "2.5" is refused before the schema would coerce it. */
async function checkLimit(request: FastifyRequest): Promise<void> {
  const limit = (request.query as Record<string, unknown> | undefined)?.limit;
  if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,6}$/.test(limit))) {
    throw new UsageError(`querystring.limit must be integer (a whole number), got ${JSON.stringify(limit)}`);
  }
}

function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (key === '__proto__' || (key === 'constructor' && typeof v === 'object' && v !== null && 'prototype' in v)) {
        throw new UsageError(`body: the key "${key}" is not allowed`);
      }
      return v;
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`body is not valid JSON (${(e as Error).message})`, { cause: e });
  }
  return value;
}

/** Date filters name real days: the schema checks their shape, this the month and day ("2024-13-45"). */
async function checkDates(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown> | undefined;
  for (const name of ['from', 'to']) {
    const value = query?.[name];
    if (typeof value === 'string' && !isDatePrefix(value)) throw new UsageError(`querystring.${name} must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  }
}
