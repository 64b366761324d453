import type { Projection, SimulationResult } from '../results/types.js';
import type { Lang } from './messages.js';

/** A label in the language: the Chinese one (`labelZh`) in Chinese where the scenario gives it. */
export function labelIn(lang: Lang, item: { readonly label: string; readonly labelZh?: string }): string {
  return lang === 'zh' && item.labelZh !== undefined ? item.labelZh : item.label;
}

/**
 * A simulation result as a chart in `lang` shows it: labels of targets, metrics and named sets of
 * targets in that language, and without helper metrics (`helper: true`), which stay out of charts.
 *
 * @example
 * ```ts
 * localisedSimulation(result, 'zh').targets[0].label; // the target's labelZh, where it has one
 * ```
 */
export function localisedSimulation(simulation: SimulationResult, lang: Lang): SimulationResult {
  return {
    ...simulation,
    targets: simulation.targets.map((t) => ({ ...t, label: labelIn(lang, t) })),
    metrics: simulation.metrics.filter((m) => m.helper !== true).map((m) => ({ ...m, label: labelIn(lang, m) })),
    ...(simulation.jointTargets === undefined ? {} : { jointTargets: simulation.jointTargets.map((j) => ({ ...j, label: labelIn(lang, j) })) }),
  };
}

/** A projection with labels in `lang` and without helper metrics, like `localisedSimulation`. */
export function localisedProjection(projection: Projection, lang: Lang): Projection {
  return {
    ...projection,
    targets: projection.targets.map((t) => ({ ...t, label: labelIn(lang, t) })),
    metrics: projection.metrics.filter((m) => m.helper !== true).map((m) => ({ ...m, label: labelIn(lang, m) })),
  };
}
