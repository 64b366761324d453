import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calibrateCommand } from '../../src/cli/commands/calibrate.js';
import { compareCommand } from '../../src/cli/commands/compare.js';
import { goalSeekCommand } from '../../src/cli/commands/goalSeek.js';
import { sensitivityCommand } from '../../src/cli/commands/sensitivity.js';
import type { Io } from '../../src/cli/io.js';
import { parseScenario, type ScenarioInput } from '../../src/index.js';
import { referenceScenario } from '../fixtures/scenarios.js';

/** An Io that keeps what a command prints. */
function memoryIo(): Io & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (t) => out.push(t), err: (t) => err.push(t), stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

async function file(content: unknown, name = 'park.json'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parkcast-analysis-cli-'));
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const withVariants = (): ScenarioInput => ({
  ...referenceScenario(),
  variants: [
    { id: 'with-fund', label: 'With the 10 bn fund', parameters: { outputDrift: { dist: 'normal', mean: 0.22, sd: 0.05 } } },
    { id: 'slow', label: 'Slow economy', parameters: { outputDrift: { dist: 'normal', mean: 0.1, sd: 0.05 } } },
  ],
});

const liangjiang = fileURLToPath(new URL('../../examples/calibration-liangjiang.json', import.meta.url));

describe('parkcast sensitivity', () => {
  it('prints a tornado per target, and JSON with --json', async () => {
    const path = await file(referenceScenario());
    const io = memoryIo();
    expect(await sensitivityCommand(path, { trials: 2048, target: ['output-30bn'] }, io)).toBe(0);
    expect(io.stdout()).toContain('output-30bn: >= 30.0 bn yuan by 2025');
    expect(io.stdout()).toMatch(/\noutputDrift\s+12\.9 bn yuan\s+19\.0 bn yuan/);
    expect(io.stdout()).toContain('Not moved by: revenueShare, effectiveTaxRate');
    const json = memoryIo();
    expect(await sensitivityCommand(path, { trials: 2048, json: true }, json)).toBe(0);
    const result = JSON.parse(json.stdout());
    expect(result.meta.kind).toBe('sensitivity');
    expect(result.targets).toHaveLength(4);
    expect(result.targets[3].tornado[0]).toHaveProperty('probabilitySwing.standardError');
  });

  it('an unknown target is wrong usage (exit 2), naming the targets there are', async () => {
    const io = memoryIo();
    expect(await sensitivityCommand(await file(referenceScenario()), { target: ['nope'] }, io)).toBe(2);
    expect(io.stderr()).toContain('unknown target "nope"; the scenario\'s targets are: enterprises-100, graduates-10, output-30bn, tax-3y-500m');
  });
});

describe('parkcast goal-seek', () => {
  it('finds the value, its interval and its distance from the assumption', async () => {
    const io = memoryIo();
    const code = await goalSeekCommand(
      await file(referenceScenario()),
      { target: 'output-30bn', assumption: 'outputDrift', probability: 0.5, trials: 4096, json: true },
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(io.stdout());
    expect(result.status).toBe('found');
    expect(result.value).toBeGreaterThan(0.15);
    expect(result.interval[0]).toBeLessThan(result.value);
    expect(result.deterministic.requiredGrowthRate).toBeCloseTo(3 ** (1 / 3) - 1, 10);
  });

  it('without a target, prints the growth each target needs; with only some of the three options, exits 2', async () => {
    const path = await file(referenceScenario());
    const io = memoryIo();
    expect(await goalSeekCommand(path, {}, io)).toBe(0);
    expect(io.stdout()).toMatch(/output-30bn\s+2025\s+>= 30\.0 bn yuan\s+44\.2%\/yr/);
    const partial = memoryIo();
    expect(await goalSeekCommand(path, { target: 'output-30bn' }, partial)).toBe(2);
    expect(partial.stderr()).toContain('give --target, --assumption and --probability together');
  });

  it("compares the growth needed with the park's own series", async () => {
    const io = memoryIo();
    expect(await goalSeekCommand(liangjiang, {}, io)).toBe(0);
    expect(io.stdout()).toMatch(/production-value-400bn-illustrative .* 19\.6%\/yr \(2021\)\s+−2\.0 pp\/yr/);
  });
});

describe('parkcast calibrate', () => {
  it('calibrates on a history file and prints assumptions a scenario accepts', async () => {
    const history = await file({
      label: 'Output value',
      points: [
        { year: 2018, value: 50e9 },
        { year: 2019, value: 56e9 },
        { year: 2020, value: 60e9 },
        { year: 2021, value: 70e9 },
      ],
    });
    const io = memoryIo();
    expect(await calibrateCommand(history, { name: 'output', json: true }, io)).toBe(0);
    const result = JSON.parse(io.stdout());
    expect(result.drift.degreesOfFreedom).toBe(2);
    expect(io.stderr()).toContain('warning: 3 growth rates (2018-2021) are too short a history to say much');
    const scenario = await parseScenario({
      ...referenceScenario(),
      parameters: { ...referenceScenario().parameters, ...result.parameters },
      metrics: {
        ...referenceScenario().metrics,
        outputValue: { unit: 'yuan', baseline: 70e9, process: { type: 'growth', drift: 'outputDrift', volatility: 'outputVolatility' } },
      },
    });
    expect(scenario.parameters.outputDrift.distribution.dist).toBe('normal');
  });

  it("calibrates on a scenario's series, which needs an assumed volatility for a single rate (exit 1 without)", async () => {
    const without = memoryIo();
    expect(await calibrateCommand(liangjiang, { series: 'production-value' }, without)).toBe(1);
    expect(without.stderr()).toContain('cannot show how much growth varies from year to year');
    expect(without.stderr()).toContain('--volatility');
    const io = memoryIo();
    expect(await calibrateCommand(liangjiang, { volatility: 0.08, name: 'production', volatilityReason: 'steady' }, io)).toBe(0);
    expect(io.stdout()).toContain('"productionDrift"');
    expect(io.stdout()).toContain('Assumed 0.08: steady;');
    expect(io.stdout()).toContain('- one growth rate (2020-2021) is too short a history to say much');
  });

  it("reports a history file's problems with their paths (exit 1), and --series on a history is wrong usage (exit 2)", async () => {
    const bad = await file({ points: [{ year: 2020, value: 'a lot' }] });
    const io = memoryIo();
    expect(await calibrateCommand(bad, {}, io)).toBe(1);
    expect(io.stderr()).toContain(`${bad}: points[0].value: expected a finite number, got "a lot"`);
    const good = await file([
      { year: 2020, value: 1 },
      { year: 2021, value: 2 },
      { year: 2022, value: 3 },
    ]);
    const usage = memoryIo();
    expect(await calibrateCommand(good, { series: 'x' }, usage)).toBe(2);
    expect(usage.stderr()).toContain('--series is for scenario files');
    expect(await calibrateCommand(liangjiang, { series: 'nope' }, memoryIo())).toBe(2);
  });
});

describe('parkcast compare', () => {
  it("compares a scenario's variants side by side with paired differences", async () => {
    const path = await file(withVariants());
    const io = memoryIo();
    expect(await compareCommand([path], { trials: 4096, json: true }, io)).toBe(0);
    const result = JSON.parse(io.stdout());
    expect(result.variants.map((v: { id: string }) => v.id)).toEqual(['base', 'with-fund', 'slow']);
    const output = result.targets.find((t: { id: string }) => t.id === 'output-30bn');
    expect(output.differences[0].difference).toBeGreaterThan(0);
    expect(output.differences[0].standardError).toBeLessThan(output.differences[0].unpairedStandardError);
    const text = memoryIo();
    expect(await compareCommand([path], { trials: 2048, variant: ['slow'] }, text)).toBe(0);
    expect(text.stdout()).toContain('base (reference)');
    expect(text.stdout()).not.toContain('with-fund');
  });

  it('compares several files, each a variant named after its file', async () => {
    const a = await file(referenceScenario(), 'as-planned.json');
    const b = await file(withVariants(), 'with-variants.json');
    const io = memoryIo();
    expect(await compareCommand([a, b], { trials: 2048, json: true }, io)).toBe(0);
    expect(JSON.parse(io.stdout()).reference).toBe('as-planned');
  });

  it('a file without variants is invalid input; --variant with several files or an unknown variant is wrong usage', async () => {
    const plain = await file(referenceScenario());
    const io = memoryIo();
    expect(await compareCommand([plain], {}, io)).toBe(1);
    expect(io.stderr()).toContain('no variants to compare');
    expect(await compareCommand([plain, plain], { variant: ['x'] }, memoryIo())).toBe(2);
    const unknown = memoryIo();
    expect(await compareCommand([await file(withVariants())], { variant: ['boom'] }, unknown)).toBe(2);
    expect(unknown.stderr()).toContain('unknown variant "boom"; the scenario\'s variants are: with-fund, slow');
  });
});
