import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, parseScenario } from '../../src/index.js';
import { type WrittenReport, writeReport } from '../../src/report/index.js';
import { chartScenarioInput } from '../charts/results.js';

/** Debian's Chromium (`.ci/run` installs it); nothing here downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';
// Locally without Chromium the test is skipped with a note; in CI a missing browser is a failure.
const available = existsSync(CHROMIUM) || process.env.CI !== undefined;
if (!available) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

const SEEDS = (await readdir('seeds')).filter((name) => name.endsWith('.json')).sort();
/** Few trials: the page's layout, not its numbers, is under test. */
const small = { trials: 1000, tornadoTrials: 300, pngScale: 1 } as const;

/** A page that records console errors, page errors and every request that is not a file on disk (and blocks it). */
async function watchedPage(context: Browser | BrowserContext, width: number): Promise<{ page: Page; problems: string[]; outside: string[] }> {
  const page = await context.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  const outside: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { page, problems, outside };
}

const open = (page: Page, written: WrittenReport) => page.goto(pathToFileURL(join(written.outDir, 'report.html')).href);

describe.skipIf(!available)('report.html in headless Chromium, offline', () => {
  let browser: Browser;
  const seedReports: WrittenReport[] = [];
  let zh: WrittenReport;

  beforeAll(async () => {
    const fixture = await parseScenario(chartScenarioInput());
    const folder = () => mkdtemp(join(tmpdir(), 'parkcast-browser-'));
    const written = await Promise.all([
      ...SEEDS.map(async (name) => writeReport(await loadScenario(join('seeds', name)), { outDir: await folder(), ...small })),
      writeReport(fixture, { outDir: await folder(), lang: 'zh', ...small }),
    ]);
    zh = written.pop() as WrittenReport;
    seedReports.push(...written);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['en', 'zh'])('the %s report draws every chart interactively at 1280 px and shows tooltips', async (lang) => {
    const written = lang === 'en' ? seedReports[0] : zh;
    const { page, problems, outside } = await watchedPage(browser, 1280);
    await open(page, written);
    await page.waitForSelector('html[data-charts="rendered"]', { timeout: 20_000 });

    const charts = written.report.charts.length;
    expect(await page.locator('[data-spec]').count()).toBe(charts);
    expect(await page.locator('[data-spec][data-rendered="true"]').count()).toBe(charts);
    // Each drawn chart holds an SVG with marks in it.
    const marks = await page.locator('.live-chart').evaluateAll((elements) => elements.map((el) => el.querySelectorAll('svg path, svg line, svg text').length));
    expect(marks).toHaveLength(charts);
    expect(marks.every((n) => n > 20)).toBe(true);

    // Tooltips: hovering the first bar shows the first target's label.
    await page.locator('#chart-target-probabilities .live-chart svg path[aria-roledescription="bar"]').first().hover();
    await expect.poll(() => page.locator('#vg-tooltip-element.visible').count(), { timeout: 5_000 }).toBe(1);
    expect(await page.locator('#vg-tooltip-element').textContent()).toContain(written.report.targets[0].label);

    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it.each(SEEDS.flatMap((seed, index) => [1280, 390].map((width) => ({ seed, index, width }))))(
    '$seed at $width px: no horizontal scrolling, no chart wider than the viewport, no console error, no request',
    async ({ index, width }) => {
      const written = seedReports[index];
      const { page, problems, outside } = await watchedPage(browser, width);
      await open(page, written);
      await page.waitForSelector('html[data-charts="rendered"]', { timeout: 20_000 });
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        widestChart: Math.max(
          0,
          ...Array.from(document.querySelectorAll('figure.chart svg'))
            .filter((svg) => svg.getClientRects().length > 0)
            .map((svg) => svg.getBoundingClientRect().right),
        ),
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.widestChart).toBeLessThanOrEqual(layout.innerWidth);
      // Every chart is shown: drawn live where it fits, else its static SVG, scaled.
      expect(await page.locator('[data-spec][data-rendered="true"], [data-spec][data-rendered="static"]').count()).toBe(written.report.charts.length);
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    },
  );

  it('prints to a bounded number of A4 pages with no hover text, and reads with JavaScript off', async () => {
    const written = seedReports[0];
    const { page } = await watchedPage(browser, 1280);
    await open(page, written);
    await page.waitForSelector('html[data-charts="rendered"]', { timeout: 20_000 });
    await page.emulateMedia({ media: 'print' });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (display: none left out) is what prints.
    const printed = await page.evaluate(() => document.body.innerText);
    expect(printed).not.toMatch(/hover/i);
    expect(printed).toContain(written.report.answer.items[0].label);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    // Two charts or more to a page, and a few pages of text (the answer, the table, sources, the data check).
    expect(pages).toBeLessThanOrEqual(Math.ceil(written.report.charts.length / 2) + 8);
    await page.close();

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const still = await watchedPage(context, 390);
    await open(still.page, written);
    // The report's own charts (the what-if section draws one of its own, only when scripts run).
    const counted = (selector: string) =>
      still.page.evaluate((s) => Array.from(document.querySelectorAll(s)).filter((element) => element.closest('#what-if') === null).length, selector);
    expect(await counted('figure.chart .static-chart svg')).toBe(written.report.charts.length);
    expect(await counted('figure.chart')).toBe(written.report.charts.length);
    expect(await still.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(still.outside).toEqual([]);
    await context.close();
  });
});
