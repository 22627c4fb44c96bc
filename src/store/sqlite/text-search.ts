import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';

/**
 * Full-text search of the SQLite store: FTS5 indexes of articles (external content: rowid =
 * articles.seq) and of claims (contentless: rowid = claims.seq, under the speaker's canonical
 * name), kept in the same transaction as the rows they index, and what queries ask of them.
 */

/** Turn user words into an FTS5 query: each word quoted (no syntax errors), all required. */
export function ftsQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ') || '""';
}

/** Any of the words (already lower case, no syntax), each quoted. */
export function anyWordQuery(words: readonly string[]): string {
  return words.map((w) => `"${w}"`).join(' OR ');
}

/** Seqs of the articles whose title or text match an FTS5 query: a subquery. */
export function articlesMatching(match: string): RawBuilder<number> {
  return sql<number>`(select rowid from articles_fts where articles_fts match ${match})`;
}

/** Seqs of the claims whose speaker or content match an FTS5 query: a subquery. */
export function claimsMatching(match: string): RawBuilder<number> {
  return sql<number>`(select rowid from claims_fts where claims_fts match ${match})`;
}

/** The same, the content column only. */
export function claimContentsMatching(match: string): RawBuilder<number> {
  return claimsMatching(`content : (${match})`);
}

/** External content: FTS5 needs the indexed values to remove them. */
export async function unindexArticle(db: Kysely<Database>, seq: number, title: string | null, text: string): Promise<void> {
  await sql`insert into articles_fts(articles_fts, rowid, title, text) values ('delete', ${seq}, ${title}, ${text})`.execute(db);
}

export async function unindexClaims(db: Kysely<Database>, seqs: readonly number[]): Promise<void> {
  for (const seq of seqs) await sql`delete from claims_fts where rowid = ${seq}`.execute(db);
}

export { likePattern } from '../kysely/like.js';
