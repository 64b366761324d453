import type { StepKernel, YearInput } from './kernel.js';

export interface CompiledStep {
  /** Year index (1..T) in which the step applies. */
  readonly yearIndex: number;
  readonly add: YearInput | undefined;
  readonly multiply: YearInput | undefined;
}

/** Runs a process, then the one-off steps of the year: x = x · multiply + add. */
export function withSteps(kernel: StepKernel, values: readonly Float64Array[], steps: readonly CompiledStep[]): StepKernel {
  if (steps.length === 0) return kernel;
  return (year, length, noise) => {
    kernel(year, length, noise);
    const current = values[year];
    for (const step of steps) {
      if (step.yearIndex !== year) continue;
      if (step.multiply) {
        const factor = step.multiply(year);
        for (let i = 0; i < length; i++) current[i] *= factor[i];
      }
      if (step.add) {
        const amount = step.add(year);
        for (let i = 0; i < length; i++) current[i] += amount[i];
      }
    }
  };
}
