import type { Projection, SimulationResult } from '../../results/types.js';

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
