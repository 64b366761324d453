import type { Noise } from '../random/noise.js';

/** An input of a process for a given year: one value per trial of the block. */
export type YearInput = (year: number) => Float64Array;

/**
 * Advances one metric by one year for a whole block of trials: writes `values[year]` from
 * `values[year - 1]` and the inputs. Year 0 is the base year; kernels run for years 1..T.
 */
export type StepKernel = (year: number, length: number, noise: Noise) => void;
