import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario, parseScenario, safeParseScenario, simulate } from '../../src/index.js';

const landed = JSON.parse(readFileSync(new URL('../../reference-classes/cn-signed-projects-landed.json', import.meta.url), 'utf8')) as {
  observations: Array<{
    id: string;
    result: { kind: string; hits?: number; total?: number; value?: number; low?: number; high?: number; rangeKind?: string; n?: number };
  }>;
};
const observation = (id: string) => {
  const found = landed.observations.find((o) => o.id === id);
  if (found === undefined) throw new Error(`the class has no observation ${id}`);
  return found.result;
};

const SIGNINGS_PER_YEAR = 40;
/** Enterprises landed = signings a year × a landing rate drawn from the class. */
const scenario = (landingRate: Record<string, unknown>) => ({
  park: { id: 'rc-park', name: 'Reference-class park', location: 'test' },
  horizon: { baseYear: 2024, endYear: 2026 },
  parameters: {
    signings: { distribution: { dist: 'poisson', lambda: SIGNINGS_PER_YEAR }, reason: 'a test figure' },
    landingRate,
  },
  metrics: {
    landed: { unit: 'count', label: 'Enterprises landed', baseline: 0, process: { type: 'derived', expression: 'prev(landed) + signings * landingRate' } },
  },
  targets: [],
});

describe('an assumption drawn from a reference class', () => {
  it("one counted observation gives the rate's posterior under Jeffreys' prior, Beta(k + ½, n − k + ½)", async () => {
    const { hits, total } = observation('yunnan-2024-key-industries') as { hits: number; total: number };
    const parsed = await parseScenario(scenario({ referenceClass: { id: 'cn-signed-projects-landed', observations: ['yunnan-2024-key-industries'] } }));
    const rate = parsed.parameters.landingRate;
    expect(rate.distribution).toEqual({ dist: 'beta', alpha: hits + 0.5, beta: total - hits + 0.5, min: 0, max: 1 });
    expect(rate.basis).toBe('sourced');
    expect(rate.reason).toContain('cn-signed-projects-landed');
    // The class cites its sources: the data check does not ask the parameter for one.
    expect(checkScenario(parsed).filter((f) => f.figures.includes('parameters.landingRate'))).toEqual([]);
  });

  it('the simulated mean is signings × the mean landing rate, within 4 standard errors', async () => {
    const { hits, total } = observation('yunnan-2024-key-industries') as { hits: number; total: number };
    const parsed = await parseScenario(scenario({ referenceClass: { id: 'cn-signed-projects-landed', observations: ['yunnan-2024-key-industries'] } }));
    const trials = 40_000;
    const result = await simulate(parsed, { trials, seed: 11 });
    const last = result.metrics.find((m) => m.name === 'landed')?.years.at(-1);
    const expected = 2 * SIGNINGS_PER_YEAR * ((hits + 0.5) / (total + 1));
    expect(last?.mean).toBeDefined();
    expect(Math.abs((last?.mean as number) - expected)).toBeLessThan(4 * ((last?.sd as number) / Math.sqrt(trials)));
  });

  it('several observations give a Beta-PERT over the span between places, its mode their median', async () => {
    const ids = ['yunnan-2024-new-three', 'yunnan-2015-in-park', 'yunnan-2015-prefectures'];
    const parsed = await parseScenario(scenario({ referenceClass: { id: 'cn-signed-projects-landed', observations: ids } }));
    const newThree = observation(ids[0]) as { hits: number; total: number };
    const inPark = observation(ids[1]) as { value: number };
    const prefectures = observation(ids[2]) as { value: number; low: number; high: number };
    const rates = [newThree.hits / newThree.total, inPark.value, prefectures.value].sort((a, b) => a - b);
    expect(parsed.parameters.landingRate.distribution).toEqual({
      dist: 'pert',
      min: Math.min(rates[0], prefectures.low),
      mode: rates[1],
      max: Math.max(rates[2], prefectures.high),
      lambda: 4,
    });
  });

  it('a distribution written beside the class is kept, the class cited as its basis', async () => {
    const written = { dist: 'uniform', min: 0.3, max: 0.5 };
    const parsed = await parseScenario(scenario({ distribution: written, referenceClass: { id: 'cn-signed-projects-landed' }, reason: 'judgement' }));
    expect(parsed.parameters.landingRate.distribution).toEqual(written);
    expect(parsed.parameters.landingRate.referenceClass).toEqual({ id: 'cn-signed-projects-landed' });
  });

  const problemsOf = async (landingRate: Record<string, unknown>) => {
    const result = await safeParseScenario(scenario(landingRate), { file: 'park.json' });
    if (result.ok) throw new Error('expected problems');
    return result.problems.map((p) => ({ path: p.path.join('.'), message: p.message, file: p.file }));
  };

  it('refuses what it cannot draw from, naming the field', async () => {
    expect(await problemsOf({ referenceClass: { id: 'cn-signed-project-landed' } })).toEqual([
      { path: 'parameters.landingRate.referenceClass.id', message: expect.stringContaining('did you mean "cn-signed-projects-landed"'), file: 'park.json' },
    ]);
    expect(await problemsOf({ referenceClass: { id: 'cn-signed-projects-landed', observations: ['yunnan-2015-in-park', 'yunnan-2099'] } })).toEqual([
      {
        path: 'parameters.landingRate.referenceClass.observations.1',
        message: expect.stringContaining('unknown observation "yunnan-2099"'),
        file: 'park.json',
      },
    ]);
    // A rate with no count, n or range says nothing of how uncertain it is.
    expect(observation('sichuan-2010-in-production')).toEqual({ kind: 'rate', value: expect.any(Number) });
    expect(await problemsOf({ referenceClass: { id: 'cn-signed-projects-landed', observations: ['sichuan-2010-in-production'] } })).toEqual([
      { path: 'parameters.landingRate.referenceClass.observations.0', message: expect.stringContaining('without a count, an n or a range'), file: 'park.json' },
    ]);
    expect(await problemsOf({ description: 'no distribution, no class' })).toEqual([
      { path: 'parameters.landingRate.distribution', message: expect.stringContaining('"referenceClass"'), file: 'park.json' },
    ]);
    expect(await problemsOf({ distribution: { dist: 'uniform', min: 0, max: 1 }, referenceClass: { id: 'no-such-class' } })).toEqual([
      { path: 'parameters.landingRate.referenceClass.id', message: expect.stringContaining('unknown reference class "no-such-class"'), file: 'park.json' },
    ]);
  });
});
