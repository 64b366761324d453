/**
 * Every user-facing message about scenario input lives here, so wording stays consistent and
 * can be reviewed (or translated) in one place.
 */

/** Shows a received value briefly and unambiguously: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export const messages = {
  noMetrics: () => 'expected at least one metric (in "metrics", or in a "group")',
  inParks: (message: string, parks: readonly string[]) =>
    `${message} (in ${parks.length === 1 ? 'park' : 'parks'} ${parks.length <= 3 ? parks.join(', ') : `${parks.slice(0, 3).join(', ')} and ${parks.length - 3} more`})`,
  groupLayoutByHand: () => 'a scenario with a "group" must not have a "groupLayout": parkcast writes it when it expands the group',
  groupNameTaken: (name: string) =>
    `the group's expansion makes a metric or assumption "${name}", but the scenario already has one of that name: rename one of them`,
  groupParameterMissing: (name: string, park: string) =>
    `park "${park}" has no value for the per-park assumption "${name}", which has no distribution of its own: give one in either place`,
  groupFieldNotUsed: (field: string, aggregate: string) => `"${field}" has no effect on a target with "aggregate": "${aggregate}": remove it`,
  groupTotalOfUnit: (metric: string, unit: string) =>
    `"${metric}" is in ${unit}, which does not add up across parks: a "sum" needs yuan, count, persons or area (for a share of parks, use "aggregate": "share")`,
  groupTargetNeeds: (aggregate: string) => `a target with "aggregate": "${aggregate}" needs a "comparison" and a "threshold"`,
  groupParkLevelNeeded: (aggregate: string) =>
    `a target with "aggregate": "${aggregate}" needs "park": the level one park must reach, e.g. {"comparison": ">=", "threshold": 10000000000}`,
  groupParkBetween: () => 'a park\'s level is one side of a threshold: use ">", ">=", "<" or "<=" (a count of parks in a range is two counts)',
  fileNotFound: (file: string) => `file not found: ${file}`,
  fileUnreadable: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  invalidJson: (reason: string) => `not valid JSON: ${reason}`,
  invalidYaml: (reason: string) => `not valid YAML: ${reason}`,
  unknownExtension: (file: string) => `cannot tell the format of ${file}: expected a .json, .yaml or .yml file`,

  expected: (what: string, got: unknown) => `expected ${what}, got ${describeValue(got)}`,
  unknownField: (key: string, allowed: readonly string[]) =>
    allowed.length > 0 ? `unknown field "${key}" (allowed here: ${allowed.join(', ')})` : `unknown field "${key}"`,
  oneOf: (values: readonly unknown[], got: unknown) => `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(got)}`,

  horizonOrder: (baseYear: number, endYear: number) => `expected an end year after the base year ${baseYear}, got ${endYear}`,
  duplicateName: (name: string, firstKind: string) => `the name "${name}" is already used by a ${firstKind}; metric and parameter names must be unique`,
  reservedName: (name: string) => `"${name}" is a reserved function name; choose another name`,
  duplicateId: (id: string) => `duplicate id "${id}"`,
  unknownReference: (name: string, kinds: string, known: readonly string[]) =>
    `unknown ${kinds} "${name}"${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`,
  unknownReferenceClass: (id: string, known: readonly string[]) => {
    const near = closestName(id, known);
    return `unknown reference class "${id}"${near === undefined ? '' : ` (did you mean "${near}"?)`} (shipped: ${known.join(', ')})`;
  },
  unknownReferenceObservation: (id: string, classId: string, known: readonly string[]) =>
    `unknown observation "${id}" of reference class "${classId}" (known: ${known.join(', ')})`,
  observationWithoutClass: () => 'expected "referenceClass" beside "referenceObservation" (the observation belongs to a class)',
  outcomeSubject: () => 'expected one of "metric" or "target" (what the outcome is the actual value of)',
  outcomeYearNotDeadline: (year: number, deadline: number) =>
    `expected the target's deadline, ${deadline}, got ${year} (a target's outcome is its measured value at the deadline)`,
  unknownSource: (id: string, known: readonly string[]) =>
    `unknown source "${id}"${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (the scenario lists no sources)'}`,
  baselineRequired: () =>
    'expected a baseline (a number, a distribution, or {"expression": ...} of parameters, optionally with "basis", "reason" and "source"): only derived metrics may omit it',
  negativeCount: (got: number) => `expected a count of zero or more, got ${describeValue(got)}`,
  yearOutsideHorizon: (year: number, baseYear: number, endYear: number) =>
    `expected a year from ${baseYear + 1} to ${endYear} (the scenario's horizon), got ${year}`,
  deadlineBeforeBase: (year: number, baseYear: number) => `the deadline ${year} is not after the base year ${baseYear}: a target must lie ahead`,
  thresholdShape: (comparison: string) =>
    comparison === 'between' ? 'expected a range [low, high] for the comparison "between"' : `expected a single number for the comparison "${comparison}"`,
  rangeOrder: (low: number, high: number) => `expected low <= high, got [${low}, ${high}]`,
  cycle: (names: readonly string[]) =>
    `metrics depend on each other in a cycle: ${names.join(' -> ')}; break it with a baseline or a process that uses last year's value`,
  expressionSyntax: (reason: string) => `cannot read the expression: ${reason}`,
  expressionForbidden: (what: string) =>
    `${what} is not allowed in an expression (allowed: numbers, metric and parameter names, + - * / ^, comparisons, and/or/not, ?:, ${'the functions min, max, exp, log, sqrt, abs, round, floor, ceil'}, and in a metric's expression year, prev(metric) and base(metric))`,
  expressionUnknownName: (name: string, known: readonly string[]) => `unknown name "${name}" in the expression (known: ${known.join(', ')})`,
  expressionUnknownFunction: (name: string) =>
    `the function "${name}" is not allowed (allowed: min, max, exp, log, sqrt, abs, round, floor, ceil, and in a metric's expression prev and base)`,
  lagArgument: (fn: string) => `${fn}() takes one metric's name, as in ${fn}(output)`,
  lagOfParameter: (fn: string, name: string) =>
    fn === 'prev'
      ? `prev(${name}): "${name}" is a parameter, drawn once per trial (or each year), not a metric with a value last year; prev() and base() read metrics`
      : `base(${name}): "${name}" is a parameter, not a metric with a base-year value; read it as ${name}`,
  lagOutsideMetric: (fn: string) => `${fn}() reads another year's value of a metric, and a baseline expression reads parameters only`,
  yearOutsideMetric: () => '"year" (the calendar year computed) is read in a derived metric’s expression, not in a baseline expression',
  prevWithoutBaseline: (metric: string) =>
    `prev() reads last year's value, and the base year has none: give ${metric} a baseline (its value in the base year), since without one its base-year value is computed from this expression`,
  baseOfItselfWithoutBaseline: (metric: string) =>
    `base(${metric}) reads ${metric}'s own base-year value, which this expression computes when ${metric} has no baseline: give ${metric} a baseline`,
  baselineExpressionReadsMetric: (name: string) =>
    `"${name}" is a metric; a baseline expression reads parameters only (drawn per trial before any metric): write the metric's base-year value in terms of parameters`,
  yearReserved: () => '"year" is reserved: in an expression it is the calendar year computed; choose another name',
  shareOutOfRange: (got: number) => `expected a share between 0 and 1, got ${describeValue(got)}`,
  correlatedYearly: (name: string) => `"${name}" is drawn afresh each year; correlations are between assumptions drawn once per trial`,
  invalidCorrelationMatrix: (pairs: readonly string[]) =>
    `these correlations cannot hold together (${pairs.join(', ')}): the matrix they form is not a valid correlation matrix (not positive definite); weaken the strongest ones, or drop one that follows from the others`,
  selfCorrelation: (name: string) => `a correlation needs two different assumptions, got "${name}" twice`,
  inputUnitKind: (unit: string, metricUnit: string, allowed: readonly string[]) =>
    allowed.length > 0
      ? `"${unit}" is not a unit of ${metricUnit}; a ${metricUnit} metric may be written in ${allowed.join(', ')}`
      : `"${unit}" is not a unit of ${metricUnit}; a ${metricUnit} metric is written as it is, without an input unit`,
  inputAndDisplayUnit: (input: string, display: string) =>
    `give "inputUnit" (figures written in ${input}, converted at load) or "displayUnit" (figures already in canonical units, shown in ${display}), not both`,
  countDistributionInUnit: (dist: string, unit: string) =>
    `a ${dist} distribution counts whole things and cannot be written in ${unit}; use a continuous distribution`,
  striveNotHarder: (comparison: string, threshold: string, strive: string) =>
    comparison === 'between'
      ? `expected the strive range ${strive} inside the ensure range ${threshold}`
      : `expected a strive level ${comparison === '>' || comparison === '>=' ? 'at or above' : 'at or below'} the ensure threshold ${threshold} (the comparison is "${comparison}"), got ${strive}`,
  jointUnknownTarget: (id: string, known: readonly string[]) => `unknown target "${id}"${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`,
  jointRepeatedTarget: (id: string) => `the target "${id}" is listed twice`,
  defaultDepleting: () =>
    'left at its default true: the pool depletes, each graduate leaving it (candidates = pool − graduates so far); set "depleting": false for a fresh pool every year',
  defaultVolatility: () => 'left at its default 0: no year-to-year noise, only the uncertainty of its inputs',
  boundsOrder: (min: number, max: number) => `expected bounds with min < max, got min ${min} and max ${max}`,
  relativeMeasureBase: (measure: string, metric: string, why: string) =>
    `the measure "${measure}" divides by metric ${metric}'s ${measure === 'yearOnYear' ? "previous year's" : 'base-year'} value, which must be above zero, but ${why}`,
  baselineNotPositive: (baseline: number) => `its baseline is ${describeValue(baseline)}`,
  baselineCanBeNonPositive: (dist: string, lowest: number) =>
    `its baseline (a ${dist} distribution) can be ${lowest === 0 ? '0' : Number.isFinite(lowest) ? `as low as ${describeValue(lowest)}` : 'zero or negative'}: use a positive range (a lognormal shape, or bounds.min above zero)`,
  pointNotPositive: (point: number) => `its baseline's point value is ${describeValue(point)}`,
  pointsNeedShare: (metric: string, unit: string) =>
    `the measure "changeInPoints" is a share's change in percentage points, but metric ${metric} is in ${unit} (for an increase in its own unit use "runningTotal", for a relative one "ratioToBase")`,
  fromYearUnused: (measure: string) => `"fromYear" is read only by the measures "sum" and "everyYear"; the measure "${measure}" would ignore it`,
} as const;

/** Levenshtein distance between two strings (for "did you mean"). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The known name nearest to `name`, if it is near enough to be a typo (within a third of its length), or one contains the other. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = candidate.includes(name) || name.includes(candidate) ? 0.5 : editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, name.length / 3) ? best : undefined;
}
