import { baselineMetricOf } from '../assumptions/scenarioAssumptions.js';
import type { TrialSamples } from '../results/samples.js';

/**
 * An assumption's value per trial, as sensitivity and discovery read it: its draw (a baseline's: its metric's base-year value), or for yearly ones the mean of its draws over years 1..lastYear.
 *
 * @example
 * ```ts
 * const drift = perTrialValues(await sampleTrials(scenario, { trials: 1000 }), 'outputDrift', 3);
 * ```
 */
export function perTrialValues(samples: TrialSamples, name: string, lastYear: number): Float64Array {
  const metric = baselineMetricOf(name);
  if (metric !== undefined) return samples.metrics[metric][0] as Float64Array;
  const { perYear, values } = samples.parameters[name];
  if (!perYear) return values[0] as Float64Array;
  const out = new Float64Array(samples.trials);
  const years = Math.max(1, lastYear);
  for (let y = 1; y <= years; y++) {
    const row = values[Math.min(y, values.length - 1)];
    for (let i = 0; i < out.length; i++) out[i] += row[i] / years;
  }
  return out;
}
