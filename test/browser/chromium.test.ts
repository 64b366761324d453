import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, safeParseScenarioText } from '../../src/browserEntry.js';
import { chromiumAvailable, launchChromium, pageWithBundle } from './chromium.js';

if (!chromiumAvailable) console.warn('browser test skipped: /usr/bin/chromium not found (apt-get install chromium)');

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const cli = new URL('dist/cli.js', root).pathname;

/**
 * Each seed park with its own seed and a trial count that ends inside a block of 1024, and two
 * examples for the math the seeds do not reach: an expression with `^` (pow) and rank
 * correlations (sin) with an average-growth target (pow), where Chromium's own Math differs.
 */
const cases = [
  { park: 'seeds/jinyang-lake', seed: 7, trials: 5000 },
  { park: 'seeds/chongqing-liangjiang', seed: 2024, trials: 3001 },
  { park: 'seeds/shanxi-demo-zone-xiaodian', seed: '种子', trials: 4096 },
  { park: 'seeds/shanxi-digital-economy', seed: 1, trials: 2500 },
  { park: 'seeds/taiyuan-intelligent-park', seed: 'what-if', trials: 6000 },
  { park: 'examples/pilot-unknown-baseline', seed: 3, trials: 3000 },
  { park: 'examples/jiangxi-manufacturing-2025', seed: 11, trials: 3000 },
] as const;

describe.skipIf(!chromiumAvailable)('the browser bundle in headless Chromium gives the CLI’s results bit for bit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('simulate and project of every seed park, offline, with no console error', async () => {
    const { page, watch } = await pageWithBundle(browser);
    // The page has no node:crypto: its stream keys come from @noble/hashes.
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

    const fromCli = await Promise.all(
      cases.map(async ({ park, seed, trials }) => {
        const file = new URL(`${park}.json`, root).pathname;
        const simulated = await run(process.execPath, [cli, 'simulate', file, '--json', '--seed', String(seed), '--trials', String(trials)], {
          maxBuffer: 64 << 20,
        });
        const projected = await run(process.execPath, [cli, 'project', file, '--json'], { maxBuffer: 64 << 20 });
        return { simulated: simulated.stdout.trim(), projected: projected.stdout.trim() };
      }),
    );

    for (const [i, { park, seed, trials }] of cases.entries()) {
      const text = readFileSync(new URL(`${park}.json`, root), 'utf8');
      const inPage = await page.evaluate(
        async ({ text, seed, trials }) => {
          // biome-ignore lint/suspicious/noExplicitAny: the bundle's exports, untyped in the page
          const api = (globalThis as any).parkcast;
          const parsed = await api.safeParseScenarioText(text, 'json');
          if (!parsed.ok) return { problems: parsed.problems };
          const simulated = await api.simulate(parsed.scenario, { seed, trials });
          const projected = await api.project(parsed.scenario);
          return { simulated: JSON.stringify(simulated, null, 2), projected: JSON.stringify(projected, null, 2) };
        },
        { text, seed, trials },
      );
      // The whole result, meta included (version, scenario hash, seed, trials, generator): no field differs.
      expect(inPage.simulated, `${park}: simulate`).toBe(fromCli[i].simulated);
      expect(inPage.projected, `${park}: project`).toBe(fromCli[i].projected);
    }

    expect(watch.problems).toEqual([]);
    expect(watch.requests).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows a scenario’s problems with their field paths, as the CLI does', async () => {
    const { page, watch } = await pageWithBundle(browser);
    const broken = JSON.parse(readFileSync(new URL('seeds/jinyang-lake.json', root), 'utf8'));
    broken.horizon.endYear = broken.horizon.baseYear - 1;
    const problems = await page.evaluate(async (text) => {
      // biome-ignore lint/suspicious/noExplicitAny: the bundle's exports, untyped in the page
      const api = (globalThis as any).parkcast;
      const parsed = await api.safeParseScenarioText(text, 'json');
      return parsed.ok ? [] : parsed.problems.map((p: { path: Array<string | number> }) => api.formatPath(p.path));
    }, JSON.stringify(broken));
    expect(problems).toContain('horizon.endYear');

    // Expressions: the page's parser is mathjs's parser alone (tsup.config.ts); its problems are the CLI's, word for word.
    const pilot = readFileSync(new URL('examples/pilot-unknown-baseline.json', root), 'utf8');
    const badExpressions = ['(gdp / base(gdp)) ^ (1 / (year - 2013)', 'sin(gdp)', 'gdp cm', 'x = 2', '[gdp, 1]', 'gdp ? 1', 'derivative(gdp, 1)'];
    for (const expression of badExpressions) {
      const text = pilot.replace('"(gdp / base(gdp)) ^ (1 / (year - 2013)) - 1"', () => JSON.stringify(expression));
      expect(text).not.toBe(pilot);
      const inPage = await page.evaluate(async (text) => {
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's exports, untyped in the page
        const api = (globalThis as any).parkcast;
        const parsed = await api.safeParseScenarioText(text, 'json');
        return parsed.ok ? [] : parsed.problems.map((p: Parameters<typeof formatProblem>[0]) => api.formatProblem(p));
      }, text);
      const inNode = await safeParseScenarioText(text, 'json');
      expect(inNode.ok, expression).toBe(false);
      expect(inPage, expression).toEqual(inNode.ok ? [] : inNode.problems.map((p) => formatProblem(p)));
    }
    expect(watch.problems).toEqual([]);
    expect(watch.requests).toEqual([]);
    await page.close();
  });
});
