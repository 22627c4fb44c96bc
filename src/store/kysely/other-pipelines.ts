import type { Kysely } from 'kysely';

/** The table the check reads, as both backends have it. */
interface PipelineTables {
  layers: { article_id: string; pipeline: string };
}

/** Whether any stored article was analysed by a pipeline version other than `version`: both backends' tables alike. */
export async function holdsOtherPipelines<DB extends Record<keyof PipelineTables, unknown>>(kysely: Kysely<DB>, version: string): Promise<boolean> {
  const db = kysely as unknown as Kysely<PipelineTables>;
  return (await db.selectFrom('layers').select('article_id').where('pipeline', '<>', version).limit(1).executeTakeFirst()) !== undefined;
}
