import { logGrowthIncrements } from '../history/growthHistory.js';
import { project } from '../results/project.js';
import { resultMeta, targetDefinition } from '../results/targetDefinition.js';
import type { ResultMeta, TargetDefinition } from '../results/types.js';
import type { Scenario, Series } from '../scenario/schema/scenario.js';

/** The growth a park has shown in a series of its own figures. */
export interface RecentGrowth {
  readonly series: string;
  readonly label: string;
  /** The latest year's growth rate (from its stated rate or the last two values). */
  readonly latest: { readonly year: number; readonly rate: number };
  /** The average yearly rate over the whole history (compound), and the years it spans. */
  readonly average: { readonly fromYear: number; readonly toYear: number; readonly rate: number };
}

/** What a target needs in constant yearly growth, against what the projection and the park's history show. */
export interface GrowthNeededTarget extends TargetDefinition {
  /** The constant yearly growth rate from the base year that meets the target at its deadline; null where a rate cannot say it. */
  readonly requiredGrowthRate: number | null;
  /** The growth rate of the deterministic projection over the same years. */
  readonly projectedGrowthRate: number | null;
  /** For counts: the constant yearly increase that meets the target. */
  readonly requiredYearlyIncrease: number | null;
  readonly metInProjection: boolean;
  /** The park's recent growth, where a series of the target's metric (or the series asked for) gives it. */
  readonly recent: RecentGrowth | null;
  /** requiredGrowthRate − recent.average.rate: how much faster than its history the park must grow (negative: slower would do). */
  readonly gapToRecent: number | null;
}

export interface GrowthNeededResult {
  readonly meta: ResultMeta & { readonly kind: 'growth-needed' };
  readonly targets: readonly GrowthNeededTarget[];
}

/**
 * The growth a series shows, or null when it gives no growth (a single value without a rate).
 *
 * @example
 * ```ts
 * recentGrowth(scenario.series[0])?.average.rate; // 0.196 for one stated rate of +19.6%
 * ```
 */
export function recentGrowth(series: Series): RecentGrowth | null {
  const { increments } = logGrowthIncrements(series.points);
  if (increments.length === 0) return null;
  const last = increments[increments.length - 1];
  const totalLog = increments.reduce((sum, i) => sum + i.logGrowth, 0);
  const totalYears = increments.reduce((sum, i) => sum + i.years, 0);
  return {
    series: series.id,
    label: series.label,
    latest: { year: last.toYear, rate: Math.expm1(last.logGrowth / last.years) },
    average: { fromYear: increments[0].fromYear, toYear: last.toYear, rate: Math.expm1(totalLog / totalYears) },
  };
}

/** The series of a metric with the latest figure, if any. */
function seriesOfMetric(scenario: Scenario, metric: string): Series | undefined {
  const candidates = scenario.series.filter((s) => s.metric === metric && recentGrowth(s) !== null);
  return candidates.sort((a, b) => Math.max(...b.points.map((p) => p.year)) - Math.max(...a.points.map((p) => p.year)))[0];
}

/**
 * The deterministic goal seek: for each target, the constant yearly growth rate (or, for counts,
 * the yearly increase) that meets it by its deadline, beside the projection's own growth and the
 * park's recent growth where a series of the target's metric gives it.
 *
 * @param options.series the id of a series to compare every target with (default: a series linked to the target's metric)
 * @throws RangeError when `options.series` is not one of the scenario's series
 * @example
 * ```ts
 * // examples/calibration-liangjiang.json: 208.981 bn yuan in 2021 (+19.6%), 400 bn in 2025?
 * const { targets } = await growthNeeded(scenario);
 * targets[0].requiredGrowthRate; // 0.176: 17.6% a year from 2021
 * targets[0].gapToRecent;        // -0.020: two points a year slower than 2021's growth would do
 * ```
 */
export async function growthNeeded(scenario: Scenario, options: { series?: string } = {}): Promise<GrowthNeededResult> {
  let chosen: Series | undefined;
  if (options.series !== undefined) {
    chosen = scenario.series.find((s) => s.id === options.series);
    if (chosen === undefined) {
      const ids = scenario.series.map((s) => s.id);
      throw new RangeError(`unknown series "${options.series}"; the scenario's series are: ${ids.length > 0 ? ids.join(', ') : '(none)'}`);
    }
  }
  const projection = await project(scenario);
  const targets = scenario.targets.map((target, t): GrowthNeededTarget => {
    const projected = projection.targets[t];
    const series = chosen ?? seriesOfMetric(scenario, target.metric);
    const recent = series === undefined ? null : recentGrowth(series);
    return {
      ...targetDefinition(scenario, target),
      requiredGrowthRate: projected.requiredGrowthRate,
      projectedGrowthRate: projected.projectedGrowthRate,
      requiredYearlyIncrease: projected.requiredYearlyIncrease,
      metInProjection: projected.met,
      recent,
      gapToRecent: recent === null || projected.requiredGrowthRate === null ? null : projected.requiredGrowthRate - recent.average.rate,
    };
  });
  return { meta: { kind: 'growth-needed', ...resultMeta(scenario) }, targets };
}
