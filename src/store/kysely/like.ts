/**
 * `%words%` for LIKE (SQLite) or ILIKE (PostgreSQL, case-insensitive as SQLite's LIKE), with
 * their own wildcards taken literally (escape '\').
 */
export function likePattern(words: string): string {
  return `%${words.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
