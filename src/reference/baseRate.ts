import { referenceMessages as m } from './messages.js';
import type { Observation, ReferenceClass } from './schema.js';

/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for a binomial proportion: `hits` successes in `total` trials.
 * `hits` may be fractional (a reported rate times its n). Bounds are clamped to [0, 1].
 *
 * @example
 * ```ts
 * wilson(16, 20); // { low: 0.584, high: 0.919 } (rounded)
 * ```
 */
export function wilson(hits: number, total: number, z: number = Z95): { low: number; high: number } {
  if (!(total > 0)) throw new RangeError(`wilson: expected a total above 0, got ${total}`);
  if (hits < 0 || hits > total) throw new RangeError(`wilson: expected 0 <= hits <= total, got ${hits} of ${total}`);
  const p = hits / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return { low: hits === 0 ? 0 : Math.max(0, centre - half), high: hits === total ? 1 : Math.min(1, centre + half) };
}

/** How a base rate's interval was obtained. */
export type IntervalMethod = 'wilson' | 'reported-range' | 'source-interval' | 'none';

export interface BaseRate {
  readonly classId: string;
  readonly observationId: string;
  readonly observation: Observation;
  /** The observed rate: hits / total, or the reported rate. */
  readonly rate: number;
  /** The interval shown beside the rate (for `none`, both equal the rate). */
  readonly low: number;
  readonly high: number;
  readonly method: IntervalMethod;
  /** `atMost`/`atLeast` when the source gave only a bound on the count. */
  readonly bound: 'exact' | 'atMost' | 'atLeast';
  /**
   * The range a modelled probability is compared with: the interval, opened to 0 below an
   * `atMost` count (the true count may be lower) and to 1 above an `atLeast` count.
   */
  readonly compareLow: number;
  readonly compareHigh: number;
  readonly hits?: number;
  readonly total?: number;
  readonly n?: number;
}

function findObservation(cls: ReferenceClass, observationId: string | undefined): Observation {
  const id = observationId ?? cls.headline;
  const observation = cls.observations.find((o) => o.id === id);
  if (observation === undefined)
    throw new RangeError(
      m.unknownObservation(
        id,
        cls.observations.map((o) => o.id),
      ),
    );
  return observation;
}

/**
 * The base rate of a class: its headline observation (or the one named), with a 95% Wilson
 * interval for counts and rates with a known n, or the range the source reported.
 *
 * @example
 * ```ts
 * const rate = baseRate(getReferenceClass('cn-fyp-midterm-indicators'));
 * // { rate: 0.8, low: 0.584, high: 0.919, method: 'wilson', hits: 16, total: 20, … }
 * ```
 */
export function baseRate(cls: ReferenceClass, observationId?: string): BaseRate {
  const observation = findObservation(cls, observationId);
  const base = { classId: cls.id, observationId: observation.id, observation };
  const result = observation.result;
  if (result.kind === 'count') {
    const rate = result.hits / result.total;
    const { low, high } = wilson(result.hits, result.total);
    return {
      ...base,
      rate,
      low,
      high,
      method: 'wilson',
      bound: result.bound,
      compareLow: result.bound === 'atMost' ? 0 : low,
      compareHigh: result.bound === 'atLeast' ? 1 : high,
      hits: result.hits,
      total: result.total,
    };
  }
  const common = { ...base, rate: result.value, bound: 'exact' as const, ...(result.n !== undefined ? { n: result.n } : {}) };
  if (result.low !== undefined && result.high !== undefined) {
    const method: IntervalMethod = result.rangeKind === 'interval' ? 'source-interval' : 'reported-range';
    return { ...common, low: result.low, high: result.high, method, compareLow: result.low, compareHigh: result.high };
  }
  if (result.n !== undefined) {
    const { low, high } = wilson(result.value * result.n, result.n);
    return { ...common, low, high, method: 'wilson', compareLow: low, compareHigh: high };
  }
  return { ...common, low: result.value, high: result.value, method: 'none', compareLow: result.value, compareHigh: result.value };
}

export type OutsideViewVerdict = 'inside' | 'slightlyAbove' | 'slightlyBelow' | 'above' | 'below';

export interface OutsideView {
  readonly classId: string;
  readonly modelled: number;
  readonly base: BaseRate;
  readonly verdict: OutsideViewVerdict;
  /** True when the modelled probability lies outside the class's range by more than the margin. */
  readonly flagged: boolean;
  /** How far the modelled probability lies beyond the range (signed; 0 inside it). */
  readonly gap: number;
  readonly margin: number;
  /** True when the class or the observation is of low confidence. */
  readonly lowConfidence: boolean;
  readonly message: { readonly en: string; readonly zh: string };
}

export interface OutsideViewOptions {
  /** Compare with this observation instead of the class's headline. */
  readonly observation?: string;
  /** How far outside the range (as a share, 0.05 = 5 percentage points) counts as clearly outside. Default 0.05. */
  readonly margin?: number;
}

function describe(base: BaseRate, cls: ReferenceClass, language: 'en' | 'zh'): string {
  const text = m.outsideView[language];
  const observation = base.observation;
  const label = language === 'en' ? observation.label : observation.labelZh;
  const outcome = language === 'en' ? (observation.outcome ?? cls.outcome) : (observation.outcomeZh ?? cls.outcomeZh);
  const result = observation.result;
  const what =
    result.kind === 'count'
      ? text.count(label, result.hits, result.total, result.bound, outcome)
      : text.rate(label, result.value, outcome, result.n, result.nApproximate === true);
  let spread: string;
  switch (base.method) {
    case 'wilson':
      spread = result.kind === 'count' ? text.wilson(base.rate, base.low, base.high) : text.interval(base.low, base.high);
      break;
    case 'reported-range':
      spread = text.reportedRange(base.low, base.high);
      break;
    case 'source-interval':
      spread = text.sourceInterval(base.low, base.high);
      break;
    default:
      spread = '';
  }
  return spread === '' ? what : language === 'en' ? `${what} (${spread})` : `${what}（${spread}）`;
}

/**
 * The outside view on a modelled probability: where it lies against how often targets of the
 * same class were met, with a sentence in English and Chinese.
 *
 * @example
 * ```ts
 * outsideView(0.92, getReferenceClass('cn-provincial-gdp-growth-target'), { observation: '2019-reuters' }).message.en;
 * // 'the model gives 92 %; of 31 provincial-level GDP growth targets for 2019, at most 20 were met (65 %, 95 % interval 47–79 %): the model is clearly above …'
 * ```
 */
export function outsideView(modelled: number, cls: ReferenceClass, options: OutsideViewOptions = {}): OutsideView {
  if (!(modelled >= 0 && modelled <= 1)) throw new RangeError(m.modelledOutOfRange(modelled));
  const margin = options.margin ?? 0.05;
  const base = baseRate(cls, options.observation);
  let verdict: OutsideViewVerdict = 'inside';
  let gap = 0;
  if (modelled > base.compareHigh) {
    gap = modelled - base.compareHigh;
    verdict = gap > margin ? 'above' : 'slightlyAbove';
  } else if (modelled < base.compareLow) {
    gap = modelled - base.compareLow;
    verdict = -gap > margin ? 'below' : 'slightlyBelow';
  }
  const lowConfidence = cls.confidence === 'low' || base.observation.confidence === 'low';
  const sentence = (language: 'en' | 'zh') => {
    const text = m.outsideView[language];
    const parts = [text.modelGives(modelled), describe(base, cls, language)];
    const tail = lowConfidence ? (language === 'en' ? ` (${text.lowConfidence})` : `（${text.lowConfidence}）`) : '';
    return language === 'en' ? `${parts.join('; ')}: ${text.verdict[verdict]}${tail}.` : `${parts.join('；')}：${text.verdict[verdict]}${tail}。`;
  };
  return {
    classId: cls.id,
    modelled,
    base,
    verdict,
    flagged: verdict === 'above' || verdict === 'below',
    gap,
    margin,
    lowConfidence,
    message: { en: sentence('en'), zh: sentence('zh') },
  };
}

/**
 * The base rate of a class in words, without a modelled probability to compare (for a
 * deterministic projection, which has a verdict but no probability).
 *
 * @example
 * ```ts
 * baseRateSentence(getReferenceClass('cn-national-gdp-growth-target')).en;
 * // 'of 17 national annual GDP growth targets, 1998–2014, 15 were met (88 %, 95 % interval 66–97 %)' (wording from the class)
 * ```
 */
export function baseRateSentence(cls: ReferenceClass, observationId?: string): { readonly en: string; readonly zh: string } {
  const base = baseRate(cls, observationId);
  return { en: describe(base, cls, 'en'), zh: describe(base, cls, 'zh') };
}
