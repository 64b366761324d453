import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backtestCommand } from '../../src/cli/commands/backtest.js';
import { expectCleanFailure, parkcastBuilt } from './builtCli.js';

const shipped = fileURLToPath(new URL('../../backtests/', import.meta.url));
const CASES = ['cn-national-gdp-2023.json', 'cn-national-cpi-2019.json', 'cn-tianjin-gdp-2018.json'];

function folderOfCases(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkcast-backtest-out-'));
  mkdirSync(join(dir, 'cases'));
  for (const name of CASES) copyFileSync(join(shipped, name), join(dir, 'cases', name));
  return dir;
}

const quiet = () => {
  const lines: string[] = [];
  return { lines, io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) } };
};

describe('parkcast backtest --out DIR', () => {
  it('writes the result, the report (Markdown and HTML) and the chart as .vl.json, .svg and .png', async () => {
    const dir = folderOfCases();
    const out = join(dir, 'report');
    const { io } = quiet();
    expect(await backtestCommand(join(dir, 'cases'), { trials: 1000, seed: 1, out }, io as never)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['backtest.html', 'backtest.json', 'backtest.md', 'charts']);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['reliability.png', 'reliability.svg', 'reliability.vl.json']);

    const result = JSON.parse(readFileSync(join(out, 'backtest.json'), 'utf8'));
    expect(result.events).toHaveLength(3);
    const spec = JSON.parse(readFileSync(join(out, 'charts/reliability.vl.json'), 'utf8'));
    expect(spec.hconcat).toHaveLength(2);
    expect(readFileSync(join(out, 'charts/reliability.svg'), 'utf8')).toMatch(/^<svg/);
    expect([...readFileSync(join(out, 'charts/reliability.png')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // The report: the scores side by side, the chart, and every case with its predicted probability, outcome and source links.
    const md = readFileSync(join(out, 'backtest.md'), 'utf8');
    const html = readFileSync(join(out, 'backtest.html'), 'utf8');
    for (const forecaster of ['Model (simulated probability)', 'Deterministic verdict (0 or 1)', 'Reference-class base rate']) {
      expect(md).toContain(`| ${forecaster} |`);
      expect(html).toContain(forecaster);
    }
    expect(md).toContain('![Reliability diagram and Brier scores](charts/reliability.svg)');
    expect(html).toContain('<svg');
    for (const event of result.events as Array<{ scenario: string; sourceUrl: string; targetSourceUrl: string }>) {
      const row = md.split('\n').find((line) => line.startsWith(`| ${event.scenario.replace(/\.json$/, '')} |`));
      expect(row, event.scenario).toBeDefined();
      expect(row).toContain(`[outcome](${event.sourceUrl})`);
      expect(row).toContain(`[target](${event.targetSourceUrl})`);
      expect(html).toContain(`href="${event.sourceUrl.replace(/&/g, '&amp;')}"`);
    }
  });

  it('checks the folder before any work: a file in the way is an error, and nothing is written', async () => {
    const dir = folderOfCases();
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file, not a folder');
    const { io, lines } = quiet();
    expect(await backtestCommand(join(dir, 'cases'), { trials: 1000, seed: 1, out: blocked }, io as never)).toBe(1);
    expect(lines.join('\n')).toContain('blocked');
    expect(readFileSync(blocked, 'utf8')).toBe('a file, not a folder');
    expect(existsSync(join(dir, 'backtest.json'))).toBe(false);
  });

  it('refuses to write into the folder being backtested, whose backtest.json would be read as a scenario next time', async () => {
    const dir = folderOfCases();
    const { io, lines } = quiet();
    expect(await backtestCommand(join(dir, 'cases'), { trials: 1000, seed: 1, out: join(dir, 'cases', '.') }, io as never)).toBe(1);
    expect(lines.join('\n')).toContain('is the folder being backtested');
    expect(readdirSync(join(dir, 'cases')).sort()).toEqual([...CASES].sort());
  });

  it('through the built CLI: --series independent and --out, and a clean failure for a bad --series', async () => {
    const dir = folderOfCases();
    const out = join(dir, 'report');
    const result = await parkcastBuilt(['backtest', join(dir, 'cases'), '--trials', '1000', '--series', 'independent', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('outcomes: the independent series for 1, the official one for the 2 that record no independent outcome');
    expect(result.stderr).toContain('Backtest written to');
    expect(existsSync(join(out, 'charts', 'reliability.png'))).toBe(true);
    expectCleanFailure(await parkcastBuilt(['backtest', join(dir, 'cases'), '--series', 'satellite']), 2);
  });
});
