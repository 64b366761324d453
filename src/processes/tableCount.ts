import type { DiscreteTable } from '../random/discreteTable.js';
import type { StepKernel } from './kernel.js';

/**
 * A running total of counts whose distribution is fixed (Poisson arrivals at a fixed rate, a
 * fixed cohort graduating with a fixed probability): x[t] = x[t-1] + a draw from the table.
 */
export function tableCountKernel(values: readonly Float64Array[], table: DiscreteTable): StepKernel {
  return (year, length, noise) => {
    const previous = values[year - 1];
    const current = values[year];
    for (let i = 0; i < length; i++) current[i] = previous[i] + noise.fromTable(table);
  };
}
