import type { BlockKernel } from '../expressions/compile.js';
import type { StepKernel, YearInput } from './kernel.js';

/** A metric computed from same-year values of others: x[t] = f(inputs[t]). */
export function derivedKernel(values: readonly Float64Array[], expression: BlockKernel, inputs: readonly YearInput[]): StepKernel {
  return (year, length) => {
    expression(
      values[year],
      length,
      inputs.map((input) => input(year)),
    );
  };
}
