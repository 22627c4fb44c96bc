import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { CrossArticle } from '../cross.js';
import { AboutFilter, Contradiction, DuplicateGroup, PageOf, PageParams, Story, TimelineFilters, TimelineItem } from '../../contract/index.js';
import { strict } from '../schemas.js';
import { NotFoundError } from '../../errors.js';

/** Contradictions, stories, the timeline and near-duplicates: what only many articles together show (src/analysis). */
export const crossRoutes: FastifyPluginAsyncTypebox<{ cross: CrossArticle }> = async (app, { cross }) => {

  app.get(
    '/api/contradictions',
    {
      schema: {
        summary: 'Claims about the same thing that disagree, in sides',
        tags: ['cross-article'],
        querystring: Type.Object({ ...PageParams, ...AboutFilter.properties }, strict),
        response: { 200: PageOf(Contradiction) },
      },
    },
    async (req) => cross.listContradictions(req.query),
  );

  app.get(
    '/api/contradictions/:id',
    { schema: { summary: 'One contradiction', tags: ['cross-article'], params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) }), response: { 200: Contradiction } } },
    async (req) => {
      const found = await findById(req.params.id, (cursor) => cross.listContradictions({ limit: 500, cursor }));
      if (!found) throw new NotFoundError(`no contradiction "${req.params.id}"`);
      return found;
    },
  );

  app.get(
    '/api/stories',
    {
      schema: {
        summary: 'Claim stories: a claim reported, denied, confirmed … in the order it was made',
        tags: ['cross-article'],
        querystring: Type.Object({ ...PageParams, ...AboutFilter.properties }, strict),
        response: { 200: PageOf(Story) },
      },
    },
    async (req) => cross.listStories(req.query),
  );

  app.get(
    '/api/stories/:id',
    { schema: { summary: 'One claim story', tags: ['cross-article'], params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) }), response: { 200: Story } } },
    async (req) => {
      const found = await findById(req.params.id, (cursor) => cross.listStories({ limit: 500, cursor }));
      if (!found) throw new NotFoundError(`no story "${req.params.id}"`);
      return found;
    },
  );

  app.get(
    '/api/duplicates',
    {
      schema: {
        summary: 'Groups of near-duplicate articles (syndicated copies, reposts), each counted once across articles',
        tags: ['cross-article'],
        querystring: Type.Object(PageParams, strict),
        response: { 200: PageOf(DuplicateGroup) },
      },
    },
    async (req) => cross.duplicateGroups(req.query),
  );

  app.get(
    '/api/timeline',
    {
      schema: {
        summary: 'Events and claims by date, each with its sources',
        tags: ['cross-article'],
        querystring: Type.Object({ ...PageParams, ...TimelineFilters.properties }, strict),
        response: { 200: PageOf(TimelineItem) },
      },
    },
    async (req) => cross.timeline(req.query),
  );
};

/** Walk the pages of a list for the item with this id. */
async function findById<T extends { id: string }>(id: string, page: (cursor: string | null) => Promise<{ items: T[]; next: string | null }>): Promise<T | null> {
  let cursor: string | null = null;
  do {
    const p = await page(cursor);
    const hit = p.items.find((x) => x.id === id);
    if (hit) return hit;
    cursor = p.next;
  } while (cursor);
  return null;
}
