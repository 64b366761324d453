import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parkCharts, parseScenario, project, type SimulationResult, simulate, variantEntries } from '../../src/index.js';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.js';

if (!chromiumAvailable) console.warn('browser test skipped: /usr/bin/chromium not found (apt-get install chromium)');

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const cli = new URL('dist/cli.js', root).pathname;

/** Every probability the what-if table shows, by its row key (as the page names them). */
function probabilitiesOf(result: SimulationResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of result.targets) out[`target:${t.id}`] = t.probability;
  if (result.joint.targets.length > 0) out.joint = result.joint.probability;
  if (result.striveJoint !== undefined && result.striveJoint.targets.length > 0) out.strive = result.striveJoint.probability;
  for (const j of result.jointTargets ?? []) out[`joint:${j.id}`] = j.probability;
  return out;
}

/** The table's probabilities: each row's exact number (its `data-probability`, the shortest text that reads back as the same double). */
function shownProbabilities(page: Page): Promise<Record<string, number>> {
  return page.$$eval('#what-if-results tr[data-row]', (rows) =>
    Object.fromEntries(rows.map((row) => [row.getAttribute('data-row') as string, Number(row.getAttribute('data-probability'))])),
  );
}

/** Moves slider `index` to `position` (of 200) as a reader's drag does: the input event, then waits for the recomputation. */
async function move(page: Page, index: number, position: number): Promise<void> {
  const before = Number((await page.getAttribute('#what-if', 'data-run')) ?? 0);
  await page.locator('#what-if input[type=range]').nth(index).fill(String(position));
  await page.waitForFunction(
    (before) => {
      const section = document.getElementById('what-if');
      return section?.getAttribute('data-state') === 'done' && Number(section.getAttribute('data-run')) > before;
    },
    before,
    { timeout: 60_000 },
  );
  // The run was off the page's thread: in the Web Worker the section starts from its own script.
  expect(await page.getAttribute('#what-if', 'data-engine')).toBe('worker');
}

/** Each case: a seed park's report (written by the built CLI), and the sliders to move. */
const cases = [
  // A parameter and a baseline (baseline:softwareRevenue, the fifth): the variant gets `parameters` and `baselines`.
  {
    park: 'chongqing-liangjiang',
    seed: 2024,
    trials: 3001,
    lang: 'en',
    moves: [
      { index: 0, position: 30 },
      { index: 4, position: 170 },
    ],
    baselines: ['softwareRevenue'],
  },
  { park: 'jinyang-lake', seed: 'what-if', trials: 2500, lang: 'zh', moves: [{ index: 1, position: 55 }], baselines: [] },
] as const;

describe.skipIf(!chromiumAvailable)('the report’s what-if section in headless Chromium, offline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(cases)(
    '$park: a moved assumption gives the probabilities of simulate with the same change as a variant, exactly',
    async ({ park, seed, trials, lang, moves, baselines }) => {
      const file = new URL(`seeds/${park}.json`, root).pathname;
      const out = join(await mkdtemp(join(tmpdir(), 'parkcast-what-if-')), park);
      await run(process.execPath, [cli, 'report', file, '--out', out, '--seed', String(seed), '--trials', String(trials), '--lang', lang]);
      const url = pathToFileURL(join(out, 'report.html')).href;
      const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));

      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const watch = await watchPage(page, (u) => u === url);
      await page.goto(url);
      await page.waitForSelector('#what-if input[type=range]');
      const asWritten = probabilitiesOf(results.simulation);
      expect(await shownProbabilities(page)).toEqual(asWritten);

      for (const { index, position } of moves) await move(page, index, position);
      const variant = JSON.parse(await page.inputValue('#what-if-variant'));
      expect(variant.id).toBe('what-if');
      expect(Object.keys(variant.baselines ?? {})).toEqual(baselines);
      expect(Object.keys(variant.parameters).length + baselines.length).toBe(moves.length);
      // The status says the precision: trials, seed and the widest interval's half-width.
      expect(await page.textContent('#what-if-status')).toMatch(
        lang === 'en' ? /3,001 trials, seed 2024; each probability within ±\d+\.\d percentage points/ : /2,500 次试验/,
      );

      // The variant pasted into the scenario file: it validates, and simulate with it (same seed and trials) gives the page's numbers.
      const input = JSON.parse(await readFile(file, 'utf8'));
      const scenario = await parseScenario({ ...input, variants: [...(input.variants ?? []), variant] });
      const [, withVariant] = variantEntries(scenario, ['what-if']);
      const expected = probabilitiesOf(await simulate(withVariant.scenario, { seed, trials }));
      const shown = await shownProbabilities(page);
      expect(shown).toEqual(expected);
      // A move that changes nothing would prove nothing.
      expect(shown).not.toEqual(asWritten);

      // And the CLI: parkcast compare of the file with the variant, the same seed and trials.
      const withVariantFile = join(out, '..', `${park}-what-if.json`);
      await writeFile(withVariantFile, JSON.stringify({ ...input, variants: [...(input.variants ?? []), variant] }));
      const compared = JSON.parse(
        (
          await run(process.execPath, [cli, 'compare', withVariantFile, '--variant', 'what-if', '--json', '--seed', String(seed), '--trials', String(trials)], {
            maxBuffer: 64 << 20,
          })
        ).stdout,
      );
      const ofVariant = (t: { probabilities: Array<{ variant: string; probability: number }> }) =>
        t.probabilities.find((p) => p.variant === 'what-if')?.probability;
      for (const t of compared.targets) expect(ofVariant(t)).toBe(shown[`target:${t.id}`]);
      expect(ofVariant(compared.joint)).toBe(shown.joint);

      // Every chart of the simulation drawn again from the what-if run, with the report's specs: those of
      // simulate and project with the variant (same seed and trials), and a fan chart's data moved.
      const withVariantResult = await simulate(withVariant.scenario, { seed, trials });
      const expectedCharts = parkCharts({ simulation: withVariantResult, projection: await project(withVariant.scenario) }, lang);
      const asWrittenCharts = parkCharts({ simulation: results.simulation, projection: results.projection }, lang);
      await page.waitForFunction((count) => document.querySelectorAll('#what-if-charts [data-rendered="true"]').length === count, expectedCharts.length, {
        timeout: 60_000,
      });
      const drawnSpecs = await page.$$eval('#what-if-charts figure[data-chart]', (figures) =>
        figures.map((f) => ({ id: f.getAttribute('data-chart'), spec: JSON.parse(f.getAttribute('data-what-if-spec') ?? 'null') })),
      );
      expect(drawnSpecs.map((c) => c.id)).toEqual(expectedCharts.map((c) => c.id));
      for (const [i, chart] of expectedCharts.entries()) expect(drawnSpecs[i].spec, chart.id).toEqual(JSON.parse(JSON.stringify(chart.spec)));
      // The fan charts of the targets' metrics whose data the moves changed: at least one (the moves were chosen so).
      const asWrittenSpec = (id: string) => JSON.parse(JSON.stringify(asWrittenCharts.find((c) => c.id === id)?.spec ?? null));
      const targetFans = [...new Set(withVariantResult.targets.map((t) => `fan-${t.metric}`))];
      const movedFans = drawnSpecs.filter(
        (c) => targetFans.includes(c.id as string) && JSON.stringify(c.spec) !== JSON.stringify(asWrittenSpec(c.id as string)),
      );
      expect(movedFans.length, 'a fan chart of a target metric whose data changed').toBeGreaterThan(0);
      expect(await page.locator(`#what-if-charts figure[data-chart="${movedFans[0].id}"] svg path`).count()).toBeGreaterThan(0);
      expect(await page.locator('#what-if-charts figure[data-chart="target-probabilities"] svg path[aria-roledescription="bar"]').count()).toBeGreaterThan(0);

      // Back to the scenario as written: the report's own numbers, and no variant.
      await page.click('#what-if-reset');
      expect(await shownProbabilities(page)).toEqual(asWritten);
      expect(await page.getAttribute('#what-if', 'data-state')).toBe('idle');
      expect(await page.isDisabled('#what-if-copy')).toBe(true);
      expect(await page.isHidden('#what-if-charts')).toBe(true);

      expect(watch.problems).toEqual([]);
      expect(watch.requests).toEqual([]);
      await page.close();
    },
  );
});
