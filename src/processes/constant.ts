import type { StepKernel } from './kernel.js';

/** x[t] = x[t-1]: the metric changes only through its steps. */
export function constantKernel(values: readonly Float64Array[]): StepKernel {
  return (year, length) => {
    values[year].set(values[year - 1].subarray(0, length));
  };
}
