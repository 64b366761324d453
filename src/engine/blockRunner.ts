import { arrivalsKernel } from '../processes/arrivals.js';
import { constantKernel } from '../processes/constant.js';
import { derivedKernel } from '../processes/derived.js';
import { graduationKernel } from '../processes/graduation.js';
import { growthKernel } from '../processes/growth.js';
import { withHold } from '../processes/hold.js';
import type { StepKernel, YearInput } from '../processes/kernel.js';
import { logisticKernel } from '../processes/logistic.js';
import { type CompiledStep, withSteps } from '../processes/steps.js';
import { tableCountKernel } from '../processes/tableCount.js';
import { induceRankCorrelation } from '../random/correlation.js';
import { binomialTable, poissonTable } from '../random/discreteTable.js';
import { type Noise, NominalNoise, RandomNoise } from '../random/noise.js';
import { deriveStream, type RandomStream } from '../random/stream.js';
import type { Quantity } from '../scenario/schema/common.js';
import { measureTargets, type TargetOutcomes } from './measure.js';
import type { Model, ModelMetric } from './model.js';

/** Where a block's randomness comes from: seeded streams, or the nominal (central) case. */
export type Draws = { readonly kind: 'random'; readonly seed: string | number; readonly block: number } | { readonly kind: 'nominal' };

/** A block's trajectories and target outcomes. Views into the runner's buffers: valid until its next run. */
export interface BlockOutcome {
  readonly length: number;
  /** values[metric][yearIndex][trial], metrics in the model's order. */
  readonly values: readonly (readonly Float64Array[])[];
  /** parameters[parameter][yearIndex][trial], parameters in the model's order (one shared array for per-trial parameters). */
  readonly parameters: readonly (readonly Float64Array[])[];
  readonly targets: TargetOutcomes;
}

/**
 * Runs blocks of trials of one model over typed arrays: one array per metric and year, one per
 * parameter (and year, for yearly parameters); no objects per trial. Buffers are reused across
 * blocks, and kernels are built once per runner.
 */
export class BlockRunner {
  private readonly values: Float64Array[][];
  private readonly parameterValues: Float64Array[][];
  private readonly kernels: StepKernel[];
  private readonly targetOutcomes: TargetOutcomes;
  private readonly yearCount: number;
  private readonly scratch: Float64Array;
  /** Per metric with a baseline expression: the parameters' year-0 arrays it reads, in slot order. */
  private readonly baselineInputs: Float64Array[][];

  constructor(
    private readonly model: Model,
    private readonly capacity: number,
  ) {
    this.yearCount = model.years.length;
    this.scratch = new Float64Array(capacity);
    const years = this.yearCount;
    this.values = model.metrics.map(() => Array.from({ length: years }, () => new Float64Array(capacity)));
    this.parameterValues = model.parameters.map((p) => {
      if (p.perYear) return Array.from({ length: years }, () => new Float64Array(capacity));
      const shared = new Float64Array(capacity);
      return Array.from({ length: years }, () => shared);
    });
    const constants = new Map<number, Float64Array>();
    const metricIndex = new Map(model.metrics.map((m, i) => [m.name, i]));
    const parameterIndex = new Map(model.parameters.map((p, i) => [p.name, i]));
    const input = (quantity: Quantity): YearInput => {
      if (typeof quantity === 'number') {
        let filled = constants.get(quantity);
        if (filled === undefined) {
          filled = new Float64Array(capacity).fill(quantity);
          constants.set(quantity, filled);
        }
        const constant = filled;
        return () => constant;
      }
      const p = parameterIndex.get(quantity);
      if (p !== undefined) {
        const byYear = this.parameterValues[p];
        return (year) => byYear[year];
      }
      // prev(x) and base(x) in an expression: x's value the year before, or in the base year.
      const lagged = /^(prev|base)\((.+)\)$/.exec(quantity);
      if (lagged !== null) {
        const byYear = this.values[metricIndex.get(lagged[2]) as number];
        return lagged[1] === 'prev' ? (year) => byYear[year - 1] : () => byYear[0];
      }
      const byYear = this.values[metricIndex.get(quantity) as number];
      return (year) => byYear[year];
    };
    this.kernels = model.metrics.map((m, index) => this.kernelFor(m, this.values[index], input));
    this.baselineInputs = model.metrics.map((m) =>
      m.baseline !== undefined && typeof m.baseline === 'object' && 'expression' in m.baseline ? m.baseline.expression.names.map((name) => input(name)(0)) : [],
    );
    this.targetOutcomes = {
      measured: model.targets.map(() => new Float64Array(capacity)),
      hit: model.targets.map(() => new Uint8Array(capacity)),
      firstYearIndex: model.targets.map(() => new Int16Array(capacity)),
      firstYearCounts: model.targets.map(() => new Int32Array(years)),
    };
  }

  private kernelFor(m: ModelMetric, values: Float64Array[], input: (q: Quantity) => YearInput): StepKernel {
    const p = m.metric.process;
    let kernel: StepKernel;
    switch (p.type) {
      case 'constant':
        kernel = constantKernel(values);
        break;
      case 'growth':
        kernel = growthKernel(values, input(p.drift), input(p.volatility));
        break;
      case 'logistic':
        kernel = logisticKernel(values, input(p.rate), input(p.capacity), input(p.volatility));
        break;
      case 'arrivals': {
        // A fixed rate draws from a precomputed table (~4x faster than a sampler per draw).
        const table = typeof p.rate === 'number' && p.dispersion === undefined ? poissonTable(p.rate) : undefined;
        kernel = table ? tableCountKernel(values, table) : arrivalsKernel(values, input(p.rate), p.dispersion === undefined ? undefined : input(p.dispersion));
        break;
      }
      case 'graduation': {
        const fixed = typeof p.pool === 'number' && typeof p.probability === 'number' && !p.depleting;
        const table = fixed ? binomialTable(p.pool as number, p.probability as number) : undefined;
        kernel = table ? tableCountKernel(values, table) : graduationKernel(values, input(p.pool), input(p.probability), p.depleting);
        break;
      }
      case 'derived': {
        const expression = m.expression as NonNullable<ModelMetric['expression']>;
        kernel = derivedKernel(
          values,
          expression.kernel,
          expression.names.map((name) => input(name)),
          this.model.years[0],
        );
        break;
      }
    }
    const baseYear = this.model.years[0];
    const steps: CompiledStep[] = (m.metric.steps ?? []).map((step) => ({
      yearIndex: step.year - baseYear,
      add: step.add === undefined ? undefined : input(step.add),
      multiply: step.multiply === undefined ? undefined : input(step.multiply),
    }));
    const stepped = withSteps(kernel, values, steps);
    // Every metric of a held park is held, derived ones too: they would read its assumptions (drawn
    // every trial) as if the park had started with the others.
    return m.metric.holdUntil === undefined ? stepped : withHold(stepped, values, m.metric.holdUntil - baseYear);
  }

  /**
   * Runs `length` trials (at most the capacity). With random draws, each parameter, baseline and
   * metric has its own stream derived from (seed, name, block), so adding an unrelated
   * assumption leaves the others' draws unchanged.
   */
  run(length: number, draws: Draws): BlockOutcome {
    if (length > this.capacity) throw new RangeError(`block of ${length} trials exceeds the runner's capacity ${this.capacity}`);
    const stream = (name: string): RandomStream | undefined => (draws.kind === 'random' ? deriveStream(draws.seed, name, draws.block) : undefined);

    this.model.parameters.forEach((parameter, index) => {
      const byYear = this.parameterValues[index];
      const s = stream(`parameter:${parameter.name}`);
      const yearsToDraw = parameter.perYear ? this.yearCount : 1;
      for (let year = 0; year < yearsToDraw; year++) {
        const out = byYear[year];
        if (s === undefined) out.fill(parameter.central, 0, length);
        else parameter.sampler(out, length, s);
      }
    });

    const correlated = this.model.correlated;
    if (correlated !== undefined && draws.kind === 'random') {
      const columns = correlated.parameterIndices.map((index) => this.parameterValues[index][0]);
      induceRankCorrelation(columns, length, correlated.factor, stream('correlation') as RandomStream);
    }

    const nominal = new NominalNoise();
    const noises: Noise[] = this.model.metrics.map((m) => {
      // Constant and derived metrics draw nothing: deriving their streams would cost ~3 µs each per block.
      const drawsNoise = m.metric.process.type !== 'constant' && m.metric.process.type !== 'derived';
      const s = drawsNoise ? stream(`noise:${m.name}`) : undefined;
      return s === undefined ? nominal : new RandomNoise(s);
    });

    // The base year: baselines, and derived metrics without one computed from the others.
    this.model.metrics.forEach((m, index) => {
      const base = this.values[index][0];
      if (m.baseline === undefined) {
        this.kernels[index](0, length, nominal);
      } else if (typeof m.baseline === 'number') {
        base.fill(m.baseline, 0, length);
      } else if ('expression' in m.baseline) {
        // Parameters only, drawn above: each trial's baseline is the expression of its own draws (of centrals, nominally).
        m.baseline.expression.kernel(base, length, this.baselineInputs[index], this.model.years[0]);
      } else {
        const s = stream(`baseline:${m.name}`);
        if (s === undefined) base.fill(m.baseline.central, 0, length);
        else m.baseline.sampler(base, length, s);
      }
    });

    for (let year = 1; year < this.yearCount; year++) {
      for (let index = 0; index < this.kernels.length; index++) this.kernels[index](year, length, noises[index]);
    }

    measureTargets(this.model.targets, this.values, length, this.targetOutcomes, this.scratch);
    return { length, values: this.values, parameters: this.parameterValues, targets: this.targetOutcomes };
  }
}
