import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, project, simulate } from '../../src/index.js';
import { buildReport, reportHtml, reportMarkdown } from '../../src/report/index.js';

const seedFile = (name: string) => new URL(`../../seeds/${name}.json`, import.meta.url).pathname;

describe('the report: outside view and outcomes', () => {
  it('every seed park target says that no reference class applies (none names one: docs/reference-classes.md says why)', async () => {
    const scenario = await loadScenario(seedFile('jinyang-lake'));
    const [projection, simulation] = await Promise.all([project(scenario), simulate(scenario, { trials: 1000, seed: 5 })]);
    for (const lang of ['en', 'zh'] as const) {
      const report = buildReport({ scenario, projection, simulation, lang });
      expect(report.grounding.outsideView).toHaveLength(scenario.targets.length);
      const words = lang === 'en' ? 'no reference class applies' : '无适用的参照类';
      expect(report.grounding.outsideView.every((r) => r.baseRate === words && r.classId === null)).toBe(true);
      expect(reportMarkdown(report)).toContain(words);
    }
  });

  it("a seed park's target named with a class gets the class's base rate and the verdict its probability implies", async () => {
    const scenario = await loadScenario(seedFile('jinyang-lake'));
    // In memory only: the shipped seed names no class. The landing-rate class is a stand-in here.
    const named = await parseScenario({
      ...scenario,
      targets: scenario.targets.map((t, i) => (i === 0 ? { ...t, referenceClass: 'cn-signed-projects-landed' } : t)),
    });
    const [projection, simulation] = await Promise.all([project(named), simulate(named, { trials: 2000, seed: 5 })]);
    const view = simulation.targets[0].outsideView;
    expect(view?.classId).toBe('cn-signed-projects-landed');
    // Headline: 1,480 of 2,204 landed; its Wilson 95% interval.
    expect(view?.rate).toBeCloseTo(1480 / 2204, 12);
    const p = simulation.targets[0].probability;
    const [low, high] = view?.interval ?? [0, 0];
    const expected = p > high + 0.05 ? 'above' : p > high ? 'slightlyAbove' : p < low - 0.05 ? 'below' : p < low ? 'slightlyBelow' : 'inside';
    expect(view?.verdict).toBe(expected);
    const report = buildReport({ scenario: named, projection, simulation, lang: 'en' });
    expect(report.grounding.outsideView[0].classId).toBe('cn-signed-projects-landed');
    expect(report.grounding.outsideView[0].baseRate).toBe(`${Math.round((1480 / 2204) * 100)}% (${Math.round(low * 100)}%–${Math.round(high * 100)}%)`);
    expect(reportHtml(report, { vega: '', vegaLite: '', vegaEmbed: '' })).toContain('id="grounding"');
  });
});
