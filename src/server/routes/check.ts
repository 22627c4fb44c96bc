import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ClaimChecker } from '../../check/index.js';
import { checkClaim } from '../../check/store.js';
import type { Store } from '../../store/index.js';
import { CheckAnswer, CheckFilters } from '../../contract/index.js';
import { strict } from '../schemas.js';
import { UsageError } from '../../errors.js';

/** GET /api/check: a claim checked against the store (src/check). */
export const checkRoutes: FastifyPluginAsyncTypebox<{ store: Store; checker: () => Promise<ClaimChecker> }> = async (app, { store, checker }) => {
  app.get(
    '/api/check',
    {
      schema: {
        summary: 'Check a claim: the stored articles that hold it true, deny it or only report it, with evidence, and its story over time',
        tags: ['cross-article'],
        querystring: Type.Object({ claim: Type.String({ minLength: 1, maxLength: 1000, description: 'the claim, one sentence' }), ...CheckFilters.properties }, strict),
        response: { 200: CheckAnswer },
      },
    },
    async (req) => {
      const { claim, ...options } = req.query;
      if (!claim.trim()) throw new UsageError('querystring.claim must not be blank');
      return checkClaim(store, await checker(), claim.trim(), options);
    },
  );
};
