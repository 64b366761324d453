import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverCommand } from '../../src/cli/commands/discover.js';
import type { Io } from '../../src/cli/io.js';
import { baseScenario } from '../fixtures/scenarios.js';

function memoryIo(): Io & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (t) => out.push(t), err: (t) => err.push(t), stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

async function file(content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parkcast-discover-cli-'));
  const path = join(dir, 'park.json');
  await writeFile(path, JSON.stringify(content));
  return path;
}

const planted = baseScenario({
  horizon: { baseYear: 2022, endYear: 2023 },
  parameters: {
    a: { distribution: { dist: 'uniform', min: 0, max: 1 }, unit: 'share' },
    b: { distribution: { dist: 'uniform', min: 0, max: 10 }, unit: 'enterprises per year' },
  },
  metrics: {
    ok: { unit: 'count', process: { type: 'derived', expression: '1 - (a < 0.3) * (b < 3)' } },
    output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.05, volatility: 0.1 } },
  },
  targets: [
    { id: 'ok', label: 'Not both low', metric: 'ok', comparison: '>=', threshold: 1, deadline: 2023 },
    { id: 'output', label: 'Output 1.1 bn', metric: 'output', comparison: '>=', threshold: 1.1e9, deadline: 2023 },
  ],
});

describe('parkcast discover', () => {
  it('prints the box in words, in the assumptions’ units, and says so when no range explains the misses', async () => {
    const io = memoryIo();
    expect(await discoverCommand(await file(planted), { trials: 8000, seed: 2 }, io)).toBe(0);
    const text = io.stdout();
    expect(text).toMatch(
      /Box 1: (a at most 3\d(\.\d)?% and b at most [23]\.\d+ enterprises per year|b at most [23]\.\d+ enterprises per year and a at most 3\d(\.\d)?%): (9\d|100)\.\d% of the misses, where the target fails (9\d|100)\.\d% of the time/,
    );
    expect(text).toContain('Output 1.1 bn (output): >= 1.10 bn yuan by 2023');
    expect(text).toMatch(
      /No assumption range explains the misses by the margin required\. The best box found on half the trials \(.*\), where the target fails/,
    );
  });

  it('gives JSON with --json, and wrong usage (exit 2) for an unknown target', async () => {
    const path = await file(planted);
    const json = memoryIo();
    expect(await discoverCommand(path, { trials: 2000, target: ['ok'], outcome: 'hit', json: true }, json)).toBe(0);
    const result = JSON.parse(json.stdout());
    expect(result.meta).toMatchObject({ kind: 'discovery', outcome: 'hit', trials: 2000 });
    expect(result.targets.map((t: { id: string }) => t.id)).toEqual(['ok']);
    const io = memoryIo();
    expect(await discoverCommand(path, { target: ['nope'] }, io)).toBe(2);
    expect(io.stderr()).toContain('unknown target "nope"; the scenario\'s targets are: ok, output');
  });
});
