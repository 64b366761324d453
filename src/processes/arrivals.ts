import type { StepKernel, YearInput } from './kernel.js';

/**
 * Arrivals with a running total: x[t] = x[t-1] + N[t], N[t] ~ Poisson(rate), or negative binomial
 * with mean `rate` and variance rate + rate²/k when a dispersion k is given.
 */
export function arrivalsKernel(values: readonly Float64Array[], rate: YearInput, dispersion: YearInput | undefined): StepKernel {
  return (year, length, noise) => {
    const previous = values[year - 1];
    const current = values[year];
    const lambda = rate(year);
    if (dispersion === undefined) {
      for (let i = 0; i < length; i++) current[i] = previous[i] + noise.poisson(lambda[i]);
      return;
    }
    const k = dispersion(year);
    for (let i = 0; i < length; i++) current[i] = previous[i] + noise.negativeBinomial(lambda[i], k[i]);
  };
}
