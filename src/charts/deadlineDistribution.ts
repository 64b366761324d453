import type { TopLevelSpec } from 'vega-lite';
import type { Projection, SimulatedTarget, SimulationResult } from '../results/types.js';
import { wrapText } from './labels.js';
import { type ChartOptions, chartMessages } from './messages.js';
import { targetSummary, thresholdRange } from './targets.js';
import { CHART_CONFIG, COLORS } from './theme.js';
import { axisUnitTitle, d3Format, displayUnit, formatProbability, formatQuantity, isWholeCount, magnitudeOf, tooltipTitle, wholeNumberAxis } from './units.js';

export interface DeadlineDistributionOptions extends ChartOptions {
  /** The deterministic projection, to mark its value of the target's measure. */
  readonly projection?: Projection;
}

/**
 * P(X ≥ x) read off the percentiles p0..p100 (linear between them): 1 below p0, 0 above p100.
 * Equal neighbouring percentiles (counts) make the curve's vertical steps.
 *
 * @example
 * ```ts
 * exceedanceAt(result.targets[0].measured.percentiles, 30e9); // ≈ P(output ≥ 30 bn)
 * ```
 */
export function exceedanceAt(percentiles: readonly number[], x: number): number {
  const n = percentiles.length - 1;
  if (n < 1 || x <= percentiles[0]) return 1;
  if (x > percentiles[n]) return 0;
  // The last percentile below x and the first at or above it.
  let k = 0;
  while (k < n && percentiles[k + 1] < x) k++;
  const [a, b] = [percentiles[k], percentiles[k + 1]];
  const within = b > a ? (x - a) / (b - a) : 1;
  return 1 - (k + within) / n;
}

/**
 * The distribution of a target's measure at its deadline as an exceedance curve: for each value x,
 * the chance that the measure is at least x. Chosen over a histogram because it reads the chance of
 * any threshold straight off the curve and stays exact for counts, whose tied percentiles would
 * give zero-width histogram bins. Shaded: the values that meet the target; a red rule at the
 * threshold with the target's point on the curve and P(met); a dashed rule at the deterministic
 * value. Only the 101 percentiles are embedded.
 *
 * @throws {RangeError} if there is no such target, or no trial gave it a finite value.
 * @example
 * ```ts
 * const spec = deadlineDistributionChart(simulation, 'output-value-30bn', { projection });
 * ```
 */
export function deadlineDistributionChart(simulation: SimulationResult, targetId: string, options: DeadlineDistributionOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const m = chartMessages(lang);
  const target: SimulatedTarget | undefined = simulation.targets.find((t) => t.id === targetId);
  if (target === undefined) throw new RangeError(`deadlineDistributionChart: no target "${targetId}" in the simulation result`);
  const percentiles = target.measured.percentiles;
  if (percentiles.length < 2) throw new RangeError(`deadlineDistributionChart: target "${targetId}" has no finite values to draw`);
  const nominal = options.projection?.targets.find((t) => t.id === targetId);
  const [low, high] = thresholdRange(target);
  const unit = displayUnit(target.unit, lang, magnitudeOf([percentiles[50], percentiles[95], low, high]), target.displayUnit);
  const f = unit.factor;
  const scale = (value: number) => Number((value * f).toPrecision(6));
  const format = d3Format(magnitudeOf([percentiles[50]]) * f, isWholeCount(target.unit, unit));
  const n = percentiles.length - 1;

  const curve = percentiles.map((value, k) => ({ value: scale(value), exceed: Number((1 - k / n).toFixed(4)) }));
  // The axis spans the middle 98% of trials, the threshold and the deterministic value: the
  // outer 1% on each side would squeeze the rest into a corner; the curve is clipped there.
  const shown = [percentiles[Math.round(n / 100)], percentiles[n - Math.round(n / 100)], low, high, ...(nominal ? [nominal.value] : [])];
  const span = Math.max(...shown) - Math.min(...shown) || Math.abs(high) || 1;
  const lowest = Math.min(...shown) - span * 0.04;
  const highest = Math.max(...shown) + span * 0.04;
  const region =
    target.comparison === 'between'
      ? { from: low, to: high }
      : target.comparison === '>' || target.comparison === '>='
        ? { from: low, to: highest }
        : { from: lowest, to: low };
  const points =
    target.comparison === 'between'
      ? [low, high].map((x) => ({ value: x, exceed: exceedanceAt(percentiles, x) }))
      : [{ value: low, exceed: target.comparison === '>' || target.comparison === '>=' ? target.probability : 1 - target.probability }];
  const summary = targetSummary(target, lang);
  const chance = m.chanceMet(formatProbability(target.probability));
  const baseYear = simulation.meta.baseYear;
  // One year's rate or share names its quantity ("Growth rate in 2023"), not a bare "Value".
  const measureTitle =
    target.measure === 'value' && (target.unit === 'rate' || target.unit === 'share')
      ? m.quantityIn(m.unitNames[target.unit], target.deadline)
      : m.measureAxis(target.measure, baseYear, target.deadline);
  const xTitle =
    unit.unit !== ''
      ? `${measureTitle} (${unit.unit})`
      : target.unit === 'count'
        ? measureTitle
        : `${measureTitle} (${axisUnitTitle(target.unit, unit, lang)})`;
  const nominalLeft = nominal !== undefined && nominal.value < low;
  // The target's text goes right of its rule, or left of it when the rule is near the right edge.
  const textLeft = (high - lowest) / (highest - lowest || 1) > 0.62;
  const textMark = {
    type: 'text' as const,
    align: textLeft ? ('right' as const) : ('left' as const),
    baseline: 'top' as const,
    dx: textLeft ? -6 : 6,
    fontSize: 11,
    color: COLORS.target,
  };
  const x = { field: 'value', type: 'quantitative' as const };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Exceedance curve of target ${target.id} at its deadline`,
    title: {
      text: wrapText(target.label, 72),
      subtitle: wrapText(m.distributionSubtitle(target.deadline, simulation.meta.trials, target.measure === 'value'), 100),
    },
    width: 560,
    height: 260,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: [{ from: scale(region.from), to: scale(region.to), label: m.metRegion }] },
        mark: { type: 'rect', color: COLORS.metRegion, clip: true },
        encoding: {
          x: {
            field: 'from',
            type: 'quantitative',
            title: xTitle,
            scale: { domain: [scale(lowest), scale(highest)], nice: false },
            axis: wholeNumberAxis(target.unit, unit),
          },
          x2: { field: 'to' },
          tooltip: { field: 'label', type: 'nominal' },
        },
      },
      {
        data: { values: curve },
        // Counts: a staircase (the chance is flat between whole numbers); otherwise straight lines.
        mark: { type: 'line', color: COLORS.median, strokeWidth: 2.5, interpolate: percentiles.every(Number.isInteger) ? 'step-before' : 'linear', clip: true },
        encoding: {
          x: { ...x, title: xTitle },
          y: { field: 'exceed', type: 'quantitative', title: m.exceedanceAxis, scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 5 } },
          tooltip: [
            { field: 'value', type: 'quantitative', title: tooltipTitle(measureTitle, unit), format },
            { field: 'exceed', type: 'quantitative', title: m.exceedanceAxis, format: '.0%' },
          ],
        },
      },
      ...(nominal
        ? [
            {
              data: {
                values: [{ value: scale(nominal.value), text: m.deterministicValue(formatQuantity(nominal.value, target.unit, lang, 0, target.displayUnit)) }],
              },
              layer: [
                { mark: { type: 'rule' as const, color: COLORS.deterministic, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x } },
                {
                  // Written upward along the dashed line, on the side away from the threshold.
                  mark: {
                    type: 'text' as const,
                    angle: 270,
                    align: 'left' as const,
                    baseline: nominalLeft ? ('bottom' as const) : ('top' as const),
                    dx: 6,
                    dy: nominalLeft ? -3 : 3,
                    fontSize: 11,
                    color: COLORS.deterministic,
                  },
                  encoding: { x, y: { datum: 0, type: 'quantitative' as const }, text: { field: 'text', type: 'nominal' as const } },
                },
              ],
            },
          ]
        : []),
      {
        data: { values: [{ value: scale(low) }, ...(high !== low ? [{ value: scale(high) }] : [])] },
        mark: { type: 'rule', color: COLORS.target, strokeWidth: 2 },
        encoding: { x },
      },
      {
        data: { values: points.map((p) => ({ value: scale(p.value), exceed: Number(p.exceed.toFixed(4)), target: target.label, summary, chance })) },
        layer: [
          {
            mark: { type: 'point', shape: 'diamond', filled: true, size: 150, color: COLORS.target, stroke: 'white', strokeWidth: 1, opacity: 1 },
            encoding: {
              x,
              y: { field: 'exceed', type: 'quantitative' },
              tooltip: [
                { field: 'target', type: 'nominal', title: m.target },
                { field: 'summary', type: 'nominal', title: ' ' },
                { field: 'chance', type: 'nominal', title: m.probability },
              ],
            },
          },
        ],
      },
      {
        data: { values: [{ value: scale(textLeft ? low : high), text: m.targetIs(summary), chance }] },
        layer: [
          {
            mark: { ...textMark, dy: 2, fontWeight: 'bold' },
            encoding: { x, y: { datum: 1, type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
          },
          {
            mark: { ...textMark, dy: 17 },
            encoding: { x, y: { datum: 1, type: 'quantitative' }, text: { field: 'chance', type: 'nominal' } },
          },
        ],
      },
    ],
  };
}
