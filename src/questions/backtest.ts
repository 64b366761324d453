import { project } from '../results/project.js';
import { type SimulateOptions, simulate } from '../results/simulate.js';
import type { SimulationResult } from '../results/types.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import {
  type BrierDecomposition,
  brierDecomposition,
  type Coverage,
  crpsQuantiles,
  intervalCoverage,
  type LogScore,
  logScore,
  type ReliabilityBin,
  reliabilityDiagram,
} from '../statistics/scores.js';

/** One past target with a recorded outcome: what each forecaster said, and what happened. */
export interface BacktestEvent {
  readonly scenario: string;
  readonly target: string;
  readonly label: string;
  readonly deadline: number;
  /** The simulated probability of meeting the target. */
  readonly model: number;
  /** The deterministic projection's verdict, as a forecast of 1 (met) or 0. */
  readonly deterministic: 0 | 1;
  /** The target's reference-class base rate; null when it names no class. */
  readonly baseRate: number | null;
  readonly referenceClass: string | null;
  /** 1 if the target was met, by the recorded outcome. */
  readonly outcome: 0 | 1;
  readonly series: 'official' | 'independent';
  /** The recorded value that decided it (the target's measured value, or its metric's value). */
  readonly value: number;
  /** The id of the outcome's source, and its url where the scenario gives one. */
  readonly source: string;
  readonly sourceUrl: string | null;
  /** The url of the target's own source (the plan or report that set it), where given. */
  readonly targetSourceUrl: string | null;
}

/** One recorded continuous outcome against its predicted distribution. */
export interface BacktestContinuous {
  readonly scenario: string;
  /** The target (measured value) or metric (value in `year`) the outcome is of. */
  readonly what: string;
  readonly year: number;
  readonly actual: number;
  /** The unit of `actual`, the intervals and the CRPS: the target's (a rate for a growth target) or the metric's. */
  readonly unit: string;
  /** The outcome's percentile in the prediction, 0..100. */
  readonly percentile: number | null;
  /** The central 50% and 90% intervals of the prediction: [p25, p75] and [p5, p95]. */
  readonly interval50: readonly [number, number];
  readonly interval90: readonly [number, number];
  /** CRPS of the simulated distribution (from its quantiles), in the outcome's unit. */
  readonly crps: number;
  /** CRPS of the deterministic projection as a point forecast: its absolute error. */
  readonly crpsDeterministic: number | null;
}

/** A forecaster's scores on the binary events it forecast. */
export interface ForecasterScores {
  readonly forecasts: number;
  readonly brier: BrierDecomposition | null;
  readonly log: LogScore | null;
  readonly reliability: readonly ReliabilityBin[];
}

export interface BacktestResult {
  readonly meta: {
    readonly kind: 'backtest';
    readonly scenarios: number;
    readonly trials: number;
    readonly seed: string | number;
    readonly bins: number;
    /** The series asked for (`--series`): it decides each target where recorded. */
    readonly series: 'official' | 'independent';
    /** Targets decided by the other series, because theirs records none of the series asked for. */
    readonly fellBack: number;
  };
  readonly events: readonly BacktestEvent[];
  /** The model, the deterministic verdict (0/1) and the reference-class base rate (on the events whose target names a class). */
  readonly scores: {
    readonly model: ForecasterScores;
    readonly deterministic: ForecasterScores;
    readonly baseRate: ForecasterScores;
    /** The model on the same events as the base rate, for a like-for-like comparison. */
    readonly modelWhereBaseRate: ForecasterScores;
  };
  readonly continuous: {
    readonly outcomes: readonly BacktestContinuous[];
    readonly coverage50: Coverage | null;
    readonly coverage90: Coverage | null;
    /** Mean CRPS of each, over the outcomes where both exist (units differ between outcomes: compare, don't add across parks). */
    readonly meanCrps: number | null;
    readonly meanCrpsDeterministic: number | null;
    /** Mean CRPS of each by unit, where means can be compared: one row per unit, in order of first appearance. */
    readonly crpsByUnit: ReadonlyArray<{ readonly unit: string; readonly outcomes: number; readonly model: number; readonly deterministic: number }>;
  };
  readonly warnings: readonly string[];
}

export interface BacktestOptions extends Pick<SimulateOptions, 'seed' | 'workers'> {
  /** Trials per scenario (default 20,000). */
  readonly trials?: number;
  /** Equal-width bins of the Brier decomposition and the reliability diagram (default 10). */
  readonly bins?: number;
  /**
   * Which recorded series decides a target (default `official`); a target that records only the
   * other is decided by it, and counted in `meta.fellBack`.
   */
  readonly series?: 'official' | 'independent';
}

const LEVELS_101 = Array.from({ length: 101 }, (_, i) => i / 100);
const LEVELS_5 = [0.05, 0.25, 0.5, 0.75, 0.95];

function scoresOf(forecasts: readonly number[], outcomes: readonly number[], bins: number): ForecasterScores {
  if (forecasts.length === 0) return { forecasts: 0, brier: null, log: null, reliability: [] };
  return {
    forecasts: forecasts.length,
    brier: brierDecomposition(forecasts, outcomes, { bins }),
    log: logScore(forecasts, outcomes),
    reliability: reliabilityDiagram(forecasts, outcomes, { bins }),
  };
}

/** The binary events and continuous outcomes of one scenario's run. */
function eventsOf(
  name: string,
  scenario: Scenario,
  simulation: SimulationResult,
  projected: ReadonlyMap<string, { met: boolean; value: number }>,
  projectedMetric: (metric: string, year: number) => number | null,
  preferred: 'official' | 'independent',
) {
  const events = new Map<string, BacktestEvent>();
  const continuous: BacktestContinuous[] = [];
  // One outcome per target (or metric) and year: the preferred series where it is recorded, else the other.
  const all = simulation.outcomes ?? [];
  const key = (o: (typeof all)[number]) => `${o.target ?? `metric:${o.metric}`}@${o.year}`;
  const preferredKeys = new Set(all.filter((o) => o.series === preferred).map(key));
  const chosen = all.filter((o) => o.series === preferred || !preferredKeys.has(key(o)));
  for (const o of chosen) {
    const judged = o.met !== undefined && o.target !== undefined ? [{ id: o.target, met: o.met }] : (o.targets ?? []).map((t) => ({ id: t.id, met: t.met }));
    for (const j of judged) {
      const target = simulation.targets.find((t) => t.id === j.id);
      if (target === undefined) continue;
      const urlOf = (id: string | undefined) => scenario.sources.find((s) => s.id === id)?.url ?? null;
      const previous = events.get(j.id);
      // One event per target: the preferred series wins over the other.
      if (previous !== undefined && (previous.series === preferred || o.series !== preferred)) continue;
      events.set(j.id, {
        scenario: name,
        target: j.id,
        label: target.label,
        deadline: target.deadline,
        model: target.probability,
        deterministic: projected.get(j.id)?.met === true ? 1 : 0,
        baseRate: target.outsideView?.rate ?? null,
        referenceClass: target.outsideView?.classId ?? null,
        outcome: j.met ? 1 : 0,
        series: o.series,
        value: o.value,
        source: o.source,
        sourceUrl: urlOf(o.source),
        targetSourceUrl: urlOf(scenario.targets.find((t) => t.id === j.id)?.source),
      });
    }
    // The predicted distribution of the outcome: a target's 101 percentiles, or a metric's p5..p95.
    let levels: number[] | undefined;
    let quantiles: readonly number[] | undefined;
    let point: number | null = null;
    let unit = '';
    if (o.target !== undefined) {
      const target = simulation.targets.find((t) => t.id === o.target);
      unit = target?.unit ?? '';
      if (target !== undefined && target.measured.percentiles.length === 101 && target.measured.quantiles !== null) {
        levels = LEVELS_101;
        quantiles = target.measured.percentiles;
      }
      point = projected.get(o.target)?.value ?? null;
    } else if (o.metric !== undefined) {
      unit = simulation.metrics.find((m) => m.name === o.metric)?.unit ?? '';
      const q = simulation.metrics.find((m) => m.name === o.metric)?.years.find((y) => y.year === o.year)?.quantiles;
      if (q != null) {
        levels = LEVELS_5;
        quantiles = [q.p5, q.p25, q.p50, q.p75, q.p95];
      }
      point = projectedMetric(o.metric, o.year);
    }
    if (levels === undefined || quantiles === undefined) continue;
    const q5 = levels === LEVELS_101 ? quantiles[5] : quantiles[0];
    const q25 = levels === LEVELS_101 ? quantiles[25] : quantiles[1];
    const q75 = levels === LEVELS_101 ? quantiles[75] : quantiles[3];
    const q95 = levels === LEVELS_101 ? quantiles[95] : quantiles[4];
    continuous.push({
      scenario: name,
      what: o.target ?? (o.metric as string),
      year: o.year,
      actual: o.value,
      unit,
      percentile: o.percentile,
      interval50: [q25, q75],
      interval90: [q5, q95],
      crps: crpsQuantiles(levels, quantiles, o.value),
      crpsDeterministic: point === null || !Number.isFinite(point) ? null : Math.abs(point - o.value),
    });
  }
  return { events: [...events.values()], continuous };
}

/**
 * Scores the method on past scenarios: each written with only what was known at its base year,
 * plus its recorded `outcomes`. Every target with an outcome is a binary event, forecast by the
 * model (its simulated probability), the deterministic projection (its verdict as 0 or 1) and its
 * reference class's base rate (where it names one): Brier score with its decomposition, log score
 * and reliability diagram for each. Every outcome with a predicted distribution also gives the
 * coverage of the central 50% and 90% intervals and the CRPS.
 *
 * @example
 * ```ts
 * const result = await backtest([{ name: 'cn-gdp-2015', scenario }], { trials: 20000, seed: 1 });
 * result.scores.model.brier?.brier; // the Brier score of the simulated probabilities
 * ```
 */
export async function backtest(
  scenarios: ReadonlyArray<{ readonly name: string; readonly scenario: Scenario }>,
  options: BacktestOptions = {},
): Promise<BacktestResult> {
  const trials = options.trials ?? 20000;
  const seed = options.seed ?? 1;
  const bins = options.bins ?? 10;
  const preferred = options.series ?? 'official';
  const events: BacktestEvent[] = [];
  const continuous: BacktestContinuous[] = [];
  const warnings: string[] = [];
  for (const { name, scenario } of scenarios) {
    if ((scenario.outcomes ?? []).length === 0) {
      warnings.push(`${name}: records no outcomes; left out`);
      continue;
    }
    const [projection, simulation] = await Promise.all([project(scenario), simulate(scenario, { trials, seed, workers: options.workers ?? 1 })]);
    const projected = new Map(projection.targets.map((t) => [t.id, { met: t.met, value: t.value }]));
    const projectedMetric = (metric: string, year: number) => {
      const index = projection.years.indexOf(year);
      const values = projection.metrics.find((m) => m.name === metric)?.values;
      return index < 0 || values === undefined ? null : values[index];
    };
    const found = eventsOf(name, scenario, simulation, projected, projectedMetric, preferred);
    if (found.events.length === 0)
      warnings.push(`${name}: no outcome decides a target (record a target's measured value, or a metric's value at a "value" target's deadline)`);
    events.push(...found.events);
    continuous.push(...found.continuous);
    warnings.push(...simulation.warnings.map((w) => `${name}: ${w}`));
  }
  const fellBack = events.filter((e) => e.series !== preferred).length;
  if (preferred === 'independent' && fellBack > 0)
    warnings.push(`${fellBack} of ${events.length} targets record no independent outcome: they are scored on the official one`);
  const outcomes = events.map((e) => e.outcome);
  const withBase = events.filter((e) => e.baseRate !== null);
  const actuals = continuous.map((c) => c.actual);
  const both = continuous.filter((c) => c.crpsDeterministic !== null);
  const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    meta: { kind: 'backtest', scenarios: scenarios.length, trials, seed, bins, series: preferred, fellBack },
    events,
    scores: {
      model: scoresOf(
        events.map((e) => e.model),
        outcomes,
        bins,
      ),
      deterministic: scoresOf(
        events.map((e) => e.deterministic),
        outcomes,
        bins,
      ),
      baseRate: scoresOf(
        withBase.map((e) => e.baseRate as number),
        withBase.map((e) => e.outcome),
        bins,
      ),
      modelWhereBaseRate: scoresOf(
        withBase.map((e) => e.model),
        withBase.map((e) => e.outcome),
        bins,
      ),
    },
    continuous: {
      outcomes: continuous,
      coverage50:
        continuous.length === 0
          ? null
          : intervalCoverage(
              continuous.map((c) => c.interval50),
              actuals,
              { nominal: 0.5 },
            ),
      coverage90:
        continuous.length === 0
          ? null
          : intervalCoverage(
              continuous.map((c) => c.interval90),
              actuals,
              { nominal: 0.9 },
            ),
      meanCrps: mean(both.map((c) => c.crps)),
      meanCrpsDeterministic: mean(both.map((c) => c.crpsDeterministic as number)),
      crpsByUnit: [...new Set(both.map((c) => c.unit))].map((unit) => {
        const ofUnit = both.filter((c) => c.unit === unit);
        return {
          unit,
          outcomes: ofUnit.length,
          model: mean(ofUnit.map((c) => c.crps)) as number,
          deterministic: mean(ofUnit.map((c) => c.crpsDeterministic as number)) as number,
        };
      }),
    },
    warnings,
  };
}
