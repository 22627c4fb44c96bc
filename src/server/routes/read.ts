import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NotFoundError, UsageError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { Analysis, ArticleFilters, ArticleSummary, ClaimFilters, ClaimItem, EntityFilters, EntityPage, EntitySummary, EventFilters, EventItem, PageOf, PageParams, Place, Ref, SearchFilters, SearchResults, StoreStats } from '../../contract/index.js';
import { strict } from '../schemas.js';

const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) });

/** Resolve an article key (id, unique prefix or ref) or answer 404 naming it. */
export async function articleId(store: Store, key: string): Promise<string> {
  const id = await store.articles.resolveArticleId(key);
  if (!id) throw new NotFoundError(`no article "${key}"`);
  return id;
}

/** The read-only API over the store: articles, entities, claims, events, places, search. */
export const readRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  const { articles, corpus } = store;

  app.get(
    '/api/stats',
    {
      schema: {
        summary: 'How much the store holds',
        tags: ['store'],
        response: { 200: StoreStats },
      },
    },
    async () => corpus.stats(),
  );

  app.get(
    '/api/articles',
    {
      schema: {
        summary: 'Stored articles, most recently published first',
        tags: ['articles'],
        querystring: Type.Object({ ...PageParams, ...ArticleFilters.properties }, strict),
        response: { 200: PageOf(Ref(ArticleSummary)) },
      },
    },
    async (req) => articles.listArticles(req.query),
  );

  app.get(
    '/api/articles/:id',
    {
      schema: {
        summary: 'One article with all its layers (schema/analysis.schema.json)',
        tags: ['articles'],
        params: Id,
        response: { 200: Ref(Analysis) },
      },
    },
    async (req) => {
      const analysis = await articles.getAnalysis(req.params.id);
      if (!analysis) throw new NotFoundError(`no article "${req.params.id}"`);
      return analysis;
    },
  );

  app.get(
    '/api/entities',
    {
      schema: {
        summary: 'Canonical entities with mention counts, most mentioned first',
        tags: ['entities'],
        querystring: Type.Object({ ...PageParams, ...EntityFilters.properties }, strict),
        response: { 200: PageOf(Ref(EntitySummary)) },
      },
    },
    async (req) => corpus.listEntities(req.query),
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
      const page = await corpus.entityPage(req.params.id, req.query.limit);
      // Unknown, or named by no stored article any more (a re-analysed article dropped it).
      if (!page) throw new NotFoundError(`no stored article names the entity "${req.params.id}"`);
      return page;
    },
  );

  app.get(
    '/api/claims',
    {
      schema: {
        summary: 'The claim ledger, newest first, filtered',
        tags: ['claims'],
        querystring: Type.Object({ ...PageParams, ...ClaimFilters.properties }, strict),
        response: { 200: PageOf(Ref(ClaimItem)) },
      },
    },
    async (req) => {
      const { article, ...rest } = req.query;
      return corpus.listClaims({ ...rest, article: article ? await articleId(store, article) : undefined });
    },
  );

  app.get(
    '/api/events',
    {
      schema: {
        summary: 'Events, newest article first (its publication, then id), an article’s in text order',
        tags: ['events'],
        querystring: Type.Object({ ...PageParams, ...EventFilters.properties }, strict),
        response: { 200: PageOf(Ref(EventItem)) },
      },
    },
    async (req) => corpus.listEvents(req.query),
  );

  app.get(
    '/api/places',
    { schema: { summary: 'Geocoded event places with event counts (the map)', tags: ['events'], response: { 200: Type.Object({ items: Type.Array(Place), next: Type.Null() }) } } },
    async () => ({ items: await corpus.listPlaces(), next: null }),
  );

  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search over articles and claims, and entity names',
        description: 'Each part is a page; pass `kind` with `cursor` to page one of them.',
        tags: ['search'],
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 500 }), ...SearchFilters.properties, ...PageParams }, strict),
        response: { 200: SearchResults },
      },
    },
    async (req) => {
      if (req.query.cursor && !req.query.kind) throw new UsageError('a cursor pages one kind of result: add kind=articles|claims|entities');
      return corpus.search(req.query.q, req.query);
    },
  );
};

