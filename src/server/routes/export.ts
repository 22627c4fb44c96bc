import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Store } from '../../store/index.js';
import { ClaimFilters, EXPORT_FORMATS, OneOf } from '../../contract/index.js';
import { EXPORT_MEDIA, exportClaims } from '../export.js';
import { strict } from '../schemas.js';
import { articleId } from './read.js';

/** GET /api/export: every claim matching the ledger's filters, streamed. */
export const exportRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/export',
    {
      schema: {
        summary: 'Export claims as JSON lines, CSV or schema.org ClaimReview JSON-LD',
        tags: ['claims'],
        querystring: Type.Object({ format: OneOf(EXPORT_FORMATS), ...ClaimFilters.properties }, strict),
        produces: Object.values(EXPORT_MEDIA).map((m) => m.type.split(';')[0]!),
      },
    },
    async (req, reply) => {
      const { format, article, ...filters } = req.query;
      const media = EXPORT_MEDIA[format];
      const claims = store.corpus.eachClaim({ ...filters, article: article ? await articleId(store, article) : undefined });
      const base = `${req.protocol}://${req.host}`;
      reply.type(media.type).header('Content-Disposition', `attachment; filename="claimtrail-claims.${media.extension}"`);
      return reply.send(Readable.from(exportClaims(claims, format, base)));
    },
  );
};
