import { distributionQuantile } from '../assumptions/distributionQuantile.js';
import { isUnsourcedAssumedBaseline, type ScenarioAssumption, scenarioAssumptions } from '../assumptions/scenarioAssumptions.js';
import { withAssumptionFixed } from '../assumptions/withAssumptions.js';
import { project } from '../results/project.js';
import type { Scenario } from '../scenario/schema/scenario.js';

/** A baseline the scenario assumes, with no source, that moves some targets more than any other assumption does. */
export interface UnsourcedBaselineDriver {
  /** `baseline:<metric>`. */
  readonly assumption: string;
  readonly metric: string;
  /** The ids of the targets it drives most, in the scenario's order. */
  readonly targets: readonly string[];
}

/**
 * The assumed, unsourced baselines that are the strongest driver of some target: the
 * assumption whose swing from its `low` to its `high` percentile (default 10% and 90%) moves
 * the target's projected value most, every other assumption at its point value — the first bar
 * of `sensitivity`'s tornado, from projections alone (two per uncertain assumption, no Monte
 * Carlo). Empty, at no cost, when no baseline is assumed without a source.
 *
 * @example
 * ```ts
 * await unsourcedBaselineDrivers(scenario);
 * // [{ assumption: 'baseline:output', metric: 'output', targets: ['output-10bn', 'output-doubles'] }]
 * ```
 */
export async function unsourcedBaselineDrivers(scenario: Scenario, options: { low?: number; high?: number } = {}): Promise<UnsourcedBaselineDriver[]> {
  const low = options.low ?? 0.1;
  const high = options.high ?? 0.9;
  const uncertain = scenarioAssumptions(scenario).filter((a) => distributionQuantile(a.distribution, low) !== distributionQuantile(a.distribution, high));
  if (!uncertain.some(isUnsourcedAssumedBaseline)) return [];
  const swings: Array<{ assumption: ScenarioAssumption; byTarget: number[] }> = [];
  for (const assumption of uncertain) {
    const ends = await Promise.all(
      [low, high].map((p) => project(withAssumptionFixed(scenario, assumption.name, distributionQuantile(assumption.distribution, p)))),
    );
    swings.push({ assumption, byTarget: scenario.targets.map((_, t) => Math.abs(ends[1].targets[t].value - ends[0].targets[t].value)) });
  }
  const drivers = new Map<string, string[]>();
  scenario.targets.forEach((target, t) => {
    const strongest = swings.reduce((a, b) => (b.byTarget[t] > a.byTarget[t] ? b : a));
    if (!(strongest.byTarget[t] > 0) || !isUnsourcedAssumedBaseline(strongest.assumption)) return;
    drivers.set(strongest.assumption.name, [...(drivers.get(strongest.assumption.name) ?? []), target.id]);
  });
  return [...drivers].map(([assumption, targets]) => {
    const metric = uncertain.find((a) => a.name === assumption)?.metric as string;
    return { assumption, metric, targets };
  });
}
