import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/analyze.js';
import { createPipeline } from '../../src/annotate/index.js';
import { loadRules } from '../../src/ingest/clean.js';
import { buildServer } from '../../src/server/app.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { Store } from '../../src/store/store.js';
import { ROOT, SEED, tempDir } from '../helpers.js';
import { fixtureCross, generalStaffArticle, hostileArticle, IDS, ministryArticle } from '../server/fixtures.js';
import { buildWeb, launch, type Browser } from './browser.js';

const SCREENSHOTS = join(ROOT, 'docs/screenshots');

let web: string;
let browser: Browser;

beforeAll(async () => {
  web = await buildWeb();
  browser = await launch();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (web) rmSync(web, { recursive: true, force: true });
});

/** Script errors and dialogs seen by any page of the current test (an XSS payload that ran would show here). */
let problems: string[] = [];

afterEach(() => {
  const seen = problems;
  problems = [];
  expect(seen).toEqual([]);
});

/** A fresh page whose script errors and dialogs fail the test. */
async function open(base: string, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => problems.push(`script error on ${path}: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog on ${path}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${base}${path}`);
  return page;
}

describe('the workbench on hand-made analyses', () => {
  let store: Store;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    store = await Store.open(':memory:');
    for (const a of [ministryArticle(), generalStaffArticle(), hostileArticle()]) await store.save(a);
    app = await buildServer({ store, cross: fixtureCross(), webRoot: web, token: null });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('shows markup in an article title and text as characters and runs none of it', async () => {
    const hostile = hostileArticle();
    const page = await open(base, `/articles/${hostile.article.id}`);
    const title = page.locator('h1.article-title');
    await expect.poll(() => title.textContent()).toBe(hostile.article.title);
    expect(await page.locator('.article-text').textContent()).toBe(hostile.article.text);
    // Neither the script nor the onerror handler ran, and the markup made no elements.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(await page.locator('main script, main img, main b').count()).toBe(0);
    // The same text in lists, search results and the ledger stays text too.
    for (const path of ['/', '/articles', '/claims', `/search?q=leaked`]) {
      const p = await open(base, path);
      await p.locator('main').getByText('<script>window.__pwned', { exact: false }).first().waitFor();
      expect(await p.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
      expect(await p.locator('main script, main img').count()).toBe(0);
      await p.close();
    }
    await page.close();
  });

  it('highlights speaker, cue and content and explains them on hover', async () => {
    const page = await open(base, `/articles/${ministryArticle().article.id}`);
    // The speaker span is cut where entity mentions start and end: its pieces read as the whole.
    const speaker = page.locator('.hl-speaker').first();
    await speaker.waitFor();
    expect((await page.locator('.hl-speaker').allTextContents()).join('')).toContain('The Russian defence ministry');
    await expect.poll(() => page.locator('.hl-cue').first().textContent()).toBe('announced');
    await speaker.hover();
    const tip = page.locator('.tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('Ministry of Defence of Russia');
    expect(await tip.textContent()).toContain('assert');
    await page.close();
  });

  it('filters the claim ledger by stance from its form', async () => {
    const page = await open(base, '/claims');
    await page.locator('.claim-card').first().waitFor();
    expect(await page.locator('.claim-card').count()).toBe(5);
    await page.selectOption('select[name=stance]', 'deny');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/stance=deny/);
    await expect.poll(() => page.locator('.claim-card').count()).toBe(1);
    expect(await page.locator('.claim-card .claim-content').textContent()).toBe('the fighting in Kursk Oblast had ended');
    expect(await page.locator('a', { hasText: 'CSV' }).getAttribute('href')).toBe('/api/export?format=csv&stance=deny');
    await page.close();
  });

  it('shows a contradiction in columns and a story on a time axis', async () => {
    const page = await open(base, '/contradictions/k1');
    await page.locator('.side').first().waitFor();
    expect(await page.locator('.side').count()).toBe(2);
    expect(await page.locator('.side').nth(1).textContent()).toContain('said 27 Apr 2025');
    expect(await page.locator('.why li').allTextContents()).toEqual(['General Staff of the Armed Forces of Ukraine answers Ministry of Defence of the Russian Federation']);
    await page.goto(`${base}/stories/s1`);
    await page.locator('.axis-step').first().waitFor();
    const xs = await page.locator('.axis-step circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    expect(xs).toHaveLength(2);
    expect(xs[0]!).toBeLessThan(xs[1]!);
    await page.close();
  });

  it('places events on the map and lists those of a clicked place', async () => {
    const page = await open(base, '/map');
    const circle = page.locator(`circle.place[data-place="${IDS.KURSK}"]`);
    await circle.waitFor();
    await circle.click();
    await page.locator('.event-row').first().waitFor();
    expect(await page.locator('.event-row').count()).toBe(2);
    await page.close();
  });

  it('renders the API docs page from /openapi.json', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/docs`);
    await page.locator('.swagger-ui .title', { hasText: 'claimtrail API' }).waitFor();
    expect(await page.locator('.opblock-summary-path', { hasText: '/api/claims' }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('adds an article from the ingest form and opens it', async () => {
    const page = await open(base, '/ingest');
    await page.fill('input[name=title]', 'Harbour reopened');
    await page.fill('textarea[name=text]', 'Harbour reopened\n\nThe port authority said on Tuesday that ships may dock again after the storm.');
    await page.click('form.ingest-form button[type=submit]');
    const link = page.locator('.ingest-result a');
    await link.waitFor();
    expect(await link.textContent()).toBe('Harbour reopened');
    await link.click();
    await expect.poll(() => page.locator('h1.article-title').textContent()).toBe('Harbour reopened');
    await page.close();
  });
});

describe('walking through the founding article', () => {
  let dir: string;
  let server: RunningServer;
  let articleId: string;

  beforeAll(async () => {
    dir = tempDir('claimtrail-e2e-');
    const db = join(dir, 'seed.db');
    const store = await Store.open(db);
    const pipeline = await createPipeline();
    for await (const o of analyzeInputs([SEED], { pipeline, store, verbatim: false, timeoutMs: 5000, maxBytes: 10 * 1024 * 1024, rules: loadRules() })) {
      if (!o.ok) throw o.error;
      articleId = o.analysis.article.id;
    }
    await store.close();
    // startServer refreshes the cross-article analysis of what is stored, as `claimtrail serve` does.
    server = await startServer({ db, host: '127.0.0.1', port: 0, webRoot: web, token: null });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const base = () => server.address.replace(/\/$/, '');

  it('home: latest claims and the entities most spoken of', async () => {
    const page = await open(base(), '/');
    await page.locator('.claim-card').first().waitFor();
    expect(await page.locator('.entity-chip').first().textContent()).toContain('North Korea');
    await shot(page, 'home');
    await page.close();
  });

  it('opens the article from the list, clicks a speaker and sees its claims', async () => {
    const page = await open(base(), '/articles');
    await page.locator('.article-row a').first().click();
    await page.waitForURL(new RegExp(`/articles/${articleId}`));
    await expect.poll(() => page.locator('h1.article-title').textContent()).toContain('North Korea acknowledges participation');
    const speaker = page.locator('.hl-speaker').first();
    await speaker.waitFor();
    await speaker.hover();
    await page.locator('.tooltip').waitFor();
    await shot(page, 'article');
    await speaker.click();
    await page.waitForURL(/\/entities\//);
    const said = page.locator('#claims-by .claim-card');
    await said.first().waitFor();
    expect(await said.count()).toBeGreaterThan(0);
    await shot(page, 'entity');
    await page.close();
  });

  it('opens the Kursk contradiction: sides in columns, each claim dated or marked undated', async () => {
    const page = await open(base(), '/contradictions?about=Kursk');
    await page.locator('main h1').waitFor();
    // Of the Kursk contradictions, the one over whether the fighting ended: Ukraine's General Staff on one side.
    const link = page.locator('a.contradiction-summary', { hasText: 'General Staff' }).first();
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/contradictions\/.+/);
    await page.locator('.side').first().waitFor();
    expect(await page.locator('.side').count()).toBeGreaterThanOrEqual(2);
    for (const date of await page.locator('.side .date').allTextContents()) expect(date).toMatch(/^(said .*\d{4}|undated)$/);
    const sides = await page.locator('.side').allTextContents();
    expect(sides.some((t) => t.includes('General Staff of the Armed Forces of Ukraine'))).toBe(true);
    expect(sides.some((t) => t.includes('Valery Gerasimov') || t.includes('Central Military Commission'))).toBe(true);
    expect(await page.locator('.why li').allTextContents()).toContain('one side says the fighting in Kursk Oblast is over, the other that it goes on');
    await shot(page, 'contradiction');
    await page.close();
  });

  it('shows the story of the deployment on a time axis', async () => {
    const page = await open(base(), '/stories');
    await page.locator('a.story-summary').first().waitFor();
    // The founding article's story: reported by South Korean intelligence, dismissed as groundless, confirmed.
    const deployment = page.locator('a.story-summary', { hasText: 'South Korean intelligence' });
    const link = (await deployment.count()) ? deployment.first() : page.locator('a.story-summary').first();
    await link.click();
    await page.locator('.axis-step').first().waitFor();
    expect(await page.locator('.axis-step').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'story');
    await page.close();
  });

  it('searches the store from the header box', async () => {
    const page = await open(base(), '/');
    await page.fill('.search-box input', 'Kursk');
    await page.press('.search-box input', 'Enter');
    await page.waitForURL(/\/search\?q=Kursk/);
    const hit = page.locator('.article-hit');
    await hit.first().waitFor();
    expect(await hit.first().locator('mark').first().textContent()).toMatch(/^Kursk$/i);
    await shot(page, 'search');
    await page.close();
  });

  it('shows the claim ledger, the timeline, the map and the ingest form', async () => {
    const page = await open(base(), '/claims');
    await page.locator('.claim-card').first().waitFor();
    await shot(page, 'claims');
    await page.goto(`${base()}/timeline`);
    await page.locator('.timeline-item, main p.muted').first().waitFor();
    await shot(page, 'timeline');
    await page.goto(`${base()}/map`);
    await page.locator('svg.world path.country').first().waitFor();
    // Fitted to the places, the map shows every one of them (Kursk, Russia and Pyongyang far apart).
    const centres = await page.locator('circle.place').evaluateAll((cs) => cs.map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))] as const));
    expect(centres.length).toBeGreaterThanOrEqual(3);
    for (const [x, y] of centres) expect(x > 0 && x < 960 && y > 0 && y < 500).toBe(true);
    await shot(page, 'map');
    await page.goto(`${base()}/ingest`);
    await page.locator('textarea[name=text]').waitFor();
    await shot(page, 'ingest');
    await page.close();
  });
});
