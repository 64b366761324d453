import { exp } from '../math/elementary.js';
import type { StepKernel, YearInput } from './kernel.js';

/**
 * Logistic growth toward capacity K, one year of the closed-form solution with a noisy rate:
 * x[t] = K / (1 + (K / x[t-1] - 1) · exp(-(rate + volatility · Z[t]))). Zero stays zero.
 */
export function logisticKernel(values: readonly Float64Array[], rate: YearInput, capacity: YearInput, volatility: YearInput): StepKernel {
  return (year, length, noise) => {
    const previous = values[year - 1];
    const current = values[year];
    const r = rate(year);
    const k = capacity(year);
    const sigma = volatility(year);
    for (let i = 0; i < length; i++) {
      const shock = sigma[i] === 0 ? 0 : sigma[i] * noise.normal();
      const x = previous[i];
      current[i] = x <= 0 ? 0 : k[i] / (1 + (k[i] / x - 1) * exp(-(r[i] + shock)));
    }
  };
}
