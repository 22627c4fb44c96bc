import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { JobStatus, Ref } from '../../contract/index.js';
import { NotFoundError } from '../../errors.js';
import type { JobQueue } from '../../queue/job.js';

/** GET /api/jobs/:id: where a queued POST /api/articles stands (a server without a queue has no jobs). */
export const jobRoutes: FastifyPluginAsyncTypebox<{ queue: JobQueue | null }> = async (app, { queue }) => {
  app.get(
    '/api/jobs/:id',
    {
      schema: {
        summary: 'A queued analyze job: its state, attempts, error, and the articles stored when done',
        description: 'Jobs exist on a server started with a job queue (serve --queue or $CLAIMTRAIL_QUEUE): POST /api/articles then answers 202 with their status URLs.',
        tags: ['articles'],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: Ref(JobStatus) },
      },
    },
    async (req) => {
      if (!queue) throw new NotFoundError(`no job "${req.params.id}": this server has no job queue (start it with serve --queue)`);
      const job = await queue.get(req.params.id);
      if (!job) throw new NotFoundError(`no job "${req.params.id}"`);
      return job;
    },
  );
};
