import { margin } from '../engine/measure.js';
import { compileModel } from '../engine/model.js';
import { runNominal } from '../engine/nominal.js';
import { pow } from '../math/elementary.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import type { Measure } from '../scenario/schema/target.js';
import { groupMemberships } from './groupMembership.js';
import { targetBaseRate } from './outsideView.js';
import { requiredGrowthRate } from './requiredGrowth.js';
import { metricPresentation, resultMeta, targetDefinition } from './targetDefinition.js';
import type { ProjectedStrive, ProjectedTarget, Projection } from './types.js';

/**
 * Where a relative measure starts in the base year (a ratio of 1, no growth, no points gained),
 * else the base-year value, to tell which end of a `between` range is nearer.
 */
function measureAtBase(measure: Measure, baseValue: number): number {
  if (measure === 'ratioToBase') return 1;
  if (measure === 'changeInPoints' || measure === 'averageGrowth' || measure === 'yearOnYear') return 0;
  return baseValue;
}

/**
 * The constant yearly increase, in the target's unit, that meets `level` by the deadline: for
 * counts introduced, points gained, or a value's yearly step; null where a yearly step says
 * nothing (a sum, a ratio or rate, a level to hold every year).
 */
function requiredYearlyIncrease(measure: Measure, level: number, baseValue: number, years: number): number | null {
  switch (measure) {
    case 'runningTotal':
    case 'changeInPoints':
      return level / years;
    case 'value':
    case 'reachedBy':
      return (level - baseValue) / years;
    default:
      return null;
  }
}

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
    // The level to reach: for `between`, the nearer end of the range from where the measure starts.
    const start = measureAtBase(target.measure, series[0]);
    const level = compiled.comparison === 'between' && start > compiled.high ? compiled.high : compiled.low;
    const fromYear = compiled.fromIndex;
    const rising = compiled.comparison !== '<' && compiled.comparison !== '<=';
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
      requiredGrowthRate: requiredGrowthRate(series[0], level, years, target.measure, fromYear, rising),
      projectedGrowthRate: series[0] > 0 && series[years] > 0 ? pow(series[years] / series[0], 1 / years) - 1 : null,
      requiredYearlyIncrease: requiredYearlyIncrease(target.measure, level, series[0], years),
      ...(strive === undefined ? {} : { strive }),
      ...targetBaseRate(target),
    };
  });

  const memberships = groupMemberships(scenario);
  return {
    meta: { kind: 'projection', ...resultMeta(scenario) },
    years: model.years,
    metrics: Object.entries(scenario.metrics).map(([name, metric]) => ({
      name,
      unit: metric.unit,
      label: metric.label ?? name,
      ...memberships.get(name),
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
