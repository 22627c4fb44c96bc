import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { freshPlace, TEST_PG, type Place } from '../store/backends.js';

const TEXT = 'Depot fire reported\n\nThe governor said on 3 May 2025 that a drone hit a fuel depot near the port.';

/** `serve --db postgres://…`: reads answer from the pool, posted articles are written by the writer thread through its own. */
describe.skipIf(!TEST_PG)('the server on a PostgreSQL store', () => {
  let place: Place;
  let server: RunningServer;
  beforeAll(async () => {
    place = await freshPlace('postgres');
    server = await startServer({ db: place.path, port: 0, token: null, webRoot: null, logger: false });
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  it('stores a posted article through the writer thread and lists its claims', async () => {
    const posted = await fetch(new URL('api/articles', server.address), { method: 'POST', body: TEXT, headers: { 'content-type': 'text/plain' } });
    expect(posted.status, await posted.clone().text()).toBe(201);
    const claims = (await (await fetch(new URL('api/claims', server.address))).json()) as { items: { content: string }[] };
    expect(claims.items.map((c) => c.content)).toContain('a drone hit a fuel depot near the port');
  });
});
