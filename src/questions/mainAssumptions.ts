import { distributionQuantile } from '../assumptions/distributionQuantile.js';
import { type ScenarioAssumption, scenarioAssumptions } from '../assumptions/scenarioAssumptions.js';
import { withAssumptionFixed } from '../assumptions/withAssumptions.js';
import { centralValue } from '../random/central.js';
import { project } from '../results/project.js';
import type { Scenario } from '../scenario/schema/scenario.js';

/** Options of `mainAssumptions`. */
export interface MainAssumptionsOptions {
  /** How many assumptions at most (default 5). */
  readonly count?: number;
  /** The percentiles of each assumption's plausible range (default 0.05 and 0.95). */
  readonly low?: number;
  readonly high?: number;
}

/** An assumption that drives the targets, with its plausible range. */
export interface MainAssumption extends ScenarioAssumption {
  /** Its value in the deterministic projection (the distribution's point value). */
  readonly point: number;
  /** Its `low` and `high` percentiles: the range a reader may move it in. */
  readonly low: number;
  readonly high: number;
  /**
   * The widest swing it gives a target's projected value, as a share of that target's threshold
   * (the first bar of a tornado over p5–p95, from projections alone), over all targets.
   */
  readonly relativeSwing: number;
  /** The id of the target it swings most (relative to its threshold). */
  readonly target: string;
}

/** A target's threshold as one positive scale, so swings of targets in different units compare. */
function thresholdScale(threshold: number | readonly [number, number]): number {
  const scale = typeof threshold === 'number' ? Math.abs(threshold) : Math.max(Math.abs(threshold[0]), Math.abs(threshold[1]));
  return scale > 0 ? scale : 1;
}

/**
 * The assumptions that drive the targets most: each uncertain assumption (parameters, and
 * baselines drawn from a distribution, `baseline:<metric>`) is swung from its 5th to its 95th
 * percentile with every other one at its point value, and ranked by the widest change it gives
 * a target's projected value, relative to that target's threshold (two projections per
 * assumption, no Monte Carlo). Those that move no target are left out. The report's what-if
 * section lets the reader move these, each within its range.
 *
 * @example
 * ```ts
 * const main = await mainAssumptions(scenario, { count: 4 });
 * for (const a of main) console.log(a.name, a.low, a.high, a.relativeSwing);
 * ```
 */
export async function mainAssumptions(scenario: Scenario, options: MainAssumptionsOptions = {}): Promise<MainAssumption[]> {
  const count = options.count ?? 5;
  const lowP = options.low ?? 0.05;
  const highP = options.high ?? 0.95;
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`count: expected a whole number of at least 0, got ${count}`);
  if (!(lowP > 0 && lowP < highP && highP < 1)) throw new RangeError(`expected 0 < low < high < 1, got ${lowP} and ${highP}`);
  const scales = scenario.targets.map((t) => thresholdScale(t.threshold));
  const ranked: MainAssumption[] = [];
  for (const assumption of scenarioAssumptions(scenario)) {
    const low = distributionQuantile(assumption.distribution, lowP);
    const high = distributionQuantile(assumption.distribution, highP);
    if (!(Number.isFinite(low) && Number.isFinite(high) && high > low)) continue;
    const ends = await Promise.all([low, high].map((value) => project(withAssumptionFixed(scenario, assumption.name, value))));
    let relativeSwing = 0;
    let target = '';
    scenario.targets.forEach((t, i) => {
      const swing = Math.abs(ends[1].targets[i].value - ends[0].targets[i].value) / scales[i];
      if (Number.isFinite(swing) && swing > relativeSwing) {
        relativeSwing = swing;
        target = t.id;
      }
    });
    if (relativeSwing > 0) ranked.push({ ...assumption, point: centralValue(assumption.distribution), low, high, relativeSwing, target });
  }
  ranked.sort((a, b) => b.relativeSwing - a.relativeSwing);
  return ranked.slice(0, count);
}
