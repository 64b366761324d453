import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../results/types.js';
import { categoryLabels, MULTILINE_LABELS, wrapText } from './labels.js';
import { type ChartOptions, chartMessages } from './messages.js';
import { CHART_CONFIG, COLORS, yearColors } from './theme.js';
import { formatProbability } from './units.js';

/**
 * When each target is first met: one stacked bar per target splitting the trials by the first
 * year its measure met the threshold, up to the target's deadline, dark (early) to light; in
 * orange the trials that met it only after the deadline (late: not a success, whatever the
 * year); in grey those that never met it within the horizon. A black tick on each bar marks the
 * share that meets the target at its deadline, the success: a level first reached early can be
 * lost again by then, so the years may add up to more. Only the shares per year are embedded.
 *
 * @example
 * ```ts
 * const spec = firstYearReachedChart(simulation, { lang: 'zh' });
 * ```
 */
export function firstYearReachedChart(simulation: SimulationResult, options: ChartOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const m = chartMessages(lang);
  const labels = categoryLabels(simulation.targets);
  const years = [...new Set(simulation.targets.flatMap((t) => t.firstYearMet.byYear.map((y) => y.year)))].sort((a, b) => a - b);
  const never = m.never(simulation.meta.endYear);
  const late = m.afterDeadline;
  const rows = simulation.targets.flatMap((t, i) => [
    ...t.firstYearMet.byYear.map((y) => ({ category: labels[i], target: t.label, when: String(y.year), order: years.indexOf(y.year), share: y.probability })),
    { category: labels[i], target: t.label, when: late, order: years.length, share: t.firstYearMet.late },
    { category: labels[i], target: t.label, when: never, order: years.length + 1, share: t.firstYearMet.never },
  ]);
  const anyLate = simulation.targets.some((t) => t.firstYearMet.late > 0);
  const lines = Math.max(1, ...labels.map((l) => l.split('\n').length));

  const y = { field: 'category', type: 'nominal' as const, title: null, sort: null, axis: { ...MULTILINE_LABELS, ticks: false, domain: false } };
  // What counts as success: meeting the target at its deadline. A level first reached early can be
  // lost again by then (a value that falls back, a range overshot), so the years can add up to more.
  const metAtDeadline = simulation.targets.map((t, i) => ({
    category: labels[i],
    target: t.label,
    probability: t.probability,
    text: formatProbability(t.probability),
    label: m.metAtDeadline,
  }));

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Distribution of the first year each target is met, and the share that meets it at its deadline',
    title: { text: m.firstYearTitle, subtitle: wrapText(m.firstYearSubtitle(simulation.meta.trials), 100) },
    width: 420,
    height: { step: Math.max(28, 14 * lines + 8) },
    config: CHART_CONFIG,
    data: { values: rows.filter((r) => r.share > 0) },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 }, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'share', type: 'quantitative', stack: 'zero', title: m.firstYearAxis, scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 5 } },
          color: {
            field: 'when',
            type: 'ordinal',
            title: m.firstYearLegend,
            scale: {
              domain: [...years.map(String), ...(anyLate ? [late] : []), never],
              range: [...yearColors(years.length), ...(anyLate ? [COLORS.late] : []), COLORS.never],
            },
            legend: { columns: years.length + (anyLate ? 2 : 1) },
          },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'target', type: 'nominal', title: m.target },
            { field: 'when', type: 'ordinal', title: m.firstYearLegend },
            { field: 'share', type: 'quantitative', title: m.share, format: '.1%' },
          ],
        },
      },
      {
        data: { values: metAtDeadline },
        mark: { type: 'tick', color: '#111111', thickness: 2.5, bandSize: 1 },
        encoding: {
          x: { field: 'probability', type: 'quantitative' },
          tooltip: [
            { field: 'target', type: 'nominal', title: m.target },
            { field: 'text', type: 'nominal', title: m.metAtDeadline },
          ],
        },
      },
    ],
  };
}
