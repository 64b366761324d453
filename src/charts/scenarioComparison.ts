import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../results/types.js';
import { categoryLabels, LABEL_WIDTH, MULTILINE_LABELS, wrapText } from './labels.js';
import { type ChartOptions, chartMessages } from './messages.js';
import { probabilityRules } from './targetProbabilities.js';
import { CHART_CONFIG, COLORS } from './theme.js';
import { formatProbability } from './units.js';

/** A named result to compare: a scenario, a variant of it, or the same park under other assumptions. */
export interface ComparedResult {
  readonly label: string;
  readonly result: SimulationResult;
}

const SCENARIO_COLORS = ['#4a78b5', '#e08214', '#2ca25f', '#8856a7', '#c8102e', '#7f7f7f', '#17becf', '#bcbd22'];

/**
 * The probability of each target side by side for several results (scenarios or variants): one
 * group of bars per target, one bar per result with its Wilson interval, and a last group for all
 * official targets together. Targets are matched by id; a target missing from a result is left out
 * of its group.
 *
 * @throws {RangeError} if no result is given.
 * @example
 * ```ts
 * scenarioComparisonChart([{ label: 'As planned', result: a }, { label: 'With the fund', result: b }]);
 * ```
 */
export function scenarioComparisonChart(results: readonly ComparedResult[], options: ChartOptions = {}): TopLevelSpec {
  if (results.length === 0) throw new RangeError('scenarioComparisonChart: expected at least one result');
  const lang = options.lang ?? 'en';
  const m = chartMessages(lang);
  const targets = [...new Map(results.flatMap(({ result }) => result.targets.map((t) => [t.id, { id: t.id, label: t.label }] as const))).values()];
  const labels = categoryLabels(targets);
  const jointCategory = wrapText(m.joint, LABEL_WIDTH).join('\n');
  const names = results.map((r, i) => (results.findIndex((other) => other.label === r.label) === i ? r.label : `${r.label} (${i + 1})`));
  const rows = results.flatMap(({ result }, r) => [
    ...result.targets.map((t) => ({
      category: labels[targets.findIndex((candidate) => candidate.id === t.id)],
      target: t.label,
      scenario: names[r],
      probability: t.probability,
      low: t.interval[0],
      high: t.interval[1],
      text: formatProbability(t.probability),
    })),
    ...(result.joint.targets.length > 1
      ? [
          {
            category: jointCategory,
            target: m.joint,
            scenario: names[r],
            probability: result.joint.probability,
            low: result.joint.interval[0],
            high: result.joint.interval[1],
            text: formatProbability(result.joint.probability),
          },
        ]
      : []),
  ]);
  const lines = Math.max(1, ...labels.map((l) => l.split('\n').length));
  const categories = [...new Set(rows.map((r) => r.category))];
  const tooltip = [
    { field: 'target', type: 'nominal' as const, title: m.target },
    { field: 'scenario', type: 'nominal' as const, title: m.scenario },
    { field: 'probability', type: 'quantitative' as const, title: m.probability, format: '.1%' },
    { field: 'low', type: 'quantitative' as const, title: `${m.interval} ↓`, format: '.1%' },
    { field: 'high', type: 'quantitative' as const, title: `${m.interval} ↑`, format: '.1%' },
  ];
  const y = { field: 'category', type: 'nominal' as const, title: null, sort: categories, axis: { ...MULTILINE_LABELS, ticks: false, domain: false } };
  const yOffset = { field: 'scenario', type: 'nominal' as const, sort: names };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Probability of meeting each target in several scenarios',
    title: { text: m.comparisonTitle, subtitle: wrapText(m.comparisonSubtitle(results[0].result.meta.confidence), 100) },
    width: 420,
    // With an offset channel the step is one bar's: a group of bars takes the label's height.
    height: { step: Math.max(14, Math.ceil((14 * lines + 12) / results.length)) },
    config: CHART_CONFIG,
    layer: [
      probabilityRules(m),
      {
        data: { values: rows },
        encoding: { y, yOffset },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.85 } },
            encoding: {
              x: { field: 'probability', type: 'quantitative', title: m.probabilityAxis, scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 5 } },
              color: {
                field: 'scenario',
                type: 'nominal',
                title: m.scenario,
                sort: names,
                scale: { domain: names, range: names.map((_, i) => SCENARIO_COLORS[i % SCENARIO_COLORS.length]) },
              },
              tooltip,
            },
          },
          {
            mark: { type: 'rule', color: '#222222', strokeWidth: 1.2 },
            encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, tooltip },
          },
          {
            // A column right of 100%: clear of the 50% and 80% rules whatever the bar's length.
            mark: { type: 'text', align: 'left', dx: 10, baseline: 'middle', fontSize: 10, color: '#222222' },
            encoding: { x: { datum: 1, type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
          },
        ],
      },
    ],
  };
}
