import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { type GrowthPoint, type LogGrowthIncrement, logGrowthIncrements } from '../history/growthHistory.js';
import type { Parameter } from '../scenario/schema/scenario.js';
import { criticalValue } from '../statistics/wilson.js';

/** A history to calibrate on: its points, and optionally what they are. */
export interface CalibrationHistory {
  readonly points: readonly GrowthPoint[];
  readonly label?: string;
  readonly unit?: string;
  readonly period?: 'year' | 'half-year';
  /** A source id, carried into the emitted assumption. */
  readonly source?: string;
  /** An assumed volatility, used as `options.volatility` when the options give none. */
  readonly volatility?: AssumedVolatility;
}

/** A yearly volatility (sd of log growth) assumed rather than measured, counted as if measured over `weight` years. */
export interface AssumedVolatility {
  readonly value: number;
  /** How many years of history the assumption is worth. Default 4. */
  readonly weight?: number;
  readonly reason?: string;
}

export interface CalibrateOptions {
  /** Confidence level of the intervals; the emitted drift's normal has the same central interval. Default 0.95. */
  confidence?: number;
  /**
   * An assumed volatility, pooled with the history's own as if measured over `weight` years
   * (a conjugate normal–inverse-χ² prior). Needed when the history gives a single growth rate.
   */
  volatility?: AssumedVolatility;
  /** The emitted assumptions are named `${name}Drift` and `${name}Volatility`. Default `growth`. */
  name?: string;
}

/** An estimate with its interval at the calibration's confidence level. */
export interface Estimate {
  readonly estimate: number;
  readonly interval: readonly [number, number];
}

export interface GrowthCalibration {
  readonly label: string | null;
  readonly confidence: number;
  /** The log growth increments used, each year of growth once. */
  readonly increments: readonly LogGrowthIncrement[];
  /** Years of growth the history covers. */
  readonly years: number;
  /** The drift (mean log growth per year): estimate, standard error, t interval and its degrees of freedom. */
  readonly drift: Estimate & { readonly standardError: number; readonly degreesOfFreedom: number };
  /** The drift as a simple yearly growth rate: exp(drift) − 1. */
  readonly growthRate: Estimate;
  /** The volatility (sd of yearly log growth), with its χ² interval; `basis` says whether history, an assumption or both gave it. */
  readonly volatility: Estimate & { readonly basis: 'history' | 'assumed' | 'history and assumption'; readonly degreesOfFreedom: number };
  /** Assumptions for a scenario's `parameters`: `${name}Drift` (normal) and `${name}Volatility` (90% range). */
  readonly parameters: Readonly<Record<string, Parameter>>;
  readonly warnings: readonly string[];
}

/** Few enough growth rates that the history says little: warn. */
const SHORT_HISTORY = 3;
const DEFAULT_WEIGHT = 4;

const round = (x: number) => Number(x.toPrecision(4));
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function checkOptions(options: CalibrateOptions): void {
  const { confidence, volatility, name } = options;
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) throw new RangeError(`confidence: expected a number between 0 and 1, got ${confidence}`);
  if (volatility !== undefined && !(volatility.value > 0)) throw new RangeError(`volatility: expected a positive number, got ${volatility.value}`);
  if (volatility?.weight !== undefined && !(volatility.weight > 0))
    throw new RangeError(`volatility weight: expected a positive number of years, got ${volatility.weight}`);
  if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new RangeError(`name: expected letters, digits and underscores, not starting with a digit, got "${name}"`);
}

/**
 * Estimates growth drift and volatility from a short yearly history (values by year, reported
 * year-on-year rates, or both) and emits them as assumptions a scenario can use. Under the
 * growth process's model, log growth over g years is normal with mean g·drift and variance
 * g·volatility²; the drift is the total log growth over the years covered, its interval is
 * t-based with k − 1 degrees of freedom for k growth rates (which is what widens it for short
 * histories: ×6.5 the normal's half-width with two rates, ×2.2 with three). An assumed volatility
 * is pooled in as `weight` more degrees of freedom, and is needed when there is a single rate.
 * The emitted drift is a normal whose central interval is the t interval; the volatility a 90% range.
 *
 * @throws RangeError when the history gives no growth rate, or one rate and no assumed volatility
 * @example
 * ```ts
 * const c = calibrateGrowth({ points: [{ year: 2021, value: 208.981e9, growthRate: 0.196 }] }, { volatility: { value: 0.08 } });
 * c.drift.estimate;          // 0.179 (= ln 1.196)
 * c.parameters.growthDrift;  // { distribution: { dist: 'normal', mean: 0.179, sd: 0.1133 }, ... }
 * ```
 */
export function calibrateGrowth(history: CalibrationHistory, options: CalibrateOptions = {}): GrowthCalibration {
  checkOptions(options);
  const confidence = options.confidence ?? 0.95;
  const assumed = options.volatility ?? history.volatility;
  if (assumed !== undefined) checkOptions({ volatility: assumed });
  const name = options.name ?? 'growth';
  const label = history.label ?? null;
  const { increments, notes } = logGrowthIncrements(history.points);
  const k = increments.length;
  if (k === 0) throw new RangeError('the history gives no growth: expected two values in different years, or a year-on-year rate');
  if (k === 1 && assumed === undefined) {
    const only = increments[0];
    throw new RangeError(
      `a single growth rate (${only.fromYear}-${only.toYear}: ${percent(Math.expm1(only.logGrowth / only.years))}) cannot show how much growth varies from year to year: give an assumed volatility (e.g. 0.1)`,
    );
  }

  const years = increments.reduce((sum, i) => sum + i.years, 0);
  const drift = increments.reduce((sum, i) => sum + i.logGrowth, 0) / years;
  // Brownian increments over g_i years: (d_i − g_i·drift)²/g_i sums to σ²·χ²(k−1).
  const residual = increments.reduce((sum, i) => sum + (i.logGrowth - i.years * drift) ** 2 / i.years, 0);
  const weight = assumed === undefined ? 0 : (assumed.weight ?? DEFAULT_WEIGHT);
  const df = k - 1 + weight;
  const variance = (residual + weight * (assumed?.value ?? 0) ** 2) / df;
  const volatility = Math.sqrt(variance);
  const standardError = volatility / Math.sqrt(years);
  const alpha = 1 - confidence;
  const t = tQuantile(1 - alpha / 2, df);
  const driftInterval: [number, number] = [drift - t * standardError, drift + t * standardError];
  const volatilityAt = (p: number) => volatility * Math.sqrt(df / chisquareQuantile(p, df));
  const volatilityInterval: [number, number] = [volatilityAt(1 - alpha / 2), volatilityAt(alpha / 2)];
  const basis = assumed === undefined ? 'history' : k === 1 ? 'assumed' : 'history and assumption';

  const warnings: string[] = [];
  const span = `${increments[0].fromYear}-${increments[k - 1].toYear}`;
  if (k === 1) {
    warnings.push(
      `one growth rate (${span}) is too short a history to say much: the drift is that one year's growth, and the volatility is assumed (${assumed?.value}), not measured`,
    );
  } else if (k <= SHORT_HISTORY) {
    warnings.push(
      `${k} growth rates (${span}) are too short a history to say much: the interval is t-based with ${df} degrees of freedom, ${(t / criticalValue(confidence)).toFixed(1)} times as wide as a normal one`,
    );
  }
  if (history.period === 'half-year') warnings.push("the figures cover the first half of each year: their year-on-year growth is taken as the whole year's");
  if (basis === 'history and assumption')
    warnings.push(
      `the volatility pools the history's own (${round(Math.sqrt(residual / (k - 1)))}) with the assumed ${assumed?.value}, counted as ${weight} years`,
    );
  warnings.push(...notes);

  const z = criticalValue(confidence);
  // The label inside a sentence: "Output value" reads "output value" (but "GDP" stays).
  const what = label === null ? 'the history' : /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
  const level = `${Math.round(confidence * 100)}%`;
  const from = `${k === 1 ? 'one yearly growth rate' : `${k} yearly growth rates`} of ${what} (${span})`;
  const source = history.source === undefined ? {} : { source: history.source };
  const parameters: Record<string, Parameter> = {
    [`${name}Drift`]: {
      distribution: { dist: 'normal', mean: round(drift), sd: round((t * standardError) / z) },
      description: `Log growth per year of ${what}`,
      unit: 'log rate',
      basis: history.source === undefined ? 'assumed' : 'sourced',
      reason:
        `Calibrated by parkcast from ${from}: mean log growth ${round(drift)} (${percent(Math.expm1(drift))} a year), ` +
        `${level} t interval [${round(driftInterval[0])}, ${round(driftInterval[1])}] with ${df} degrees of freedom; the normal's sd gives the same ${level} range.`,
      varies: 'trial',
      ...source,
    },
    [`${name}Volatility`]: {
      distribution: { dist: 'range90', low: round(volatilityAt(0.95)), high: round(volatilityAt(0.05)), shape: 'lognormal' },
      description: `Yearly noise of ${what} around its trend (sd of log growth)`,
      unit: 'log rate',
      basis: basis === 'history' ? (history.source === undefined ? 'assumed' : 'sourced') : 'assumed',
      reason:
        basis === 'assumed'
          ? `Assumed ${assumed?.value}${assumed?.reason === undefined ? ' (no reason given)' : `: ${assumed.reason}`}; counted as ${weight} years of history, since one growth rate cannot measure it.`
          : `Calibrated by parkcast from ${from}${basis === 'history and assumption' ? `, pooled with an assumed ${assumed?.value} counted as ${weight} years` : ''}: ${round(volatility)}, 90% χ² range.`,
      varies: 'trial',
      ...source,
    },
  };

  return {
    label,
    confidence,
    increments,
    years,
    drift: { estimate: drift, standardError, interval: driftInterval, degreesOfFreedom: df },
    growthRate: { estimate: Math.expm1(drift), interval: [Math.expm1(driftInterval[0]), Math.expm1(driftInterval[1])] },
    volatility: { estimate: volatility, interval: volatilityInterval, basis, degreesOfFreedom: df },
    parameters,
    warnings,
  };
}
