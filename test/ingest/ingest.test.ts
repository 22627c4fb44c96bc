import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText, loadRules, parseRules } from '../../src/ingest/clean.js';
import { isNonPublicAddress, publicLookup } from '../../src/ingest/fetch.js';
import { ingest, type Ingested, type IngestOptions, type Input } from '../../src/ingest/index.js';
import { normalizeDate } from '../../src/ingest/source.js';
import { HAS_SEED, SEED, SEED_GOLD, tempDir } from '../helpers.js';

const rules = loadRules();
const options: IngestOptions = { verbatim: false, timeoutMs: 2000, maxBytes: 1 << 20, rules };

async function all(inputs: Input[], extra: Partial<typeof options> & { stdin?: NodeJS.ReadableStream } = {}): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for await (const item of ingest(inputs, { ...options, ...extra })) out.push(item);
  return out;
}
const articles = (items: Ingested[]) => items.flatMap((i) => (i.ok ? [i.article] : []));
const errors = (items: Ingested[]) => items.flatMap((i) => (i.ok ? [] : [i.error.message]));

const STORY = 'Ceasefire talks stall in Geneva\n\nNegotiators from both sides left the talks on Tuesday without an agreement.\n\nA mediator said another round could start next month.';

describe('cleaning', () => {
  it('drops boilerplate prompts, a repeated caption and extra blank lines, and keeps paragraphs', () => {
    const raw = [
      'Ceasefire talks stall',
      '',
      'Back our reporting on Patreon',
      'Delegates at the lakeside venue. Photo: press pool',
      'Delegates at the lakeside venue. Photo: press pool',
      '',
      '',
      '',
      'Negotiators   left\tthe talks without a deal.',
      'Share this article',
      'We use cookies to improve your experience. Accept all cookies',
      'Sign up for our daily briefing newsletter',
    ].join('\n');
    expect(cleanText(raw, rules)).toBe('Ceasefire talks stall\n\nDelegates at the lakeside venue. Photo: press pool\n\nNegotiators left the talks without a deal.');
  });

  it('drops links to other stories in capitals or after "Other topics of interest", credits and "join us" prompts', () => {
    const raw = [
      'The bridge reopened on Tuesday after repairs.',
      'FERRY OPERATORS BRACE FOR A QUIET SUMMER ON THE LAKE',
      'Other Stories of Interest Harbour Chief: Dredging Will Start In May Officials said the work would take a month.',
      'Join us on WhatsApp for alerts from our newsroom.',
      'Lakeside Wire contributed to this report.',
      'UN said the repairs met the standard.',
    ].join('\n');
    expect(cleanText(raw, rules)).toBe('The bridge reopened on Tuesday after repairs.\nUN said the repairs met the standard.');
  });

  it('keeps story sentences that merely mention support or subscribers', () => {
    const line = 'Support for the ceasefire grew among subscribers to the party newsletter, officials said.';
    expect(cleanText(line, rules)).toBe(line);
  });

  it('takes extra rules from a user file, and names the file and line of a bad rule', () => {
    const dir = tempDir();
    const file = join(dir, 'rules.txt');
    writeFileSync(file, '# mine\n^Listen to our podcast.*$\n');
    const mine = loadRules([file]);
    expect(cleanText('Body text.\nListen to our podcast on the war', mine)).toBe('Body text.');
    expect(() => parseRules('ok\n(unclosed\n', 'bad.txt')).toThrow(/bad\.txt:2: not a valid regular expression/);
  });

  it('reads a rule as Unicode-aware on every line, on lines it matches faster without the u flag too', () => {
    // Three emoji are six code units: with the u flag `.{0,4}` takes them, without it it does not.
    const mine = parseRules('^.{0,4}x$\n^kelvin scale$\n^\\p{Lu}\\p{Ll}+ only$', 'mine.txt');
    expect(cleanText('Story.\n😀😀😀x', mine)).toBe('Story.');
    expect(cleanText('Story.\nabcdex', mine)).toBe('Story.\nabcdex');
    // The Kelvin sign folds to k only with the u flag.
    expect(cleanText('Story.\n\u212Aelvin scale', mine)).toBe('Story.');
    expect(cleanText('Story.\nSubscribers only', mine)).toBe('Story.');
  });
});

describe('publication dates', () => {
  it('normalises the usual spellings to ISO 8601 and rejects impossible dates', () => {
    expect(normalizeDate('2025-04-28')).toBe('2025-04-28');
    expect(normalizeDate('28 April 2025')).toBe('2025-04-28');
    expect(normalizeDate('April 28, 2025')).toBe('2025-04-28');
    expect(normalizeDate('Mon, 28 Apr 2025 10:00:00 GMT')).toBe('2025-04-28T10:00:00Z');
    expect(normalizeDate('Mon, 28 Apr 2025 21:30:00 -0500')).toBe('2025-04-28T21:30:00-05:00');
    expect(normalizeDate('Mon, 28 Apr 2025 21:30 EDT')).toBe('2025-04-28T21:30:00-04:00');
    expect(normalizeDate('2025-04-28T21:30:12.336-05:00')).toBe('2025-04-28T21:30:12-05:00');
    expect(normalizeDate('2025-04-28T21:30:12+0530')).toBe('2025-04-28T21:30:12+05:30');
    expect(normalizeDate('2025-04-28 09:05')).toBe('2025-04-28T09:05:00');
    expect(normalizeDate('2025-04-28T10:00:00.000Z')).toBe('2025-04-28T10:00:00Z');
    expect(normalizeDate('2025-04-28T25:00:00Z')).toBeNull();
    expect(normalizeDate('2025-02-30')).toBeNull();
    expect(normalizeDate('yesterday')).toBeNull();
  });
});

describe.skipIf(!HAS_SEED)('the founding article', () => {
  it('comes out with its title and date, without the header, donation prompt or second caption', async () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as {
      article: { published: string; title: string; must_not_contain: string[]; line_appears_once: string };
    };
    const [item] = await all([SEED]);
    expect(item?.ok).toBe(true);
    const a = articles([item!])[0]!;
    expect(a.published).toBe(gold.article.published);
    expect(a.title).toBe(gold.article.title);
    expect(a.text.startsWith(gold.article.title)).toBe(true);
    for (const bad of gold.article.must_not_contain) expect(a.text).not.toContain(bad);
    expect(a.text.split(gold.article.line_appears_once)).toHaveLength(2);
    expect(a.ref).toBe(SEED);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps the text exactly as given with --verbatim, still reading the date', async () => {
    const raw = readFileSync(SEED, 'utf8');
    const a = articles(await all([SEED], { verbatim: true }))[0]!;
    expect(a.text).toBe(raw);
    expect(a.published).toBe('2025-04-28');
  });
});

describe('plain text that leads with its metadata', () => {
  const BODY = 'The ministry said on Sunday that a pontoon bridge near the port had been destroyed.\n\nThe other side called the report false.';
  const read = async (content: string, extra: Partial<IngestOptions> = {}) => articles(await all([{ name: 'note.md', content }], extra))[0]!;

  it('reads a YAML front matter (title, date, source, link, language) and drops it from the text', async () => {
    const a = await read(`---\ntitle: "Bridge struck near the port"\ndate: 2026-11-30T09:15:00+02:00\nsource: Lakeside Wire\nlink: https://example.org/bridge\nlang: en\ntags: [war, bridges]\n---\n${BODY}`);
    expect(a).toMatchObject({ title: 'Bridge struck near the port', published: '2026-11-30T09:15:00+02:00', source: 'Lakeside Wire', url: 'https://example.org/bridge', language: 'en' });
    expect(a.text.startsWith('The ministry said on Sunday')).toBe(true);
    expect(a.text).not.toContain('---');
  });

  it('reads a block of "Key: value" lines ended by a blank line, in any case, a date given in words', async () => {
    const a = await read(`Title: Bridge struck near the port\nPublished: 30 November 2026\nSOURCE: Lakeside Wire\n\n${BODY}`);
    expect(a).toMatchObject({ title: 'Bridge struck near the port', published: '2026-11-30', source: 'Lakeside Wire' });
    expect(a.text.startsWith('The ministry said on Sunday')).toBe(true);
  });

  it('leaves as text what only looks like a header: an unknown field, no blank line after it, a Markdown rule', async () => {
    const warning = `Warning: the report below describes casualties\n\n${BODY}`;
    expect(await read(warning)).toMatchObject({ title: 'Warning: the report below describes casualties', published: null });
    expect((await read(warning)).text).toContain('Warning: the report');
    const unended = `Title: Bridge struck near the port\n${BODY}`;
    expect((await read(unended)).text).toContain('Title: Bridge struck');
    const rule = `---\nThe ministry's statement, in full:\n---\n${BODY}`;
    expect(await read(rule)).toMatchObject({ title: '---', published: null });
    expect((await read(rule)).text).toContain("The ministry's statement, in full:");
  });

  it('keeps the text exactly as given with --verbatim, still reading the header', async () => {
    const content = `Title: Bridge struck near the port\nDate: 2026-11-30\n\n${BODY}`;
    const a = await read(content, { verbatim: true });
    expect(a.text).toBe(content);
    expect(a).toMatchObject({ title: 'Bridge struck near the port', published: '2026-11-30' });
  });

  it("takes a JSONL record's own fields first, then what its text leads with", async () => {
    const text = `---\ntitle: From the text\ndate: 2026-11-30\nsource: Text Wire\n---\n${BODY}`;
    const line = JSON.stringify({ id: 'r1', title: 'From the record', text });
    const a = articles(await all([{ name: 'dump.jsonl', content: line }]))[0]!;
    expect(a).toMatchObject({ title: 'From the record', published: '2026-11-30', source: 'Text Wire' });
    expect(a.text.startsWith('The ministry said on Sunday')).toBe(true);
  });
});

describe('inputs of every kind', () => {
  let server: Server;
  let base: string;
  const pages: Record<string, { type: string; body: string; delay?: boolean; redirect?: string }> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      const page = pages[req.url ?? ''];
      if (!page) {
        res.writeHead(404).end('not here');
        return;
      }
      if (page.delay) return; // never answers: the client's timeout must end it
      if (page.redirect) {
        res.writeHead(302, { location: page.redirect }).end();
        return;
      }
      res.writeHead(200, { 'content-type': page.type }).end(page.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('walks a directory recursively, in name order, skipping hidden and unknown files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'b.txt'), 'Second story\n\nIt happened later.');
    writeFileSync(join(dir, 'sub', 'a.txt'), 'Nested story\n\nIt happened in a subfolder.');
    writeFileSync(join(dir, 'a.txt'), STORY);
    writeFileSync(join(dir, '.hidden.txt'), 'Hidden\n\nNot an article.');
    writeFileSync(join(dir, 'notes.docx'), 'not read');
    const got = articles(await all([dir]));
    expect(got.map((a) => a.title)).toEqual(['Ceasefire talks stall in Geneva', 'Second story', 'Nested story']);
  });

  it('reads JSONL records with their metadata, reporting a malformed line by file:line and going on', async () => {
    const dir = tempDir();
    const file = join(dir, 'dump.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'r1', url: 'https://example.org/1', title: 'First record', published: '2024-10-18', source: 'Example Wire', text: 'Body of the first record.' }),
        '{"id": "r2", "text": "unterminated',
        '',
        JSON.stringify({ id: 'r3', title: 'Third', html: '<html><body><article><p>Body of the third record, as a fragment of a page that has enough words to count as an article for the extractor to keep it.</p><p>A second paragraph adds more words so that the page reads like a short news item rather than a stub.</p><p>A third paragraph makes sure the extractor sees a real article body and does not give up on it.</p></article></body></html>' }),
        JSON.stringify({ id: 'r4', title: 'No body' }),
      ].join('\n'),
    );
    const items = await all([file]);
    const got = articles(items);
    expect(got.map((a) => a.ref)).toEqual(['r1', 'r3']);
    expect(got[0]).toMatchObject({ title: 'First record', published: '2024-10-18', source: 'Example Wire', url: 'https://example.org/1' });
    expect(got[1]!.text).toContain('Body of the third record');
    expect(errors(items)).toEqual([expect.stringMatching(new RegExp(`^${file}:2: not valid JSON`)), `${file}:5: record has neither "text" nor "html"`]);
  });

  it('reads stdin for "-" and sniffs what it holds', async () => {
    const got = articles(await all(['-'], { stdin: Readable.from([Buffer.from(STORY)]) }));
    expect(got).toHaveLength(1);
    expect(got[0]!.ref).toBe('stdin');
  });

  it('takes inline content (an API request body)', async () => {
    const got = articles(await all([{ name: 'request', content: STORY }]));
    expect(got[0]!.title).toBe('Ceasefire talks stall in Geneva');
  });

  it('reads RSS items with full content, and fetches the page of an item that carries only a summary', async () => {
    pages['/story'] = {
      type: 'text/html; charset=utf-8',
      body: `<html lang="en"><head><title>Fetched story</title><meta property="article:published_time" content="2025-01-12T08:00:00Z"></head><body><nav>Home | World</nav><article><h1>Fetched story</h1>${'<p>Ukrainian officials said on Sunday that two soldiers had been detained after a firefight near the border, and that both were receiving medical care.</p>'.repeat(4)}</article></body></html>`,
    };
    const dir = tempDir();
    const feed = join(dir, 'feed.rss');
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example Wire</title><language>en-gb</language>
      <item><title>Full item</title><link>${base}/full</link><pubDate>Tue, 29 Apr 2025 09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>The whole article is in the feed.</p><p>It has two paragraphs.</p>]]></content:encoded></item>
      <item><title>Teaser item</title><link>${base}/story</link><pubDate>Sun, 12 Jan 2025 08:00:00 GMT</pubDate><description>Two soldiers detained.</description></item>
      <item><title>Broken link</title><link>${base}/missing</link><description>Short.</description></item>
      </channel></rss>`,
    );
    const items = await all([feed]);
    const got = articles(items);
    expect(got.map((a) => a.title)).toEqual(['Full item', 'Fetched story']);
    expect(got[0]).toMatchObject({ published: '2025-04-29T09:00:00Z', source: 'Example Wire', language: 'en-gb', text: 'Full item\n\nThe whole article is in the feed.\n\nIt has two paragraphs.' });
    expect(got[1]!.text).toContain('two soldiers had been detained');
    expect(got[1]!.text).not.toContain('Home | World');
    expect(errors(items)).toEqual([expect.stringContaining(`${base}/missing: HTTP 404`)]);
  });

  it('reads Atom entries', async () => {
    const got = articles(
      await all([
        {
          name: 'atom',
          content: `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Atom Wire</title><entry><title>Atom entry</title><link rel="alternate" href="https://example.org/a"/><published>2024-11-05T12:00:00Z</published><content type="html">&lt;p&gt;${'Officials confirmed the meeting took place in the capital. '.repeat(5)}&lt;/p&gt;</content></entry></feed>`,
        },
      ]),
    );
    expect(got[0]).toMatchObject({ title: 'Atom entry', url: 'https://example.org/a', published: '2024-11-05T12:00:00Z', source: 'Atom Wire', language: 'en' });
  });

  it('fetches an HTML page by URL, with the page’s metadata', async () => {
    const got = articles(await all([`${base}/story`]));
    expect(got[0]).toMatchObject({ title: 'Fetched story', published: '2025-01-12T08:00:00Z', language: 'en', url: `${base}/story` });
  });

  it('follows redirects to the final address, and stops a redirect loop', async () => {
    pages['/moved'] = { type: 'text/html', body: '', redirect: '/story' };
    pages['/loop'] = { type: 'text/html', body: '', redirect: `${base}/loop` };
    const items = await all([`${base}/moved`, `${base}/loop`]);
    expect(articles(items)[0]).toMatchObject({ title: 'Fetched story', url: `${base}/story` });
    expect(errors(items)).toEqual([`${base}/loop: more than 5 redirects`]);
  });

  it('fetching for others (publicOnly), refuses loopback, private and link-local hosts, and goes on', async () => {
    const refused = [`${base}/story`, 'http://169.254.169.254/latest/meta-data/', 'http://localhost.:8080/', 'http://[::1]/', 'http://10.1.2.3/'];
    const items = await all([...refused, { name: 'next', content: STORY }], { publicOnly: true });
    expect(errors(items)).toEqual(refused.map((u) => `${u}: refused to fetch ${u}: ${new URL(u).hostname.replace(/^\[|\]$|\.$/g, '')} is not a public address`));
    expect(articles(items)).toHaveLength(1);
    // A name is checked where the connection looks it up, so a second answer cannot differ.
    const looked = await new Promise<Error | null>((r) => publicLookup('localhost', { all: true }, (err) => r(err)));
    expect(looked?.message).toMatch(/^localhost resolves to the non-public address (127\.0\.0\.1|::1)$/);
    expect(isNonPublicAddress('93.184.215.14')).toBe(false);
    expect(isNonPublicAddress('2606:4700::1111')).toBe(false);
    expect(isNonPublicAddress('::ffff:127.0.0.1')).toBe(true);
  });

  it('gives up on a URL that never answers, within the timeout, and goes on', async () => {
    pages['/hang'] = { type: 'text/html', body: '', delay: true };
    const started = Date.now();
    const items = await all([`${base}/hang`, { name: 'next', content: STORY }], { timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(errors(items)).toEqual([`${base}/hang: no answer within 0.5 s (--timeout)`]);
    expect(articles(items)).toHaveLength(1);
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/nothing`;
    await new Promise((r) => closed.close(r));
    const items = await all([url]);
    expect(errors(items)).toEqual([`${url}: could not fetch (ECONNREFUSED)`]);
  });
});

describe('bad input: one clear error naming it, the others still read', () => {
  const good = (dir: string) => {
    const p = join(dir, 'good.txt');
    writeFileSync(p, STORY);
    return p;
  };
  const expectOne = async (input: string, message: RegExp, dir: string) => {
    const items = await all([input, good(dir)]);
    expect(errors(items)).toHaveLength(1);
    expect(errors(items)[0]).toMatch(message);
    expect(errors(items)[0]!.startsWith(input)).toBe(true);
    expect(articles(items)).toHaveLength(1);
  };

  it('missing file', async () => {
    const dir = tempDir();
    await expectOne(join(dir, 'nope.txt'), /no such file or directory/, dir);
  });

  it('directory with no articles', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'image.png'), 'x');
    await expectOne(empty, /directory holds no articles/, dir);
  });

  it('empty file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    await expectOne(join(dir, 'empty.txt'), /empty input/, dir);
  });

  it('whitespace-only file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blank.txt'), '  \n\n\t\n');
    await expectOne(join(dir, 'blank.txt'), /no text left after cleaning/, dir);
  });

  it('binary file (a PNG renamed .txt)', async () => {
    const dir = tempDir();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    writeFileSync(join(dir, 'photo.txt'), png);
    await expectOne(join(dir, 'photo.txt'), /binary data, not an article/, dir);
  });

  it('invalid UTF-8', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 talks in Gen\xe8ve\n\nThe delegates met.', 'latin1'));
    await expectOne(join(dir, 'latin1.txt'), /not valid UTF-8 \(first bad byte at offset 3\)/, dir);
  });

  it('a text file over the size limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc((1 << 20) + 10, 'word '));
    await expectOne(join(dir, 'huge.txt'), /file of 1\.0 MB is over the 1\.0 MB limit \(--max-size\)/, dir);
  });

  it('HTML with no article', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nav.html'), '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>');
    await expectOne(join(dir, 'nav.html'), /no article text found/, dir);
  });

  it('a "feed" that is not XML', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'feed.xml'), 'this is { not xml');
    await expectOne(join(dir, 'feed.xml'), /not an RSS or Atom feed \(the file is not XML\)/, dir);
  });

  it('XML that is not a feed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.xml'), '<?xml version="1.0"?><catalog><book>A</book></catalog>');
    await expectOne(join(dir, 'data.xml'), /not an RSS or Atom feed \(root element is <catalog>\)/, dir);
  });
});
