/**
 * Proper scores of forecasts against what happened: the Brier score and its decomposition, the
 * log score, a reliability diagram's data, interval coverage, and the continuous ranked
 * probability score (CRPS). Every score here is negatively oriented: lower is better, 0 is perfect.
 */
import { quantileSorted } from './quantiles.js';
import { standardError, wilsonInterval } from './wilson.js';

function checkBinary(forecasts: ArrayLike<number>, outcomes: ArrayLike<number>): void {
  if (forecasts.length !== outcomes.length)
    throw new RangeError(`expected one outcome per forecast, got ${forecasts.length} forecasts and ${outcomes.length} outcomes`);
  if (forecasts.length === 0) throw new RangeError('expected at least one forecast');
  for (let i = 0; i < forecasts.length; i++) {
    const f = forecasts[i];
    if (!(f >= 0 && f <= 1)) throw new RangeError(`forecasts[${i}]: expected a probability between 0 and 1, got ${f}`);
    if (outcomes[i] !== 0 && outcomes[i] !== 1) throw new RangeError(`outcomes[${i}]: expected 0 or 1, got ${outcomes[i]}`);
  }
}

/**
 * The Brier score: the mean squared difference between forecast probabilities and 0/1 outcomes
 * (Brier 1950). 0 for a perfect forecaster; 0.25 for always saying 50%.
 *
 * @throws RangeError on forecasts outside [0, 1], outcomes other than 0/1, or mismatched lengths
 * @example
 * ```ts
 * brierScore([0.9, 0.2, 0.6], [1, 0, 0]); // (0.01 + 0.04 + 0.36) / 3 = 0.13667
 * ```
 */
export function brierScore(forecasts: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  checkBinary(forecasts, outcomes);
  let sum = 0;
  for (let i = 0; i < forecasts.length; i++) sum += (forecasts[i] - outcomes[i]) ** 2;
  return sum / forecasts.length;
}

/**
 * How forecasts are grouped for a decomposition or a reliability diagram: a number K of
 * equal-width bins [0, 1/K), [1/K, 2/K), …, [(K−1)/K, 1] (the last one closed), or `distinct`:
 * one bin per distinct forecast value.
 */
export type ForecastBins = number | 'distinct';

interface Bin {
  low: number;
  high: number;
  members: number[];
}

function binForecasts(forecasts: ArrayLike<number>, bins: ForecastBins): Bin[] {
  if (bins === 'distinct') {
    const byValue = new Map<number, number[]>();
    for (let i = 0; i < forecasts.length; i++) {
      const list = byValue.get(forecasts[i]);
      if (list) list.push(i);
      else byValue.set(forecasts[i], [i]);
    }
    return [...byValue.entries()].sort((a, b) => a[0] - b[0]).map(([value, members]) => ({ low: value, high: value, members }));
  }
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`bins: expected a whole number of at least 1 or "distinct", got ${bins}`);
  const out: Bin[] = Array.from({ length: bins }, (_, k) => ({ low: k / bins, high: (k + 1) / bins, members: [] }));
  for (let i = 0; i < forecasts.length; i++) out[Math.min(bins - 1, Math.floor(forecasts[i] * bins))].members.push(i);
  return out.filter((b) => b.members.length > 0);
}

/** The Brier score split into what it is made of (Murphy 1973; Stephenson, Coelho & Jolliffe 2008). */
export interface BrierDecomposition {
  readonly brier: number;
  /** (1/N) Σ_k n_k (f̄_k − ō_k)²: how far each bin's mean forecast is from what happened in it. Lower is better. */
  readonly reliability: number;
  /** (1/N) Σ_k n_k (ō_k − ō)²: how far the bins' observed frequencies spread from the base rate. Higher is better. */
  readonly resolution: number;
  /** ō (1 − ō): the Brier score of always forecasting the base rate ō. Fixed by the outcomes. */
  readonly uncertainty: number;
  /** (1/N) Σ_k Σ_i (f_ki − f̄_k)²: the forecasts' spread within their bins (0 with `distinct` bins). */
  readonly withinBinVariance: number;
  /** (2/N) Σ_k Σ_i (f_ki − f̄_k)(o_ki − ō_k): how forecasts and outcomes move together within bins (0 with `distinct` bins). */
  readonly withinBinCovariance: number;
  readonly baseRate: number;
  readonly forecasts: number;
}

/**
 * Murphy's decomposition of the Brier score, generalised to binned forecasts:
 * brier = reliability − resolution + uncertainty + withinBinVariance − withinBinCovariance,
 * exactly (to rounding), for any binning. With `bins: 'distinct'` (each distinct forecast value its
 * own bin) the two within-bin terms are 0 and it is Murphy's (1973) three-term form; with K
 * equal-width bins (default 10) the two extra terms of Stephenson, Coelho & Jolliffe (2008) make up
 * the difference the binning leaves.
 *
 * @throws RangeError on invalid forecasts, outcomes or bins
 * @example
 * ```ts
 * const d = brierDecomposition([0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1], { bins: 'distinct' });
 * d.reliability - d.resolution + d.uncertainty; // 0.065 − 0.0625 + 0.1875 = 0.19, the Brier score
 * ```
 */
export function brierDecomposition(forecasts: ArrayLike<number>, outcomes: ArrayLike<number>, options: { bins?: ForecastBins } = {}): BrierDecomposition {
  const brier = brierScore(forecasts, outcomes);
  const n = forecasts.length;
  let hits = 0;
  for (let i = 0; i < n; i++) hits += outcomes[i];
  const baseRate = hits / n;
  let reliability = 0;
  let resolution = 0;
  let withinBinVariance = 0;
  let withinBinCovariance = 0;
  for (const bin of binForecasts(forecasts, options.bins ?? 10)) {
    const size = bin.members.length;
    let fSum = 0;
    let oSum = 0;
    for (const i of bin.members) {
      fSum += forecasts[i];
      oSum += outcomes[i];
    }
    const fMean = fSum / size;
    const oMean = oSum / size;
    reliability += size * (fMean - oMean) ** 2;
    resolution += size * (oMean - baseRate) ** 2;
    for (const i of bin.members) {
      withinBinVariance += (forecasts[i] - fMean) ** 2;
      withinBinCovariance += 2 * (forecasts[i] - fMean) * (outcomes[i] - oMean);
    }
  }
  return {
    brier,
    reliability: reliability / n,
    resolution: resolution / n,
    uncertainty: baseRate * (1 - baseRate),
    withinBinVariance: withinBinVariance / n,
    withinBinCovariance: withinBinCovariance / n,
    baseRate,
    forecasts: n,
  };
}

/** A log score, with how many forecasts were clipped to get it. */
export interface LogScore {
  /** −(1/N) Σ ln p_i, in nats, where p_i is the probability the forecast gave to what happened. */
  readonly score: number;
  /** Forecasts that gave what happened less than `epsilon` (a 0 or a 1 the other way), scored as if they had said epsilon. */
  readonly clipped: number;
  readonly epsilon: number;
}

/**
 * The logarithmic (ignorance) score in nats: −mean ln p, p being the probability the forecast gave
 * to the outcome that happened. It is unbounded: a forecast of 0 for what happened would score
 * infinity, so the probability given to what happened is clipped to at least `epsilon` (default
 * 1e-6, which costs ln(1e6) ≈ 13.8 nats), and the number clipped is reported. Forecasts that gave
 * what happened more than epsilon are not changed, so a perfect forecaster scores exactly 0.
 *
 * @throws RangeError on invalid forecasts or outcomes, or epsilon outside (0, 0.5)
 * @example
 * ```ts
 * logScore([0.9, 0.2], [1, 0]).score; // −(ln 0.9 + ln 0.8)/2 = 0.16425
 * logScore([0, 1], [1, 1]).clipped;   // 1
 * ```
 */
export function logScore(forecasts: ArrayLike<number>, outcomes: ArrayLike<number>, options: { epsilon?: number } = {}): LogScore {
  checkBinary(forecasts, outcomes);
  const epsilon = options.epsilon ?? 1e-6;
  if (!(epsilon > 0 && epsilon < 0.5)) throw new RangeError(`epsilon: expected a number between 0 and 0.5, got ${epsilon}`);
  let sum = 0;
  let clipped = 0;
  for (let i = 0; i < forecasts.length; i++) {
    const given = outcomes[i] === 1 ? forecasts[i] : 1 - forecasts[i];
    if (given < epsilon) clipped++;
    // −ln(1) is −0: add 0 so a perfect score is +0.
    sum += -Math.log(Math.max(given, epsilon)) + 0;
  }
  return { score: sum / forecasts.length, clipped, epsilon };
}

/** One bin of a reliability diagram. */
export interface ReliabilityBin {
  /** The bin's edges (equal with `distinct` bins). */
  readonly low: number;
  readonly high: number;
  readonly count: number;
  readonly meanForecast: number;
  readonly observedFrequency: number;
  /** The Wilson interval of the observed frequency. */
  readonly interval: readonly [number, number];
  readonly standardError: number;
}

/**
 * The data of a reliability diagram: forecasts grouped into bins (as in `brierDecomposition`,
 * default 10 equal-width bins), and per bin the mean forecast, the observed frequency of the event
 * with its Wilson interval, and the count. A calibrated forecaster's points lie on the diagonal
 * within their intervals. Empty bins are left out.
 *
 * @throws RangeError on invalid forecasts, outcomes, bins or confidence
 * @example
 * ```ts
 * reliabilityDiagram([0.1, 0.15, 0.8, 0.85], [0, 0, 1, 0], { bins: 5 });
 * // [{ low: 0, high: 0.2, count: 2, meanForecast: 0.125, observedFrequency: 0, … }, { low: 0.8, high: 1, count: 2, observedFrequency: 0.5, … }]
 * ```
 */
export function reliabilityDiagram(
  forecasts: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  options: { bins?: ForecastBins; confidence?: number } = {},
): ReliabilityBin[] {
  checkBinary(forecasts, outcomes);
  const confidence = checkConfidence(options.confidence);
  return binForecasts(forecasts, options.bins ?? 10).map((bin) => {
    let fSum = 0;
    let hits = 0;
    for (const i of bin.members) {
      fSum += forecasts[i];
      hits += outcomes[i];
    }
    const count = bin.members.length;
    return {
      low: bin.low,
      high: bin.high,
      count,
      meanForecast: fSum / count,
      observedFrequency: hits / count,
      interval: wilsonInterval(hits, count, confidence),
      standardError: standardError(hits, count),
    };
  });
}

function checkConfidence(confidence: number | undefined): number {
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) throw new RangeError(`confidence: expected a number between 0 and 1, got ${confidence}`);
  return confidence ?? 0.95;
}

/** How often intervals held what happened. */
export interface Coverage {
  /** The nominal level of the intervals (0.5 for central 50% intervals), or null when not stated. */
  readonly nominal: number | null;
  readonly covered: number;
  readonly count: number;
  /** covered / count: close to `nominal` for calibrated intervals. */
  readonly rate: number;
  /** The Wilson interval of the rate. */
  readonly interval: readonly [number, number];
  readonly standardError: number;
}

/**
 * The share of intervals [low, high] (bounds included) that contain the observed value, with its
 * Wilson interval; for central p intervals of a calibrated forecaster it is p within sampling error.
 *
 * @throws RangeError on mismatched lengths, no intervals, a low above its high, or non-finite values
 * @example
 * ```ts
 * intervalCoverage([[0, 2], [1, 3], [5, 6]], [1, 4, 5.5], { nominal: 0.5 }).rate; // 2/3
 * ```
 */
export function intervalCoverage(
  intervals: ReadonlyArray<readonly [number, number]>,
  observed: ArrayLike<number>,
  options: { nominal?: number; confidence?: number } = {},
): Coverage {
  if (intervals.length !== observed.length)
    throw new RangeError(`expected one observed value per interval, got ${intervals.length} intervals and ${observed.length} values`);
  if (intervals.length === 0) throw new RangeError('expected at least one interval');
  const confidence = checkConfidence(options.confidence);
  let covered = 0;
  for (let i = 0; i < intervals.length; i++) {
    const [low, high] = intervals[i];
    const y = observed[i];
    if (!(Number.isFinite(low) && Number.isFinite(high) && low <= high))
      throw new RangeError(`intervals[${i}]: expected finite bounds with low <= high, got [${low}, ${high}]`);
    if (!Number.isFinite(y)) throw new RangeError(`observed[${i}]: expected a finite number, got ${y}`);
    if (y >= low && y <= high) covered++;
  }
  const count = intervals.length;
  return {
    nominal: options.nominal ?? null,
    covered,
    count,
    rate: covered / count,
    interval: wilsonInterval(covered, count, confidence),
    standardError: standardError(covered, count),
  };
}

function checkSample(sample: ArrayLike<number>, where: string): void {
  if (sample.length === 0) throw new RangeError(`${where}: expected at least one predicted value`);
  for (let i = 0; i < sample.length; i++) if (!Number.isFinite(sample[i])) throw new RangeError(`${where}[${i}]: expected a finite number, got ${sample[i]}`);
}

/**
 * The central interval of a sample of predicted values at a level: its (1 − level)/2 and
 * (1 + level)/2 quantiles (type 7, as `quantileSorted`).
 *
 * @example
 * ```ts
 * centralInterval([1, 2, 3, 4, 5], 0.5); // [2, 4]
 * ```
 */
export function centralInterval(sample: ArrayLike<number>, level: number): [number, number] {
  if (!(level > 0 && level < 1)) throw new RangeError(`level: expected a number between 0 and 1, got ${level}`);
  checkSample(sample, 'sample');
  const sorted = Float64Array.from(sample).sort();
  return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
}

/**
 * Coverage of central intervals (default 50% and 90%) drawn from samples of predicted values, one
 * sample per forecast case, against the observed values. From a sample of m values the expected
 * coverage of a type-7 interval falls short of its level by about level·2/(m + 1): use samples of
 * hundreds of values or more.
 *
 * @throws RangeError on mismatched lengths, empty or non-finite samples, or levels outside (0, 1)
 * @example
 * ```ts
 * const [c50, c90] = sampleCoverage(forecastSamples, outcomes); // c50.rate should be near 0.5
 * ```
 */
export function sampleCoverage(
  samples: ReadonlyArray<ArrayLike<number>>,
  observed: ArrayLike<number>,
  options: { levels?: readonly number[]; confidence?: number } = {},
): Coverage[] {
  if (samples.length !== observed.length)
    throw new RangeError(`expected one observed value per sample, got ${samples.length} samples and ${observed.length} values`);
  const levels = options.levels ?? [0.5, 0.9];
  for (const level of levels) if (!(level > 0 && level < 1)) throw new RangeError(`levels: expected numbers between 0 and 1, got ${level}`);
  const sorted = samples.map((s, i) => {
    checkSample(s, `samples[${i}]`);
    return Float64Array.from(s).sort();
  });
  return levels.map((level) =>
    intervalCoverage(
      sorted.map((s) => [quantileSorted(s, (1 - level) / 2), quantileSorted(s, (1 + level) / 2)] as const),
      observed,
      { nominal: level, confidence: options.confidence },
    ),
  );
}

/**
 * The continuous ranked probability score of a predictive distribution given by a sample of
 * predicted values, against the observed value y, in y's unit. The energy form
 * CRPS = E|X − y| − ½ E|X − X'| (Gneiting & Raftery 2007), evaluated on the sample in O(m log m):
 * with the sample sorted, Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − m − 1) x_(i). The default estimator
 * is the CRPS of the sample's empirical distribution (the m² pairs, i = j included), which for
 * a sample of m draws from F exceeds CRPS(F) by E|X − X'|/(2m) on average; `fair: true` divides
 * the pair sum by m(m − 1) instead, which removes that bias (needs m ≥ 2). A point mass at x
 * scores |x − y|; lower is better.
 *
 * @throws RangeError on an empty or non-finite sample or observed value
 * @example
 * ```ts
 * crpsSample([3], 5);          // 2: a point forecast scores its absolute error
 * crpsSample([1, 2, 3, 4], 2); // 1 − 0.625 = 0.375
 * ```
 */
export function crpsSample(sample: ArrayLike<number>, observed: number, options: { fair?: boolean } = {}): number {
  checkSample(sample, 'sample');
  if (!Number.isFinite(observed)) throw new RangeError(`observed: expected a finite number, got ${observed}`);
  const m = sample.length;
  const sorted = Float64Array.from(sample).sort();
  let absoluteError = 0;
  let pairSum = 0;
  for (let i = 0; i < m; i++) {
    absoluteError += Math.abs(sorted[i] - observed);
    // 0-based: the coefficient of x_(i) is 2(i + 1) − m − 1 = 2i − m + 1.
    pairSum += (2 * i - m + 1) * sorted[i];
  }
  const fair = options.fair ?? false;
  if (fair && m < 2) throw new RangeError('fair: expected a sample of at least 2 values');
  // pairSum is half of Σ_i Σ_j |x_i − x_j|, so ½ E|X − X'| = pairSum / (pairs).
  const spread = pairSum / (fair ? m * (m - 1) : m * m);
  return absoluteError / m - spread;
}

/**
 * The CRPS of a predictive distribution given by quantiles, against the observed value y: twice
 * the integral over levels τ of the quantile (pinball) loss (1{y < q_τ} − τ)(q_τ − y), by the
 * midpoint rule — each level weighs the part of [0, 1] nearer to it than to its neighbours. With
 * K levels (k − ½)/K this is the usual average of 2·pinball losses; with the 101 percentiles
 * 0, 0.01, …, 1 the ends weigh half. Exact for a point mass (every quantile x: |x − y|); otherwise
 * an approximation whose error shrinks as levels get denser, and which knows nothing of the tails
 * beyond the outermost levels.
 *
 * @throws RangeError when levels are not strictly increasing in [0, 1], quantiles decrease, or lengths differ
 * @example
 * ```ts
 * crpsQuantiles([0.25, 0.5, 0.75], [4, 5, 6], 5); // 0.375: the outer levels weigh 0.375 each, with loss 0.25
 * ```
 */
export function crpsQuantiles(levels: ArrayLike<number>, quantiles: ArrayLike<number>, observed: number): number {
  const k = levels.length;
  if (k === 0 || k !== quantiles.length) throw new RangeError(`expected one quantile per level, got ${k} levels and ${quantiles.length} quantiles`);
  if (!Number.isFinite(observed)) throw new RangeError(`observed: expected a finite number, got ${observed}`);
  for (let i = 0; i < k; i++) {
    if (!(levels[i] >= 0 && levels[i] <= 1) || (i > 0 && !(levels[i] > levels[i - 1])))
      throw new RangeError(`levels[${i}]: expected strictly increasing levels between 0 and 1, got ${levels[i]}`);
    if (!Number.isFinite(quantiles[i]) || (i > 0 && quantiles[i] < quantiles[i - 1]))
      throw new RangeError(`quantiles[${i}]: expected finite, non-decreasing quantiles, got ${quantiles[i]}`);
  }
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const from = i === 0 ? 0 : (levels[i - 1] + levels[i]) / 2;
    const to = i === k - 1 ? 1 : (levels[i] + levels[i + 1]) / 2;
    const q = quantiles[i];
    const tau = levels[i];
    sum += (to - from) * 2 * ((observed < q ? 1 : 0) - tau) * (q - observed);
  }
  return sum;
}
