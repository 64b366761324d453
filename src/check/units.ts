import type { Scenario } from '../scenario/schema/scenario.js';
import { bands } from './bands.js';
import { statedFigures } from './figures.js';
import type { Finding } from './finding.js';
import { checkMessages as m } from './messages.js';

/**
 * Checks numbers against their units: shares outside 0-1 (a percentage written as 5.4) and money
 * figures too small to be in yuan (30 meaning 30 billion), in stated figures and in targets.
 *
 * @example
 * ```ts
 * checkUnits(scenario); // a share target of 5.4 -> error, reads like 5.4%
 * ```
 */
export function checkUnits(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  const candidates = [
    ...statedFigures(scenario).map((f) => ({ ref: f.ref, value: f.value, unit: f.unit, path: f.path })),
    ...scenario.targets.flatMap((t, index) => {
      const unit = scenario.metrics[t.metric]?.unit;
      if (unit === undefined) return [];
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
