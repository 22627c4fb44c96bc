import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedServer, report } from '../fixtures/feeds.js';
import { runCli, tempDir } from '../helpers.js';
import { freshDatabase, TEST_PG, type TestDatabase } from '../queue/pg.js';

/** Article ids and titles of a store, sorted (the order two runs stored them in may differ). */
async function storedArticles(db: string): Promise<string[]> {
  const r = await runCli(['articles', '--json', '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => { const a = JSON.parse(l) as { id: string; title: string | null }; return `${a.id} ${a.title}`; }).sort() : [];
}

describe.skipIf(!TEST_PG)('claimtrail watch --queue', { timeout: 180_000 }, () => {
  let server: FeedServer;
  let queue: TestDatabase;
  beforeAll(async () => {
    server = await FeedServer.start();
    queue = await freshDatabase('watch');
  });
  afterAll(async () => {
    await server?.close();
    await queue?.drop();
  });

  it('queues each new item for the workers, who store exactly what watching in place stores; an unchanged feed queues nothing', async () => {
    const dir = tempDir();
    const env = { CLAIMTRAIL_QUEUE: queue.url };
    server.routes.set('/q/world.rss', { kind: 'rss', title: 'World Wire', items: [report(1), report(2)], etag: '"q1"' });
    const feed = server.url('/q/world.rss');

    const queued = await runCli(['watch', feed, '--once', '--queue', '--db', join(dir, 'queued.db')], { env });
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout.trim().split('\n').filter((l) => l.startsWith('queued '))).toHaveLength(2);
    expect(queued.stderr).toContain('2 new items · queued for the workers');
    expect(await storedArticles(join(dir, 'queued.db'))).toEqual([]);

    const worked = await runCli(['worker', '--until-idle', '--db', join(dir, 'queued.db')], { env });
    expect(worked.code, worked.stderr).toBe(0);
    const inPlace = await runCli(['watch', feed, '--once', '--db', join(dir, 'here.db')]);
    expect(inPlace.code, inPlace.stderr).toBe(0);
    const stored = await storedArticles(join(dir, 'queued.db'));
    expect(stored).toHaveLength(2);
    expect(stored).toEqual(await storedArticles(join(dir, 'here.db')));

    const again = await runCli(['watch', '--once', '--queue', '--db', join(dir, 'queued.db')], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${feed}: 304 not modified`);
    expect(again.stdout).toBe('');
  });

  it('refuses --gazetteer with --queue, and --queue without a queue, before polling anything', async () => {
    const before = server.requestsFor('/q/none.rss').length;
    const clash = await runCli(['watch', server.url('/q/none.rss'), '--once', '--queue', queue.url, '--gazetteer', 'extra.tsv'], { env: { CLAIMTRAIL_QUEUE: '' } });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--queue cannot go with --gazetteer/);
    const none = await runCli(['watch', server.url('/q/none.rss'), '--once', '--queue'], { env: { CLAIMTRAIL_QUEUE: '', CLAIMTRAIL_DB: join(tempDir(), 'w.db') } });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no job queue/);
    expect(server.requestsFor('/q/none.rss').length).toBe(before);
  });
});
