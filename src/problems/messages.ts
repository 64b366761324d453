/**
 * Every user-facing message about scenario input lives here, so wording stays consistent and
 * can be reviewed (or translated) in one place. Text from the file is always shown through
 * `quoteText` (or `describeValue`), so control characters never reach the terminal raw.
 */
import { closestName, codePoint, firstNonAscii, quoteText } from './text.js';

/** The functions expressions may call (expressions/ast.ts holds the same list; problems/ imports nothing; a test compares them). */
export const ALLOWED_FUNCTION_NAMES = ['min', 'max', 'exp', 'log', 'sqrt', 'abs', 'round', 'floor', 'ceil'] as const;

/** The largest scenario file read, in bytes: far above any real park, far below what hurts. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
/** Containers nested deeper than this in a scenario file are refused before anything recurses over them. */
export const MAX_DOCUMENT_DEPTH = 1000;
/** The longest expression read, in characters. */
export const MAX_EXPRESSION_LENGTH = 10_000;
/**
 * The deepest bracket nesting in an expression. mathjs parses recursively, ~20 frames a level:
 * 300 levels overflow Node's default stack, so the limit is checked before mathjs sees the text.
 */
export const MAX_EXPRESSION_NESTING = 100;
/** The deepest expression tree (operators in a chain count too): compiled code nests as deep, and V8's parser refuses ~1500. */
export const MAX_EXPRESSION_DEPTH = 500;

/** `a, b, c and 4 more`: a list kept to a line. */
const someOf = (items: readonly string[], shown = 4) =>
  items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/**
 * What a character is, for a reader who cannot see the difference: `"а" (U+0430, a Cyrillic
 * letter)`. Invisible and control characters are named by code point alone.
 */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `${codePoint(character)} (a control character)`;
  if (/[\p{Cf}\p{Zl}\p{Zp}]/u.test(character)) return `${codePoint(character)} (an invisible formatting character)`;
  if (/\p{Zs}/u.test(character)) return `${codePoint(character)} (a space character other than the ASCII space)`;
  const shown = quoteText(character);
  if (code > 0x20 && code < 0x7f) return shown;
  for (const script of ['Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic'] as const) {
    if (new RegExp(`\\p{Script=${script}}`, 'u').test(character)) return `${shown} (${codePoint(character)}, a ${script} letter)`;
  }
  if (code >= 0xff01 && code <= 0xff5e) return `${shown} (${codePoint(character)}, a full-width form)`;
  if (/\p{L}/u.test(character)) return `${shown} (${codePoint(character)}, a letter outside ASCII)`;
  return `${shown} (${codePoint(character)})`;
}

/** `; it contains "а" (U+0430, a Cyrillic letter), which only looks like a Latin one`, or '' for plain ASCII. */
export function nonAsciiNote(text: string): string {
  const found = firstNonAscii(text);
  if (found === undefined) return '';
  const looksLatin = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}\uff01-\uff5e]/u.test(found.character);
  return `; it contains ${describeCharacter(found.character)}${looksLatin ? ', which only looks like a Latin one' : ''}`;
}

/** `; did you mean "output"?`, or '' when no candidate is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const closest = closestName(word, candidates);
  return closest === undefined ? '' : `; did you mean ${quoteText(closest)}?`;
}

/** Shows a received value briefly and unambiguously: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (typeof value === 'string') return quoteText(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export const messages = {
  rollupOfGroup: (file: string) => `${file} holds a group of parks: a roll-up of groups is not supported yet; list the group's parks in one group instead`,
  rollupAverageGrowthLater: (file: string, target: string) =>
    `target "${target}" of ${file} is an average growth, and this member starts later than the roll-up's base year: its average would span the wrong years (not supported yet)`,
  rollupMemberWithoutTargets: (id: string) => `member "${id}" has no official target to meet`,
  rollupAtLeast: (atLeast: number, members: number) => `"atLeast" is ${atLeast}, but the target counts only ${members} members`,
  rollupMemberProblems: (file: string) => `member file ${file} is not a valid scenario (its problems follow)`,
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
  groupParkMeasureBase: (measure: string, metric: string, park: string, why: string) =>
    `a park's "${measure}" divides by its ${measure === 'yearOnYear' ? "previous year's" : 'base-year'} ${metric}, which must be above zero, but in park ${park} ${why}`,
  groupParkBetween: () => 'a park\'s level is one side of a threshold: use ">", ">=", "<" or "<=" (a count of parks in a range is two counts)',
  fileNotFound: (file: string) => `file not found: ${file}`,
  fileUnreadable: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  invalidJson: (reason: string) => `not valid JSON: ${reason}`,
  invalidYaml: (reason: string) => `not valid YAML: ${reason}`,
  unknownExtension: (file: string) => `cannot tell the format of ${file}: expected a .json, .yaml or .yml file`,
  isFolder: (file: string) => `${file} is a folder, expected a scenario file (.json, .yaml or .yml)`,
  notAFile: (file: string) => `${file} is not a regular file, expected a scenario file (.json, .yaml or .yml)`,
  fileTooLarge: (bytes: number) => `the file is ${megabytes(bytes)}; scenario files are limited to ${megabytes(MAX_SCENARIO_BYTES)}`,
  emptyFile: () => 'the file is empty, expected a scenario',
  noDocument: () => 'the file holds only comments, expected a scenario',
  notUtf8: (line: number, column: number) => `not UTF-8 text: an invalid byte at line ${line}, column ${column}; save the file as UTF-8`,
  utf16: () => 'the file is UTF-16 text; save it as UTF-8',
  jsonSyntax: (line: number, column: number, reason: string) => `not valid JSON at line ${line}, column ${column}: ${reason}`,
  yamlSyntax: (line: number, column: number, reason: string) => `not valid YAML at line ${line}, column ${column}: ${reason}`,
  tooDeep: (limit: number) => `containers nested more than ${limit} levels deep; a scenario needs far fewer`,
  duplicateKey: (key: string, firstLine: number, secondLine: number) =>
    `the key ${quoteText(key)} appears twice, on lines ${firstLine} and ${secondLine}; keep one (otherwise the last would silently win)`,
  numberOutOfRange: (literal: string) => `the number ${quoteText(literal).slice(1, -1)} is too large to represent (numbers go up to about 1.8e308)`,
  notFiniteLiteral: (literal: string) => `expected a finite number, got ${quoteText(literal).slice(1, -1)} as written`,
  yamlAliases: () => 'too many aliases (*name) for a scenario file; write the values out',

  expected: (what: string, got: unknown) => `expected ${what}, got ${describeValue(got)}`,
  unknownField: (key: string, allowed: readonly string[]) => {
    const suggestion = didYouMean(key, allowed);
    const note = nonAsciiNote(key);
    if (suggestion !== '') return `unknown field ${quoteText(key)}${note}${suggestion}`;
    return allowed.length > 0 ? `unknown field ${quoteText(key)}${note} (allowed here: ${allowed.join(', ')})` : `unknown field ${quoteText(key)}${note}`;
  },
  oneOf: (values: readonly unknown[], got: unknown) => `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(got)}`,

  horizonOrder: (baseYear: number, endYear: number) => `expected an end year after the base year ${baseYear}, got ${endYear}`,
  duplicateName: (name: string, firstKind: string) => `the name "${name}" is already used by a ${firstKind}; metric and parameter names must be unique`,
  reservedName: (name: string) => `"${name}" is a reserved function name; choose another name`,
  objectPropertyName: (name: string) =>
    `${quoteText(name)} cannot be used as a name: every JavaScript object already has a property called that, which a scenario's name would be confused with${name === '__proto__' ? ' (or silently dropped)' : ''}; choose another name`,
  duplicateId: (id: string) => `duplicate id ${quoteText(id)}`,
  unknownReference: (name: string, kinds: string, known: readonly string[]) =>
    `unknown ${kinds} ${quoteText(name)}${nonAsciiNote(name)}${didYouMean(name, known)}${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`,
  unknownReferenceClass: (id: string, known: readonly string[]) => {
    const near = closestName(id, known);
    return `unknown reference class "${id}"${near === undefined ? '' : ` (did you mean "${near}"?)`} (shipped: ${known.join(', ')})`;
  },
  unknownReferenceObservation: (id: string, classId: string, known: readonly string[]) =>
    `unknown observation "${id}" of reference class "${classId}" (known: ${known.join(', ')})`,
  distributionOrReferenceClass: () => 'expected "distribution" (or "referenceClass", to draw it from a reference class)',
  observationWithoutSpread: (id: string, classId: string) =>
    `observation "${id}" of reference class "${classId}" gives a rate without a count, an n or a range, so it says nothing of how uncertain the rate is: name two or more observations, or write a "distribution" and cite the class beside it`,
  observationBoundOnly: (id: string, classId: string, bound: string) =>
    `observation "${id}" of reference class "${classId}" gives only a bound (${bound === 'atMost' ? 'at most' : 'at least'} its count): name two or more observations, or write a "distribution" and cite the class beside it`,
  observationsAllEqual: (classId: string, rate: number) =>
    `the observations named of reference class "${classId}" all give the rate ${rate}: that is no spread to draw from; name one with a count, or write a "distribution" and cite the class beside it`,
  duplicateObservation: (id: string) => `observation "${id}" is named twice`,
  referenceClassReason: (classId: string, method: string) => `Drawn from reference class "${classId}": ${method}.`,
  observationWithoutClass: () => 'expected "referenceClass" beside "referenceObservation" (the observation belongs to a class)',
  outcomeSubject: () => 'expected one of "metric" or "target" (what the outcome is the actual value of)',
  outcomeYearNotDeadline: (year: number, deadline: number) =>
    `expected the target's deadline, ${deadline}, got ${year} (a target's outcome is its measured value at the deadline)`,
  unknownSource: (id: string, known: readonly string[]) =>
    `unknown source ${quoteText(id)}${didYouMean(id, known)}${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (the scenario lists no sources)'}`,
  yearsBeforeBase: (baseYear: number, earliest: number, uses: readonly string[]) =>
    `expected a base year before ${earliest}, the earliest deadline or step year, got ${baseYear}: ${someOf(uses)} are not after it`,
  yearsAfterEnd: (endYear: number, latest: number, uses: readonly string[]) =>
    `expected an end year of at least ${latest}, the latest deadline or step year, got ${endYear}: ${someOf(uses)} lie beyond it`,
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
  expressionBlank: () => 'expected an expression, got only spaces',
  expressionTooLong: (length: number) =>
    `the expression is ${length.toLocaleString('en')} characters long; at most ${MAX_EXPRESSION_LENGTH.toLocaleString('en')} (split it into derived metrics)`,
  expressionTooNested: (depth: number) => `the expression nests brackets ${depth} levels deep; at most ${MAX_EXPRESSION_NESTING}`,
  expressionTooDeep: () => `the expression is more than ${MAX_EXPRESSION_DEPTH} operations deep; split it into derived metrics`,
  expressionCharacter: (character: string, index: number) =>
    `unexpected ${describeCharacter(character)} at character ${index + 1}: expressions use ASCII letters, digits, operators and spaces`,
  expressionForbidden: (what: string) =>
    `${what} is not allowed in an expression (allowed: numbers, metric and parameter names, + - * / ^, comparisons, and/or/not, ?:, ${'the functions min, max, exp, log, sqrt, abs, round, floor, ceil'}, and in a metric's expression year, prev(metric) and base(metric))`,
  expressionUnknownName: (name: string, known: readonly string[]) =>
    `unknown name ${quoteText(name)} in the expression${nonAsciiNote(name)}${didYouMean(name, known)} (known: ${known.join(', ')})`,
  expressionUnknownFunction: (name: string) =>
    `the function ${quoteText(name)} is not allowed${didYouMean(name, ALLOWED_FUNCTION_NAMES)} (allowed: ${ALLOWED_FUNCTION_NAMES.join(', ')}, and in a metric's expression prev and base)`,
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
  wholeCount: (got: number) => `expected a whole count of zero or more, got ${describeValue(got)}`,
  orderedAfter: (highKey: string, lowKey: string, low: number, strict: boolean, got: number) =>
    `expected ${highKey} ${strict ? '>' : '>='} ${lowKey} (${low}), got ${describeValue(got)}`,
  modeOutOfRange: (min: number, max: number, got: number) => `expected a mode from min (${min}) to max (${max}), got ${describeValue(got)}`,
  lognormalRangeLow: (got: number) => `expected a positive low for a lognormal range, got ${describeValue(got)}`,
  pointOutside: (support: string, got: number) => `expected a point ${support}, got ${describeValue(got)}`,
  boundsOutside: (support: string) => `expected bounds that overlap the distribution's values (${support}): draws could never fall inside them`,
  valueOutsideBounds: (value: number) => `expected bounds that include the fixed value ${value}`,
} as const;

/**
 * What a field expects, as zod check messages. zodProblems appends ", got <value>" to each, so
 * they start with "expected" and name the range in words.
 */
export const expectations = {
  name: 'expected a name of letters, digits and underscores, not starting with a digit',
  id: 'expected an id of lower-case letters, digits, "-" and "_"',
  quantity: 'expected a number or the name of a parameter',
  probability: 'expected a probability from 0 to 1',
  positive: 'expected a positive number',
  zeroOrMore: 'expected a number of zero or more',
  wholeCount: 'expected a whole count of zero or more',
  wholeNumber: 'expected a whole number',
  correlation: 'expected a rank correlation from -1 to 1',
  growthRate: 'expected a growth rate of -1 or more (a fall of at most 100%)',
  year: (min: number, max: number) => `expected a year from ${min} to ${max}`,
} as const;
