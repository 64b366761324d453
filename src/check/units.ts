import type { Scenario } from '../scenario/schema/scenario.js';
import { measureUnit } from '../scenario/schema/target.js';
import { bands } from './bands.js';
import { statedFigures, type UnitClass } from './figures.js';
import type { Finding } from './finding.js';
import { type CheckLang, checkMessagesIn } from './messages.js';

/**
 * Checks numbers against their units: shares outside 0-1 (a percentage written as 5.4), rates of
 * 100% a year or more (15 meaning 15%), changes in points beyond 100 or below 0.1 (0.02 meaning
 * 2 points), and money figures too small to be in yuan (30 meaning 30 billion), in stated figures
 * and in targets. A target's threshold is checked in its measure's unit (a ratio, rate or points
 * for the relative measures), not its metric's.
 *
 * @example
 * ```ts
 * checkUnits(scenario); // a share target of 5.4 -> error, reads like 5.4%
 * ```
 */
export function checkUnits(scenario: Scenario, lang: CheckLang = 'en'): Finding[] {
  const m = checkMessagesIn(lang);
  const findings: Finding[] = [];
  const candidates = [
    ...statedFigures(scenario).map((f) => ({ ref: f.ref, value: f.value, unit: f.unit, path: f.path })),
    ...scenario.targets.flatMap((t, index) => {
      const metricUnit = scenario.metrics[t.metric]?.unit;
      if (metricUnit === undefined) return [];
      // A threshold is in the measure's unit: 2 for ratioToBase is a ratio, not a share above 1.
      const unit: UnitClass = measureUnit(t.measure, metricUnit);
      const values = Array.isArray(t.threshold) ? t.threshold : [t.threshold];
      return values.map((value) => ({ ref: t.id, value, unit, path: ['targets', index, 'threshold'] as (string | number)[] }));
    }),
  ];
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = `${c.ref}/${c.path.join('.')}`;
    if (seen.has(key)) continue;
    if (c.unit === 'share' && (c.value < 0 || c.value > 1)) {
      seen.add(key);
      findings.push({
        code: 'share_out_of_range',
        severity: 'error',
        confidence: 'high',
        message: m.shareOutOfRange(c.ref, c.value),
        figures: [c.ref],
        path: c.path,
      });
    } else if (c.unit === 'rate' && Math.abs(c.value) >= bands.maxPlausibleRate) {
      seen.add(key);
      findings.push({
        code: 'rate_reads_like_percent',
        severity: 'warning',
        confidence: 'medium',
        message: m.rateReadsLikePercent(c.ref, c.value),
        figures: [c.ref],
        path: c.path,
      });
    } else if (c.unit === 'points' && Math.abs(c.value) > 100) {
      seen.add(key);
      findings.push({
        code: 'points_out_of_range',
        severity: 'error',
        confidence: 'high',
        message: m.pointsOutOfRange(c.ref, c.value),
        figures: [c.ref],
        path: c.path,
      });
    } else if (c.unit === 'points' && c.value !== 0 && Math.abs(c.value) < bands.minPlausiblePoints) {
      seen.add(key);
      findings.push({
        code: 'points_read_like_fraction',
        severity: 'warning',
        confidence: 'medium',
        message: m.pointsReadLikeFraction(c.ref, c.value),
        figures: [c.ref],
        path: c.path,
      });
    } else if (c.unit === 'yuan' && c.value > 0 && c.value < bands.minYuanFigure) {
      seen.add(key);
      findings.push({
        code: 'yuan_too_small',
        severity: 'warning',
        confidence: 'medium',
        message: m.yuanTooSmall(c.ref, c.value),
        figures: [c.ref],
        path: c.path,
      });
    }
  }
  return findings;
}
