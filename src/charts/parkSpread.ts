import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../results/types.js';
import { type ChartOptions, chartMessages } from './messages.js';
import { CHART_CONFIG, COLORS } from './theme.js';
import { axisUnitTitle, d3Format, displayUnit, magnitudeOf, tooltipTitle, wholeNumberAxis } from './units.js';

/** What to draw: a group metric of a result, in one year (default: the last). */
export interface ParkSpreadInput {
  readonly simulation: SimulationResult;
  readonly groupMetric: string;
  readonly year?: number;
}

const scaled = (value: number | undefined, factor: number) => (value === undefined ? null : value * factor);

/**
 * The spread of a group metric across its parks in one year: a row per park (highest median
 * first) with its 90 % range as a line, its middle 50 % as a bar and its median as a dot, so 23
 * or 150 parks read as one chart instead of a fan chart each.
 *
 * @example
 * ```ts
 * const spec = parkSpreadChart({ simulation: await simulate(cityParks), groupMetric: 'output' });
 * ```
 */
export function parkSpreadChart(input: ParkSpreadInput, options: ChartOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const m = chartMessages(lang);
  const { simulation, groupMetric } = input;
  const members = simulation.metrics.filter((metric) => metric.groupMetric === groupMetric);
  if (members.length === 0) throw new RangeError(`no park has a copy of the group metric "${groupMetric}" in this result`);
  const year = input.year ?? members[0].years[members[0].years.length - 1].year;
  const quantilesIn = (metric: (typeof members)[number]) => metric.years.find((y) => y.year === year)?.quantiles ?? null;
  const unit = displayUnit(members[0].unit, lang, magnitudeOf(members.map((metric) => quantilesIn(metric)?.p95)));
  const f = unit.factor;
  const valueFormat = d3Format(magnitudeOf(members.map((metric) => quantilesIn(metric)?.p50)) * f, members[0].unit === 'count' && f === 1);
  const rows = members
    .map((metric) => {
      const q = quantilesIn(metric);
      // A park copy's label is "<metric label>: <park name>".
      const park = metric.label.includes(': ') ? metric.label.slice(metric.label.indexOf(': ') + 2) : (metric.park ?? metric.name);
      return { park, p5: scaled(q?.p5, f), p25: scaled(q?.p25, f), p50: scaled(q?.p50, f), p75: scaled(q?.p75, f), p95: scaled(q?.p95, f) };
    })
    .filter((row) => row.p50 !== null)
    .sort((a, b) => (b.p50 as number) - (a.p50 as number));
  const metricLabel = members[0].label.includes(': ') ? members[0].label.slice(0, members[0].label.indexOf(': ')) : groupMetric;
  const y = { field: 'park', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 220, ticks: false, domain: false } };
  const x = {
    type: 'quantitative' as const,
    title: axisUnitTitle(members[0].unit, unit, lang),
    axis: { format: valueFormat, ...wholeNumberAxis(members[0].unit, unit) },
  };
  const tooltip = [
    { field: 'park', type: 'nominal' as const, title: m.park },
    ...(['p95', 'p75', 'p50', 'p25', 'p5'] as const).map((field) => ({
      field,
      type: 'quantitative' as const,
      title: tooltipTitle(field === 'p50' ? m.median : m[field], unit),
      format: valueFormat,
    })),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `The spread of ${groupMetric} across the parks of the group in ${year}`,
    title: { text: m.parkSpreadTitle(metricLabel, year), subtitle: m.parkSpreadSubtitle(rows.length, simulation.meta.trials) },
    width: 420,
    height: { step: rows.length > 40 ? 10 : 18 },
    config: CHART_CONFIG,
    data: { values: rows },
    encoding: { y },
    layer: [
      { mark: { type: 'rule', color: COLORS.band90, strokeWidth: 2 }, encoding: { x: { ...x, field: 'p5' }, x2: { field: 'p95' }, tooltip } },
      { mark: { type: 'bar', color: COLORS.band50, height: { band: 0.6 } }, encoding: { x: { ...x, field: 'p25' }, x2: { field: 'p75' }, tooltip } },
      { mark: { type: 'point', filled: true, color: COLORS.median, size: 30 }, encoding: { x: { ...x, field: 'p50' }, tooltip } },
    ],
  };
}
