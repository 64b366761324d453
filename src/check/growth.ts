import { fixedBaseline } from '../scenario/baseline.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { bands } from './bands.js';
import { unitClass } from './figures.js';
import type { Finding } from './finding.js';
import { type CheckLang, checkMessagesIn } from './messages.js';

/**
 * Checks each series' stated year-on-year rates against its stated values (a point with a value
 * and a rate, after a point of the year before with a value), and a series tied to a metric
 * against that metric's baseline in the base year.
 *
 * @example
 * ```ts
 * checkSeriesGrowth(scenario); // 100 in 2020, 130 in 2021 "up 20%" -> warning, 30% implied
 * ```
 */
export function checkSeriesGrowth(scenario: Scenario, lang: CheckLang = 'en'): Finding[] {
  const m = checkMessagesIn(lang);
  const findings: Finding[] = [];
  scenario.series.forEach((series, index) => {
    const unit = series.metric !== undefined ? (scenario.metrics[series.metric]?.unit ?? unitClass(series.unit)) : unitClass(series.unit);
    const byYear = new Map(series.points.map((p, pointIndex) => [p.year, { ...p, pointIndex }]));
    for (const point of byYear.values()) {
      const previous = byYear.get(point.year - 1);
      if (point.growthRate === undefined || point.value === undefined || previous?.value === undefined || previous.value === 0) continue;
      const implied = point.value / previous.value - 1;
      const gap = Math.abs(implied - point.growthRate);
      if (gap <= bands.growthTolerance) continue;
      const sure = gap > bands.growthSureGap;
      findings.push({
        code: 'series_growth_mismatch',
        severity: 'warning',
        confidence: sure ? 'high' : 'medium',
        message: m.growthMismatch(series.id, previous.year, previous.value, point.year, point.value, unit, point.growthRate, implied, sure),
        figures: [series.id],
        path: ['series', index, 'points', point.pointIndex, 'growthRate'],
      });
    }

    if (series.metric === undefined) return;
    const metric = scenario.metrics[series.metric];
    const baseline = metric === undefined ? undefined : fixedBaseline(metric);
    const atBase = byYear.get(scenario.horizon.baseYear);
    if (baseline === undefined || atBase?.value === undefined || series.period !== 'year') return;
    if (Math.abs(atBase.value - baseline) > bands.baselineTolerance * Math.max(Math.abs(atBase.value), Math.abs(baseline))) {
      findings.push({
        code: 'series_baseline_mismatch',
        severity: 'warning',
        confidence: 'high',
        message: m.seriesBaselineMismatch(series.id, series.metric, atBase.year, atBase.value, baseline, unit),
        figures: [series.id, `metrics.${series.metric}`],
        path: ['series', index, 'points', atBase.pointIndex, 'value'],
      });
    }
  });
  return findings;
}
