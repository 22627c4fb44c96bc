import { sql, type Kysely } from 'kysely';
import type { RefreshPending } from '../analysis-repo.js';
import type { RewindPoint } from '../analysis-step.js';
import { REPLACED_STATE, REWIND_STATE } from '../rewind-point.js';
import type { ListTables } from './tables.js';

/** The tables the check reads, as both backends have them. */
interface PendingTables extends Pick<ListTables, 'articles' | 'propositions'> {
  analysis_state: { key: string; value: string };
}

/**
 * What a refresh would find to do, read without a step: both backends' tables alike (see
 * AnalysisRepo.pending for why it may be read outside the write lock).
 */
export async function refreshPending<DB extends Record<keyof PendingTables, unknown>>(kysely: Kysely<DB>, version: string, before: string | null): Promise<RefreshPending> {
  const db = kysely as unknown as Kysely<PendingTables>;
  const stored = await db.selectFrom('analysis_state').select('value').where('key', '=', 'version').executeTakeFirst();
  // Literals, so that each backend's partial and (dirty, id) indexes answer at once.
  const dirty = await db.selectFrom('propositions').select('id').where('dirty', '=', sql.lit(1)).limit(1).executeTakeFirst();
  let waiting = db.selectFrom('articles').select('id').where('refreshed', '=', sql.lit(0));
  if (before !== null) waiting = waiting.where('intake', '<', before);
  const article = await waiting.limit(1).executeTakeFirst();
  return { stale: stored?.value !== version, dirty: dirty !== undefined, articles: article !== undefined, rewind: await rewindPoint(db) };
}

/** The saves' notes of replaced articles, and how many articles the refresh has taken from the place noted (AnalysisStep.rewindPoint). */
export async function rewindPoint<DB extends Record<keyof PendingTables, unknown>>(kysely: Kysely<DB>): Promise<RewindPoint | null> {
  const db = kysely as unknown as Kysely<PendingTables>;
  const notes = new Map(
    (await db.selectFrom('analysis_state').select(['key', 'value']).where('key', 'in', [REWIND_STATE, REPLACED_STATE]).execute()).map((r) => [r.key, r.value]),
  );
  const from = notes.get(REWIND_STATE);
  if (from === undefined) return null;
  const { n } = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number | string>().as('n')).where('refreshed', '=', sql.lit(1)).where('intake', '>=', from).executeTakeFirstOrThrow();
  return { from, replaced: Number(notes.get(REPLACED_STATE) ?? 0), taken: Number(n) };
}
