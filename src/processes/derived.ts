import type { BlockKernel } from '../expressions/compile.js';
import type { StepKernel, YearInput } from './kernel.js';

/**
 * A metric computed from same-year values of others (and prev()/base() values, which the
 * inputs read from other years): x[t] = f(inputs[t], calendar year t). `baseYear` turns the
 * year index into the calendar year that `year` reads.
 */
export function derivedKernel(values: readonly Float64Array[], expression: BlockKernel, inputs: readonly YearInput[], baseYear: number): StepKernel {
  return (year, length) => {
    expression(
      values[year],
      length,
      inputs.map((input) => input(year)),
      baseYear + year,
    );
  };
}
