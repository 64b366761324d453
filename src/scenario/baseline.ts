import { messages } from '../problems/messages.js';
import type { Distribution } from './schema/distribution.js';
import type { Metric } from './schema/scenario.js';

/** A metric's baseline in one form, whichever way the file wrote it. */
export type BaselineForm =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'distribution'; readonly distribution: Distribution }
  | { readonly kind: 'expression'; readonly expression: string };

/** A metric's baseline with its provenance. */
export type MetricBaseline = BaselineForm & {
  /**
   * `sourced` or `assumed`. The bare forms keep their old reading: a number is a stated figure,
   * a distribution an assumption (its reason in the metric's `note`).
   */
  readonly basis: 'sourced' | 'assumed';
  readonly reason?: string;
  /** Where the baseline comes from: the object form's own `source`; for the bare forms, the metric's. */
  readonly source?: string;
  /** Whether the file wrote it as an object with a basis (`{ "distribution": ..., "basis": ... }`). */
  readonly explicit: boolean;
};

/**
 * A metric's baseline in one shape, or undefined where it has none (a derived metric computed
 * in the base year). Every reader of baselines goes through this, so no form is left out.
 *
 * @example
 * ```ts
 * metricBaseline({ ...metric, baseline: { distribution: d, basis: 'assumed', reason: 'no figure' } });
 * // { kind: 'distribution', distribution: d, basis: 'assumed', reason: 'no figure', source: undefined, explicit: true }
 * ```
 */
export function metricBaseline(metric: Metric): MetricBaseline | undefined {
  const b = metric.baseline;
  if (b === undefined) return undefined;
  if (typeof b === 'number') return { kind: 'value', value: b, basis: 'sourced', source: metric.source, explicit: false };
  if ('dist' in b) return { kind: 'distribution', distribution: b, basis: 'assumed', reason: metric.note, source: metric.source, explicit: false };
  const provenance = { basis: b.basis, reason: b.reason, source: b.source, explicit: true };
  if (b.value !== undefined) return { kind: 'value', value: b.value, ...provenance };
  if (b.distribution !== undefined) return { kind: 'distribution', distribution: b.distribution, ...provenance };
  return { kind: 'expression', expression: b.expression as string, ...provenance };
}

/** A metric's baseline where it is one fixed number (a number, `{ "value": ... }`), else undefined. */
export function fixedBaseline(metric: Metric): number | undefined {
  const b = metricBaseline(metric);
  return b?.kind === 'value' ? b.value : undefined;
}

/** The key under which a metric's parsed baseline expression is kept beside the derived metrics' expressions. */
export function baselineExpressionKey(metric: string): string {
  return `baseline:${metric}`;
}

/**
 * Why a baseline can be zero or less, or undefined when it cannot: a number, or a distribution
 * whose lowest possible value (its support, within its bounds) or point value is not above zero.
 * A derived metric without a baseline is computed, so only the run can tell (it gives NaN there,
 * reported as values that are not finite).
 */
export function nonPositiveBaseline(baseline: number | Distribution | undefined): string | undefined {
  if (baseline === undefined) return undefined;
  if (typeof baseline === 'number') return baseline > 0 ? undefined : messages.baselineNotPositive(baseline);
  if (baseline.point !== undefined && !(baseline.point > 0)) return messages.pointNotPositive(baseline.point);
  // The lowest value a draw can take, and whether a draw can equal it (a lognormal's 0 is never drawn).
  let lowest: number;
  let open = false;
  switch (baseline.dist) {
    case 'fixed':
      lowest = baseline.value;
      break;
    case 'uniform':
    case 'triangular':
    case 'pert':
    case 'beta':
      lowest = baseline.min;
      break;
    case 'poisson':
    case 'binomial':
      lowest = 0;
      break;
    case 'lognormal':
      lowest = 0;
      open = true;
      break;
    case 'normal':
      lowest = Number.NEGATIVE_INFINITY;
      break;
    case 'range90':
      lowest = baseline.shape === 'lognormal' ? 0 : Number.NEGATIVE_INFINITY;
      open = baseline.shape === 'lognormal';
      break;
  }
  const min = baseline.bounds?.min;
  if (min !== undefined && min > lowest) {
    lowest = min;
    open = false;
  }
  return lowest > 0 || (lowest === 0 && open) ? undefined : messages.baselineCanBeNonPositive(baseline.dist, lowest);
}
