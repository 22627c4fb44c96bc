import pg from 'pg';

/**
 * Whole databases on the PostgreSQL server of `url`, for benchmarks and tests that make their own
 * (the role must be allowed to create databases): a database is named by a plain identifier, and a
 * copy is CREATE DATABASE … TEMPLATE, a file-level copy made by the server.
 */
export class Databases {
  constructor(private readonly url: string) {}

  /** The URL of database `name` on the same server, with the same role. */
  urlOf(name: string): string {
    const u = new URL(this.url);
    u.pathname = `/${name}`;
    return u.toString();
  }

  async exists(name: string): Promise<boolean> {
    return (await this.admin('select 1 from pg_database where datname = $1', [name])).length > 0;
  }

  /** A new, empty database, or a copy of `template` (which no one may be connected to). */
  async create(name: string, template?: string): Promise<void> {
    await this.admin(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ''}`);
  }

  /**
   * Drop it, connections still open included; nothing when it is not there. A server process no role may signal (an
   * autovacuum worker that started on it) makes the forced drop fail for want of privilege until it ends, moments
   * later: the drop is tried again then.
   */
  async drop(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.admin(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
        return;
      } catch (e) {
        if (attempt >= DROP_ATTEMPTS || (e as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw e;
        await new Promise((resolve) => setTimeout(resolve, DROP_WAIT_MS * attempt));
      }
    }
  }

  async rename(from: string, to: string): Promise<void> {
    await this.admin(`ALTER DATABASE ${quoted(from)} RENAME TO ${quoted(to)}`);
  }

  private async admin(statement: string, values: unknown[] = []): Promise<unknown[]> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(statement, values)).rows;
    } finally {
      await client.end();
    }
  }
}

/** SQLSTATE of a forced drop that met a process it may not terminate. */
const INSUFFICIENT_PRIVILEGE = '42501';
const DROP_ATTEMPTS = 5;
const DROP_WAIT_MS = 200;

function quoted(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
  return `"${name}"`;
}
