import type { StepKernel } from './kernel.js';

/**
 * Holds a metric at its base-year value through year index `holdIndex`, then runs its process
 * (with its steps): a park that starts later than the others of a roll-up stays at its baseline
 * until its own base year. Held years draw no noise.
 */
export function withHold(kernel: StepKernel, values: readonly Float64Array[], holdIndex: number): StepKernel {
  if (holdIndex <= 0) return kernel;
  return (year, length, noise) => {
    // Year 0 is the base year, which a derived metric without a baseline computes: never held.
    if (year > 0 && year <= holdIndex) values[year].set(values[year - 1].subarray(0, length));
    else kernel(year, length, noise);
  };
}
