/**
 * Screenshots of one seed park's report at a desktop and a phone width, for the README:
 * docs/report-desktop.png (1280 px) and docs/report-phone.png (390 px), the first screen of each.
 * Offline: the page is opened from disk with every other request blocked.
 *
 *   npx tsx scripts/report-screenshots.ts [seeds/chongqing-liangjiang.json]
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadScenario } from '../src/index.js';
import { writeReport } from '../src/report/index.js';

const file = process.argv[2] ?? 'seeds/chongqing-liangjiang.json';
const written = await writeReport(await loadScenario(file), { outDir: await mkdtemp(join(tmpdir(), 'parkcast-shots-')), file });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const [name, width, height] of [
    ['report-desktop.png', 1280, 1000],
    ['report-phone.png', 390, 1400],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(written.outDir, 'report.html')).href);
    await page.waitForSelector('html[data-charts="rendered"]', { timeout: 30_000 });
    // The answer, not the title block, is what a reader should see first.
    await page.evaluate(() => document.getElementById('answer')?.scrollIntoView());
    await page.screenshot({ path: join('docs', name) });
    await page.close();
    console.log(`docs/${name} (${width} px)`);
  }
} finally {
  await browser.close();
}
