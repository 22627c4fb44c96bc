import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/ingest/clean.js';
import { blockText, extractHtml } from '../../src/ingest/html.js';
import { parsePage } from '../../src/ingest/html/parse.js';
import { InputError } from '../../src/errors.js';
import { ingest, type Ingested } from '../../src/ingest/index.js';
import { ROOT } from '../helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures/html');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const paragraphs = (text: string) => text.split('\n\n');

async function ingestOne(path: string): Promise<Ingested> {
  const items: Ingested[] = [];
  for await (const item of ingest([path], { verbatim: false, timeoutMs: 2000, maxBytes: 1 << 20, rules: loadRules() })) items.push(item);
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('main text', () => {
  const page = extractHtml(fixture('article-furniture.html'), 'article-furniture.html');

  it('starts with the visible headline, then the story as blank-line-separated paragraphs', () => {
    const blocks = paragraphs(page.text);
    // The <h1>, not the social-media og:title nor the <title> with the site name.
    expect(page.title).toBe('Grain corridor reopens after week-long halt');
    expect(blocks[0]).toBe(page.title);
    expect(blocks.filter((b) => b === page.title)).toHaveLength(1);
    const story = ['The first grain convoy', 'Six vessels carrying', 'Traffic on the corridor', 'Shipping agents said', '"We expect the backlog'];
    const at = story.map((start) => blocks.findIndex((b) => b.startsWith(start)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(page.text).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]/);
  });

  it('keeps the standfirst under the headline', () => {
    expect(paragraphs(page.text)[1]).toMatch(/^Insurers returned to the route/);
  });

  it('drops navigation, share bar, caption, newsletter box, author bio, related stories, comments and footer', () => {
    for (const furniture of ['Economy', 'Share on', 'bulk carrier waits', 'morning briefing', 'Sign up for our newsletter', 'is a correspondent', 'Related stories', 'Wheat prices climb', 'Good to see the ships', 'All rights reserved']) {
      expect(page.text, furniture).not.toContain(furniture);
    }
  });

  it('rebuilds the skeleton linkedom leaves broken (style before <html>, <body> inside a <div>)', () => {
    const broken = extractHtml(fixture('broken-skeleton.html'), 'broken-skeleton.html');
    expect(paragraphs(broken.text)).toHaveLength(4);
    expect(broken.text).toContain('Families of missing soldiers');
    const document = parsePage(fixture('broken-skeleton.html'));
    expect(document.body.getAttribute('class')).toBe('single-post');
    expect(document.head.querySelector('title')?.textContent).toBe('Talks on prisoner exchange resume');
  });

  it('reads an article the page only ships in <noscript> for script-less readers', () => {
    const page = extractHtml(fixture('noscript.html'), 'noscript.html');
    expect(page.text).toContain('Engineers reconnected the old town');
    expect(page.text).toContain('Residents were advised to boil');
    expect(page.text).not.toContain('rendered by script');
  });

  it('rejects a page with no article with an InputError naming the input', () => {
    expect(() => extractHtml(fixture('no-article.html'), 'pages/no-article.html')).toThrowError(InputError);
    expect(() => extractHtml(fixture('no-article.html'), 'pages/no-article.html')).toThrowError(/^pages\/no-article\.html: no article text found/);
  });

  it('rejects a page nested too deeply for the DOM library with an InputError naming the input', () => {
    const html = `${'<div>'.repeat(5000)}<p>A sentence buried under five thousand elements, which no browser would show either.</p>${'</div>'.repeat(5000)}`;
    expect(() => extractHtml(html, 'deep.html')).toThrowError(/^deep\.html: HTML nested more than 512 elements deep/);
  });

  it('names the file when ingest() meets a page with no article, and goes on', async () => {
    const got = await ingestOne(join(FIXTURES, 'no-article.html'));
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error.message).toBe(`${join(FIXTURES, 'no-article.html')}: no article text found in this HTML page`);
  });
});

describe('metadata', () => {
  it('reads meta tags, cuts the site name off the title and resolves a relative canonical URL', () => {
    const page = extractHtml(fixture('metadata-meta.html'), 'metadata-meta.html', 'https://courier.example/story?id=7');
    expect(page).toMatchObject({
      title: 'Border crossing closed for second day',
      published: '2023-11-02',
      source: 'Valley Courier',
      url: 'https://courier.example/news/2023/border-crossing-closed',
      language: 'en-GB',
    });
    expect(page.text.startsWith('Border crossing closed for second day\n\nThe main road crossing')).toBe(true);
  });

  it('reads the article object of a JSON-LD @graph, and the language from http-equiv', () => {
    const page = extractHtml(fixture('metadata-jsonld.html'), 'metadata-jsonld.html');
    expect(page).toMatchObject({ title: 'Hospital generators run low as outages spread', published: '2022-10-20', source: 'Lakeside Daily', language: 'fr' });
  });

  it('dates a page by its <time datetime> when no meta tag does', () => {
    const page = extractHtml(fixture('metadata-time.html'), 'metadata-time.html');
    expect(page.published).toBe('2021-06-05T14:00:00+02:00');
    expect(page.language).toBe('de');
  });

  it('falls back to the date in the URL path and to the meta title without its site name', () => {
    const body = '<p>Officials in the provincial capital said on Monday that the curfew would be lifted at midnight, after three quiet nights in a row.</p>'.repeat(3);
    const html = `<html><head><title>Evening Ledger | Curfew lifted in provincial capital</title><meta property="og:site_name" content="Evening Ledger"></head><body><div class="content">${body}</div></body></html>`;
    const page = extractHtml(html, 'inline', 'https://ledger.example/2020/05/17/curfew-lifted');
    expect(page.title).toBe('Curfew lifted in provincial capital');
    expect(page.published).toBe('2020-05-17');
    expect(page.url).toBe('https://ledger.example/2020/05/17/curfew-lifted');
  });

  it('takes the headline apart from a kicker above a <br> and a <small> subtitle', () => {
    const body = '<p>Engineers restored power to the northern districts overnight after storms brought down two transmission lines near the coast.</p>'.repeat(3);
    const page = (h1: string, og: string) =>
      extractHtml(`<html><head><title>x</title><meta property="og:title" content="${og}"></head><body><article><h1>${h1}</h1>${body}</article></body></html>`, 'inline');
    expect(page('<span>Grid Watch</span><br/><span>Power returns to the north after storms</span>', 'Power returns to the north after storms').title).toBe('Power returns to the north after storms');
    expect(page('Power returns to the north <small>Crews worked through the night</small>', 'Power returns to the north').title).toBe('Power returns to the north');
  });

  it('takes the publication time from og:article:published_time before a generic date tag', () => {
    const body = '<p>The port reopened on Sunday after a week of repairs to the breakwater, the harbour authority said in a short statement.</p>'.repeat(3);
    const head = '<meta name="date" content="2020-01-20T09:49:32Z"><meta property="og:article:published_time" content="2020-01-19T12:25:36Z">';
    const page = extractHtml(`<html><head><title>Port reopens</title>${head}</head><body><article>${body}</article></body></html>`, 'inline');
    expect(page.published).toBe('2020-01-19T12:25:36Z');
  });
});

describe('decoding through ingest()', () => {
  it('reads a windows-1252 page by its meta charset: accents, curly quotes, euro sign and dash', async () => {
    const got = await ingestOne(join(FIXTURES, 'windows-1252.html'));
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const { text, title, language } = got.article;
    expect(title).toBe('Le café du port rouvre ses portes');
    expect(language).toBe('fr');
    expect(text).toContain('trois mois après l’incendie');
    expect(text).toContain('le premier “café de la reprise” à ses habitués');
    expect(text).toContain('40 000 €');
    expect(text).toContain('avec impatience — certains');
    expect(text).not.toMatch(/[\u0080-\u009f\ufffd]/);
  });
});

describe('blockText', () => {
  it('makes block elements paragraphs and collapses inline whitespace', () => {
    const { body } = parsePage('<div>First   <b>bold</b>\n words<p>Second</p>tail<ul><li>one</li><li>two<br>three</li></ul><script>var x = 1;</script></div>');
    expect(blockText(body)).toBe('First bold words\n\nSecond\n\ntail\n\none\n\ntwo\n\nthree');
  });
});
