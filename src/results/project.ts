import { margin } from '../engine/measure.js';
import { compileModel } from '../engine/model.js';
import { runNominal } from '../engine/nominal.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { requiredGrowthRate } from './requiredGrowth.js';
import { metricPresentation, resultMeta, targetDefinition } from './targetDefinition.js';
import type { ProjectedStrive, ProjectedTarget, Projection } from './types.js';

/**
 * Projects a scenario deterministically: every assumption at its point value (its median unless
 * a `point` is given) and no year-to-year noise. It is the nominal case of the same model that
 * `simulate` runs, not a separate calculation.
 *
 * @example
 * ```ts
 * const projection = await project(await loadScenario('seeds/jinyang-lake.json'));
 * for (const t of projection.targets) console.log(t.id, t.met, t.value, t.requiredGrowthRate);
 * ```
 */
export async function project(scenario: Scenario): Promise<Projection> {
  const model = await compileModel(scenario);
  const nominal = runNominal(model);
  const byName = new Map(model.metrics.map((m, i) => [m.name, nominal.values[i]]));

  const targets: ProjectedTarget[] = scenario.targets.map((target, t) => {
    const compiled = model.targets[t];
    const outcome = nominal.targets[t];
    const series = byName.get(target.metric) as number[];
    const value = outcome.measured;
    const years = compiled.deadlineIndex;
    // The level to reach: for `between`, the nearer end of the range.
    const level = compiled.comparison === 'between' && series[0] > compiled.high ? compiled.high : compiled.low;
    const fromYear = compiled.fromIndex;
    const requiredYearlyIncrease = target.measure === 'runningTotal' ? level / years : target.measure === 'sum' ? null : (level - series[0]) / years;
    const striveAt = model.striveIndex[t];
    let strive: ProjectedStrive | undefined;
    if (striveAt >= 0 && target.strive !== undefined) {
      const striveTarget = model.targets[striveAt];
      const striveOutcome = nominal.targets[striveAt];
      const striveLevel = striveTarget.comparison === 'between' && series[0] > striveTarget.high ? striveTarget.high : striveTarget.low;
      strive = {
        threshold: target.strive,
        met: striveOutcome.hit,
        margin: margin(striveTarget, striveOutcome.measured),
        firstYearMet: striveOutcome.firstYearIndex < 0 ? null : model.years[striveOutcome.firstYearIndex],
        requiredGrowthRate: requiredGrowthRate(series[0], striveLevel, years, target.measure, fromYear),
      };
    }
    return {
      ...targetDefinition(scenario, target),
      met: outcome.hit,
      value,
      margin: margin(compiled, value),
      firstYearMet: outcome.firstYearIndex < 0 ? null : model.years[outcome.firstYearIndex],
      requiredGrowthRate: requiredGrowthRate(series[0], level, years, target.measure, fromYear),
      projectedGrowthRate: series[0] > 0 && series[years] > 0 ? (series[years] / series[0]) ** (1 / years) - 1 : null,
      requiredYearlyIncrease,
      ...(strive === undefined ? {} : { strive }),
    };
  });

  return {
    meta: { kind: 'projection', ...resultMeta(scenario) },
    years: model.years,
    metrics: Object.entries(scenario.metrics).map(([name, metric]) => ({
      name,
      unit: metric.unit,
      label: metric.label ?? name,
      ...metricPresentation(metric),
      values: byName.get(name) as number[],
    })),
    parameters: model.parameters.map((p) => {
      const labelZh = scenario.parameters[p.name].labelZh;
      return { name: p.name, value: p.central, basis: scenario.parameters[p.name].basis, ...(labelZh === undefined ? {} : { labelZh }) };
    }),
    targets,
  };
}
