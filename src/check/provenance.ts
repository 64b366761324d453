import { metricBaseline } from '../scenario/baseline.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import type { Finding } from './finding.js';
import { type CheckLang, checkMessagesIn } from './messages.js';

/**
 * Checks that every figure can be traced: assumed parameters give a reason, sourced parameters
 * name their source, stated figures and targets name a source, exact baselines are explained, and
 * assumed (distribution) baselines carry a note.
 *
 * @example
 * ```ts
 * checkProvenance(scenario); // an assumed parameter without a reason -> warning
 * ```
 */
export function checkProvenance(scenario: Scenario, lang: CheckLang = 'en'): Finding[] {
  const m = checkMessagesIn(lang);
  const findings: Finding[] = [];
  for (const [name, parameter] of Object.entries(scenario.parameters)) {
    const path = ['parameters', name];
    if (parameter.basis === 'assumed' && !parameter.reason?.trim()) {
      findings.push({
        code: 'assumed_without_reason',
        severity: 'warning',
        confidence: 'high',
        message: m.assumedWithoutReason(name),
        figures: [`parameters.${name}`],
        path: [...path, 'reason'],
      });
    }
    // A reference class cites its own sources (reference-classes/<id>.json).
    if (parameter.basis === 'sourced' && parameter.source === undefined && parameter.referenceClass === undefined) {
      findings.push({
        code: 'sourced_without_source',
        severity: 'warning',
        confidence: 'high',
        message: m.sourcedWithoutSource(name),
        figures: [`parameters.${name}`],
        path: [...path, 'source'],
      });
    }
  }

  const stated: Array<{ kind: string; id: string; source: string | undefined; path: (string | number)[] }> = [
    // A target derived from others (a roll-up's) has their sources.
    ...scenario.targets.flatMap((t, i) =>
      t.derivedFrom === undefined ? [{ kind: 'target', id: t.id, source: t.source, path: ['targets', i, 'source'] }] : [],
    ),
    ...scenario.context.map((c, i) => ({ kind: 'context figure', id: c.id, source: c.source, path: ['context', i, 'source'] })),
    ...scenario.series.map((s, i) => ({ kind: 'series', id: s.id, source: s.source, path: ['series', i, 'source'] })),
    ...scenario.currencyConversions.map((c, i) => ({ kind: 'currency conversion', id: c.id, source: c.source, path: ['currencyConversions', i, 'source'] })),
  ];
  const unsourced = stated.filter((s) => s.source === undefined);
  if (scenario.sources.length === 0 && unsourced.length > 0) {
    findings.push({
      code: 'no_sources',
      severity: 'warning',
      confidence: 'high',
      message: m.noSources(unsourced.length),
      figures: unsourced.map((s) => s.id),
      path: ['sources'],
    });
  } else {
    for (const s of unsourced) {
      findings.push({
        code: 'figure_without_source',
        severity: 'warning',
        confidence: 'high',
        message: m.figureWithoutSource(s.kind, s.id),
        figures: [s.id],
        path: s.path,
      });
    }
  }

  for (const [name, metric] of Object.entries(scenario.metrics)) {
    const path = ['metrics', name, 'baseline'];
    const baseline = metricBaseline(metric);
    const explained = baseline?.reason?.trim() || metric.note?.trim() || metric.description?.trim();
    if (baseline?.kind === 'value' && baseline.basis === 'sourced') {
      if (baseline.value !== 0 && baseline.source === undefined && !explained) {
        findings.push({
          code: 'stated_baseline_without_source',
          severity: 'warning',
          confidence: 'medium',
          message: m.statedBaselineWithoutSource(name, baseline.value, metric.unit),
          figures: [`metrics.${name}`],
          path,
        });
      }
    } else if (baseline !== undefined && baseline.source === undefined && !explained) {
      findings.push({
        code: 'assumed_baseline_unexplained',
        severity: 'warning',
        confidence: 'high',
        message: m.assumedBaselineUnexplained(name),
        figures: [`metrics.${name}`],
        path,
      });
    }
  }
  return findings;
}
