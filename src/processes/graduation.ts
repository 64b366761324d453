import type { StepKernel, YearInput } from './kernel.js';

/**
 * Graduation from a pool: x[t] = x[t-1] + Binomial(candidates, p), where candidates is
 * pool[t] - x[t-1] for a depleting pool (those who graduated leave it) or pool[t] for a fresh cohort.
 */
export function graduationKernel(values: readonly Float64Array[], pool: YearInput, probability: YearInput, depleting: boolean): StepKernel {
  return (year, length, noise) => {
    const previous = values[year - 1];
    const current = values[year];
    const candidatesPool = pool(year);
    const p = probability(year);
    for (let i = 0; i < length; i++) {
      const candidates = depleting ? candidatesPool[i] - previous[i] : candidatesPool[i];
      current[i] = previous[i] + (candidates > 0 ? noise.binomial(candidates, p[i]) : 0);
    }
  };
}
