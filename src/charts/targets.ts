import type { Projection, TargetDefinition } from '../results/types.js';
import type { Lang } from './messages.js';
import { chartMessages } from './messages.js';
import { formatQuantity } from './units.js';

/**
 * A target in a few words: `more than 100 by 2025` (a running total), `at least 30.0 billion yuan in 2025` (one year's
 * value), `2 to 3 in 2027`.
 *
 * @example
 * ```ts
 * targetSummary({ comparison: '>', threshold: 3e10, unit: 'yuan', deadline: 2025, ... }, 'en'); // 'more than 30.0 billion yuan in 2025' (measure 'value')
 * ```
 */
export function targetSummary(target: TargetDefinition, lang: Lang): string {
  const m = chartMessages(lang);
  const inYear = target.measure === 'value';
  if (Array.isArray(target.threshold)) {
    const [low, high] = target.threshold as readonly [number, number];
    return (inYear ? m.betweenLabelIn : m.betweenLabel)(
      formatQuantity(low, target.unit, lang, 0, target.displayUnit),
      formatQuantity(high, target.unit, lang, 0, target.displayUnit),
      target.deadline,
    );
  }
  return (inYear ? m.targetLabelIn : m.targetLabel)(
    m.comparisons[target.comparison] ?? target.comparison,
    formatQuantity(target.threshold as number, target.unit, lang, 0, target.displayUnit),
    target.deadline,
  );
}

/** A target's strive (力争) level in a few words, as `targetSummary` writes its ensure level; undefined without one. */
export function striveSummary(target: TargetDefinition, lang: Lang): string | undefined {
  return target.striveThreshold === undefined ? undefined : targetSummary({ ...target, threshold: target.striveThreshold }, lang);
}

/** The threshold as [low, high]: the same number twice unless the target is `between`. */
export function thresholdRange(target: TargetDefinition): [number, number] {
  if (Array.isArray(target.threshold)) {
    const [low, high] = target.threshold as readonly [number, number];
    return [low, high];
  }
  return [target.threshold as number, target.threshold as number];
}

/**
 * Where a target sits on its metric's own scale in its deadline year, or null when it cannot be
 * drawn there (a `sum` over years, a year-on-year rate that hangs on the year before). A
 * `runningTotal` target counts the increase since the base year, so its level is the
 * deterministic base-year value plus the threshold; the ratio, average growth and points
 * measures are turned into levels from that base-year value likewise.
 */
export function targetLevel(target: TargetDefinition, projection: Projection | undefined): [number, number] | null {
  const [low, high] = thresholdRange(target);
  switch (target.measure) {
    case 'value':
    case 'reachedBy':
      return [low, high];
    case 'everyYear':
      return [low, high];
    case 'runningTotal': {
      const base = projection?.metrics.find((m) => m.name === target.metric)?.values[0] ?? 0;
      return [base + low, base + high];
    }
    case 'ratioToBase':
    case 'averageGrowth':
    case 'changeInPoints': {
      const base = projection?.metrics.find((m) => m.name === target.metric)?.values[0];
      if (base === undefined) return null;
      const years = target.deadline - (projection?.meta.baseYear ?? target.deadline);
      const level = (x: number) =>
        target.measure === 'ratioToBase' ? base * x : target.measure === 'averageGrowth' ? base * (1 + x) ** years : base + x / 100;
      return [level(low), level(high)];
    }
    case 'sum':
    case 'yearOnYear':
      return null;
  }
}
