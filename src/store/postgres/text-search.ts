import { sql, type RawBuilder } from 'kysely';

/**
 * Full-text search of the PostgreSQL store: tsvector columns kept by the database itself
 * (generated columns, migration 0001) — articles' `fts` (title and text), claims' `fts` (speaker's
 * canonical name and content) and `fts_content` — in the english configuration, so words match
 * their stems ("attacks" finds "attack"), and common words ("the", "of") match nothing on their
 * own. FTS5 in the SQLite store matches whole words only; see docs/architecture.md.
 */

/** The words of a user's query, letters and digits only (no syntax to break). */
function wordsOf(q: string): string[] {
  return q.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every word required, as the PostgreSQL store's ftsQuery. */
export function allWords(q: string): RawBuilder<unknown> {
  return sql`plainto_tsquery('english', ${wordsOf(q).join(' ')})`;
}

/** Any of the words. */
export function anyWord(words: readonly string[]): RawBuilder<unknown> {
  return sql`to_tsquery('english', ${words.flatMap(wordsOf).join(' | ')})`;
}

/** Seqs of the articles whose title or text match a tsquery: a subquery. */
export function articlesMatching(query: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(select seq from articles where fts @@ ${query})`;
}

/** Seqs of the claims whose speaker or content match a tsquery: a subquery. */
export function claimsMatching(query: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(select seq from claims where fts @@ ${query})`;
}

/** The same, the content only. */
export function claimContentsMatching(query: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(select seq from claims where fts_content @@ ${query})`;
}

export { likePattern } from '../kysely/like.js';
