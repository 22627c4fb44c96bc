/** PostgreSQL store locations: connection URLs, as users give them to --db and CLAIMTRAIL_DB. */

/** Whether a store path is a PostgreSQL URL (postgres:// or postgresql://). */
export function isPostgresUrl(path: string): boolean {
  return /^postgres(ql)?:\/\//i.test(path);
}

/** The URL with its password replaced by "***": what messages and Store.path show. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = '***';
    return u.toString();
  } catch {
    // Not parseable as a URL: hide whatever stands between "user:" and "@".
    return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
  }
}
