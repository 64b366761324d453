import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatProbability } from '../../src/charts/units.js';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.js';

const root = new URL('../../', import.meta.url);
const workbench = new URL('dist/workbench.html', root);
const run = promisify(execFile);
const seedText = readFileSync(new URL('seeds/jinyang-lake.json', root), 'utf8');

describe.skipIf(!chromiumAvailable)('the workbench page (dist/workbench.html) from disk, offline', () => {
  let browser: Browser;
  const screenshots = mkdtempSync(join(tmpdir(), 'parkcast-workbench-'));
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('exists (npm test builds it first)', () => {
    expect(existsSync(workbench), 'dist/workbench.html is missing: run `npm run build`').toBe(true);
  });

  it.each([1280, 390])(
    'at %i px: shows a problem with its path as one types, then the CLI’s probabilities once fixed; opens a YAML file; saves',
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
      const watch = await watchPage(page, (url) => url === workbench.href);
      await page.goto(workbench.href);
      await expect.poll(() => page.locator('#status').textContent()).toContain('Open or drop a scenario file');

      // A scenario with an error: a horizon that ends before it starts.
      const broken = JSON.parse(seedText);
      broken.horizon.endYear = broken.horizon.baseYear - 1;
      await page.fill('#editor', JSON.stringify(broken, null, 2));
      await page.waitForSelector('html[data-state="problems"]', { timeout: 30_000 });
      expect(await page.locator('.problem-list li code').allTextContents()).toContain('horizon.endYear');
      await page.screenshot({ path: join(screenshots, `problems-${width}.png`), fullPage: true });

      // Fixed: the page shows the probabilities the CLI computes for the same seed and trials.
      await page.fill('#editor', seedText);
      await page.waitForSelector('html[data-state="results"]', { timeout: 30_000 });
      const cli = JSON.parse(
        (
          await run(
            process.execPath,
            [
              new URL('dist/cli.js', root).pathname,
              'simulate',
              new URL('seeds/jinyang-lake.json', root).pathname,
              '--json',
              '--seed',
              '1',
              '--trials',
              '20000',
            ],
            { maxBuffer: 64 << 20 },
          )
        ).stdout,
      );
      expect(await page.locator('#joint').textContent()).toBe(formatProbability(cli.joint.probability));
      for (const target of cli.targets) {
        expect(await page.locator(`tr[data-target="${target.id}"] td.number`).first().textContent()).toBe(formatProbability(target.probability));
      }
      await page.waitForFunction(() => document.querySelectorAll('.chart svg').length >= 2, undefined, { timeout: 30_000 });
      await page.screenshot({ path: join(screenshots, `results-${width}.png`), fullPage: true });

      // A YAML file through the file picker: read as YAML, and its results shown.
      const yamlFile = join(mkdtempSync(join(tmpdir(), 'parkcast-workbench-yaml-')), 'park.yaml');
      writeFileSync(yamlFile, stringify({ ...JSON.parse(seedText), $schema: undefined }));
      await page.setInputFiles('#file', yamlFile);
      await expect.poll(() => page.locator('#format').textContent()).toBe('YAML');
      await page.waitForSelector('html[data-state="results"]', { timeout: 30_000 });
      expect(await page.locator('#joint').textContent()).toBe(formatProbability(cli.joint.probability));

      // Save: the editor's text, under the file's name.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
      expect(download.suggestedFilename()).toBe('park.yaml');
      expect(readFileSync(await download.path(), 'utf8')).toBe(readFileSync(yamlFile, 'utf8'));

      expect(watch.problems).toEqual([]);
      expect(watch.requests).toEqual([]);
      await page.close();
    },
    120_000,
  );
});
