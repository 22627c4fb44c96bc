import { sql, type RawBuilder } from 'kysely';

/**
 * Full-text search of the PostgreSQL store: tsvector columns kept by the database itself
 * (generated columns, migrations 0001 and 0016) — articles' `fts` (title and text), claims' `fts`
 * (the speaker's canonical name, its words of weight A, and the content, of weight D) — in the
 * english configuration, so words match their stems ("attacks" finds "attack"), and common words
 * ("the", "of") match nothing on their own. FTS5 in the SQLite store matches whole words only; see
 * docs/architecture.md.
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

/** Seqs of the claims whose content has every word of `q`: the words asked for with weight D, the content's. */
export function claimContentsMatching(q: string): RawBuilder<number> {
  const query = wordsOf(q).map((w) => `${w}:D`).join(' & ');
  return sql<number>`(select seq from claims where fts @@ to_tsquery('english', ${query}))`;
}

export { likePattern } from '../kysely/like.js';
