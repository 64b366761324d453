import { centralValue } from '../random/central.js';
import { metricBaseline } from '../scenario/baseline.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import type { Target } from '../scenario/schema/target.js';
import { isCumulative, sourceYear, textOf, unitClass } from './figures.js';
import type { Finding } from './finding.js';
import { amount, type CheckLang, checkMessagesIn } from './messages.js';

/** Whether a value meets a target's comparison and threshold. */
export function meets(target: Pick<Target, 'comparison' | 'threshold'>, value: number): boolean {
  const { comparison, threshold } = target;
  if (Array.isArray(threshold)) return comparison === 'between' && value >= threshold[0] && value <= threshold[1];
  switch (comparison) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    default:
      return false;
  }
}

// Words too common in park scenarios to show that two labels count the same thing.
const COMMON = new Set(
  'about above after annual before below between billion by count digital economy from into million more number over park parks than that the their this total under value with within year years yuan zone zones area industrial industry industries new stretch target reach reached'.split(
    ' ',
  ),
);

/** The distinctive words of a label: four letters or more, singular, common words left out. */
function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 4)
      .map((w) => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
      .filter((w) => !COMMON.has(w)),
  );
}

const shared = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length;

/**
 * Finds targets that are met before the simulation starts: by their metric's baseline (stated,
 * or the central value of an assumed one), or — a weaker hint — by a context figure of the same
 * unit dated no later than the base year whose label shares at least two distinctive words.
 * Only `value` and `reachedBy` targets are compared; `sum` and `runningTotal` count from zero.
 *
 * @example
 * ```ts
 * checkTargetsAtBaseline(scenario); // "over 4,000 enterprises" with a baseline of 4,500 -> warning
 * ```
 */
export function checkTargetsAtBaseline(scenario: Scenario, lang: CheckLang = 'en'): Finding[] {
  const m = checkMessagesIn(lang);
  const findings: Finding[] = [];
  const { baseYear } = scenario.horizon;
  scenario.targets.forEach((target, index) => {
    if (target.measure !== 'value' && target.measure !== 'reachedBy') return;
    const metric = scenario.metrics[target.metric];
    if (metric === undefined) return;
    const threshold = Array.isArray(target.threshold)
      ? m.range(amount(target.threshold[0], metric.unit, 6, lang), amount(target.threshold[1], metric.unit, 6, lang))
      : amount(target.threshold, metric.unit, 6, lang);
    const path = ['targets', index, 'threshold'];
    const stated = metricBaseline(metric);
    const baseline = stated?.kind === 'value' ? stated.value : undefined;
    if (baseline !== undefined && meets(target, baseline)) {
      findings.push({
        code: 'target_met_at_baseline',
        severity: 'warning',
        confidence: 'high',
        message: m.targetMetAtBaseline(target.id, target.comparison, threshold, target.metric, baseline, metric.unit, baseYear),
        figures: [target.id, `metrics.${target.metric}`],
        path,
      });
      return;
    }
    if (stated?.kind === 'distribution') {
      const central = centralValue(stated.distribution);
      if (meets(target, central)) {
        findings.push({
          code: 'target_met_at_baseline',
          severity: 'warning',
          confidence: 'medium',
          message: m.targetMetAtAssumedBaseline(target.id, target.comparison, threshold, target.metric, central, metric.unit, baseYear),
          figures: [target.id, `metrics.${target.metric}`],
          path,
        });
        return;
      }
    }

    if (target.comparison !== '>' && target.comparison !== '>=') return;
    const targetWords = words(`${target.label} ${metric.label ?? ''} ${target.metric.replace(/([A-Z])/g, ' $1')}`);
    for (const figure of scenario.context) {
      const year = figure.year ?? sourceYear(scenario, figure.source);
      if (unitClass(figure.unit) !== metric.unit || (year !== undefined && year > baseYear)) continue;
      if (isCumulative(textOf({ ref: figure.id, label: figure.label })) || !meets(target, figure.value)) continue;
      if (shared(targetWords, words(`${figure.label} ${figure.id}`)) < 2) continue;
      findings.push({
        code: 'target_met_by_context',
        severity: 'info',
        confidence: 'low',
        message: m.targetMetByContext(target.id, target.comparison, threshold, figure.id, figure.value, metric.unit, year),
        figures: [target.id, figure.id],
        path,
      });
    }
  });
  return findings;
}
