import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { analyzeInputs } from '../../analyze.js';
import type { Pipeline } from '../../annotate/pipeline.js';
import { loadRules } from '../../ingest/clean.js';
import { normalizeDate } from '../../ingest/source.js';
import type { Input, Kind } from '../../ingest/index.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../security.js';

export interface WriteOptions {
  store: Store;
  pipeline: () => Promise<Pipeline>;
  /** Bring the cross-article analysis up to date after new articles. */
  refresh: () => Promise<unknown>;
  guard: (request: import('fastify').FastifyRequest) => Promise<void>;
  /** Largest request body, and largest article, in bytes. */
  maxBytes: number;
  fetchTimeoutMs: number;
  /** Let posted URLs (and feed links) reach loopback and private addresses. */
  allowPrivateUrls: boolean;
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

/**
 * A ref for what a request posts without one of its own, unique across requests so that `show
 * REF` finds that article ("request:1" for every posted article named none).
 */
function requestRef(): string {
  return `request-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomUUID().slice(0, 8)}`;
}

/** Turn a JSON body into one ingest input: inline text or HTML (as a JSONL record, to carry its metadata), or a URL. */
function jsonInput(body: Static<typeof JsonArticle>): Input {
  const given = (['text', 'html', 'url'] as const).filter((k) => body[k] !== undefined);
  if (given.length !== 1) throw new HttpError(400, `body must have exactly one of "text", "html" or "url" (got ${given.length ? given.map((k) => `"${k}"`).join(', ') : 'none'})`);
  // A date the store cannot read would be dropped in silence, and the article's times resolved against nothing.
  if (body.published !== undefined && normalizeDate(body.published) === null) {
    throw new HttpError(400, `"published" is not a date: "${body.published}" (give ISO 8601, e.g. 2024-10-18 or 2024-10-18T09:30:00Z)`);
  }
  if (body.url !== undefined) return body.url;
  const ref = body.ref ?? requestRef();
  const record = { id: ref, text: body.text, html: body.html, title: body.title, published: body.published, source: body.source };
  return { name: ref, content: JSON.stringify(record), kind: 'jsonl' };
}

/** POST /api/articles: analyse and store through the same path as `claimtrail analyze`. */
export const writeRoutes: FastifyPluginAsyncTypebox<WriteOptions> = async (app, options) => {
  const rules = loadRules();
  for (const type of Object.keys(RAW_KINDS)) app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: options.maxBytes }, (_req, body, done) => done(null, body));

  app.post(
    '/api/articles',
    {
      bodyLimit: options.maxBytes,
      preHandler: options.guard,
      schema: {
        summary: 'Analyse articles and store them',
        description:
          'Body: JSON {text | html | url, title?, published?, source?, ref?}, or raw text/plain, text/html or application/x-ndjson (one JSON article per line). ' +
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
        response: { 201: Result, 422: Result },
      },
    },
    async (req, reply) => {
      const media = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const body = req.body as string | Static<typeof JsonArticle> | undefined;
      if (body === undefined) throw new HttpError(400, 'empty body: send JSON {text | html | url}, text/plain, text/html or application/x-ndjson');
      const input: Input = typeof body === 'string' ? { name: requestRef(), content: body, kind: RAW_KINDS[media] ?? 'text' } : jsonInput(body);
      const pipeline = await options.pipeline();
      const items: Static<typeof Stored>[] = [];
      const errors: Static<typeof Failed>[] = [];
      const outcomes = analyzeInputs([input], {
        pipeline,
        store: options.store,
        replace: Boolean(req.query.replace),
        verbatim: false,
        timeoutMs: options.fetchTimeoutMs,
        maxBytes: options.maxBytes,
        publicOnly: !options.allowPrivateUrls,
        rules,
      });
      for await (const o of outcomes) {
        if (!o.ok) {
          errors.push({ origin: o.origin, message: o.error.message });
          continue;
        }
        const { article, entities, claims, events } = o.analysis;
        items.push({ id: article.id, title: article.title, status: o.status ?? 'new', entities: entities.length, claims: claims.length, events: events.length, words: o.words });
      }
      if (items.some((i) => i.status !== 'duplicate')) await options.refresh();
      return reply.code(items.length ? 201 : 422).send({ items, errors });
    },
  );
};
