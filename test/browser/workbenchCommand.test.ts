import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProbability } from '../../src/charts/units.js';
import { expectCleanFailure, parkcastBuilt } from '../cli/builtCli.js';
import { chromiumAvailable, launchChromium, watchPage } from './chromium.js';

const root = new URL('../../', import.meta.url);
const seed = new URL('seeds/chongqing-liangjiang.json', root).pathname;
const run = promisify(execFile);

describe('parkcast workbench [scenario] [--out FILE] (the built CLI)', () => {
  it('writes the page to the default file in the current folder and says how to open it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkcast-workbench-cli-'));
    const result = await parkcastBuilt(['workbench'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Workbench written to workbench.html');
    expect(result.stdout).toContain(pathToFileURL(join(dir, 'workbench.html')).href);
    const html = readFileSync(join(dir, 'workbench.html'), 'utf8');
    // The empty slot: nothing preloaded.
    expect(html).toContain('<script id="preloaded-scenario" type="application/json">null</script>');
  });

  it('preloads a scenario, its own text and name, and writes where --out says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkcast-workbench-cli-'));
    const out = join(dir, 'page.html');
    const result = await parkcastBuilt(['workbench', seed, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const slot = html.match(/<script id="preloaded-scenario" type="application\/json">(.*?)<\/script>/s);
    expect(JSON.parse(slot?.[1] ?? 'null')).toEqual({ fileName: 'chongqing-liangjiang.json', text: readFileSync(seed, 'utf8') });
  });

  it('a text holding </script> cannot end the slot early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkcast-workbench-cli-'));
    const scenario = JSON.parse(readFileSync(seed, 'utf8'));
    scenario.park.name = 'Park </script><script>alert(1)</script>';
    const file = join(dir, 'tricky.json');
    writeFileSync(file, JSON.stringify(scenario, null, 2));
    const result = await parkcastBuilt(['workbench', file], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(dir, 'tricky.workbench.html'), 'utf8');
    expect(html).not.toContain('Park </script>');
    const slot = html.match(/<script id="preloaded-scenario" type="application\/json">(.*?)<\/script>/s);
    expect(JSON.parse(slot?.[1] ?? 'null').text).toBe(readFileSync(file, 'utf8'));
  });

  it('refuses a scenario that does not parse, naming the file and the field, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkcast-workbench-cli-'));
    writeFileSync(join(dir, 'broken.json'), '{ "park": { "id": "x" } }');
    const result = await parkcastBuilt(['workbench', 'broken.json'], { cwd: dir });
    expectCleanFailure(result, 1, /broken\.json: park\.name/);
    expect(() => readFileSync(join(dir, 'broken.workbench.html'))).toThrow();
  });

  it('never overwrites its input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkcast-workbench-cli-'));
    const file = join(dir, 'park.json');
    writeFileSync(file, readFileSync(seed, 'utf8'));
    const result = await parkcastBuilt(['workbench', file, '--out', file]);
    expectCleanFailure(result, 1, /overwrite the input/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(seed, 'utf8'));
  });

  it('is listed in parkcast --help', async () => {
    const result = await parkcastBuilt(['--help']);
    expect(result.stdout).toMatch(/workbench \[options\] \[scenario\]/);
  });
});

describe.skipIf(!chromiumAvailable)('a page written by parkcast workbench FILE, opened from disk', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the preloaded scenario’s results (the CLI’s, same seed and trials) with no console error and no request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parkcast-workbench-page-'));
    const out = join(dir, 'preloaded.html');
    expect((await parkcastBuilt(['workbench', seed, '--out', out])).code).toBe(0);
    const url = pathToFileURL(out).href;
    const page = await browser.newPage();
    const watch = await watchPage(page, (requested) => requested === url);
    await page.goto(url);
    // No click, no typing: the scenario is there and run.
    await page.waitForSelector('html[data-state="results"]', { timeout: 60_000 });
    expect(await page.locator('#file-name').textContent()).toBe('chongqing-liangjiang.json');
    expect(await page.locator('#format').textContent()).toBe('JSON');
    const cli = JSON.parse(
      (
        await run(process.execPath, [new URL('dist/cli.js', root).pathname, 'simulate', seed, '--json', '--seed', '1', '--trials', '20000'], {
          maxBuffer: 64 << 20,
        })
      ).stdout,
    );
    expect(await page.locator('#joint').textContent()).toBe(formatProbability(cli.joint.probability));
    for (const target of cli.targets) {
      expect(await page.locator(`tr[data-target="${target.id}"] td.number`).first().textContent()).toBe(formatProbability(target.probability));
    }
    await page.waitForFunction(() => document.querySelectorAll('.chart svg').length >= 2, undefined, { timeout: 30_000 });
    expect(watch.problems).toEqual([]);
    expect(watch.requests).toEqual([]);
    await page.close();
  }, 120_000);
});
