import { sql, type SelectQueryBuilder } from 'kysely';

/** Where a page of the claim ledger ends: the day made ('' for none), the article's id, the claim's seq. */
export interface LedgerPosition {
  date: string;
  id: string;
  seq: number;
}

/** '' sorts claims of no known date after every dated one when the order is descending. */
const made = sql<string>`coalesce(claims.made, '')`;

/**
 * A query of claims in the ledger's order — the day made, then article id, then seq, not the order stored, which workers
 * make their own — from the newest ('desc') or the oldest ('asc'), after `after`. Both backends' ledger indexes
 * (SQLite 0017, PostgreSQL 0012) hold this order.
 */
export function inLedgerOrder<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, dir: 'asc' | 'desc', after: LedgerPosition | null): SelectQueryBuilder<DB, TB, O> {
  // One row-value comparison: PostgreSQL seeks the index to it, so a deep page costs what the first does.
  if (after) query = query.where(sql<boolean>`(${made}, claims.article_id, claims.seq) ${sql.raw(dir === 'desc' ? '<' : '>')} (${after.date}, ${after.id}, ${after.seq})`);
  return query.orderBy(made, dir).orderBy(sql`claims.article_id`, dir).orderBy(sql`claims.seq`, dir);
}
