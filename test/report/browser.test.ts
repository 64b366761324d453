import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/index.js';
import { type WrittenReport, writeReport } from '../../src/report/index.js';
import { chartScenarioInput, seedResults } from '../charts/results.js';

/** Debian's Chromium (`.ci/run` installs it); nothing here downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';
// Locally without Chromium the test is skipped with a note; in CI a missing browser is a failure.
const available = existsSync(CHROMIUM) || process.env.CI !== undefined;
if (!available) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

describe.skipIf(!available)('report.html in headless Chromium, offline', () => {
  let browser: Browser;
  const reports: WrittenReport[] = [];

  beforeAll(async () => {
    const seed = await seedResults();
    const fixture = await parseScenario(chartScenarioInput());
    const [en, zh] = await Promise.all([
      writeReport(seed.scenario, { outDir: await mkdtemp(join(tmpdir(), 'parkcast-browser-')), trials: 1000, pngScale: 1 }),
      writeReport(fixture, { outDir: await mkdtemp(join(tmpdir(), 'parkcast-browser-')), trials: 1000, lang: 'zh', pngScale: 1 }),
    ]);
    reports.push(en, zh);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([0, 1])('report %i: opens from disk with the network blocked, draws every chart, logs no error, shows tooltips', async (index) => {
    const written = reports[index];
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
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

    await page.goto(pathToFileURL(join(written.outDir, 'report.html')).href);
    await page.waitForSelector('html[data-charts="rendered"]', { timeout: 20_000 });

    const charts = written.report.charts.length;
    expect(await page.locator('[data-spec]').count()).toBe(charts);
    expect(await page.locator('[data-spec][data-rendered="true"]').count()).toBe(charts);
    // Each container holds a drawn SVG with marks in it.
    const marks = await page.locator('[data-spec]').evaluateAll((elements) => elements.map((el) => el.querySelectorAll('svg path, svg line, svg text').length));
    expect(marks.every((n) => n > 20)).toBe(true);

    // Tooltips: hovering the first bar shows the first target's label.
    await page.locator('#chart-target-probabilities svg path[aria-roledescription="bar"]').first().hover();
    await expect.poll(() => page.locator('#vg-tooltip-element.visible').count(), { timeout: 5_000 }).toBe(1);
    expect(await page.locator('#vg-tooltip-element').textContent()).toContain(written.report.targets[0].label);

    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
