// `npm run screenshots`: a picture of every page of the workbench in docs/screenshots, taken on the
// example articles (examples/articles, written for the project) with Debian's chromium. Kept out
// of `npm test`, which writes nothing that git tracks.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyzeInputs } from '../src/analyze.js';
import { createPipeline } from '../src/annotate/index.js';
import { loadRules } from '../src/ingest/clean.js';
import { startServer } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';
import { buildWeb, CHROMIUM, hasChromium, launch } from '../test/e2e/browser.js';
import { ROOT } from '../test/helpers.js';

const OUT = join(ROOT, 'docs/screenshots');

if (!hasChromium) {
  console.error(`no chromium at ${CHROMIUM}: apt-get install chromium (or set CLAIMTRAIL_CHROMIUM)`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-shots-'));
const db = join(dir, 'examples.db');
const store = await openStore(db);
const pipeline = await createPipeline();
for await (const o of analyzeInputs([join(ROOT, 'examples/articles')], { pipeline, store, verbatim: false, timeoutMs: 5000, maxBytes: 10 * 1024 * 1024, rules: loadRules() })) {
  if (!o.ok) throw o.error;
}
await store.close();
const web = await buildWeb();
const server = await startServer({ db, host: '127.0.0.1', port: 0, webRoot: web, token: null });
const browser = await launch();
const base = server.address.replace(/\/$/, '');
mkdirSync(OUT, { recursive: true });

/** Open a page, wait for what shows it is drawn, and save it as NAME.png. */
async function shot(name: string, path: string, ready: string, act?: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`${base}${path}`);
  await page.locator(ready).first().waitFor();
  if (act) await act(page);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  await page.close();
  console.log(`docs/screenshots/${name}.png  ${path}`);
}

/** The href of the first link matching `selector` on `path`. */
async function firstHref(path: string, selector: string): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${base}${path}`);
  const link = page.locator(selector).first();
  await link.waitFor();
  const href = (await link.getAttribute('href'))!;
  await page.close();
  return href;
}

try {
  await shot('home', '/', '.claim-card');
  await shot('articles', '/articles', '.article-row');
  const article = await firstHref('/articles', '.article-row a');
  await shot('article', article, '.hl-speaker', async (page) => {
    await page.locator('.hl-speaker').first().hover();
    await page.locator('.tooltip').waitFor();
  });
  await shot('claims', '/claims', '.claim-card');
  await shot('entities', '/entities', '.entity-chip, .entity-row, main a[href^="/entities/"]');
  await shot('entity', await firstHref('/entities', 'main a[href^="/entities/"]'), '.claim-card');
  await shot('contradictions', '/contradictions', 'a.contradiction-summary');
  await shot('contradiction', await firstHref('/contradictions?about=Kursk', 'a.contradiction-summary:has-text("fighting")'), '.side');
  await shot('stories', '/stories', 'a.story-summary');
  await shot('story', await firstHref('/stories?about=sent forces', 'a.story-summary'), '.axis-step');
  await shot('duplicates', '/duplicates', '.duplicate-group');
  await shot('check', `/check?claim=${encodeURIComponent('North Korea sent troops to Russia')}`, '.check-sides');
  await shot('timeline', '/timeline', '.timeline-item');
  await shot('map', '/map', 'svg.world .place');
  await shot('search', '/search?q=Kursk', '.article-hit');
  await shot('ingest', '/ingest', 'textarea[name=text]');
} finally {
  await browser.close();
  await server.close();
  rmSync(web, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
