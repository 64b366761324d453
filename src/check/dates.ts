import { metricBaseline } from '../scenario/baseline.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { bands } from './bands.js';
import { sourceYear } from './figures.js';
import type { Finding } from './finding.js';
import { type CheckLang, checkMessagesIn } from './messages.js';

/**
 * Checks years against the sources' dates and the horizon: a base year after a source, a base
 * year long before the newest source, a figure dated after its source, a deadline before the
 * source that announced it (or not after the base year), and stated values of a metric's series
 * after the base year, which could test the first simulated years.
 *
 * @example
 * ```ts
 * checkDates(scenario); // base year 2024 with a source of 2023 -> warning
 * ```
 */
export function checkDates(scenario: Scenario, lang: CheckLang = 'en'): Finding[] {
  const m = checkMessagesIn(lang);
  const findings: Finding[] = [];
  const { baseYear } = scenario.horizon;

  const dated = scenario.sources.flatMap((s) => {
    const year = sourceYear(scenario, s.id);
    return year === undefined ? [] : [{ id: s.id, year }];
  });
  const newest = dated.reduce<{ id: string; year: number } | undefined>((a, b) => (a === undefined || b.year > a.year ? b : a), undefined);
  // A stated baseline must come from a source written in or after the base year.
  const early = new Map<string, string[]>();
  for (const [name, metric] of Object.entries(scenario.metrics)) {
    const baseline = metricBaseline(metric);
    const source = baseline?.source;
    const written = sourceYear(scenario, source);
    if (baseline?.kind !== 'value' || baseline.basis !== 'sourced' || source === undefined || written === undefined || written >= baseYear) continue;
    early.set(source, [...(early.get(source) ?? []), `metrics.${name}`]);
  }
  // With no source from the base year on, nothing in the scenario can describe the base year.
  if (newest !== undefined && newest.year < baseYear && !early.has(newest.id)) early.set(newest.id, []);
  for (const [id, metrics] of early) {
    findings.push({
      code: 'base_year_after_source',
      severity: 'warning',
      confidence: 'high',
      message: m.baseYearAfterSource(baseYear, id, sourceYear(scenario, id) as number),
      figures: [...metrics, `sources.${id}`],
      path: ['horizon', 'baseYear'],
    });
  }
  if (newest !== undefined && newest.year - baseYear > bands.staleBaseYears) {
    findings.push({
      code: 'base_year_stale',
      severity: 'info',
      confidence: 'medium',
      message: m.baseYearStale(baseYear, newest.id, newest.year),
      figures: [`sources.${newest.id}`],
      path: ['horizon', 'baseYear'],
    });
  }

  const afterSource = (ref: string, year: number | undefined, source: string | undefined, path: (string | number)[]) => {
    const written = sourceYear(scenario, source);
    if (year === undefined || written === undefined || source === undefined || year <= written) return;
    findings.push({
      code: 'figure_after_source',
      severity: 'warning',
      confidence: 'medium',
      message: m.figureAfterSource(ref, year, source, written),
      figures: [ref],
      path,
    });
  };
  scenario.context.forEach((figure, index) => {
    afterSource(figure.id, figure.year, figure.source, ['context', index, 'year']);
  });
  scenario.series.forEach((series, index) => {
    series.points.forEach((point, pointIndex) => {
      if (point.value !== undefined || point.growthRate !== undefined)
        afterSource(series.id, point.year, series.source, ['series', index, 'points', pointIndex, 'year']);
    });
    if (series.metric === undefined) return;
    const later = series.points.filter((p) => p.year > baseYear && p.value !== undefined).map((p) => p.year);
    if (later.length > 0) {
      findings.push({
        code: 'series_after_base_year',
        severity: 'info',
        confidence: 'high',
        message: m.seriesAfterBaseYear(series.id, series.metric, later, baseYear),
        figures: [series.id, `metrics.${series.metric}`],
        path: ['series', index],
      });
    }
  });

  scenario.targets.forEach((target, index) => {
    const path = ['targets', index, 'deadline'];
    if (target.deadline <= baseYear) {
      findings.push({
        code: 'deadline_not_after_base',
        severity: 'error',
        confidence: 'high',
        message: m.deadlineNotAfterBase(target.id, target.deadline, baseYear),
        figures: [target.id],
        path,
      });
      return;
    }
    const written = sourceYear(scenario, target.source);
    if (written !== undefined && target.source !== undefined && target.deadline < written) {
      findings.push({
        code: 'deadline_before_source',
        severity: 'warning',
        confidence: 'high',
        message: m.deadlineBeforeSource(target.id, target.deadline, target.source, written),
        figures: [target.id],
        path,
      });
    }
  });
  return findings;
}
