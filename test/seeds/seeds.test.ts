import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/problems/problem.js';
import { safeLoadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema/scenario.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

/** The targets each seed must carry, in file order. */
const EXPECTED_TARGETS: Record<string, string[]> = {
  'jinyang-lake.json': [
    'enterprises-introduced-3y',
    'incubated-20m-3y',
    'output-value-30bn',
    'annual-tax-500m',
    'application-scenarios-20',
    'enterprises-introduced-2023',
    'enterprise-revenue-2023',
  ],
  'shanxi-demo-zone-xiaodian.json': ['industrial-leaders-2', 'chain-enterprises-50'],
  'taiyuan-intelligent-park.json': ['incubation-funds-30m', 'revenue-doubles-2021-by-2025'],
  'chongqing-liangjiang.json': [
    'software-enterprises-4000',
    'software-revenue-200bn',
    'innovation-park-listed-companies',
    'innovation-park-unicorns',
    'innovation-park-revenue-50bn',
  ],
  'shanxi-digital-economy.json': ['core-share-5-4pct-2025', 'core-growth-15pct-2023', 'national-pilot-enterprises-2023'],
};

/** Roll-ups: files that run other seeds together (tested below, not as parks of their own). */
const ROLLUPS = ['shanxi-rollup.json'];

const files = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.json') && !ROLLUPS.includes(f))
  .sort();

async function load(file: string): Promise<Scenario> {
  const result = await safeLoadScenario(join(SEEDS, file));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

describe('seeds', () => {
  it('holds exactly the expected files', () => {
    expect(files).toEqual(Object.keys(EXPECTED_TARGETS).sort());
  });

  describe.each(files)('%s', (file) => {
    it('validates without problems', async () => {
      const result = await safeLoadScenario(join(SEEDS, file));
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    });

    it('points at the generated JSON Schema', () => {
      const raw = JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as { $schema?: string };
      expect(raw.$schema).toBe('../docs/scenario.schema.json');
    });

    it('carries exactly the expected targets', async () => {
      const scenario = await load(file);
      expect(scenario.targets.map((t) => t.id)).toEqual(EXPECTED_TARGETS[file]);
    });

    it('gives every assumed parameter a reason and every sourced one a source', async () => {
      const scenario = await load(file);
      for (const [name, parameter] of Object.entries(scenario.parameters)) {
        if (parameter.basis === 'assumed') expect(parameter.reason?.trim(), name).toBeTruthy();
        else expect(parameter.source, name).toBeDefined();
      }
    });

    it('gives every target, context figure, series and conversion an existing source', async () => {
      const scenario = await load(file);
      const sourceIds = new Set(scenario.sources.map((s) => s.id));
      expect(sourceIds.size).toBeGreaterThan(0);
      const stated = [...scenario.targets, ...scenario.context, ...scenario.series, ...scenario.currencyConversions];
      for (const figure of stated) expect(sourceIds.has(figure.source ?? ''), figure.id).toBe(true);
    });

    it('says how every target was read and dates every source', async () => {
      const scenario = await load(file);
      for (const target of scenario.targets) expect(target.note?.trim(), target.id).toBeTruthy();
      for (const source of scenario.sources) expect(source.date ?? source.dateInferred, source.id).toBeTruthy();
    });

    it('explains every assumed baseline', async () => {
      const scenario = await load(file);
      for (const [name, metric] of Object.entries(scenario.metrics)) {
        if (metric.baseline !== undefined && typeof metric.baseline !== 'number') expect(metric.note?.trim(), name).toBeTruthy();
      }
    });
  });

  it('keeps both yuan and dollars of each conversion as printed', async () => {
    const taiyuan = await load('taiyuan-intelligent-park.json');
    expect(taiyuan.currencyConversions).toMatchObject([{ yuan: 6e9, usd: 943.25e9 }]);
    const demo = await load('shanxi-demo-zone-xiaodian.json');
    expect(demo.currencyConversions).toMatchObject([{ yuan: 81.28e9, usd: 12.04e9 }]);
  });

  it('reads the Jinyang Lake three-year plan of 2023 as ending in 2025', async () => {
    const jinyang = await load('jinyang-lake.json');
    const deadlines = Object.fromEntries(jinyang.targets.map((t) => [t.id, t.deadline]));
    expect(deadlines['enterprises-introduced-3y']).toBe(2025);
    expect(deadlines['enterprises-introduced-2023']).toBe(2023);
    expect(jinyang.park.zones?.map((z) => z.id)).toEqual(['core', 'changfeng', 'yaocun']);
  });
});

describe('the Shanxi roll-up runs its members together', () => {
  it('holds every member target under its member id, then the targets over the members', async () => {
    const rollup = await load('shanxi-rollup.json');
    const members = {
      'jinyang-lake': 'jinyang-lake.json',
      xiaodian: 'shanxi-demo-zone-xiaodian.json',
      taiyuan: 'taiyuan-intelligent-park.json',
      'digital-economy': 'shanxi-digital-economy.json',
    };
    const memberTargets = Object.entries(members).flatMap(([id, file]) => EXPECTED_TARGETS[file].map((target) => `${id}-${target}`));
    expect(rollup.targets.map((t) => t.id)).toEqual([...memberTargets, 'three-parks-all-official', 'two-of-three-parks', 'parks-and-province']);
    // Taiyuan's base year (2021) is the roll-up's; the others are held at their baselines through 2022.
    expect(rollup.horizon.baseYear).toBe(2021);
    expect(rollup.metrics.jinyang_lake__enterprisesIntroduced.holdUntil).toBe(2022);
    expect(rollup.metrics.taiyuan__revenue.holdUntil).toBeUndefined();
  });
});
