import type pg from 'pg';
import { articlesAndLayers } from './0001-articles-and-layers.js';
import { crossArticleAnalysis } from './0002-cross-article-analysis.js';
import { ledgerOrderIndexes } from './0003-ledger-order-indexes.js';
import { mentionCounts } from './0004-mention-counts.js';
import { claimMentions } from './0005-claim-mentions.js';
import { feeds } from './0006-feeds.js';
import { refreshIndexes } from './0007-refresh-indexes.js';
import { refreshOrder } from './0008-refresh-order.js';
import { claimGroups } from './0009-claim-groups.js';
import { refreshRowsUnchecked } from './0010-refresh-rows-unchecked.js';
import { entityIntake } from './0011-entity-intake.js';
import { ledgerTies } from './0012-ledger-ties.js';
import { eventOrder } from './0013-event-order.js';
import { layerPipelines } from './0014-layer-pipelines.js';
import { articleRowsUnchecked } from './0015-article-rows-unchecked.js';
import { oneClaimSearchVector } from './0016-one-claim-search-vector.js';
import { unreadIndexes } from './0017-unread-indexes.js';
import { copyIntake } from './0018-copy-intake.js';
import { replay } from './0019-replay.js';
import { takenArticles } from './0020-taken-articles.js';

/** A schema change: statements run in one transaction. Never edited once released: change the schema with a new one. */
export interface Migration {
  /** Its number and what it does; applied in this order. */
  name: string;
  statements: readonly string[];
}

const MIGRATIONS: readonly Migration[] = [articlesAndLayers, crossArticleAnalysis, ledgerOrderIndexes, mentionCounts, claimMentions, feeds, refreshIndexes, refreshOrder, claimGroups, refreshRowsUnchecked, entityIntake, ledgerTies, eventOrder, layerPipelines, articleRowsUnchecked, oneClaimSearchVector, unreadIndexes, copyIntake, replay, takenArticles];

/** The advisory lock class of migrations (the second key is the schema's): several processes may open one store at once. */
const MIGRATION_LOCK = 0x6374_6d67;

/**
 * Bring the schema the connection's search_path points at up to date. Holding a session advisory
 * lock, the first process applies what is missing, each migration in its own transaction recorded
 * in schema_migrations; the others wait for it and find nothing left to do.
 */
export async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('select pg_advisory_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
  try {
    // Looked up first: a store that is up to date opens without writing (a read-only replica too).
    const { rows } = await client.query<{ t: string | null }>("select to_regclass('schema_migrations')::text as t");
    if (rows[0]!.t === null) {
      await client.query(`create table schema_migrations (
        name text collate "C" primary key,
        applied_at timestamptz not null default now()
      )`);
    }
    const done = new Set((await client.query<{ name: string }>('select name from schema_migrations')).rows.map((r) => r.name));
    for (const m of MIGRATIONS) {
      if (done.has(m.name)) continue;
      await client.query('begin');
      try {
        for (const statement of m.statements) await client.query(statement);
        await client.query('insert into schema_migrations (name) values ($1)', [m.name]);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw Object.assign(new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e }), { code: (e as { code?: unknown }).code });
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
  }
}
