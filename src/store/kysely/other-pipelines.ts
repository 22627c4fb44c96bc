import type { Kysely } from 'kysely';

/** The table the check reads, as both backends have it. */
interface PipelineTables {
  layers: { article_id: string; pipeline: string };
}

/**
 * Whether any stored article was analysed by a pipeline version other than `version`: both backends' tables alike. Two
 * range lookups on the pipeline index (migrations 0019 and 0014), below and above the version, so a store of any size
 * answers at once.
 */
export async function holdsOtherPipelines<DB extends Record<keyof PipelineTables, unknown>>(kysely: Kysely<DB>, version: string): Promise<boolean> {
  const db = kysely as unknown as Kysely<PipelineTables>;
  for (const op of ['<', '>'] as const) {
    if (await db.selectFrom('layers').select('pipeline').where('pipeline', op, version).limit(1).executeTakeFirst()) return true;
  }
  return false;
}
