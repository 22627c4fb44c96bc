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

  /** Drop it, connections still open included; nothing when it is not there. */
  async drop(name: string): Promise<void> {
    await this.admin(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
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

function quoted(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
  return `"${name}"`;
}
