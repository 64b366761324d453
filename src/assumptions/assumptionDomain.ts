import type { Quantity } from '../scenario/schema/common.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { assumptionOf, baselineMetricOf } from './scenarioAssumptions.js';

/** The values an assumption can take, and why. */
export interface AssumptionDomain {
  readonly min: number;
  readonly max: number;
  /** What limits it: e.g. `graduation probability of graduatedEnterprises`, `bounds`. */
  readonly reasons: readonly string[];
}

/**
 * The values an assumption can meaningfully be fixed at: the limits of the process inputs it
 * feeds (a graduation probability in [0, 1], a rate of arrivals, a pool, a volatility, a capacity
 * at least 0), within its distribution's own `bounds`. A growth drift or a derived expression's
 * input is unlimited. A baseline (`baseline:<metric>`) is limited by its metric's unit: at least
 * 0, and at most 1 for a share.
 *
 * @example
 * ```ts
 * assumptionDomain(scenario, 'graduationProbability'); // { min: 0, max: 1, reasons: ['graduation probability of graduated'] }
 * ```
 */
export function assumptionDomain(scenario: Scenario, name: string): AssumptionDomain {
  let min = -Infinity;
  let max = Infinity;
  const reasons: string[] = [];
  const limit = (quantity: Quantity | undefined, low: number, high: number, role: string) => {
    if (quantity !== name) return;
    min = Math.max(min, low);
    max = Math.min(max, high);
    reasons.push(role);
  };
  const ofBaseline = baselineMetricOf(name);
  if (ofBaseline !== undefined) {
    // A baseline is limited by its metric's unit: counts, persons, areas and money at least 0, a share in [0, 1].
    const unit = scenario.metrics[ofBaseline]?.unit;
    if (unit === 'share') {
      min = 0;
      max = 1;
      reasons.push(`baseline of ${ofBaseline} (a share)`);
    } else if (unit !== undefined) {
      min = 0;
      reasons.push(`baseline of ${ofBaseline} (${unit})`);
    }
  }
  for (const [metric, { process }] of Object.entries(scenario.metrics)) {
    switch (process.type) {
      case 'growth':
        limit(process.volatility, 0, Infinity, `volatility of ${metric}`);
        break;
      case 'logistic':
        limit(process.capacity, 0, Infinity, `capacity of ${metric}`);
        limit(process.volatility, 0, Infinity, `volatility of ${metric}`);
        break;
      case 'arrivals':
        limit(process.rate, 0, Infinity, `arrival rate of ${metric}`);
        limit(process.dispersion, Number.MIN_VALUE, Infinity, `dispersion of ${metric}`);
        break;
      case 'graduation':
        limit(process.pool, 0, Infinity, `graduation pool of ${metric}`);
        limit(process.probability, 0, 1, `graduation probability of ${metric}`);
        break;
      default:
        break;
    }
  }
  const bounds = assumptionOf(scenario, name)?.distribution.bounds;
  if (bounds?.min !== undefined || bounds?.max !== undefined) {
    min = Math.max(min, bounds.min ?? -Infinity);
    max = Math.min(max, bounds.max ?? Infinity);
    reasons.push('bounds');
  }
  return { min, max, reasons };
}
