import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario, formatProblem, loadScenario, project, type ScenarioInput, safeLoadScenario, safeParseScenario, simulate } from '../../src/index.js';
import { standardErrors } from '../fixtures/scenarios.js';

/** A park whose firms arrive at a Poisson rate; one official target on their running total. */
function member(id: string, baseYear: number, rate: number, threshold: number): ScenarioInput {
  return {
    park: { id, name: `Park ${id}`, location: 'Testland' },
    horizon: { baseYear, endYear: 2025 },
    parameters: { firmRate: { distribution: { dist: 'fixed', value: rate } } },
    metrics: { firms: { unit: 'count', baseline: 10, process: { type: 'arrivals', rate: 'firmRate' } } },
    targets: [{ id: 'firms', label: 'Firms', metric: 'firms', comparison: '>=', threshold, deadline: 2025, measure: 'runningTotal' }],
  };
}

async function folder(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parkcast-rollup-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), JSON.stringify(content));
  return dir;
}

const trials = 40_000;

describe('roll-ups: scenario files run together, with targets over the members', () => {
  it("keeps each member's odds, holds a later member until its base year, and counts the members that meet all their targets", async () => {
    const dir = await folder({
      'a.json': member('a', 2021, 5, 20),
      'b.json': member('b', 2022, 5, 15),
      'rollup.json': {
        rollup: {
          id: 'both',
          name: 'Both parks',
          location: 'Testland',
          members: [
            { id: 'a', file: 'a.json' },
            { id: 'b', file: 'b.json' },
          ],
          targets: [
            { id: 'both-met', label: 'Both meet their targets' },
            { id: 'one-met', label: 'At least one meets its targets', atLeast: 1, kind: 'stretch' },
          ],
        },
      },
    });
    const rollup = await loadScenario(join(dir, 'rollup.json'));
    expect(rollup.horizon).toEqual({ baseYear: 2021, endYear: 2025 });
    const result = await simulate(rollup, { trials, seed: 9 });
    const p = (id: string) => result.targets.find((t) => t.id === id)?.probability as number;
    // Closed forms: a gets Poisson(5) for 4 years (mean 20), b for 3 (mean 15): P(N >= mean).
    const poissonAtLeast = (mean: number, k: number) => {
      let below = 0;
      let term = Math.exp(-mean);
      for (let i = 0; i < k; i++) {
        below += term;
        term *= mean / (i + 1);
      }
      return 1 - below;
    };
    const pa = poissonAtLeast(20, 20);
    const pb = poissonAtLeast(15, 15);
    expect(Math.abs(p('a-firms') - pa)).toBeLessThan(standardErrors(pa, trials));
    expect(Math.abs(p('b-firms') - pb)).toBeLessThan(standardErrors(pb, trials));
    // The members share nothing: both together is the product, at least one its complement's.
    expect(Math.abs(p('both-met') - pa * pb)).toBeLessThan(standardErrors(pa * pb, trials));
    const either = 1 - (1 - pa) * (1 - pb);
    expect(Math.abs(p('one-met') - either)).toBeLessThan(standardErrors(either, trials));
    // Counted trial by trial, "both" is exactly the joint of the two member targets.
    expect(result.targets.find((t) => t.id === 'both-met')?.hits).toBe(result.joint.hits);

    // A roll-up target is derived from its members' official targets: their sources are its
    // provenance, so the data check does not call it unsourced.
    expect(rollup.targets.find((t) => t.id === 'both-met')?.derivedFrom).toEqual(['a-firms', 'b-firms']);
    const unsourced = checkScenario(rollup)
      .filter((f) => f.code === 'figure_without_source' || f.code === 'no_sources')
      .flatMap((f) => f.figures);
    // The members name no sources for their own targets, and the check says so of those alone.
    expect(unsourced).toEqual(['a-firms', 'b-firms']);

    // b is held at its baseline through 2022, then its firms arrive.
    const projection = await project(rollup);
    expect(projection.metrics.find((m) => m.name === 'b__firms')?.values).toEqual([10, 10, 15, 20, 25]);
    expect(JSON.stringify(await simulate(rollup, { trials: 5000, seed: 2, workers: 2 }))).toBe(
      JSON.stringify(await simulate(rollup, { trials: 5000, seed: 2 })),
    );
  });

  it('a target derived from a target that does not exist is refused at its path', async () => {
    const scenario = { ...member('a', 2022, 5, 15), targets: [{ ...member('a', 2022, 5, 15).targets?.[0], derivedFrom: ['no-such'] }] };
    const result = await safeParseScenario(scenario as ScenarioInput);
    expect(result.ok ? [] : result.problems.map((p) => p.path.join('.'))).toEqual(['targets.0.derivedFrom.0']);
  });

  it("names the roll-up file and field of a problem, and the member's own problems with the member's file", async () => {
    const broken = member('b', 2022, 5, 15);
    (broken.metrics?.firms as { unit: string }).unit = 'firms';
    const dir = await folder({
      'a.json': member('a', 2021, 5, 20),
      'b.json': broken,
      'rollup.json': {
        rollup: {
          id: 'both',
          name: 'Both',
          location: 'Testland',
          members: [
            { id: 'a', file: 'a.json' },
            { id: 'b', file: 'b.json' },
            { id: 'c', file: 'missing.json' },
          ],
        },
      },
      'unknown-member.json': {
        rollup: { id: 'x', name: 'X', location: 'T', members: [{ id: 'a', file: 'a.json' }], targets: [{ id: 't', label: 'T', members: ['z'] }] },
      },
    });
    const result = await safeLoadScenario(join(dir, 'rollup.json'));
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/rollup\.json: rollup\.members\[1\]\.file: member file b\.json is not a valid scenario/),
      expect.stringMatching(/b\.json: metrics\.firms\.unit: /),
      expect.stringMatching(/rollup\.json: rollup\.members\[2\]\.file: member file missing\.json/),
      expect.stringMatching(/missing\.json: file not found/),
    ]);
    const unknown = await safeLoadScenario(join(dir, 'unknown-member.json'));
    expect(unknown.ok ? [] : unknown.problems.map(formatProblem)).toEqual([expect.stringMatching(/rollup\.targets\[0\]\.members\[0\]: .*"z"/)]);
  });
});
