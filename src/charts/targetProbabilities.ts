import type { TopLevelSpec } from 'vega-lite';
import type { SimulationResult } from '../results/types.js';
import { categoryLabels, LABEL_WIDTH, MULTILINE_LABELS, wrapText } from './labels.js';
import { type ChartMessages, type ChartOptions, chartMessages } from './messages.js';
import { CHART_CONFIG, COLORS } from './theme.js';
import { formatProbability } from './units.js';

/** Pixels between the plot's right edge (100%) and the column of probabilities. */
const VALUE_COLUMN_GAP = 10;

/**
 * The 50 % and 80 % rules of a probability chart, named above the plot: a layer drawn first, so it
 * sits behind the bars and no value label meets it (the comparison of scenarios has it too).
 */
export function probabilityRules(m: ChartMessages) {
  return {
    data: {
      values: [
        { at: 0.5, label: m.evenOdds },
        { at: 0.8, label: m.likely },
      ],
    },
    layer: [
      {
        mark: { type: 'rule' as const, strokeDash: [4, 4], color: COLORS.reference, strokeWidth: 1.2 },
        encoding: { x: { field: 'at', type: 'quantitative' as const, title: m.probabilityAxis } },
      },
      {
        mark: { type: 'text' as const, baseline: 'bottom' as const, dy: -4, fontSize: 10, color: COLORS.reference },
        encoding: { x: { field: 'at', type: 'quantitative' as const }, y: { value: 0 }, text: { field: 'label', type: 'nominal' as const } },
      },
    ],
  };
}

/**
 * One bar per target: the share of trials that met it by its deadline, with its Wilson interval
 * as error bars; a last bar for all official targets together (the joint probability); dashed
 * reference lines at 50% and 80%. Bars are coloured by kind (official, stretch, joint).
 *
 * @example
 * ```ts
 * const spec = targetProbabilitiesChart(await simulate(scenario, { trials: 10_000 }));
 * ```
 */
export function targetProbabilitiesChart(simulation: SimulationResult, options: ChartOptions = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const m = chartMessages(lang);
  const labels = categoryLabels(simulation.targets);
  const rows = simulation.targets.map((t, i) => ({
    id: t.id,
    category: labels[i],
    target: t.label,
    kind: t.kind === 'official' ? m.official : m.stretch,
    probability: t.probability,
    low: t.interval[0],
    high: t.interval[1],
    text: formatProbability(t.probability),
  }));
  if (simulation.joint.targets.length > 1) {
    const label = m.jointLabel(simulation.joint.targets.length);
    rows.push({
      id: 'joint',
      category: wrapText(label, LABEL_WIDTH).join('\n'),
      target: label,
      kind: m.joint,
      probability: simulation.joint.probability,
      low: simulation.joint.interval[0],
      high: simulation.joint.interval[1],
      text: formatProbability(simulation.joint.probability),
    });
  }
  const kinds = [m.official, m.stretch, m.joint].filter((kind) => rows.some((r) => r.kind === kind));
  const kindColors = kinds.map((kind) => (kind === m.official ? COLORS.official : kind === m.stretch ? COLORS.stretch : COLORS.joint));
  const lines = Math.max(1, ...rows.map((r) => r.category.split('\n').length));
  const y = { field: 'category', type: 'nominal' as const, title: null, sort: null, axis: { ...MULTILINE_LABELS, ticks: false, domain: false } };
  const tooltip = [
    { field: 'target', type: 'nominal' as const, title: m.target },
    { field: 'probability', type: 'quantitative' as const, title: m.probability, format: '.1%' },
    { field: 'low', type: 'quantitative' as const, title: `${m.interval} ↓`, format: '.1%' },
    { field: 'high', type: 'quantitative' as const, title: `${m.interval} ↑`, format: '.1%' },
  ];

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Probability of meeting each target, with Wilson intervals, and of meeting all official targets',
    title: { text: m.probabilitiesTitle, subtitle: wrapText(m.probabilitiesSubtitle(simulation.meta.trials, simulation.meta.confidence), 100) },
    width: 420,
    height: { step: Math.max(28, 14 * lines + 8) },
    config: CHART_CONFIG,
    layer: [
      probabilityRules(m),
      {
        data: { values: rows },
        encoding: { y },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.7 } },
            encoding: {
              x: { field: 'probability', type: 'quantitative', title: m.probabilityAxis, scale: { domain: [0, 1] }, axis: { format: '%', tickCount: 5 } },
              color: { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds, range: kindColors } },
              tooltip,
            },
          },
          {
            mark: { type: 'rule', color: '#222222', strokeWidth: 1.5 },
            encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, tooltip },
          },
          { mark: { type: 'tick', color: '#222222', thickness: 1.5, size: 10 }, encoding: { x: { field: 'low', type: 'quantitative' } } },
          { mark: { type: 'tick', color: '#222222', thickness: 1.5, size: 10 }, encoding: { x: { field: 'high', type: 'quantitative' } } },
          {
            // A column right of 100%: clear of the 50% and 80% rules whatever the bar's length.
            mark: { type: 'text', align: 'left', dx: VALUE_COLUMN_GAP, baseline: 'middle', fontSize: 11, fontWeight: 'bold', color: '#222222' },
            encoding: { x: { datum: 1, type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
          },
        ],
      },
    ],
  };
}
