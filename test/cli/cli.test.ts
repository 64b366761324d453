import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { baseScenario, referenceScenario } from '../fixtures/scenarios.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** Runs the CLI from source as a user would run the bin: returns exit code, stdout and stderr. */
async function parkcast(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function scenarioFile(content: unknown, name = 'park.json'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parkcast-cli-'));
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('parkcast CLI', () => {
  it('validate: a valid file exits 0; an invalid one prints each problem with its path and exits 1, without a stack trace', async () => {
    const good = await scenarioFile(referenceScenario());
    expect((await parkcast('validate', good)).code).toBe(0);
    const bad = await scenarioFile(
      baseScenario({ targets: [{ id: 'a', label: 'A', metric: 'output', comparison: '>=', threshold: 'abc' as never, deadline: 2025 }] }),
    );
    const result = await parkcast('validate', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: targets[0].threshold: expected a positive number (or [low, high] for "between"), got "abc"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('validate names the defaults that change what the model means, and only those left in place', async () => {
    const implicit = await scenarioFile(
      baseScenario({
        metrics: {
          output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.1 } },
          graduates: { unit: 'count', baseline: 0, process: { type: 'graduation', pool: 30, probability: 0.1 } },
        },
      }),
    );
    const result = await parkcast('validate', implicit);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('defaults that shape the model:');
    expect(result.stdout).toContain('- metrics.graduates.process.depleting: left at its default true: the pool depletes');
    expect(result.stdout).toContain('- metrics.output.process.volatility: left at its default 0');
    const explicit = await scenarioFile(
      baseScenario({
        metrics: {
          output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 0.1, volatility: 0 } },
          graduates: { unit: 'count', baseline: 0, process: { type: 'graduation', pool: 30, probability: 0.1, depleting: true } },
        },
      }),
    );
    expect((await parkcast('validate', explicit)).stdout).not.toContain('defaults that shape the model');
  });

  it('simulate lists strive levels apart, the strive joint and named sets; areas in the unit the file used', async () => {
    const file = await scenarioFile(
      baseScenario({
        metrics: {
          output: { unit: 'yuan', inputUnit: '亿元', baseline: 10, process: { type: 'growth', drift: 0.1, volatility: 0.1 } },
          land: { unit: 'area', inputUnit: '亩', baseline: 400, process: { type: 'growth', drift: 0.1, volatility: 0.1 } },
          share: { unit: 'share', helper: true, baseline: 0.5, process: { type: 'constant' } },
        },
        targets: [
          { id: 'output', label: 'Output', metric: 'output', comparison: '>=', threshold: 12, strive: 14, deadline: 2025 },
          { id: 'land', label: 'Land', metric: 'land', comparison: '>=', threshold: 500, deadline: 2025 },
        ],
        jointTargets: [{ id: 'both', label: 'Both', targets: ['output', 'land'] }],
      }),
    );
    const { code, stdout } = await parkcast('simulate', file, '--trials', '2048');
    expect(code).toBe(0);
    expect(stdout).toMatch(/land\s+official\s+2025\s+>= 500 mu/);
    expect(stdout).toMatch(/Strive levels \(the table above is at the ensure levels\):\n.*\n.*\noutput\s+>= 1.40 bn yuan/);
    expect(stdout).toMatch(/Its one strive level: \d+\.\d%/);
    expect(stdout).toMatch(/Both \(output, land\): \d+\.\d%/);
    expect(stdout).toContain('(helper metrics not shown: share; --json has them)');
  });

  it('a missing file is invalid input (exit 1) with a clear message', async () => {
    const result = await parkcast('simulate', '/no/such/park.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/no/such/park.json: file not found');
  });

  it('wrong usage exits 2: an unknown command, a missing argument, a bad --trials', async () => {
    expect((await parkcast('frobnicate')).code).toBe(2);
    expect((await parkcast('simulate')).code).toBe(2);
    const file = await scenarioFile(referenceScenario());
    const bad = await parkcast('simulate', file, '--trials', 'many');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--trials: expected a whole number of at least 1, got "many"');
  });

  it('project --json gives targets with id, met, value, firstYearMet and requiredGrowthRate', async () => {
    const file = await scenarioFile(referenceScenario());
    const result = await parkcast('project', file, '--json');
    expect(result.code).toBe(0);
    const projection = JSON.parse(result.stdout);
    expect(projection.targets.map((t: { id: string }) => t.id)).toEqual(['enterprises-100', 'graduates-10', 'output-30bn', 'tax-3y-500m']);
    expect(projection.targets[2]).toMatchObject({ id: 'output-30bn', met: false, firstYearMet: null });
    expect(projection.targets[2].requiredGrowthRate).toBeCloseTo(3 ** (1 / 3) - 1, 12);
    expect(projection.targets[0]).toMatchObject({ met: true, value: 105, firstYearMet: 2025, requiredGrowthRate: null });
  });

  it('simulate --json gives targets, joint, metrics and meta; the same seed gives the same output', async () => {
    const file = await scenarioFile(referenceScenario());
    const a = await parkcast('simulate', file, '--trials', '5000', '--seed', '11', '--json');
    const b = await parkcast('simulate', file, '--trials', '5000', '--seed', '11', '--json');
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.meta).toMatchObject({ seed: 11, trials: 5000 });
    expect(result.meta.scenarioHash).toMatch(/^sha256:/);
    expect(result.meta.parkcastVersion).toMatch(/^\d+\.\d+\.\d+/);
    for (const t of result.targets) {
      expect(t.probability).toBeGreaterThanOrEqual(0);
      expect(t.interval).toHaveLength(2);
      expect(t.standardError).toBeGreaterThanOrEqual(0);
    }
    expect(result.joint.interval).toHaveLength(2);
    expect(Object.keys(result.metrics[0].years[1].quantiles)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
  });

  it('simulate prints a readable table', async () => {
    const file = await scenarioFile(referenceScenario());
    const result = await parkcast('simulate', file, '-n', '3000');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Monte Carlo: 3,000 trials, seed 1');
    expect(result.stdout).toMatch(/enterprises-100\s+official\s+2025\s+>= 100\s+\d+\.\d%/);
    expect(result.stdout).toContain('All 4 official targets:');
  });
});
