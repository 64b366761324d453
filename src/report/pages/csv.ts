import { distributionQuantile } from '../../assumptions/distributionQuantile.js';
import { scenarioAssumptions } from '../../assumptions/scenarioAssumptions.js';
import type { Projection, SimulationResult } from '../../results/types.js';
import type { Scenario } from '../../scenario/schema/scenario.js';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The columns of `results.csv`, one row per target (and one per strive level). */
export const RESULTS_CSV_COLUMNS = [
  'park_id',
  'target_id',
  'label',
  'kind',
  'level',
  'metric',
  'measure',
  'unit',
  'comparison',
  'threshold_low',
  'threshold_high',
  'deadline',
  'nominal_value',
  'nominal_meets',
  'probability',
  'interval_low',
  'interval_high',
  'standard_error',
  'trials',
  'seed',
] as const;

/**
 * The per-target results as CSV (numbers in the target's own unit, probabilities as shares):
 * for a spreadsheet beside the report.
 *
 * @example
 * ```ts
 * await writeFile('results.csv', resultsCsv(projection, simulation));
 * ```
 */
export function resultsCsv(projection: Projection, simulation: SimulationResult): string {
  const rows: Array<Array<string | number | boolean | null>> = [[...RESULTS_CSV_COLUMNS]];
  const range = (threshold: number | readonly [number, number]) => (Array.isArray(threshold) ? threshold : [threshold, threshold]) as readonly [number, number];
  const { parkId } = simulation.meta;
  for (const t of simulation.targets) {
    const nominal = projection.targets.find((n) => n.id === t.id);
    const common = [parkId, t.id, t.label, t.kind] as const;
    const tail = (
      threshold: number | readonly [number, number],
      meets: boolean | null,
      odds: { probability: number; interval: readonly [number, number]; standardError: number },
    ) => [
      t.metric,
      t.measure,
      t.unit,
      t.comparison,
      range(threshold)[0],
      range(threshold)[1],
      t.deadline,
      nominal?.value ?? null,
      meets,
      odds.probability,
      odds.interval[0],
      odds.interval[1],
      odds.standardError,
      simulation.meta.trials,
      JSON.stringify(simulation.meta.seed),
    ];
    rows.push([...common, t.strive === undefined ? 'target' : 'ensure', ...tail(t.threshold, nominal?.met ?? null, t)]);
    if (t.strive !== undefined) rows.push([...common, 'strive', ...tail(t.strive.threshold, nominal?.strive?.met ?? null, t.strive)]);
  }
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** The columns of `metrics.csv`: one row per metric and year, the table behind the fan charts. */
export const METRICS_CSV_COLUMNS = [
  'park_id',
  'metric',
  'label',
  'unit',
  'park',
  'year',
  'nominal',
  'mean',
  'sd',
  'p5',
  'p25',
  'p50',
  'p75',
  'p95',
  'trials',
  'seed',
] as const;

/**
 * Every metric's distribution year by year, beside its nominal path, as CSV (canonical units:
 * yuan, counts, shares as fractions); a park's copy of a group metric names its park.
 *
 * @example
 * ```ts
 * await writeFile('metrics.csv', metricsCsv(projection, simulation));
 * ```
 */
export function metricsCsv(projection: Projection, simulation: SimulationResult): string {
  const rows: Array<Array<string | number | boolean | null>> = [[...METRICS_CSV_COLUMNS]];
  for (const metric of simulation.metrics) {
    const nominal = projection.metrics.find((m) => m.name === metric.name);
    for (const year of metric.years) {
      const at = projection.years.indexOf(year.year);
      const q = year.quantiles;
      rows.push([
        simulation.meta.parkId,
        metric.name,
        metric.label,
        metric.unit,
        metric.park ?? null,
        year.year,
        nominal === undefined || at < 0 ? null : nominal.values[at],
        year.mean,
        year.sd,
        q?.p5 ?? null,
        q?.p25 ?? null,
        q?.p50 ?? null,
        q?.p75 ?? null,
        q?.p95 ?? null,
        simulation.meta.trials,
        JSON.stringify(simulation.meta.seed),
      ]);
    }
  }
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** The columns of `assumptions.csv`: one row per assumption a run draws (parameters, then baselines given as distributions). */
export const ASSUMPTIONS_CSV_COLUMNS = [
  'park_id',
  'assumption',
  'metric',
  'distribution',
  'point',
  'p5',
  'p50',
  'p95',
  'drawn',
  'basis',
  'reason',
  'source',
] as const;

/**
 * The assumptions table as CSV: each assumption's distribution (as JSON), its point value in the
 * projection and its 5th, 50th and 95th percentiles, its basis, reason and source.
 *
 * @example
 * ```ts
 * await writeFile('assumptions.csv', assumptionsCsv(scenario, projection));
 * ```
 */
export function assumptionsCsv(scenario: Scenario, projection: Projection): string {
  const rows: Array<Array<string | number | boolean | null>> = [[...ASSUMPTIONS_CSV_COLUMNS]];
  for (const a of scenarioAssumptions(scenario)) {
    // A baseline's point value is the projection's base-year value.
    const point =
      a.metric === undefined ? projection.parameters.find((p) => p.name === a.name)?.value : projection.metrics.find((m) => m.name === a.metric)?.values[0];
    rows.push([
      scenario.park.id,
      a.name,
      a.metric ?? null,
      JSON.stringify(a.distribution),
      point ?? null,
      distributionQuantile(a.distribution, 0.05),
      distributionQuantile(a.distribution, 0.5),
      distributionQuantile(a.distribution, 0.95),
      a.perYear ? 'each year' : 'each trial',
      a.basis,
      a.reason ?? null,
      a.source ?? null,
    ]);
  }
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
