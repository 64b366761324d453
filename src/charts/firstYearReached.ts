import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../results/types.js';
import { categoryLabels, MULTILINE_LABELS, wrapText } from './labels.js';
import { type ChartOptions, chartMessages } from './messages.js';
import { CHART_CONFIG, COLORS, yearColors } from './theme.js';

/**
 * When each target is first met: one stacked bar per target splitting the trials by the first
 * year its measure met the threshold, up to the target's deadline, dark (early) to light; in
 * orange the trials that met it only after the deadline (late: not a success, whatever the
 * year); in grey those that never met it within the horizon. Only the shares per year are embedded.
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

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Distribution of the first year each target is met',
    title: { text: m.firstYearTitle, subtitle: wrapText(m.firstYearSubtitle(simulation.meta.trials), 100) },
    width: 420,
    height: { step: Math.max(28, 14 * lines + 8) },
    config: CHART_CONFIG,
    data: { values: rows.filter((r) => r.share > 0) },
    mark: { type: 'bar', height: { band: 0.7 }, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      y: { field: 'category', type: 'nominal', title: null, sort: null, axis: { ...MULTILINE_LABELS, ticks: false, domain: false } },
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
  };
}
