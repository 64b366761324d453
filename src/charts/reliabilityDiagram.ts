import type { TopLevelSpec } from 'vega-lite';
import type { ReliabilityBin } from '../statistics/scores.js';
import { wrapText } from './labels.js';
import { type ChartOptions, chartMessages } from './messages.js';
import { CHART_CONFIG, COLORS } from './theme.js';

/** One bin of a reliability diagram: the scores' own type. */
export type ReliabilityChartBin = ReliabilityBin;

/** A forecaster's scores as a backtest reports them (`ForecasterScores` has this shape). */
export interface ReliabilityChartScores {
  readonly forecasts: number;
  readonly brier: { readonly brier: number } | null;
  readonly log: { readonly score: number } | null;
  readonly reliability: readonly ReliabilityChartBin[];
}

/** What the chart draws of a backtest (`BacktestResult` has this shape). */
export interface ReliabilityChartInput {
  /** The bins, and which recorded series decided the targets (`fellBack`: how many by the other, for want of it). */
  readonly meta: { readonly bins: number; readonly series?: 'official' | 'independent'; readonly fellBack?: number };
  readonly scores: {
    readonly model: ReliabilityChartScores;
    readonly deterministic: ReliabilityChartScores;
    readonly baseRate: ReliabilityChartScores;
    /** The model on the base rate's targets, for a like-for-like comparison. */
    readonly modelWhereBaseRate: ReliabilityChartScores;
  };
}

const FORECASTERS = ['model', 'deterministic', 'baseRate', 'modelWhereBaseRate'] as const;

/**
 * A backtest's reliability diagram beside its scores: on the left, the model's forecasts grouped
 * into equal-width probability bins, each bin a dot at its mean forecast and the share of its
 * targets that were met (sized and labelled by how many targets it holds), with the Wilson
 * interval as whiskers and the diagonal of perfect calibration; on the right, the Brier score of
 * the model and of the two naive forecasters (the deterministic verdict as 0 or 1, and the
 * reference-class base rate on the targets that name a class, beside the model on those same
 * targets), each with its number of targets.
 *
 * @example
 * ```ts
 * const result = await backtest(scenarios, { trials: 20_000, seed: 1 });
 * const spec = reliabilityDiagramChart(result, { lang: 'zh' });
 * ```
 */
export function reliabilityDiagramChart(backtest: ReliabilityChartInput, options: ChartOptions = {}): TopLevelSpec {
  const m = chartMessages(options.lang ?? 'en');
  const bins = backtest.scores.model.reliability.map((bin) => ({
    range: `${Math.round(bin.low * 100)}–${Math.round(bin.high * 100)}%`,
    count: bin.count,
    forecast: bin.meanForecast,
    observed: bin.observedFrequency,
    low: bin.interval[0],
    high: bin.interval[1],
    label: String(bin.count),
  }));
  const scores = FORECASTERS.map((id) => {
    const s = backtest.scores[id];
    return {
      id,
      forecaster: m.forecasterNames[id],
      brier: s.brier?.brier ?? null,
      log: s.log?.score ?? null,
      forecasts: s.forecasts,
      label: s.brier === null ? '—' : `${s.brier.brier.toFixed(3)} (${m.forecastCount(s.forecasts)})`,
    };
  }).filter((s) => s.forecasts > 0);
  // Brier scores lie in [0, 1]; the axis stops at 0.5 (always saying 50%) unless a forecaster does worse.
  const brierMax = Math.ceil(Math.max(0.5, ...scores.map((s) => s.brier ?? 0)) * 10) / 10;
  const unit = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 5 } };
  const tooltip = [
    { field: 'range', type: 'nominal' as const, title: m.binRange },
    { field: 'count', type: 'quantitative' as const, title: m.binTargets },
    { field: 'forecast', type: 'quantitative' as const, title: m.forecastAxis, format: '.1%' },
    { field: 'observed', type: 'quantitative' as const, title: m.observedAxis, format: '.1%' },
  ];
  const total = backtest.scores.model.forecasts;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description:
      "A backtest's reliability diagram (forecast probability bins against observed frequency, with counts) and the Brier scores of the model and two naive forecasters",
    title: {
      text: m.reliabilityTitle,
      subtitle: wrapText(m.reliabilitySubtitle(total, backtest.meta.bins, backtest.meta.series ?? 'official', backtest.meta.fellBack ?? 0), 110),
    },
    config: CHART_CONFIG,
    hconcat: [
      {
        width: 320,
        height: 320,
        layer: [
          {
            data: {
              values: [
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ],
            },
            mark: { type: 'line', strokeDash: [4, 4], color: COLORS.reference, strokeWidth: 1.2 },
            encoding: { x: { field: 'x', ...unit, title: m.forecastAxis }, y: { field: 'y', ...unit, title: m.observedAxis } },
          },
          {
            data: { values: bins },
            layer: [
              {
                mark: { type: 'rule', color: '#222222', strokeWidth: 1.2 },
                encoding: { x: { field: 'forecast', ...unit }, y: { field: 'low', ...unit }, y2: { field: 'high' }, tooltip },
              },
              {
                mark: { type: 'circle', color: COLORS.median, opacity: 0.85 },
                encoding: {
                  x: { field: 'forecast', ...unit },
                  y: { field: 'observed', ...unit },
                  size: { field: 'count', type: 'quantitative', title: m.binTargets, scale: { range: [40, 400] }, legend: null },
                  tooltip,
                },
              },
              {
                mark: { type: 'text', align: 'left', dx: 9, dy: -9, fontSize: 11, color: '#222222' },
                encoding: { x: { field: 'forecast', ...unit }, y: { field: 'observed', ...unit }, text: { field: 'label', type: 'nominal' } },
              },
            ],
          },
        ],
      },
      {
        width: 240,
        height: { step: 34 },
        title: { text: m.brierTitle, fontSize: 12, fontWeight: 'normal' },
        data: { values: scores },
        encoding: { y: { field: 'forecaster', type: 'nominal', title: null, sort: null, axis: { labelLimit: 220 } } },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.6 }, color: COLORS.official },
            encoding: {
              x: { field: 'brier', type: 'quantitative', title: m.brierAxis, scale: { domain: [0, brierMax] } },
              tooltip: [
                { field: 'forecaster', type: 'nominal', title: m.forecaster },
                { field: 'brier', type: 'quantitative', title: m.brierAxis, format: '.3f' },
                { field: 'log', type: 'quantitative', title: m.logScore, format: '.3f' },
                { field: 'forecasts', type: 'quantitative', title: m.binTargets },
              ],
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, baseline: 'middle', fontSize: 11, color: '#222222' },
            encoding: { x: { field: 'brier', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
    ],
  };
}
