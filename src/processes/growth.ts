import { exp } from '../math/elementary.js';
import type { StepKernel, YearInput } from './kernel.js';

/** Compound growth with lognormal steps: x[t] = x[t-1] · exp(drift + volatility · Z[t]). */
export function growthKernel(values: readonly Float64Array[], drift: YearInput, volatility: YearInput): StepKernel {
  return (year, length, noise) => {
    const previous = values[year - 1];
    const current = values[year];
    const mu = drift(year);
    const sigma = volatility(year);
    for (let i = 0; i < length; i++) {
      const shock = sigma[i] === 0 ? 0 : sigma[i] * noise.normal();
      current[i] = previous[i] * exp(mu[i] + shock);
    }
  };
}
