import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { refreshAnalysis } from '../../src/analysis/index.js';
import { freshStore, TEST_PG } from './backends.js';

/** When the refresh's tables were last analysed in this store's schema (null: never). */
async function lastAnalysed(client: pg.Client, table: string): Promise<Date | null> {
  const { rows } = await client.query<{ at: Date | null }>(
    'select coalesce(last_analyze, last_autoanalyze) as at from pg_stat_user_tables where schemaname = current_schema() and relname = $1',
    [table],
  );
  return rows[0]?.at ?? null;
}

describe.skipIf(!TEST_PG)('the PostgreSQL refresh and its statistics', () => {
  it('analyses a table the refresh reads once its rows have outgrown its statistics, once, and leaves the others', async () => {
    const { store, place, drop } = await freshStore('postgres');
    const client = new pg.Client(place.path);
    await client.connect();
    try {
      await client.query("insert into prop_ids (founder, id) select 'founder-' || n, n from generate_series(1, 1200) as n");
      // Statistics reach the server's counters when a session is idle; ask for them now rather than in ten seconds.
      await client.query('select pg_stat_force_next_flush()');
      await client.query('select 1');
      for (let waited = 0; ; waited += 100) {
        const { rows } = await client.query<{ n: string }>("select n_mod_since_analyze as n from pg_stat_user_tables where schemaname = current_schema() and relname = 'prop_ids'");
        if (Number(rows[0]?.n) >= 1200) break;
        if (waited > 15_000) throw new Error('the inserted rows never reached the statistics counters');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await lastAnalysed(client, 'prop_ids')).toBeNull();
      await refreshAnalysis(store);
      expect(await lastAnalysed(client, 'prop_ids')).not.toBeNull();
      expect(await lastAnalysed(client, 'prop_keys')).toBeNull();
      // Analysed once: the statistics now hold its rows (an ANALYZE of some columns leaves the count of changed rows as it was).
      await refreshAnalysis(store);
      const { rows } = await client.query<{ n: string }>("select analyze_count as n from pg_stat_user_tables where schemaname = current_schema() and relname = 'prop_ids'");
      expect(Number(rows[0]!.n)).toBe(1);
    } finally {
      await client.end();
      await drop();
    }
  });
});
