import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/analyze.js';
import { createPipeline } from '../../src/annotate/index.js';
import { loadRules } from '../../src/ingest/clean.js';
import { buildServer } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { CHECK_CORPUS, CLAIM } from '../fixtures/check.js';
import { buildWeb, launch, type Browser } from './browser.js';

/** The workbench's Check page on the four articles written for the check tests. */
let web: string;
let browser: Browser;
let store: Store;
let app: FastifyInstance;
let base: string;
const problems: string[] = [];

beforeAll(async () => {
  web = await buildWeb();
  browser = await launch();
  store = await openStore(':memory:');
  const pipeline = await createPipeline();
  for await (const o of analyzeInputs([CHECK_CORPUS], { pipeline, store, verbatim: false, timeoutMs: 1000, maxBytes: 1 << 20, rules: loadRules() })) expect(o.ok).toBe(true);
  app = await buildServer({ store, webRoot: web, token: null, pipeline });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  if (web) rmSync(web, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => problems.push(`script error on ${path}: ${e.message}`));
  await page.goto(`${base}${path}`);
  return page;
}

describe('Check a claim in the workbench', () => {
  it('shows the agreeing, denying and discussing articles side by side, and the story in date order', async () => {
    const page = await open(`/check?claim=${encodeURIComponent(CLAIM)}`);
    const columns = page.locator('.check-sides > section');
    await columns.first().locator('.verdict, p').first().waitFor();
    expect(await columns.count()).toBe(3);
    const column = (side: string) => page.locator(`.check-side-${side}`);
    expect(await column('agree').locator('h2').textContent()).toContain('Hold it true (1)');
    expect(await column('agree').locator('.verdict a').textContent()).toBe('Belarusian troops cross into Volyn region');
    expect(await column('disagree').locator('.verdict a').textContent()).toBe('Minsk denies its troops entered Volyn');
    expect(await column('disagree').locator('.speaker').textContent()).toMatch(/Defence/);
    expect(await column('disagree').locator('blockquote').textContent()).toMatch(/denied reports that Belarusian troops/);
    expect(await column('disagree').locator('.date').textContent()).toBe('4 Mar 2025');
    expect(await column('discuss').locator('.verdict a').textContent()).toBe('Unverified posts claim Belarusian column in Volyn');
    expect(await page.locator('main').textContent()).not.toContain('Danube');
    // The columns sit next to each other.
    const [a, d] = await Promise.all([column('agree').boundingBox(), column('disagree').boundingBox()]);
    expect(d!.x).toBeGreaterThan(a!.x + a!.width - 1);
    expect(Math.abs(d!.y - a!.y)).toBeLessThan(2);
    const steps = await page.locator('.check-story .step .date').allTextContents();
    expect(steps).toEqual(['3 Mar 2025', '3 Mar 2025', '4 Mar 2025']);
    expect(await page.locator('.check-story .step').last().locator('.stance').textContent()).toBe('disagree');
    await page.close();
  });

  it('checks a question typed into the home page’s box as the statement it asks about', async () => {
    const page = await open('/');
    const question = "Did Belarusian troops cross the border into Ukraine's Volyn region?";
    await page.locator('.check-form input[name=claim]').fill(question);
    await page.locator('.check-form button').click();
    await page.waitForURL(/\/check\?claim=/);
    await page.locator('.check-side-disagree .verdict').waitFor();
    expect(await page.locator('.check-side-disagree .verdict').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('claim')).toBe(question);
    expect(await page.locator('.read-as').textContent()).toBe("read as: “Belarusian troops cross the border into Ukraine's Volyn region.”");
    await page.close();
  });
});
