import type { TopLevelSpec } from 'vega-lite';
import type { Projection, SimulationResult } from '../results/types.js';
import { wrapText } from './labels.js';
import { type ChartOptions, chartMessages } from './messages.js';
import { targetLevel, targetSummary } from './targets.js';
import { CHART_CONFIG, COLORS, NOMINAL_DASH } from './theme.js';
import { axisUnitTitle, d3Format, displayUnit, isWholeCount, magnitudeOf, tooltipTitle, wholeNumberAxis } from './units.js';

/** What a fan chart shows: one metric of a park, its Monte Carlo bands and its deterministic path. */
export interface FanChartInput {
  readonly simulation: SimulationResult;
  /** The deterministic projection (the dashed path and the base-year point); optional. */
  readonly projection?: Projection;
  /** The metric's name in the scenario. */
  readonly metric: string;
}

const round = (value: number | null | undefined, factor: number): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : Number((value * factor).toPrecision(6));

/**
 * A fan chart of one metric over the horizon: the 5–95% and 25–75% bands of the trials, their
 * median, the deterministic projection (dashed) from its base-year point, and each target on
 * this metric as a red diamond at its deadline (a bar from low to high for `between`), labelled
 * with its summary; the targets' full labels are listed under the title. Only the yearly
 * quantiles are embedded. Targets on a sum over years are listed but not drawn.
 *
 * @throws {RangeError} if the simulation has no metric of that name.
 * @example
 * ```ts
 * const spec = fanChart({ simulation, projection, metric: 'outputValue' }, { lang: 'en' });
 * ```
 */
export function fanChart(input: FanChartInput, options: ChartOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const m = chartMessages(lang);
  const { simulation, projection } = input;
  const metric = simulation.metrics.find((candidate) => candidate.name === input.metric);
  if (metric === undefined) throw new RangeError(`fanChart: no metric "${input.metric}" in the simulation result`);
  const deterministic = projection?.metrics.find((candidate) => candidate.name === input.metric);
  const years = metric.years.map((y) => y.year);
  const targets = simulation.targets.filter((t) => t.metric === input.metric);
  const levels = targets.map((t) => ({ target: t, level: targetLevel(t, projection) }));

  const unit = displayUnit(
    metric.unit,
    lang,
    magnitudeOf([
      ...metric.years.flatMap((y) => [y.quantiles?.p50, y.quantiles?.p95]),
      ...(deterministic?.values ?? []),
      ...levels.flatMap((l) => l.level ?? []),
    ]),
    metric.displayUnit,
  );
  const f = unit.factor;
  const valueFormat = d3Format(magnitudeOf(metric.years.map((y) => y.quantiles?.p50)) * f, isWholeCount(metric.unit, unit));
  const yTitle = axisUnitTitle(metric.unit, unit, lang);
  const countAxis = wholeNumberAxis(metric.unit, unit);

  const rows = metric.years.map((y) => ({
    year: y.year,
    p5: round(y.quantiles?.p5, f),
    p25: round(y.quantiles?.p25, f),
    p50: round(y.quantiles?.p50, f),
    p75: round(y.quantiles?.p75, f),
    p95: round(y.quantiles?.p95, f),
    deterministic: round(deterministic?.values[projection?.years.indexOf(y.year) ?? -1], f),
  }));
  const base = rows[0];
  const midYear = (years[0] + years[years.length - 1]) / 2;
  const drawn = levels.filter((l): l is { target: (typeof targets)[number]; level: [number, number] } => l.level !== null);
  const targetRows = drawn.map(({ target, level }) => ({
    year: target.deadline,
    low: round(level[0], f),
    high: round(level[1], f),
    mid: round((level[0] + level[1]) / 2, f),
    text: targetSummary(target, lang),
    target: target.label,
    side: target.deadline <= midYear ? 'right' : 'left',
  }));
  const targetEnds = targetRows.flatMap((row) =>
    row.low === row.high
      ? [{ ...row, level: row.low }]
      : [
          { ...row, level: row.low },
          { ...row, level: row.high },
        ],
  );

  // Two legends: squares for the bands (fill), lines for the median and the nominal case (stroke
  // and dash), so no line is drawn as a square; the target's diamond is named under the title.
  const bandDomain = [m.band90, m.band50];
  const lineDomain = [m.median, ...(deterministic ? [m.deterministic] : [])];
  const band = (name: string) => ({ datum: name, type: 'nominal' as const });
  // A field, not a datum: vega-lite merges stroke and dash into one legend only for a field.
  const lineName = (name: string) => [{ calculate: JSON.stringify(name), as: 'line' }];
  const line = {
    stroke: { field: 'line', type: 'nominal' as const },
    strokeDash: { field: 'line', type: 'nominal' as const },
  };
  // The same legend on stroke and dash, so vega-lite merges them into one legend of lines.
  const lineLegend = { title: null, symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 300 } as const;
  const withUnit = (title: string) => tooltipTitle(title, unit);
  const tooltip = [
    { field: 'year', type: 'quantitative' as const, title: m.year, format: 'd' },
    ...(deterministic ? [{ field: 'deterministic', type: 'quantitative' as const, title: withUnit(m.deterministic), format: valueFormat }] : []),
    { field: 'p95', type: 'quantitative' as const, title: withUnit(m.p95), format: valueFormat },
    { field: 'p75', type: 'quantitative' as const, title: withUnit(m.p75), format: valueFormat },
    { field: 'p50', type: 'quantitative' as const, title: withUnit(m.median), format: valueFormat },
    { field: 'p25', type: 'quantitative' as const, title: withUnit(m.p25), format: valueFormat },
    { field: 'p5', type: 'quantitative' as const, title: withUnit(m.p5), format: valueFormat },
  ];
  const targetText = (side: 'left' | 'right') => ({
    data: { values: targetRows.filter((row) => row.side === side) },
    mark: {
      type: 'text' as const,
      align: side === 'left' ? ('right' as const) : ('left' as const),
      dx: side === 'left' ? -10 : 10,
      baseline: 'middle' as const,
      color: COLORS.target,
      fontSize: 11,
      fontWeight: 'bold' as const,
    },
    encoding: { y: { field: 'mid', type: 'quantitative' as const }, text: { field: 'text', type: 'nominal' as const } },
  });

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Fan chart of ${metric.label} (${metric.name})`,
    title: {
      text: wrapText(metric.label, 72),
      subtitle: [...wrapText(m.fanSubtitle(simulation.meta.trials), 100), ...targets.flatMap((t) => wrapText(`◆ ${t.label} (${targetSummary(t, lang)})`, 100))],
    },
    width: 560,
    height: 300,
    config: CHART_CONFIG,
    data: { values: rows },
    encoding: {
      x: {
        field: 'year',
        type: 'quantitative',
        title: m.year,
        scale: { domain: [years[0], years[years.length - 1]], nice: false, padding: 16 },
        axis: { values: years, format: 'd', grid: false },
      },
    },
    layer: [
      {
        mark: { type: 'area' },
        encoding: {
          y: { field: 'p5', type: 'quantitative', title: yTitle, scale: { zero: false, nice: true }, axis: countAxis },
          y2: { field: 'p95' },
          fill: { ...band(m.band90), scale: { domain: bandDomain, range: [COLORS.band90, COLORS.band50] }, legend: { title: null, symbolType: 'square' } },
        },
      },
      { mark: { type: 'area' }, encoding: { y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' }, fill: band(m.band50) } },
      {
        transform: lineName(m.median),
        mark: { type: 'line', strokeWidth: 2.5, point: { size: 36, filled: true, color: COLORS.median } },
        encoding: {
          y: { field: 'p50', type: 'quantitative' },
          stroke: {
            ...line.stroke,
            scale: { domain: lineDomain, range: [COLORS.median, COLORS.deterministic] },
            legend: lineLegend,
          },
          strokeDash: { ...line.strokeDash, scale: { domain: lineDomain, range: [[1, 0], NOMINAL_DASH] }, legend: lineLegend },
          tooltip,
        },
      },
      // The nominal case on top of the bands and the median (it often equals the median): dashed,
      // in a contrasting colour, with hollow points.
      ...(deterministic
        ? [
            {
              transform: lineName(m.deterministic),
              mark: { type: 'line' as const, strokeWidth: 2 },
              encoding: { y: { field: 'deterministic', type: 'quantitative' as const }, ...line },
            },
            {
              mark: { type: 'point' as const, filled: true, fill: 'white', stroke: COLORS.deterministic, strokeWidth: 1.5, size: 30, opacity: 1 },
              encoding: { y: { field: 'deterministic', type: 'quantitative' as const }, tooltip },
            },
          ]
        : []),
      ...(deterministic && base.deterministic !== null
        ? [
            {
              data: { values: [{ year: base.year, value: base.deterministic, label: m.baseline }] },
              mark: { type: 'point' as const, filled: true, size: 90, color: COLORS.deterministic, stroke: 'white', strokeWidth: 1.5, opacity: 1 },
              encoding: {
                y: { field: 'value', type: 'quantitative' as const },
                tooltip: [
                  { field: 'label', type: 'nominal' as const, title: m.baseline },
                  { field: 'value', type: 'quantitative' as const, title: withUnit(m.value), format: valueFormat },
                ],
              },
            },
          ]
        : []),
      ...(targetRows.some((row) => row.low !== row.high)
        ? [
            {
              data: { values: targetRows.filter((row) => row.low !== row.high) },
              mark: { type: 'rule' as const, strokeWidth: 3, color: COLORS.target },
              encoding: { y: { field: 'low', type: 'quantitative' as const }, y2: { field: 'high' } },
            },
          ]
        : []),
      ...(targetEnds.length > 0
        ? [
            {
              data: { values: targetEnds },
              mark: { type: 'point' as const, filled: true, color: COLORS.target, size: 150, stroke: 'white', strokeWidth: 1, opacity: 1 },
              encoding: {
                y: { field: 'level', type: 'quantitative' as const },
                shape: {
                  datum: m.target,
                  type: 'nominal' as const,
                  scale: { domain: [m.target], range: ['diamond'] },
                  legend: { title: null, symbolFillColor: COLORS.target, symbolStrokeColor: 'white', symbolSize: 150 },
                },
                tooltip: [
                  { field: 'target', type: 'nominal' as const, title: m.target },
                  { field: 'text', type: 'nominal' as const, title: ' ' },
                ],
              },
            },
          ]
        : []),
      ...(targetRows.some((row) => row.side === 'left') ? [targetText('left')] : []),
      ...(targetRows.some((row) => row.side === 'right') ? [targetText('right')] : []),
    ],
  };
}
