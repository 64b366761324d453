import { metricBaseline } from '../scenario/baseline.js';
import type { Scenario } from '../scenario/schema/scenario.js';

/** A unit the check understands; free-text units of context figures and series are mapped onto these. */
export type UnitClass = 'yuan' | 'usd' | 'count' | 'persons' | 'area' | 'share' | 'ratio' | 'rate' | 'points' | 'year' | 'other';

/** A stated number of the scenario: a metric's numeric baseline, a context figure or a series point. */
export interface Figure {
  /** The id used in findings: the context or series id, or `metrics.name`. */
  readonly ref: string;
  readonly label: string;
  readonly value: number;
  readonly unit: UnitClass;
  /** The year the figure describes: its own, else its source's year. */
  readonly year: number | undefined;
  readonly source: string | undefined;
  /** Series points covering half a year. */
  readonly halfYear: boolean;
  readonly path: (string | number)[];
}

const UNIT_PATTERNS: ReadonlyArray<[UnitClass, RegExp]> = [
  ['yuan', /^(yuan|cny|rmb|元)$/i],
  ['usd', /^(usd|us\$|\$|dollars?)$/i],
  ['persons', /^(persons?|people|workers?|employees?|人)$/i],
  ['count', /^(count|number|enterprises?|compan(y|ies)|firms?|个|家)$/i],
  ['area', /^(area|m2|m²|sq ?m|square met(er|re)s?)$/i],
  ['share', /^(share|fraction)$/i],
  // A ratio (2 for "doubles") is not a share: it has no upper limit.
  ['ratio', /^(ratio|times|multiple|倍)$/i],
  ['rate', /^(rate|growth rate|rate per year|per year rate)$/i],
  ['points', /^(points|percentage points|pp|个百分点|百分点)$/i],
  ['year', /^(year|yr)$/i],
];

/** Maps a unit as written (`"yuan"`, `"persons"`, `"m2"`) onto the units the check compares. */
export function unitClass(unit: string): UnitClass {
  const trimmed = unit.trim();
  for (const [cls, pattern] of UNIT_PATTERNS) if (pattern.test(trimmed)) return cls;
  return 'other';
}

/** The year of a source's date (`"2023-04-24"` or `"2023"`), if it has one. */
export function sourceYear(scenario: Scenario, sourceId: string | undefined): number | undefined {
  if (sourceId === undefined) return undefined;
  const date = scenario.sources.find((s) => s.id === sourceId)?.date;
  const match = date?.match(/^(\d{4})/);
  return match ? Number(match[1]) : undefined;
}

/** Every stated number of the scenario with its unit, year and source. Assumed baselines (distributions, expressions, `basis: "assumed"`) are not stated. */
export function statedFigures(scenario: Scenario): Figure[] {
  const figures: Figure[] = [];
  for (const [name, metric] of Object.entries(scenario.metrics)) {
    const baseline = metricBaseline(metric);
    if (baseline?.kind !== 'value' || baseline.basis !== 'sourced') continue;
    figures.push({
      ref: `metrics.${name}`,
      label: metric.label ?? name,
      value: baseline.value,
      unit: metric.unit,
      year: scenario.horizon.baseYear,
      source: baseline.source,
      halfYear: false,
      path: baseline.explicit ? ['metrics', name, 'baseline', 'value'] : ['metrics', name, 'baseline'],
    });
  }
  scenario.context.forEach((figure, index) => {
    figures.push({
      ref: figure.id,
      label: figure.label,
      value: figure.value,
      unit: unitClass(figure.unit),
      year: figure.year ?? sourceYear(scenario, figure.source),
      source: figure.source,
      halfYear: false,
      path: ['context', index, 'value'],
    });
  });
  scenario.series.forEach((series, index) => {
    series.points.forEach((point, pointIndex) => {
      if (point.value === undefined) return;
      figures.push({
        ref: series.id,
        label: series.label,
        value: point.value,
        unit: unitClass(series.unit),
        year: point.year,
        source: series.source,
        halfYear: series.period === 'half-year',
        path: ['series', index, 'points', pointIndex, 'value'],
      });
    });
  });
  return figures;
}

/** The words of an id and a label, for recognising what a figure counts. */
export function textOf(figure: { ref: string; label: string }): string {
  return `${figure.ref} ${figure.label}`.toLowerCase();
}

/** Totals over several years ("since 2015", "cumulative") are not yearly levels. */
export function isCumulative(text: string): boolean {
  return /cumulative|since (19|20)\d\d|all years|to date|in total over/.test(text);
}
