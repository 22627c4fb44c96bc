import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/analyze.js';
import { createPipeline } from '../../src/annotate/index.js';
import { loadRules } from '../../src/ingest/clean.js';
import { buildServer } from '../../src/server/app.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ROOT, tempDir } from '../helpers.js';
import { fixtureCross, generalStaffArticle, hostileArticle, IDS, ministryArticle } from '../fixtures/articles.js';
import { buildWeb, launch, type Browser } from './browser.js';
import { openQueue } from '../../src/queue/index.js';
import { runWorker } from '../../src/queue/worker.js';
import { freshDatabase, TEST_PG, type TestDatabase } from '../queue/pg.js';

let web: string;
let browser: Browser;

beforeAll(async () => {
  web = await buildWeb();
  browser = await launch();
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

/** No two date labels of a story's time axis overlap. */
async function noLabelsOverlap(page: Page): Promise<void> {
  const boxes = await page.locator('.axis-date').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).map((r) => ({ l: r.left, r: r.right, t: r.top, b: r.bottom })));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      expect(a.r <= b.l || b.r <= a.l || a.b <= b.t || b.b <= a.t, `labels ${i + 1} and ${j + 1} overlap`).toBe(true);
    }
  }
}

describe('the workbench on hand-made analyses', () => {
  let store: Store;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    store = await openStore(':memory:');
    for (const a of [ministryArticle(), generalStaffArticle(), hostileArticle()]) await store.articles.save(a);
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

  it('places a story dated by a month, an ISO week and a day in that order, its dates in words', async () => {
    const page = await open(base, '/stories/s2');
    await page.locator('.axis-step').first().waitFor();
    const steps = page.locator('.axis-step');
    const xs = await steps.locator('circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    expect(xs[0]!).toBeLessThan(xs[1]!);
    expect(xs[1]!).toBeLessThan(xs[2]!);
    // 28 Oct – 3 Nov sits nearer 5 November than 16 October, the middle of the month.
    expect(xs[2]! - xs[1]!).toBeLessThan(xs[1]! - xs[0]!);
    expect(await page.locator('.axis-date').allTextContents()).toEqual(['1. October 2024', '2. 28 Oct – 3 Nov 2024', '3. ≈ 5 Nov 2024']);
    expect(await page.locator('main').textContent()).not.toMatch(/W44|XXXX/);
    await page.locator('.inferred-note').waitFor();
    await noLabelsOverlap(page);
    await page.close();
  });

  it('shows a count contradiction of one measure: each side its bound and count, its sources and dates', async () => {
    const list = await open(base, '/contradictions');
    const entry = list.locator('a.contradiction-summary', { hasText: 'how many were killed' });
    await entry.waitFor();
    const line = await entry.textContent();
    expect(line).toContain('at least 100 killed');
    expect(line).toContain('about 1,000 killed');
    expect(line).toContain('Ministry of Defence of Russia (Test Wire, 26 Apr 2025)');
    expect(line).toMatch(/General Staff of the Armed Forces of Ukraine \(Other Daily, ≈ 27 Apr 2025\)/);
    await entry.click();
    await list.waitForURL(/\/contradictions\/k2$/);
    await list.locator('.side').first().waitFor();
    expect(await list.locator('.side h2').allTextContents()).toEqual(['at least 100 killed', 'about 1,000 killed']);
    expect(await list.locator('.side .date').allTextContents()).toEqual(['said 26 Apr 2025', '≈ 27 Apr 2025']);
    await list.locator('.inferred-note').waitFor();
    await list.close();
  });

  it('refuses a publication date that is no date, saying which', async () => {
    const page = await open(base, '/ingest');
    await page.fill('input[name=published]', '2025-02-30');
    await page.fill('textarea[name=text]', 'Harbour closed\n\nThe port authority said the harbour is closed until further notice.');
    await page.click('form.ingest-form button[type=submit]');
    const alert = page.locator('main [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('"published" is not a date: "2025-02-30"');
    await page.close();
  });

  it('places events on the map and lists those of a clicked place', async () => {
    const page = await open(base, '/map');
    // Kursk Oblast is a region: an area, clicked like a point.
    const region = page.locator(`path.place.area[data-place="${IDS.KURSK}"]`);
    await region.waitFor();
    await region.click();
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

describe('walking through the example articles (examples/articles, written for the project)', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = tempDir('claimtrail-e2e-');
    const db = join(dir, 'examples.db');
    const store = await openStore(db);
    const pipeline = await createPipeline();
    for await (const o of analyzeInputs([join(ROOT, 'examples/articles')], { pipeline, store, verbatim: false, timeoutMs: 5000, maxBytes: 10 * 1024 * 1024, rules: loadRules() })) {
      if (!o.ok) throw o.error;
    }
    await store.close();
    // startServer refreshes the cross-article analysis of what is stored, as `claimtrail serve` does.
    server = await startServer({ db, host: '127.0.0.1', port: 0, webRoot: web, token: null });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const base = () => server.address.replace(/\/$/, '');

  it('home: latest claims and the entities most spoken of', async () => {
    const page = await open(base(), '/');
    await page.locator('.claim-card').first().waitFor();
    const chips = await page.locator('.entity-chip').allTextContents();
    expect(chips.slice(0, 3).some((c) => c.startsWith('North Korea'))).toBe(true);
    await page.close();
  });

  it('lists articles newest published first, opens one, clicks a speaker and sees its claims', async () => {
    const page = await open(base(), '/articles');
    await page.locator('.article-row a').first().click();
    await expect.poll(() => page.locator('h1.article-title').textContent()).toContain('North Korea admits for the first time');
    const speaker = page.locator('.hl-speaker').first();
    await speaker.waitFor();
    await speaker.hover();
    await page.locator('.tooltip').waitFor();
    await speaker.click();
    await page.waitForURL(/\/entities\//);
    const said = page.locator('#claims-by .claim-card');
    await said.first().waitFor();
    expect(await said.count()).toBeGreaterThan(0);
    await page.close();
  });

  it('lists the near-duplicate copies of the wire story and marks them in the article list', async () => {
    const page = await open(base(), '/duplicates');
    const group = page.locator('.duplicate-group');
    await group.first().waitFor();
    expect(await group.count()).toBe(1);
    expect(await group.locator('h2').textContent()).toBe('2 copies');
    const titles = await group.locator('.article-row a').allTextContents();
    expect(titles).toEqual(['Ukraine says it has captured two North Korean soldiers in Kursk', 'Two North Korean soldiers taken prisoner in Kursk, Zelenskiy says']);
    await page.goto(`${base()}/articles`);
    await page.locator('.article-row').first().waitFor();
    const marked = page.locator('.article-row', { has: page.locator('.duplicate-mark') });
    expect(await marked.count()).toBe(2);
    await page.close();
  });

  it('opens the Kursk contradiction: sides in columns, each claim with its source and date', async () => {
    const page = await open(base(), '/contradictions?about=Kursk');
    await page.locator('main h1').waitFor();
    const link = page.locator('a.contradiction-summary', { hasText: 'whether the fighting in Kursk Oblast is over' }).first();
    await link.waitFor();
    expect(await link.textContent()).toContain('The Continental Review');
    await link.click();
    await page.waitForURL(/\/contradictions\/.+/);
    await page.locator('.side').first().waitFor();
    expect(await page.locator('.side').count()).toBe(2);
    for (const date of await page.locator('.side .date').allTextContents()) expect(date).toMatch(/^(said|≈) \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    const sides = await page.locator('.side').allTextContents();
    expect(sides[1]).toContain('General Staff of the Armed Forces of Ukraine');
    for (const side of sides) expect(side).toContain('The Continental Review');
    expect(await page.locator('.why li').allTextContents()).toContain('one side says the fighting in Kursk Oblast is over, the other that it goes on');
    await page.close();
  });

  it('sets no count of the killed against a count of the killed or wounded', async () => {
    const page = await open(base(), '/contradictions');
    await page.locator('a.contradiction-summary').first().waitFor();
    for (const line of await page.locator('a.contradiction-summary').allTextContents()) expect(line).not.toMatch(/killed or wounded/);
    await page.close();
  });

  it('shows the story of the deployment with a week in words, placed in order', async () => {
    const page = await open(base(), '/stories');
    const link = page.locator('a.story-summary', { hasText: 'whether North Korea sent forces to Russia' });
    await link.waitFor();
    await link.click();
    await page.locator('.axis-step').first().waitFor();
    const dates = await page.locator('.axis-step').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-date') ?? ''));
    const xs = await page.locator('.axis-step circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    // Steps go left to right, and the week (2024-W44) is not read as 1 January.
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    const week = dates.findIndex((d) => /-W\d\d$/.test(d));
    expect(week).toBeGreaterThan(0);
    expect(await page.locator('.story-steps li').nth(week).locator('.claim-meta').textContent()).toMatch(/28 Oct – 3 Nov 2024/);
    // The turns are labelled on the axis, the repeats are dots in their place.
    expect(await page.locator('.axis-date').count()).toBe(await page.locator('.axis-step:not(.repeat)').count());
    expect(await page.locator('.axis-step.repeat').count()).toBe(await page.locator('.story-steps li.repeat').count());
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-W\d\d/);
    // Four steps on one October day, and none of their labels on another.
    await noLabelsOverlap(page);
    await page.close();
  });

  it('tells timeline events as sentences', async () => {
    const page = await open(base(), '/timeline');
    await page.locator('.event-sentence').first().waitFor();
    expect(await page.locator('.event-sentence').allTextContents()).toContain('Ukraine captured 2 from North Korea in Kursk Oblast');
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
    await page.close();
  });

  it('fits the map to the places of the events', async () => {
    const page = await open(base(), '/map');
    await page.locator('svg.world path.country').first().waitFor();
    // A country's shape may reach beyond the frame; every other mark is centred on its place.
    await page.locator('svg.world .place').first().waitFor();
    const centres = await page.locator('svg.world .place:not(.country)').evaluateAll((cs) =>
      cs.map((c) => {
        const b = (c as SVGGraphicsElement).getBBox();
        return [b.x + b.width / 2, b.y + b.height / 2] as const;
      }),
    );
    expect(centres.length).toBeGreaterThanOrEqual(3);
    for (const [x, y] of centres) expect(x > 0 && x < 960 && y > 0 && y < 500).toBe(true);
    await page.close();
  });
});

describe('the map on analysed articles', () => {
  let dir: string;
  let server: RunningServer;
  const base = () => server.address.replace(/\/$/, '');
  const ARTICLES = [
    ['2025-03-10', 'Drones struck the Rivne nuclear power plant on Sunday, its operator said. Russian shelling killed two people in Rivne on Monday, regional officials said.'],
    ['2025-03-11', 'Ukrainian troops fought in Kursk Oblast, the general staff said. Protests against the war spread across Europe.'],
  ] as const;

  beforeAll(async () => {
    dir = tempDir();
    const db = join(dir, 'map.db');
    const store = await openStore(db);
    const pipeline = await createPipeline();
    for (const [published, text] of ARTICLES) {
      await store.articles.save(pipeline.analyze({ id: `map-${published}`, title: null, published, source: null, url: null, language: 'en', text, ref: null }));
    }
    await store.close();
    server = await startServer({ db, host: '127.0.0.1', port: 0, webRoot: web, token: null });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The centre of a place's mark on the map, in the map's own coordinates. */
  const centre = (page: Page, id: string) =>
    page.locator(`svg.world .place[data-place="${id}"]`).evaluate((c) => {
      const b = (c as SVGGraphicsElement).getBBox();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, w: b.width };
    });

  it('draws a nuclear power plant at its own place, north of the city it is named after', async () => {
    const page = await open(base(), '/map');
    const plant = page.locator('svg.world rect.place.facility', { hasText: 'Rivne Nuclear Power Plant' });
    await plant.waitFor();
    const plantId = (await plant.getAttribute('data-place'))!;
    const cityId = (await page.locator('svg.world circle.place.point', { hasText: /^Rivne:/ }).getAttribute('data-place'))!;
    const [p, c] = [await centre(page, plantId), await centre(page, cityId)];
    // The plant stands at Varash, some 80 km north of Rivne: higher on the map, not on the city.
    expect(c.y - p.y).toBeGreaterThan(5);
    await page.close();
  });

  it('shows a facility as a point and a region as an area on their entity pages', async () => {
    const map = await open(base(), '/map');
    await map.locator('svg.world .place').first().waitFor();
    const plant = (await map.locator('svg.world rect.place.facility', { hasText: 'Rivne Nuclear Power Plant' }).getAttribute('data-place'))!;
    const region = (await map.locator('svg.world path.place.area', { hasText: 'Kursk Oblast' }).getAttribute('data-place'))!;
    await map.close();
    for (const [id, shape] of [
      [plant, 'rect.place.facility'],
      [region, 'path.place.area'],
    ] as const) {
      const page = await open(base(), `/entities/${encodeURIComponent(id)}`);
      await page.locator(`svg.place-map ${shape}`).waitFor();
      await page.close();
    }
  });

  it('draws a region as an area and a continent not at all', async () => {
    const page = await open(base(), '/map');
    const region = page.locator('svg.world path.place.area', { hasText: 'Kursk Oblast' });
    await region.waitFor();
    const id = (await region.getAttribute('data-place'))!;
    expect((await centre(page, id)).w).toBeGreaterThan(20);
    expect(await page.locator('svg.world circle.place', { hasText: 'Kursk Oblast' }).count()).toBe(0);
    expect(await page.locator('svg.world .place', { hasText: 'Europe' }).count()).toBe(0);
    expect(await page.locator('.place-list li', { hasText: 'Europe' }).textContent()).toContain('a continent, not drawn');
    await page.close();
  });
});

describe.skipIf(!TEST_PG)('the Add page on a server with a job queue', () => {
  let db: TestDatabase;
  let dir: string;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    db = await freshDatabase('web');
    dir = tempDir();
    server = await startServer({ db: join(dir, 'queued.db'), host: '127.0.0.1', port: 0, webRoot: web, token: null, queue: db.url });
    base = server.address.replace(/\/$/, '');
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the queued job waiting, then done with a link to the stored article once a worker has run it', async () => {
    const page = await open(base, '/ingest');
    await page.fill('input[name=title]', 'Ferry service resumes');
    await page.fill('textarea[name=text]', 'Ferry service resumes\n\nThe harbour master said on Friday that the ferry to the island would run again from Monday.');
    await page.click('form.ingest-form button[type=submit]');
    await expect.poll(() => page.locator('.ingest-result p').first().textContent()).toBe('Queued: waiting for a worker…');

    const [queue, store, pipeline] = await Promise.all([openQueue(db.url), openStore(join(dir, 'queued.db')), createPipeline()]);
    try {
      await runWorker({ queue, store, pipeline, rules: loadRules() }, { untilIdle: true, pollMs: 100 });
    } finally {
      await Promise.all([queue.close(), store.close()]);
    }
    const link = page.locator('.ingest-result a');
    await link.waitFor();
    expect(await page.locator('.ingest-result p').first().textContent()).toBe('Done: 1 article stored');
    expect(await link.textContent()).toBe('Ferry service resumes');
    await link.click();
    await expect.poll(() => page.locator('h1.article-title').textContent()).toBe('Ferry service resumes');
    await page.close();
  });
});
