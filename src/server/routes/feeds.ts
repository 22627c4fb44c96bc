import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { WatchedFeed } from '../../contract/index.js';
import type { Store } from '../../store/index.js';
import { strict } from '../schemas.js';

/** The feeds `claimtrail watch` follows, with their polling state and last errors. */
export const feedRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/feeds',
    {
      schema: {
        summary: 'Watched feeds (claimtrail watch) with their state and last errors, in the order they were added; all on one page',
        tags: ['feeds'],
        querystring: Type.Object({}, strict),
        response: { 200: Type.Object({ items: Type.Array(WatchedFeed), next: Type.Null() }) },
      },
    },
    async () => ({ items: await store.feeds.list(), next: null }),
  );
};
