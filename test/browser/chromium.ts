import { existsSync, readFileSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); nothing here downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Locally without Chromium the browser tests are skipped with a note; in CI a missing browser is a failure. */
export const chromiumAvailable = existsSync(CHROMIUM) || process.env.CI !== undefined;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const bundlePath = new URL('../../dist/browser/parkcast.js', import.meta.url).pathname;

/** What a page did that it should not: console errors, uncaught errors, requests (all blocked). */
export interface PageWatch {
  readonly problems: string[];
  readonly requests: string[];
}

/**
 * Watches a page: records console errors and page errors, and blocks every request whatever its
 * scheme, recording it, except those `allow` lets through (a file the test opened itself).
 */
export async function watchPage(page: Page, allow: (url: string) => boolean = () => false): Promise<PageWatch> {
  const watch: PageWatch = { problems: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (allow(url)) return route.continue();
    watch.requests.push(url);
    return route.abort();
  });
  return watch;
}

/**
 * A blank page with the browser bundle loaded as an ES module from a blob: URL (no server, no
 * request), its exports at `globalThis.parkcast`.
 */
export async function pageWithBundle(browser: Browser): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage();
  const watch = await watchPage(page);
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"><title>parkcast</title></head><body></body></html>');
  await page.evaluate(
    (code) => {
      (globalThis as { parkcastSource?: string }).parkcastSource = code;
    },
    readFileSync(bundlePath, 'utf8'),
  );
  // A string, not a function: vitest would rewrite a function's `import()` into its own loader.
  await page.evaluate(`(async () => {
    const url = URL.createObjectURL(new Blob([globalThis.parkcastSource], { type: 'text/javascript' }));
    globalThis.parkcast = await import(url);
    URL.revokeObjectURL(url);
    delete globalThis.parkcastSource;
  })()`);
  return { page, watch };
}
