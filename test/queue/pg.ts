import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the queue's tests use (CLAIMTRAIL_TEST_PG, e.g.
 * postgres://claimtrail:claimtrail@127.0.0.1:5432/ct_pg); unset, they are skipped and
 * test/shared-setup.ts says so once.
 */
export const TEST_PG = process.env.CLAIMTRAIL_TEST_PG?.trim() || null;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file on the test server, dropped after (workers still connected included). */
export async function freshDatabase(tag: string): Promise<TestDatabase> {
  if (!TEST_PG) throw new Error('CLAIMTRAIL_TEST_PG is not set');
  const base = new URL(TEST_PG);
  const name = `${base.pathname.slice(1) || 'claimtrail'}_${tag}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_PG });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
