import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchedFeed } from '../../src/contract/index.js';
import { FeedServer, report, type Item } from '../fixtures/feeds.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

let server: FeedServer;
beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(() => server.close());

function articleCount(db: string): number {
  const sqlite = new Database(db, { readonly: true });
  try {
    return (sqlite.prepare('select count(*) n from articles').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

async function feedsOf(db: string): Promise<WatchedFeed[]> {
  const r = await runCli(['feeds', '--json', '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim() ? r.stdout.trim().split('\n').map((l) => JSON.parse(l) as WatchedFeed) : [];
}

/** Each test serves its feeds under its own path prefix, so they run side by side (each runs the CLI a few times: a loaded machine needs the time). */
describe.concurrent('claimtrail watch', { timeout: 180_000 }, () => {
  it('stores a feed’s items; polled again, sends its ETag and Last-Modified, gets 304 and stores nothing; a new item is the only one stored', async () => {
    const db = join(tempDir(), 'w.db');
    const items: Item[] = [report(1), report(2)];
    server.routes.set('/a/world.rss', { kind: 'rss', title: 'World Wire', items, etag: '"w1"', lastModified: 'Thu, 03 Dec 2026 10:00:00 GMT' });
    server.routes.set('/a/daily.atom', { kind: 'atom', title: 'Daily Atom', items: [report(3, 'the northern port')], lastModified: 'Thu, 03 Dec 2026 11:00:00 GMT' });
    const feeds = [server.url('/a/world.rss'), server.url('/a/daily.atom')];

    const first = await runCli(['watch', ...feeds, '--once', '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`${feeds[0]}: 200 2 new items · 2 stored`);
    expect(first.stderr).toContain(`${feeds[1]}: 200 1 new item · 1 stored`);
    expect(first.stdout).toContain('Shelling reported near the river crossing, report 1');
    expect(articleCount(db)).toBe(3);
    expect(server.requestsFor('/a/world.rss')[0]!.headers['if-none-match']).toBeUndefined();

    // No URLs: every watched feed.
    const second = await runCli(['watch', '--once', '--db', db]);
    expect(second.code, second.stderr).toBe(0);
    const [, again] = server.requestsFor('/a/world.rss');
    expect(again!.headers).toMatchObject({ 'if-none-match': '"w1"', 'if-modified-since': 'Thu, 03 Dec 2026 10:00:00 GMT' });
    expect(server.requestsFor('/a/daily.atom')[1]!.headers).toMatchObject({ 'if-modified-since': 'Thu, 03 Dec 2026 11:00:00 GMT' });
    expect(second.stderr).toContain(`${feeds[0]}: 304 not modified`);
    expect(second.stderr).toContain(`${feeds[1]}: 304 not modified`);
    expect(second.stdout).toBe('');
    expect(articleCount(db)).toBe(3);

    items.unshift(report(4));
    server.routes.set('/a/world.rss', { kind: 'rss', title: 'World Wire', items, etag: '"w2"' });
    // Analysed on this thread (the runs before analysed on the pool's).
    const third = await runCli(['watch', feeds[0]!, '--once', '--threads', '0', '--db', db]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain(`${feeds[0]}: 200 1 new item · 1 stored`);
    expect(third.stdout).toContain('report 4');
    expect(third.stdout).not.toContain('report 1');
    expect(articleCount(db)).toBe(4);
    const [world, daily] = await feedsOf(db);
    expect(world).toMatchObject({ url: feeds[0], title: 'World Wire', lastStatus: 200, etag: '"w2"', lastModified: null, failures: 0, itemsSeen: 3, articlesStored: 3, lastError: null });
    expect(daily).toMatchObject({ url: feeds[1], title: 'Daily Atom', lastStatus: 304, itemsSeen: 1, articlesStored: 1 });
  });

  it('records a feed that fails (HTTP 500, not a feed) with its error, backs off, and still polls the others', async () => {
    const db = join(tempDir(), 'w.db');
    server.routes.set('/b/broken.rss', { kind: 'status', status: 500, body: 'database down' });
    server.routes.set('/b/page.rss', { kind: 'page', html: '<html><body><p>We moved our feed.</p></body></html>' });
    server.routes.set('/b/good.rss', { kind: 'rss', title: 'Good Feed', items: [report(5)] });
    const [broken, page, good] = ['/b/broken.rss', '/b/page.rss', '/b/good.rss'].map((p) => server.url(p));
    const run = await runCli(['watch', broken!, page!, good!, '--once', '--every', '1h', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${broken}: HTTP 500 Internal Server Error (1 in a row)`);
    expect(run.stderr).toContain(`error: ${page}: not an RSS or Atom feed (root element is <html>) (1 in a row)`);
    expect(run.stderr).toContain(`${good}: 200 1 new item · 1 stored`);
    expect(run.stderr).toMatch(/polled 3 feeds · 2 failed · 1 new items · 1 stored/);
    expect(articleCount(db)).toBe(1);

    await runCli(['watch', broken!, '--once', '--every', '1h', '--db', db]);
    const byUrl = new Map((await feedsOf(db)).map((f) => [f.url, f]));
    const gap = (f: WatchedFeed) => (Date.parse(f.nextPoll!) - Date.parse(f.lastPolled!)) / 3_600_000;
    expect(byUrl.get(broken!)).toMatchObject({ lastStatus: 500, failures: 2, lastError: { message: `${broken}: HTTP 500 Internal Server Error` } });
    expect(byUrl.get(page!)).toMatchObject({ lastStatus: 200, failures: 1, lastError: { message: expect.stringContaining('not an RSS or Atom feed') } });
    expect(byUrl.get(good!)).toMatchObject({ lastStatus: 200, failures: 0, lastError: null, itemsSeen: 1 });
    // An hour ±10 % after one failure or none; twice that after two in a row.
    expect(gap(byUrl.get(good!)!)).toBeGreaterThanOrEqual(0.9);
    expect(gap(byUrl.get(good!)!)).toBeLessThanOrEqual(1.1);
    expect(gap(byUrl.get(broken!)!)).toBeGreaterThanOrEqual(1.8);
    expect(gap(byUrl.get(broken!)!)).toBeLessThanOrEqual(2.2);

    const listed = await runCli(['feeds', '--db', db]);
    expect(listed.stdout).toContain(`${broken}\n  failing (2 in a row) · polled `);
    expect(listed.stdout).toContain(`last error `);
    expect(listed.stderr).toContain('3 feeds watched in');
  });

  it('fetches a summary-only item’s link from a public address only, unless --allow-private-urls', async () => {
    const story = server.url('/c/story');
    server.routes.set('/c/story', {
      kind: 'page',
      html: `<html lang="en"><head><title>Ceasefire talks resume</title></head><body><article><h1>Ceasefire talks resume</h1>${'<p>Negotiators from both sides met on Wednesday in the capital, a foreign ministry spokesman said, and agreed to meet again next week.</p>'.repeat(3)}</article></body></html>`,
    });
    server.routes.set('/c/teasers.rss', { kind: 'rss', title: 'Teasers', items: [{ guid: 'teaser-1', title: 'Ceasefire talks resume', link: story, published: 'Wed, 02 Dec 2026 09:00:00 GMT', body: 'Talks resume.', summary: true }] });
    const feed = server.url('/c/teasers.rss');

    const refused = join(tempDir(), 'w.db');
    const r = await runCli(['watch', feed, '--once', '--db', refused]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`refused to fetch ${story}: 127.0.0.1 is not a public address`);
    expect(articleCount(refused)).toBe(0);
    expect((await feedsOf(refused))[0]).toMatchObject({ itemsSeen: 1, articlesStored: 0, failures: 0, lastError: { message: expect.stringContaining('is not a public address') } });

    const allowed = join(tempDir(), 'w.db');
    const ok = await runCli(['watch', feed, '--once', '--allow-private-urls', '--db', allowed]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Ceasefire talks resume');
    expect(articleCount(allowed)).toBe(1);
  });

  it('refuses a bad feed URL or option with a usage error naming it, watching nothing', async () => {
    const db = join(tempDir(), 'w.db');
    const good = server.url('/d/never.rss');
    const cases: [string[], string][] = [
      [[good, 'ftp://example.org/feed.xml'], 'feed "ftp://example.org/feed.xml" is not an http(s) URL'],
      [['feeds.example/rss'], 'feed "feeds.example/rss" is not a URL'],
      [[good, '--every', 'soon'], '--every must be a duration of at least 1s such as 30s, 10m or 2h, got "soon"'],
      [[good, '--every', '0.5s'], 'got "0.5s"'],
      [[good, '--concurrency', '0'], '--concurrency must be a whole number of at least 1, got "0"'],
      [[good, '--timeout', '-1'], '--timeout must be a positive number, got "-1"'],
      [[good, '--threads', '-1'], '--threads must be a whole number from 0 to 256, got "-1"'],
      [[good, '--queue', 'postgres://127.0.0.1:9/none', '--threads', '1'], '--queue cannot go with --threads'],
      [[], 'no feeds to watch: give their URLs'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['watch', ...args, '--once', '--db', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(await feedsOf(db)).toEqual([]);
    expect(server.requestsFor('/d/never.rss')).toEqual([]);
  });

  it('feeds remove stops watching a feed; an unknown one is an error naming it', async () => {
    const db = join(tempDir(), 'w.db');
    server.routes.set('/e/one.rss', { kind: 'rss', title: 'One', items: [report(6)] });
    const feed = server.url('/e/one.rss');
    await runCli(['watch', feed, '--once', '--db', db]);
    expect((await feedsOf(db)).map((f) => f.url)).toEqual([feed]);
    const removed = await runCli(['feeds', 'remove', feed, '--db', db]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await feedsOf(db)).toEqual([]);
    expect(articleCount(db)).toBe(1);
    const again = await runCli(['feeds', 'remove', feed, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`no watched feed "${feed}"`);
  });

  it('stops on SIGTERM after the item under way; the items left come at the next poll', async () => {
    const db = join(tempDir(), 'w.db');
    const page = (title: string) => ({
      kind: 'page' as const,
      html: `<html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${title}: the governor said on Monday that power had been restored to most of the city after the strikes.</p>`.repeat(3)}</article></body></html>`,
    });
    let child: ReturnType<typeof spawn> | null = null;
    let stderr = '';
    let stdout = '';
    // The first item's page is held until the watcher says it is stopping.
    server.routes.set('/f/first', {
      kind: 'held',
      then: page('Power restored in the east'),
      held: (release) => {
        child!.kill('SIGTERM');
        const check = () => stderr.includes('stopping after the items under way') && (child!.stderr!.off('data', check), release());
        child!.stderr!.on('data', check);
        check();
      },
    });
    server.routes.set('/f/second', page('Grain convoy leaves the port'));
    const teaser = (n: string, title: string, day: string) => ({ guid: n, title, link: server.url(`/f/${n}`), published: `${day} Dec 2026 09:00:00 GMT`, body: 'More soon.', summary: true });
    server.routes.set('/f/teasers.rss', { kind: 'rss', title: 'Teasers', etag: '"t1"', items: [teaser('second', 'Grain convoy leaves the port', 'Thu, 03'), teaser('first', 'Power restored in the east', 'Wed, 02')] });
    const feed = server.url('/f/teasers.rss');

    child = spawn(process.execPath, [join(ROOT, 'bin/claimtrail.js'), 'watch', feed, '--every', '1h', '--allow-private-urls', '--db', db], { cwd: ROOT });
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdout!.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child!.on('close', resolve));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`${feed}: 200 1 new item · 1 stored · stopped, the rest next time`);
    expect(stdout).toContain('Power restored in the east');
    // The second item may have been read ahead, but it was not stored.
    expect(stdout).not.toContain('Grain convoy leaves the port');
    expect(articleCount(db)).toBe(1);
    // The feed's ETag was not kept: the next poll reads it whole and handles the item left.
    expect((await feedsOf(db))[0]).toMatchObject({ etag: null, itemsSeen: 1 });
    const next = await runCli(['watch', '--once', '--allow-private-urls', '--db', db]);
    expect(next.stderr).toContain(`${feed}: 200 1 new item · 1 stored`);
    expect(next.stdout).toContain('Grain convoy leaves the port');
    expect(articleCount(db)).toBe(2);
  });
});
