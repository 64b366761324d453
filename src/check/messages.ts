/**
 * Every text the data check shows a person, in one place: the findings' messages and the lines
 * of `parkcast check`. Each finding's message names its figures and says how sure it is.
 */

import type { UnitClass } from './figures.js';
import type { Confidence, Severity } from './finding.js';

const trim = (x: number, digits = 4) => String(Number(x.toPrecision(digits)));
const grouped = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A number with its unit, as a reader writes it: `208.981 billion yuan`, `5.4%`, `8,000 persons`. */
export function amount(value: number, unit: UnitClass | string, digits = 6): string {
  const scaled = (suffix: string) => {
    const abs = Math.abs(value);
    if (abs >= 1e12) return `${trim(value / 1e12, digits)} trillion ${suffix}`;
    if (abs >= 1e9) return `${trim(value / 1e9, digits)} billion ${suffix}`;
    if (abs >= 1e6) return `${trim(value / 1e6, digits)} million ${suffix}`;
    return `${grouped(Number(value.toPrecision(digits)))} ${suffix}`;
  };
  switch (unit) {
    case 'yuan':
      return scaled('yuan');
    case 'usd':
      return `$${scaled('').trim()}`;
    case 'share':
    case 'rate':
      return `${trim(value * 100, 4)}%`;
    case 'ratio':
      return `${trim(value, 4)}×`;
    case 'points':
      return `${trim(value, 4)} percentage points`;
    case 'persons':
      return `${grouped(value)} persons`;
    case 'area':
      return `${grouped(value)} m²`;
    case 'year':
      return String(value);
    case 'count':
      return grouped(value);
    default:
      return `${grouped(value)} ${unit}`;
  }
}

const rate = (x: number) => (x >= 0.1 ? trim(x, 3) : trim(x, 2));
const percent = (x: number) => `${trim(x * 100, 3)}%`;
const points = (x: number) => `${trim(Math.abs(x) * 100, 2)} points`;
const list = (items: readonly string[]) => items.join(', ');
const scaleWord = (factor: number) => ({ 10: '10 times', 100: '100 times', 1000: '1,000 times', 10000: '10,000 times' })[factor] ?? `${factor} times`;

export const checkMessages = {
  currencyImplausible: (
    id: string,
    yuan: number,
    usd: number,
    implied: number,
    low: number,
    high: number,
    fix?: { factor: number; usd: number; rate: number; tooLarge: boolean },
  ) =>
    `The conversion ${id} gives ${amount(yuan, 'yuan')} as ${amount(usd, 'usd')}: ${rate(implied)} yuan per US dollar, ` +
    `far outside the plausible ${low}-${high} yuan per dollar of 2015-2025.` +
    (fix
      ? ` The dollar figure looks ${scaleWord(fix.factor)} too ${fix.tooLarge ? 'large' : 'small'}: ${amount(fix.usd, 'usd')} would give ${rate(fix.rate)} yuan per dollar` +
        `${fix.factor === 1000 ? (fix.tooLarge ? ' ("billion" written for "million"?)' : ' ("million" written for "billion"?)') : ''}.`
      : '') +
    ' High confidence: no exchange rate of the period comes near.',
  currencyOdd: (id: string, yuan: number, usd: number, implied: number, low: number, high: number) =>
    `The conversion ${id} gives ${amount(yuan, 'yuan')} as ${amount(usd, 'usd')}: ${rate(implied)} yuan per US dollar, ` +
    `outside the plausible ${low}-${high} of 2015-2025. Medium confidence: it may be a rate of another period or a rounding of one of the figures.`,
  currencyOutlier: (id: string, implied: number, typical: number, others: readonly string[]) =>
    `The conversion ${id} implies ${rate(implied)} yuan per US dollar, ${percent(Math.abs(implied / typical - 1))} away from the ${rate(typical)} ` +
    `implied by the scenario's other conversions (${list(others)}). ` +
    (others.length >= 2
      ? 'Medium confidence: conversions made in different years can differ by up to 15%.'
      : 'Low confidence: with only two conversions either may be the odd one, and rates of different years differ by up to 15%.'),
  currencyFigureMismatch: (id: string, figure: string, yuan: number, value: number) =>
    `The conversion ${id} converts ${amount(yuan, 'yuan')}, but the figure it belongs to, ${figure}, is ${amount(value, 'yuan')}. ` +
    'High confidence: one of the two was copied wrongly.',
  currencyFigureUnknown: (id: string, figure: string) =>
    `The conversion ${id} belongs to "${figure}", which is no context figure, series, target or metric of the scenario. ` +
    'High confidence: the reference is wrong or the figure is missing.',

  fewWorkers: (workers: string, count: number, pairs: ReadonlyArray<{ ref: string; value: number; ratio: number }>, min: number, sure: boolean) =>
    `${amount(count, 'persons')} (${workers}) ` +
    pairs.map((p) => `for ${amount(p.value, 'count')} (${p.ref}) is ${trim(p.ratio, 2)} per enterprise`).join(', and ') +
    `; a park's enterprises average at least ${min} workers. One of the figures is probably mistyped or covers another scope. ` +
    (sure ? 'High confidence: fewer workers than enterprises.' : 'Medium confidence: the figures may not describe exactly the same group or year.'),
  yuanPerWorker: (
    workers: string,
    count: number,
    pairs: ReadonlyArray<{ ref: string; value: number; year?: number; ratio: number }>,
    low: number,
    high: number,
    tooHigh: boolean,
  ) =>
    `${amount(count, 'persons')} (${workers}) ` +
    pairs
      .map(
        (p) => `against ${amount(p.value, 'yuan')} (${p.ref}${p.year === undefined ? '' : `, ${p.year}`}) is ${amount(p.ratio, 'yuan', 3)} per worker a year`,
      )
      .join(', and ') +
    `; plausible is ${amount(low, 'yuan')} to ${amount(high, 'yuan')}. ` +
    (tooHigh ? 'The worker count looks too low or the money figure too high. ' : 'The worker count looks too high or the money figure too low. ') +
    'Medium confidence: the figures may not describe exactly the same group or year.',

  growthMismatch: (
    series: string,
    previousYear: number,
    previous: number,
    year: number,
    value: number,
    unit: UnitClass | string,
    stated: number,
    implied: number,
    sure: boolean,
  ) =>
    `Series ${series}: ${amount(previous, unit)} in ${previousYear} and ${amount(value, unit)} in ${year} mean ${percent(implied)} growth, ` +
    `but ${percent(stated)} is stated for ${year}, a gap of ${points(implied - stated)}. ` +
    (sure ? 'High confidence: rounding cannot explain the gap.' : 'Medium confidence: part of the gap may be rounding or revised figures.'),
  seriesBaselineMismatch: (series: string, metric: string, year: number, value: number, baseline: number, unit: UnitClass | string) =>
    `Series ${series} states ${amount(value, unit)} for ${year}, the base year, but metric ${metric} starts from ${amount(baseline, unit)}. ` +
    'High confidence: the baseline should match the stated figure, or its note should say why not.',

  targetMetAtBaseline: (target: string, comparison: string, threshold: string, metric: string, baseline: number, unit: UnitClass | string, baseYear: number) =>
    `Target ${target} (${comparison} ${threshold}) is already met by metric ${metric}'s baseline of ${amount(baseline, unit)} in ${baseYear}, ` +
    'so it says nothing about the years ahead. High confidence: the baseline is a stated number.',
  targetMetAtAssumedBaseline: (
    target: string,
    comparison: string,
    threshold: string,
    metric: string,
    central: number,
    unit: UnitClass | string,
    baseYear: number,
  ) =>
    `Target ${target} (${comparison} ${threshold}) is met by the central value (${amount(central, unit)}) of metric ${metric}'s assumed ${baseYear} baseline, ` +
    'so most trials meet it before they start. Medium confidence: the baseline is an assumption; check it against the target.',
  targetMetByContext: (
    target: string,
    comparison: string,
    threshold: string,
    context: string,
    value: number,
    unit: UnitClass | string,
    year: number | undefined,
  ) =>
    `Target ${target} (${comparison} ${threshold}) is already met by context figure ${context} (${amount(value, unit)}${year === undefined ? '' : ` in ${year}`}) ` +
    'if both count the same thing. Low confidence: matched by unit and shared words of their labels only; if they differ, say so in a note.',

  baseYearAfterSource: (baseYear: number, source: string, year: number) =>
    `The base year ${baseYear} is after the year of source ${source} (${year}): baselines for ${baseYear} cannot come from it. ` +
    'High confidence: check the base year or the source date.',
  baseYearStale: (baseYear: number, source: string, year: number) =>
    `The base year ${baseYear} is ${year - baseYear} years before source ${source} (${year}): the simulation re-plays years that are already known. ` +
    'Medium confidence: intended if the plan was set in the base year.',
  figureAfterSource: (figure: string, figureYear: number, source: string, year: number) =>
    `Figure ${figure} is dated ${figureYear}, after its source ${source} (${year}): a stated fact cannot come from the future. ` +
    'Medium confidence: it may be a plan figure (then make it a target) or a wrong year.',
  deadlineBeforeSource: (target: string, deadline: number, source: string, year: number) =>
    `Target ${target} has the deadline ${deadline}, before its source ${source} (${year}) was written. ` +
    'High confidence: the deadline was probably misread.',
  deadlineNotAfterBase: (target: string, deadline: number, baseYear: number) =>
    `Target ${target} has the deadline ${deadline}, not after the base year ${baseYear}. High confidence: it cannot be simulated.`,
  seriesAfterBaseYear: (series: string, metric: string, years: readonly number[], baseYear: number) =>
    `Series ${series} (metric ${metric}) states values for ${list(years.map(String))}, after the base year ${baseYear}: ` +
    'compare them with the simulated years, or move the base year forward. High confidence.',

  assumedWithoutReason: (name: string) => `Parameter ${name} is an assumption without a reason: say in one line what it rests on. High confidence.`,
  sourcedWithoutSource: (name: string) => `Parameter ${name} is marked as sourced but names no source. High confidence.`,
  figureWithoutSource: (kind: string, id: string) => `The ${kind} ${id} names no source. High confidence.`,
  noSources: (count: number) => `The scenario lists no sources, so none of its ${count} stated figures and targets can be traced. High confidence.`,
  statedBaselineWithoutSource: (metric: string, value: number, unit: UnitClass | string) =>
    `Metric ${metric} starts from the exact figure ${amount(value, unit)} with neither a source nor a note. ` +
    'Medium confidence: if it is stated somewhere, name the source; if it is assumed, say why.',
  assumedBaselineUnexplained: (metric: string) =>
    `Metric ${metric} has an assumed (distribution) baseline without a note saying what it rests on. High confidence.`,

  shareOutOfRange: (figure: string, value: number) =>
    `Figure ${figure} is a share of ${value}, outside 0-1: shares are fractions (5.4% is 0.054)` +
    `${value > 1 && value <= 100 ? `; ${value} reads like a percentage (${value / 100})` : ''}. High confidence.`,
  rateReadsLikePercent: (figure: string, value: number) =>
    `Figure ${figure} is a rate of ${value}, i.e. ${trim(value * 100, 4)}% a year: rates are fractions (15% is 0.15)` +
    `${Math.abs(value) <= 100 ? `; ${value} reads like a percentage (${value / 100})` : ''}. Medium confidence: a tiny base can grow this fast.`,
  pointsOutOfRange: (figure: string, value: number) =>
    `Figure ${figure} is a change of ${value} percentage points: a share cannot move by more than 100 points. High confidence.`,
  pointsReadLikeFraction: (figure: string, value: number) =>
    `Figure ${figure} is a change of only ${value} percentage points: points are written as points (2 for "up 2 points"), so ${value} reads like a fraction (${trim(value * 100, 4)} points). Medium confidence: small changes do occur.`,
  yuanTooSmall: (figure: string, value: number) =>
    `Figure ${figure} is only ${amount(value, 'yuan')}: money is in yuan, so this looks written in billions or in 10,000s of yuan. ` +
    'Medium confidence: small amounts do occur.',

  // Lines of `parkcast check`.
  summary: (file: string, total: number, counts: Readonly<Record<Severity, number>>) =>
    total === 0
      ? `${file}: no findings`
      : `${file}: ${total} finding${total === 1 ? '' : 's'} (${(['error', 'warning', 'info'] as const)
          .filter((s) => counts[s] > 0)
          .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`)
          .join(', ')})`,
  findingHead: (severity: Severity, confidence: Confidence, code: string, where: string | undefined) =>
    `${severity} (${confidence} confidence) ${code}${where ? ` at ${where}` : ''}`,
  findingFigures: (figures: readonly string[]) => `figures: ${list(figures)}`,
} as const;
