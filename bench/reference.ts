import type { ReferenceHits } from './reference-loop.js';

/** One probability of the reference model: the notes' rounded figure and a more precise one. */
export interface ReferenceTarget {
  /** The counter in `referenceLoop`'s hits. */
  key: keyof ReferenceHits;
  /** The target's id in examples/reference-model.json; `null` for the joint probability. */
  id: string | null;
  label: string;
  /** As given in notes/performance.md (1e7 trials, rounded). */
  notes: number;
  /**
   * Exact where the model allows (Poisson(105), Binomial(60, 0.15), a normal tail), else from 8e8
   * trials drawn with an independent generator (bench/precise-reference.ts); its standard error is
   * `preciseError`. The notes' rounding (0.0066 for 0.00666, 0.0004 for 0.00041) is about one
   * standard error at 3e6 trials, so differences are measured against these.
   */
  precise: number;
  preciseError: number;
}

/** The reference model's probabilities, in the order of its targets, then the joint one. */
export const REFERENCE_TARGETS: readonly ReferenceTarget[] = [
  { key: 'enterprises', id: 'enterprises-100', label: 'enterprises >= 100', notes: 0.7, precise: 0.7002453, preciseError: 0 },
  { key: 'graduates', id: 'graduates-10', label: 'graduates >= 10', notes: 0.412, precise: 0.4123016, preciseError: 0 },
  { key: 'output', id: 'output-30bn', label: 'output 2025 >= 30bn', notes: 0.0023, precise: 0.00232176, preciseError: 0 },
  { key: 'tax', id: 'tax-3y-500m', label: 'tax 2023-25 >= 500m', notes: 0.0066, precise: 0.0066627, preciseError: 2.9e-6 },
  { key: 'all', id: null, label: 'all four (joint)', notes: 0.0004, precise: 0.0004119, preciseError: 3.9e-7 },
];

/** The standard error of a proportion p estimated from n trials. */
export function standardError(p: number, n: number): number {
  return Math.sqrt((p * (1 - p)) / n);
}
