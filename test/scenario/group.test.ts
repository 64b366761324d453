import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  type GroupInput,
  mergeShards,
  parseScenario,
  project,
  type ScenarioFileInput,
  safeParseScenario,
  simulate,
  simulateShard,
} from '../../src/index.js';
import { baseScenario, standardErrors } from '../fixtures/scenarios.js';

/** A group of `parks` parks whose output in the base year is drawn per park; nothing moves after. */
function groupScenario(group: Partial<GroupInput> & Pick<GroupInput, 'targets'>, parks = 20): ScenarioFileInput {
  return {
    ...baseScenario({ metrics: {} }),
    group: {
      id: 'city',
      name: 'City parks',
      parks: Array.from({ length: parks }, (_, i) => ({ id: `p${i + 1}`, name: `Park ${i + 1}` })),
      metrics: { output: { unit: 'yuan', baseline: { dist: 'uniform', min: 0, max: 1 }, process: { type: 'constant' } } },
      ...group,
    },
  };
}

const trials = 40_000;

describe('groups of parks: a table of parks expanded into metrics, targets over the group', () => {
  it('expands each group metric into a copy per park, a total, and the group targets onto counts and totals', async () => {
    const scenario = await parseScenario(
      groupScenario(
        {
          parameters: { drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.02 } } },
          metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 'drift', volatility: 0 } } },
          parks: [
            { id: 'north-park', name: 'North', baselines: { output: 2e9 }, parameters: { drift: 0.2 } },
            { id: 'south', name: 'South' },
          ],
          targets: [
            { id: 'both-above', label: 'Both above 2 bn', aggregate: 'every', metric: 'output', park: { comparison: '>=', threshold: 2e9 }, deadline: 2025 },
          ],
        },
        2,
      ),
    );
    expect(Object.keys(scenario.metrics).sort()).toEqual(['both_above__parks', 'output__north_park', 'output__south', 'output__total']);
    expect(scenario.metrics.output__north_park.baseline).toBe(2e9);
    expect(scenario.metrics.output__south.baseline).toBe(1e9);
    expect(scenario.metrics.output__north_park.process).toEqual({ type: 'growth', drift: 'drift__north_park', volatility: 0 });
    expect(scenario.parameters.drift__north_park.distribution).toEqual({ dist: 'fixed', value: 0.2 });
    expect(scenario.parameters.drift__south.distribution).toEqual({ dist: 'normal', mean: 0.1, sd: 0.02 });
    expect(scenario.targets).toEqual([expect.objectContaining({ id: 'both-above', metric: 'both_above__parks', comparison: '>=', threshold: 2 })]);
    expect(scenario.groupLayout?.metrics.output).toEqual({ parks: { 'north-park': 'output__north_park', south: 'output__south' }, total: 'output__total' });

    // The nominal projection: North grows 20 % (log) a year from 2 bn, South 10 % from 1 bn.
    const projection = await project(scenario);
    const at = (name: string) => projection.metrics.find((m) => m.name === name)?.values.at(-1) as number;
    expect(at('output__north_park')).toBeCloseTo(2e9 * Math.exp(0.6), -2);
    expect(at('output__total')).toBeCloseTo(2e9 * Math.exp(0.6) + 1e9 * Math.exp(0.3), -2);
    expect(projection.metrics.find((m) => m.name === 'output__south')).toMatchObject({ park: 'south', groupMetric: 'output' });
    expect(projection.targets[0].met).toBe(false);
  });

  it('a validated group scenario validates again to itself (shards re-read the scenario they embed)', async () => {
    const scenario = await parseScenario(groupScenario({ targets: [] }, 3));
    expect(await parseScenario(scenario)).toEqual(scenario);
  });

  it('"at least k of n parks" is binomial when the parks are independent', async () => {
    const scenario = await parseScenario(
      groupScenario({
        targets: [
          {
            id: 'six-above',
            label: '6 of 20 above 0.7',
            aggregate: 'count',
            metric: 'output',
            park: { comparison: '>', threshold: 0.7 },
            comparison: '>=',
            threshold: 6,
            deadline: 2025,
          },
          {
            id: 'half-above',
            label: 'Half above 0.7',
            aggregate: 'share',
            metric: 'output',
            park: { comparison: '>', threshold: 0.7 },
            comparison: '>=',
            threshold: 0.5,
            deadline: 2025,
          },
        ],
      }),
    );
    const result = await simulate(scenario, { trials, seed: 3 });
    // Each park is above 0.7 with probability 0.3: the count is Binomial(20, 0.3).
    const atLeastSix = 1 - binomialCdf(5, 20, 0.3);
    const atLeastTen = 1 - binomialCdf(9, 20, 0.3);
    expect(Math.abs(result.targets[0].probability - atLeastSix)).toBeLessThan(standardErrors(atLeastSix, trials));
    expect(Math.abs(result.targets[1].probability - atLeastTen)).toBeLessThan(standardErrors(atLeastTen, trials));
  });

  it('"parks that doubled": a count of parks by a per-park measure is binomial when the parks are independent', async () => {
    // Each park's log output grows by Normal(0.2, 0.25) a year, independently: by 2025 (three years
    // from 2022) its ratio to its base is lognormal with mu 0.6 and sigma 0.25·√3.
    const parks = 12;
    const scenario = await parseScenario(
      groupScenario(
        {
          parameters: { drift: { distribution: { dist: 'normal', mean: 0.2, sd: 0.25 }, varies: 'year' } },
          metrics: { output: { unit: 'yuan', baseline: 1e9, process: { type: 'growth', drift: 'drift', volatility: 0 } } },
          targets: [
            {
              id: 'five-doubled',
              label: 'At least 5 parks double their output',
              aggregate: 'count',
              metric: 'output',
              park: { measure: 'ratioToBase', comparison: '>=', threshold: 2 },
              comparison: '>=',
              threshold: 5,
              deadline: 2025,
            },
            {
              id: 'half-grew-20',
              label: 'Half the parks grow 20 % a year on average',
              aggregate: 'share',
              metric: 'output',
              park: { measure: 'averageGrowth', comparison: '>=', threshold: 0.2 },
              comparison: '>=',
              threshold: 0.5,
              deadline: 2025,
            },
          ],
        },
        parks,
      ),
    );
    expect(scenario.metrics.five_doubled__parks.process).toMatchObject({ expression: expect.stringContaining('output__p1 / base(output__p1)') });
    const result = await simulate(scenario, { trials, seed: 8 });
    const sigma = 0.25 * Math.sqrt(3);
    const doubles = 1 - normalCdf(Math.log(2), 0.6, sigma);
    const atLeastFive = 1 - binomialCdf(4, parks, doubles);
    // Average growth of 20 % over three years is a ratio of 1.2³.
    const grows = 1 - normalCdf(3 * Math.log(1.2), 0.6, sigma);
    const atLeastHalf = 1 - binomialCdf(parks / 2 - 1, parks, grows);
    expect(Math.abs(result.targets[0].probability - atLeastFive)).toBeLessThan(standardErrors(atLeastFive, trials));
    expect(Math.abs(result.targets[1].probability - atLeastHalf)).toBeLessThan(standardErrors(atLeastHalf, trials));
    // No value in any year is NaN: the base year's average growth is over one year, not 0⁰.
    for (const year of result.metrics.find((m) => m.name === 'half_grew_20__parks')?.years ?? []) expect(Number.isFinite(year.mean)).toBe(true);
  });

  it("a per-park measure that divides by a park's base is refused where a park's base can be zero, naming the park", async () => {
    const result = await safeParseScenario(
      groupScenario(
        {
          parks: [
            { id: 'a', name: 'Alpha' },
            { id: 'b', name: 'Beta park', baselines: { output: 0 } },
          ],
          metrics: { output: { unit: 'yuan', baseline: 1, process: { type: 'constant' } } },
          targets: [
            {
              id: 'doubled',
              label: 'Both double',
              aggregate: 'every',
              metric: 'output',
              park: { measure: 'ratioToBase', comparison: '>=', threshold: 2 },
              deadline: 2025,
            },
          ],
        },
        2,
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['group.targets.0.park.measure', expect.stringMatching(/divides by its base-year output.*Beta park its baseline is 0/)],
    ]);
  });

  it('"every park" is the product of the parks\' probabilities when they are independent', async () => {
    const scenario = await parseScenario(
      groupScenario(
        {
          targets: [
            { id: 'all-above', label: 'All above 0.2', aggregate: 'every', metric: 'output', park: { comparison: '>', threshold: 0.2 }, deadline: 2025 },
          ],
        },
        4,
      ),
    );
    const result = await simulate(scenario, { trials, seed: 4 });
    const expected = 0.8 ** 4;
    expect(Math.abs(result.targets[0].probability - expected)).toBeLessThan(standardErrors(expected, trials));
  });

  it("a group's total of independent normal baselines is normal", async () => {
    const scenario = await parseScenario(
      groupScenario({
        metrics: { output: { unit: 'yuan', baseline: { dist: 'normal', mean: 10, sd: 2 }, process: { type: 'constant' } } },
        targets: [{ id: 'total-205', label: 'Total above 205', aggregate: 'sum', metric: 'output', comparison: '>=', threshold: 205, deadline: 2025 }],
      }),
    );
    const result = await simulate(scenario, { trials, seed: 5 });
    // The sum of 20 Normal(10, 2) is Normal(200, 2·√20).
    const expected = 1 - normalCdf(205, 200, 2 * Math.sqrt(20));
    expect(Math.abs(result.targets[0].probability - expected)).toBeLessThan(standardErrors(expected, trials));
  });

  it('a common driver shared by the parks makes their fortunes move together: the count spreads wider than binomial', async () => {
    const shared = groupScenario({
      metrics: { output: { unit: 'yuan', baseline: 1, process: { type: 'growth', drift: 'cityTrend', volatility: 0.1 } } },
      targets: [
        {
          id: 'ten-grow',
          label: '10 of 20 grow 10 %',
          aggregate: 'count',
          metric: 'output',
          park: { comparison: '>', threshold: 1.1 },
          comparison: '>=',
          threshold: 10,
          deadline: 2023,
        },
      ],
    });
    const independent = structuredClone(shared);
    shared.parameters = { cityTrend: { distribution: { dist: 'normal', mean: 0.0953, sd: 0.1 } } };
    (independent.group as GroupInput).parameters = { cityTrend: { distribution: { dist: 'normal', mean: 0.0953, sd: 0.1 } } };
    const [withShared, withOwn] = await Promise.all([
      simulate(await parseScenario(shared), { trials, seed: 6 }),
      simulate(await parseScenario(independent), { trials, seed: 6 }),
    ]);
    const sdOf = (result: typeof withShared) => result.metrics.find((m) => m.name === 'ten_grow__parks')?.years[1].sd as number;
    // Each park grows 10 % in 2023 with probability 1/2 either way; the count's sd is √5 ≈ 2.24
    // for independent parks, and far wider when one trend drives them all.
    expect(sdOf(withOwn)).toBeCloseTo(Math.sqrt(20 * 0.25), 1);
    expect(sdOf(withShared)).toBeGreaterThan(2 * sdOf(withOwn));
  });

  it('same seed, same result bit for bit: on 1 and 2 workers, and from shards', async () => {
    const scenario = await parseScenario(
      groupScenario({
        parameters: { deviation: { distribution: { dist: 'normal', mean: 0.1, sd: 0.05 } } },
        metrics: { output: { unit: 'yuan', baseline: { dist: 'uniform', min: 1, max: 2 }, process: { type: 'growth', drift: 'deviation', volatility: 0.05 } } },
        targets: [
          {
            id: 'five-above',
            label: '5 above 2',
            aggregate: 'count',
            metric: 'output',
            park: { comparison: '>', threshold: 2 },
            comparison: '>=',
            threshold: 5,
            deadline: 2025,
          },
        ],
      }),
    );
    const options = { trials: 5000, seed: 'group' };
    const one = await simulate(scenario, options);
    const two = await simulate(scenario, { ...options, workers: 2 });
    const parts = await Promise.all([1, 2, 3].map((index) => simulateShard(scenario, { ...options, shard: { index, count: 3 } })));
    const merged = await mergeShards(parts);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(one));
  });

  it('bad groups give problems at the place written, naming the parks once', async () => {
    const problems = async (input: ScenarioFileInput) => {
      const result = await safeParseScenario(input, { file: 'group.json' });
      return result.ok ? [] : result.problems.map(formatProblem);
    };
    const typo = groupScenario({ targets: [] }, 5);
    (typo.group as GroupInput).metrics = { output: { unit: 'yuan', baseline: 1, process: { type: 'growth', drift: 'cityTrnd' } } };
    expect(await problems(typo)).toEqual([expect.stringMatching(/^group\.json: group\.metrics\.output\.process\.drift: .*"cityTrnd" \(known: output\)$/)]);

    const negative = groupScenario({ targets: [] }, 5);
    (negative.group as GroupInput).metrics = { firms: { unit: 'count', baseline: -1, process: { type: 'constant' } } };
    (negative.group as GroupInput).parks[3].baselines = { firms: -2 };
    expect(await problems(negative)).toEqual([
      expect.stringMatching(/^group\.json: group\.metrics\.firms\.baseline: .*\(in parks p1, p2, p3 and 1 more\)$/),
      expect.stringMatching(/^group\.json: group\.parks\[3\]\.baselines\.firms: .*\(in park p4\)$/),
    ]);

    const unknownBaseline = groupScenario({ targets: [] }, 2);
    (unknownBaseline.group as GroupInput).parks[1].baselines = { outptu: 3 };
    expect(await problems(unknownBaseline)).toEqual([expect.stringMatching(/^group\.json: group\.parks\[1\]\.baselines\.outptu: /)]);

    const missingValue = groupScenario({ parameters: { own: { description: 'each park gives it' } }, targets: [] }, 2);
    (missingValue.group as GroupInput).parks[0].parameters = { own: 0.1 };
    expect(await problems(missingValue)).toEqual([expect.stringMatching(/^group\.json: group\.parks\[1\]\.parameters\.own: park "p2" has no value/)]);

    const noLevel = groupScenario({
      targets: [{ id: 'count', label: 'Count', aggregate: 'count', metric: 'output', comparison: '>=', threshold: 3, deadline: 2025 }],
    });
    expect(await problems(noLevel)).toEqual([expect.stringMatching(/group\.targets\[0\]\.park: .*needs "park"/)]);

    const shareTotal = groupScenario({
      metrics: { rate: { unit: 'share', baseline: 0.1, process: { type: 'constant' } } },
      targets: [{ id: 'sum-rate', label: 'Sum', aggregate: 'sum', metric: 'rate', comparison: '>=', threshold: 3, deadline: 2025 }],
    });
    expect(await problems(shareTotal)).toEqual([expect.stringMatching(/group\.targets\[0\]\.metric: "rate" is in share, which does not add up/)]);

    const clash = groupScenario({ targets: [] }, 1);
    clash.metrics = { output__p1: { unit: 'yuan', baseline: 1, process: { type: 'constant' } } };
    expect(await problems(clash)).toEqual([expect.stringMatching(/group\.metrics\.output: .*"output__p1".*already has one/)]);
  });
});
