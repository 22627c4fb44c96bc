import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../src/errors.js';
import { openStore } from '../../src/store/index.js';
import { isPostgresUrl, redactUrl } from '../../src/store/postgres/url.js';

describe('PostgreSQL store URLs', () => {
  it('postgres:// and postgresql:// select the PostgreSQL store; anything else is a SQLite path', () => {
    expect(isPostgresUrl('postgres://u:p@host/db')).toBe(true);
    expect(isPostgresUrl('POSTGRESQL://host/db')).toBe(true);
    expect(isPostgresUrl('claimtrail.db')).toBe(false);
    expect(isPostgresUrl('./postgres://x')).toBe(false);
  });

  it('hides the password, and only the password', () => {
    expect(redactUrl('postgres://ana:s3cr%40t@db.example:5433/claims?options=-c%20search_path%3Dx')).toBe('postgres://ana:***@db.example:5433/claims?options=-c%20search_path%3Dx');
    expect(redactUrl('postgres://ana@db.example/claims')).toBe('postgres://ana@db.example/claims');
    expect(redactUrl('postgresql://ana:pw@[bad')).toBe('postgresql://ana:***@[bad');
  });

  it('a URL that names no reachable server fails with UnavailableError, not a SQLite file of that name', async () => {
    const error = await openStore('postgres://ana:hunter2@127.0.0.1:1/claims').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as Error).message).toMatch(/^postgres:\/\/ana:\*\*\*@127\.0\.0\.1:1\/claims: cannot connect to PostgreSQL/);
    expect((error as Error).message).not.toContain('hunter2');
  });
});
