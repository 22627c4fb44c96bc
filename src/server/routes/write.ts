import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { looksLikeFeed, type InlineInput, type Kind } from '../../ingest/index.js';
import { normalizeDate } from '../../ingest/source.js';
import { ClaimtrailError, UsageError } from '../../errors.js';
import { Queued } from '../../contract/index.js';
import type { JobQueue } from '../../queue/job.js';
import { jobInputsOf, requestsFor } from '../../queue/inputs.js';
import type { Writer } from '../writer.js';

export interface WriteOptions {
  /** Analyses and stores posted articles, then refreshes the cross-article analysis. */
  writer: Writer;
  guard: (request: import('fastify').FastifyRequest) => Promise<void>;
  /** Largest request body, and largest article, in bytes. */
  maxBytes: number;
  fetchTimeoutMs: number;
  /** Let posted URLs (and feed links) reach loopback and private addresses. */
  allowPrivateUrls: boolean;
  /** When set, posted articles are queued for workers (202 with the jobs) instead of written here. */
  queue: JobQueue | null;
}

/** Media types of raw bodies and what ingest reads them as. */
const RAW_KINDS: Record<string, Kind> = {
  'text/plain': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

const JsonArticle = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, description: 'the article as plain text' })),
    html: Type.Optional(Type.String({ minLength: 1, description: 'the article page as HTML (main text extracted)' })),
    url: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 2000, description: 'an http(s) address to fetch' })),
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    published: Type.Optional(Type.String({ maxLength: 40, description: 'publication date, ISO 8601' })),
    source: Type.Optional(Type.String({ maxLength: 300 })),
    ref: Type.Optional(Type.String({ maxLength: 300, description: 'your own id for the article' })),
  },
  { additionalProperties: false },
);

const Stored = Type.Object({
  id: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({ description: 'new, duplicate or replaced' }),
  entities: Type.Integer(),
  claims: Type.Integer(),
  events: Type.Integer(),
  words: Type.Integer(),
});
const Failed = Type.Object({ origin: Type.String(), message: Type.String() });
const Result = Type.Object({ items: Type.Array(Stored), errors: Type.Array(Failed) });

/** JSON fields and the type each must have: checked before the schema, whose validator would turn 12345 into "12345". */
const STRING_FIELDS = ['text', 'html', 'url', 'title', 'published', 'source', 'ref'] as const;

function checkJsonTypes(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new UsageError(`body must be a JSON object {text | html | url, …}, got ${Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body}`);
  for (const field of STRING_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (value !== undefined && typeof value !== 'string') throw new UsageError(`body.${field} must be a string, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
}

/**
 * A ref for what a request posts without one of its own, unique across requests so that `show
 * REF` finds that article ("request:1" for every posted article named none).
 */
function requestRef(): string {
  return `request-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomUUID().slice(0, 8)}`;
}

/** Turn a JSON body into one ingest input: inline text or HTML (as a JSONL record, to carry its metadata), or a URL. */
function jsonInput(body: Static<typeof JsonArticle>): string | InlineInput {
  const given = (['text', 'html', 'url'] as const).filter((k) => body[k] !== undefined);
  if (given.length !== 1) throw new UsageError(`body must have exactly one of "text", "html" or "url" (got ${given.length ? given.map((k) => `"${k}"`).join(', ') : 'none'})`);
  // A date the store cannot read would be dropped in silence, and the article's times resolved against nothing.
  if (body.published !== undefined && normalizeDate(body.published) === null) {
    throw new UsageError(`"published" is not a date: "${body.published}" (give ISO 8601, e.g. 2024-10-18 or 2024-10-18T09:30:00Z)`);
  }
  if (body.url !== undefined) return body.url;
  const ref = body.ref ?? requestRef();
  const record = { id: ref, text: body.text, html: body.html, title: body.title, published: body.published, source: body.source };
  return { name: ref, content: JSON.stringify(record), kind: 'jsonl' };
}

/** Raw text/plain that is really a feed (a pasted RSS or Atom document) is read as one. */
function rawInput(body: string, media: string): InlineInput {
  const kind = RAW_KINDS[media] ?? 'text';
  return { name: requestRef(), content: body, kind: kind === 'text' && looksLikeFeed(body) ? 'feed' : kind };
}

/**
 * After a failed refresh the articles are stored but not yet in contradictions, stories and the
 * timeline: try again a few times, further apart, logging each failure.
 */
function refreshRetrier(writer: Writer, log: FastifyBaseLogger): () => void {
  const DELAYS = [2_000, 10_000, 60_000, 300_000];
  let timer: NodeJS.Timeout | null = null;
  const attempt = (k: number) => {
    timer = setTimeout(() => {
      timer = null;
      writer.refresh().then(
        () => log.info('cross-article refresh retried: up to date'),
        (e: Error) => {
          log.error({ err: e }, `cross-article refresh retry ${k + 1} failed`);
          if (k + 1 < DELAYS.length) attempt(k + 1);
        },
      );
    }, DELAYS[k]);
    timer.unref();
  };
  return () => {
    if (!timer) attempt(0);
  };
}

/** POST /api/articles: analyse and store through the same path as `claimtrail analyze`. */
export const writeRoutes: FastifyPluginAsyncTypebox<WriteOptions> = async (app, options) => {
  const retryRefresh = refreshRetrier(options.writer, app.log);
  for (const type of Object.keys(RAW_KINDS)) app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: options.maxBytes }, (_req, body, done) => done(null, body));

  app.post(
    '/api/articles',
    {
      bodyLimit: options.maxBytes,
      preHandler: options.guard,
      preValidation: async (req) => {
        if (typeof req.body !== 'string' && req.body !== undefined) checkJsonTypes(req.body);
      },
      schema: {
        summary: 'Analyse articles and store them',
        description:
          'Body: JSON {text | html | url, title?, published?, source?, ref?}, or raw text/plain, text/html or application/x-ndjson (one JSON article per line). ' +
          'On a server with a job queue (serve --queue) the articles are queued for workers: 202 with a job per article and its status URL (GET /api/jobs/{id}). ' +
          'Needs "Authorization: Bearer $CLAIMTRAIL_TOKEN" when the server has a token (always when it listens beyond loopback).',
        tags: ['articles'],
        querystring: Type.Object({ replace: Type.Optional(Type.Boolean({ description: 're-analyse articles already stored' })) }, { additionalProperties: false }),
        body: {
          content: {
            'application/json': { schema: JsonArticle },
            ...Object.fromEntries(Object.keys(RAW_KINDS).map((type) => [type, { schema: Type.String({ minLength: 1 }) }])),
          },
        },
        security: [{ bearer: [] }],
        response: { 201: Result, 202: Queued, 422: Result },
      },
    },
    async (req, reply) => {
      const media = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const body = req.body as string | Static<typeof JsonArticle> | undefined;
      if (body === undefined) throw new UsageError('empty body: send JSON {text | html | url}, text/plain, text/html or application/x-ndjson');
      const input = typeof body === 'string' ? rawInput(body, media) : jsonInput(body);
      const how = { replace: Boolean(req.query.replace), verbatim: false, fetchTimeoutMs: options.fetchTimeoutMs, maxBytes: options.maxBytes, publicOnly: !options.allowPrivateUrls };
      if (options.queue) {
        const ids = await options.queue.enqueue(requestsFor(jobInputsOf(input), how));
        const jobs = ids.map((id) => ({ id, status: `/api/jobs/${id}` }));
        if (jobs.length === 1) reply.header('location', jobs[0]!.status);
        return reply.code(202).send({ jobs });
      }
      const result = await options.writer.write({
        input,
        replace: Boolean(req.query.replace),
        fetchTimeoutMs: options.fetchTimeoutMs,
        maxBytes: options.maxBytes,
        publicOnly: !options.allowPrivateUrls,
      });
      // Stored is stored: a failed refresh after it is logged and retried, not the client's error.
      if (result.refreshError) {
        req.log.error(`articles stored, but the cross-article refresh after them failed (retrying): ${result.refreshError}`);
        retryRefresh();
      }
      if (result.unwritable && !result.items.length) throw new ClaimtrailError('unwritable', result.errors.map((e) => e.message).join('; '));
      return reply.code(result.items.length ? 201 : 422).send({ items: result.items, errors: result.errors });
    },
  );
};
