import { scratchDatabase } from '../../src/store/queue/scratch.js';

/**
 * The PostgreSQL server the queue's tests use (CLAIMTRAIL_TEST_PG, e.g.
 * postgres://claimtrail:claimtrail@127.0.0.1:5432/ct_pg); unset, they are skipped and
 * test/pg-setup.ts says so once.
 */
export const TEST_PG = process.env.CLAIMTRAIL_TEST_PG?.trim() || null;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file on the test server, dropped after (workers still connected included). */
export function freshDatabase(tag: string): Promise<TestDatabase> {
  if (!TEST_PG) throw new Error('CLAIMTRAIL_TEST_PG is not set');
  return scratchDatabase(TEST_PG, `${new URL(TEST_PG).pathname.slice(1) || 'claimtrail'}_${tag}`.toLowerCase());
}
