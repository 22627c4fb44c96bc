import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listClaims } from '../../store/queries/claims.js';
import { entityPage, listEntities } from '../../store/queries/entities.js';
import { listEvents, listPlaces } from '../../store/queries/events.js';
import { search } from '../../store/queries/search.js';
import type { Store } from '../../store/store.js';
import { ArticleHit, ClaimFilterQuery, EntityPage, EntityTypeSchema, PageOf, PageQuery, Place } from '../schemas.js';
import { HttpError } from '../security.js';

const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) });
const strict = { additionalProperties: false };

/** Resolve an article key (id, unique prefix or ref) or answer 404 naming it. */
export async function articleId(store: Store, key: string): Promise<string> {
  const id = await store.resolveArticleId(key);
  if (!id) throw new HttpError(404, `no article "${key}"`);
  return id;
}

/** The read-only API over the store: articles, entities, claims, events, places, search. */
export const readRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  const db = store.db;

  app.get(
    '/api/stats',
    {
      schema: {
        summary: 'How much the store holds',
        tags: ['store'],
        response: { 200: Type.Object({ articles: Type.Integer(), entities: Type.Integer(), claims: Type.Integer(), events: Type.Integer(), words: Type.Integer() }) },
      },
    },
    async () => {
      const count = async (table: 'articles' | 'entities' | 'claims' | 'events') =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const words = await db.selectFrom('articles').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('words'), eb.lit(0)).as('n')).executeTakeFirstOrThrow();
      const [articles, entities, claims, events] = await Promise.all([count('articles'), count('entities'), count('claims'), count('events')]);
      return { articles, entities, claims, events, words: Number(words.n) };
    },
  );

  app.get(
    '/api/articles',
    {
      schema: {
        summary: 'Stored articles, most recently published first',
        tags: ['articles'],
        querystring: Type.Object({ ...PageQuery, q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'full-text words over title and text' })) }, strict),
        response: { 200: PageOf(Type.Ref('ArticleSummary')) },
      },
    },
    async (req) => store.listArticles(req.query),
  );

  app.get(
    '/api/articles/:id',
    {
      schema: {
        summary: 'One article with all its layers (schema/analysis.schema.json)',
        tags: ['articles'],
        params: Id,
        response: { 200: Type.Object({}, { additionalProperties: true, description: 'an Analysis: {article, entities, times, quantities, claims, events}' }) },
      },
    },
    async (req) => {
      const analysis = await store.getAnalysis(req.params.id);
      if (!analysis) throw new HttpError(404, `no article "${req.params.id}"`);
      return analysis;
    },
  );

  app.get(
    '/api/entities',
    {
      schema: {
        summary: 'Canonical entities with mention counts, most mentioned first',
        tags: ['entities'],
        querystring: Type.Object(
          {
            ...PageQuery,
            type: Type.Optional(EntityTypeSchema),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'words of the name' })),
            role: Type.Optional(Type.Union([Type.Literal('actors'), Type.Literal('outlets')], { description: 'actors: without outlets and platforms (media, and the sources of stored articles); outlets: only those' })),
          },
          strict,
        ),
        response: { 200: PageOf(Type.Ref('Entity')) },
      },
    },
    async (req) => listEntities(db, req.query),
  );

  app.get(
    '/api/entities/:id',
    {
      schema: {
        summary: 'An entity: claims by it, claims about it, its events and timeline',
        tags: ['entities'],
        params: Id,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) }, strict),
        response: { 200: EntityPage },
      },
    },
    async (req) => {
      const page = await entityPage(db, req.params.id, req.query.limit);
      if (!page) throw new HttpError(404, `no entity "${req.params.id}"`);
      return page;
    },
  );

  app.get(
    '/api/claims',
    {
      schema: {
        summary: 'The claim ledger, newest first, filtered',
        tags: ['claims'],
        querystring: Type.Object({ ...PageQuery, ...ClaimFilterQuery }, strict),
        response: { 200: PageOf(Type.Ref('Claim')) },
      },
    },
    async (req) => {
      const { article, ...rest } = req.query;
      return listClaims(db, { ...rest, article: article ? await articleId(store, article) : undefined });
    },
  );

  app.get(
    '/api/events',
    {
      schema: {
        summary: 'Events, newest first',
        tags: ['events'],
        querystring: Type.Object(
          {
            ...PageQuery,
            type: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            entity: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'entity id as actor, target or place' })),
            place: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'entity id of the place' })),
          },
          strict,
        ),
        response: { 200: PageOf(Type.Ref('Event')) },
      },
    },
    async (req) => listEvents(db, req.query),
  );

  app.get(
    '/api/places',
    { schema: { summary: 'Geocoded event places with event counts (the map)', tags: ['events'], response: { 200: Type.Object({ items: Type.Array(Place), next: Type.Null() }) } } },
    async () => ({ items: await listPlaces(db), next: null }),
  );

  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search over articles and claims, and entity names',
        description: 'Each part is a page; pass `kind` with `cursor` to page one of them.',
        tags: ['search'],
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 500 }),
            kind: Type.Optional(Type.Union([Type.Literal('articles'), Type.Literal('claims'), Type.Literal('entities')])),
            ...PageQuery,
          },
          strict,
        ),
        response: { 200: Type.Object({ articles: PageOf(ArticleHit), claims: PageOf(Type.Ref('Claim')), entities: PageOf(Type.Ref('Entity')) }) },
      },
    },
    async (req) => {
      if (req.query.cursor && !req.query.kind) throw new HttpError(400, 'a cursor pages one kind of result: add kind=articles|claims|entities');
      return search(db, req.query.q, req.query);
    },
  );
};

