import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScenario, loadScenario, type Scenario } from '../../src/index.js';
import { type WrittenReport, writeReport } from '../../src/report/index.js';
import { chromiumAvailable, launchChromium, watchPage } from '../browser/chromium.js';

if (!chromiumAvailable) console.warn('zh text test skipped: /usr/bin/chromium not found (apt-get install chromium)');

/** A Chinese plan with Chinese labels everywhere the format has them, and a group, so park copies are drivers. */
const FIXTURE = 'test/fixtures/zh/riverside-group-zh.json';

/**
 * What a Chinese page may show in Latin letters: the scenario's ids (parameters, metrics, targets,
 * sources, parks, reference classes), the data check's codes, file and format names, commands and JSON keys a reader
 * types, and proper names with no Chinese (parkcast, Wilson, PERT).
 */
function allowedTokens(scenario: Scenario): string[] {
  return [
    ...Object.keys(scenario.parameters),
    ...Object.keys(scenario.metrics),
    ...scenario.targets.flatMap((t) => [t.id, ...(t.referenceClass === undefined ? [] : [t.referenceClass])]),
    ...scenario.sources.map((s) => s.id),
    ...(scenario.groupLayout?.parks.map((p) => p.id) ?? []),
    scenario.park.id,
    ...checkScenario(scenario).map((f) => f.code),
    'parkcast simulate',
    'parkcast compare',
    'parkcast backtest backtests/',
    'parkcast',
    '"variants"',
    'Vega-Lite',
    'PNG',
    'SVG',
    'JSON',
    'Wilson',
    'PERT',
    'Beta',
    'Brier',
    'JavaScript',
  ].sort((a, b) => b.length - a.length);
}

/** What is left of a text once the allowed tokens, file names, numbers and units are taken out: runs of three Latin letters or more. */
function englishLeft(text: string, allowed: readonly string[]): string[] {
  let rest = text.replace(/[\w./-]+\.(?:md|json|csv|html|svg|png)\b|\bcharts\/|\bdocs\/[\w./-]+/gu, ' ');
  for (const token of allowed) rest = rest.split(token).join(' ');
  // The scenario's hash (12 hex digits), and units written in Latin letters in Chinese too.
  rest = rest.replace(/\b[0-9a-f]{12}\b|\bsha256\b|m²|km²/gu, ' ');
  return rest.match(/[A-Za-z]{3,}/gu) ?? [];
}

describe.skipIf(!chromiumAvailable)('a Chinese report in Chromium, offline: no English beyond ids, units and numbers; no tofu', () => {
  let browser: Browser;
  let written: WrittenReport;
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await loadScenario(FIXTURE);
    written = await writeReport(scenario, { outDir: await mkdtemp(join(tmpdir(), 'parkcast-zh-')), lang: 'zh', trials: 1000, tornadoTrials: 300, pngScale: 1 });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('every visible text node is Chinese, ids, numbers and units; the page embeds its font and uses it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = await watchPage(page, (url) => url.startsWith('file://'));
    await page.goto(pathToFileURL(join(written.outDir, 'report.html')).href);
    await page.waitForSelector('html[data-charts="rendered"]', { timeout: 30_000 });
    // The what-if section's sliders and table are written by its script.
    await page.waitForSelector('#what-if input[type=range]', { timeout: 30_000 });

    const texts: string[] = await page.evaluate(() => {
      const shown: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const element = node.parentElement;
        const text = node.textContent?.trim() ?? '';
        if (element === null || text === '' || element.closest('script, style, noscript') !== null) continue;
        const style = getComputedStyle(element);
        if (style.display === 'none' || style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
        shown.push(text);
      }
      return shown;
    });
    expect(texts.length).toBeGreaterThan(100);
    // Park copies are named by their park and the assumption's Chinese label, never by the internal name alone.
    expect(texts.some((t) => t.includes('北区：自身趋势'))).toBe(true);
    // The outside view's sentence, in Chinese: the target has a reference class.
    expect(texts.some((t) => t.startsWith('2025 年企业达到 500 家：模型给出'))).toBe(true);
    const allowed = allowedTokens(scenario);
    // The filter itself lets English through: it takes out ids, not words.
    expect(englishLeft('Nominal case: 503 (ownTrend__north, enterprises-500, report.md)', allowed)).toEqual(['Nominal', 'case']);
    const english = texts.map((t) => ({ text: t, left: englishLeft(t, allowed) })).filter((t) => t.left.length > 0);
    expect(english, `English left in the zh report:\n${english.map((e) => `${JSON.stringify(e.left)} in ${JSON.stringify(e.text)}`).join('\n')}`).toEqual([]);

    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        // forEach: the test's tsconfig has no DOM iterables.
        faces: ((): string[] => {
          const faces: string[] = [];
          document.fonts.forEach((f) => faces.push(`${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`));
          return faces;
        })(),
        covers: document.fonts.check('16px "Parkcast Sans"', '园区'),
        bodyFont: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(fonts.faces).toEqual(['Parkcast Sans 400 loaded', 'Parkcast Sans 700 loaded']);
    expect(fonts.covers).toBe(true);
    expect(fonts.bodyFont.startsWith('"Parkcast Sans"')).toBe(true);
    // No tofu: every element that shows Chinese (text, buttons, the variant's text box) draws it in the embedded font.
    const unembedded = await page.evaluate(() => {
      const cjk = /[\u2e80-\uffff]/u;
      const found: string[] = [];
      const check = (element: Element, text: string) => {
        if (cjk.test(text) && !getComputedStyle(element).fontFamily.includes('Parkcast Sans')) found.push(`${element.tagName}: ${text.slice(0, 40)}`);
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        if (node.parentElement !== null && node.parentElement.closest('script, style') === null) check(node.parentElement, node.textContent ?? '');
      }
      document.querySelectorAll('textarea, input').forEach((field) => check(field, (field as HTMLInputElement).value));
      return found;
    });
    expect(unembedded).toEqual([]);
    const html = await page.content();
    expect(html).toMatch(/@font-face \{ font-family: "Parkcast Sans";[^}]*src: url\(data:font\/woff2;base64,/u);
    expect(html).toContain('font-src data:');

    // A screenshot to look at (not committed): PARKCAST_SCREENSHOT=path.png.
    if (process.env.PARKCAST_SCREENSHOT !== undefined) await writeFile(process.env.PARKCAST_SCREENSHOT, await page.screenshot({ fullPage: true }));
    expect(watch.problems).toEqual([]);
    expect(watch.requests).toEqual([]);
    await page.close();
  }, 60_000);
});
