import { openAtomicFile, writeFileAtomic } from '../../files/index.js';
import { DEFAULT_TRIALS, RunAborted, type SimulationResult, simulate, simulateShard, startWorkers } from '../../index.js';
import { confirmLongRun, trialsWithinLimit } from '../estimate.js';
import { formatInterval, formatProbability, formatThreshold, formatValue, shownMetrics, table } from '../format.js';
import { interruptible } from '../interrupt.js';
import { defaultWorkers, EXIT, type Io } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';
import { outputsWritable } from '../outputs.js';
import { progressBar } from '../progress.js';
import { samplesFormatter } from '../samples.js';
import { type ShardChoice, ShardEnvironmentError, shardFromEnvironment, withShard } from '../shardEnvironment.js';

/** The outside view of each target that names a reference class (nothing when none does). */
function outsideViewLines(result: SimulationResult): string {
  const named = result.targets.filter((t) => t.outsideView !== undefined);
  if (named.length === 0) return '';
  const lines = named.map((t) => `- ${t.id}${t.outsideView?.flagged ? ' [far from its class]' : ''}: ${t.outsideView?.sentence.en}`);
  return `\n\nOutside view (reference classes, docs/reference-classes.md):\n${lines.join('\n')}`;
}

/** The recorded outcomes against the prediction (nothing when the scenario records none). */
function outcomeLines(result: SimulationResult): string {
  const outcomes = result.outcomes ?? [];
  if (outcomes.length === 0) return '';
  const lines = outcomes.map((o) => {
    const where = o.percentile === null ? 'no finite prediction' : `${o.outside === undefined ? 'at' : o.outside} percentile ${o.percentile.toFixed(0)}`;
    const verdict =
      o.met !== undefined
        ? `; target ${o.met ? 'met' : 'missed'} (predicted ${formatProbability(o.predictedProbability ?? 0)})`
        : (o.targets ?? []).map((t) => `; ${t.id} ${t.met ? 'met' : 'missed'} (predicted ${formatProbability(t.predictedProbability)})`).join('');
    return `- ${o.target ?? o.metric} ${o.year}: actual ${o.value}${o.series === 'independent' ? ' (independent series)' : ''}, ${where} of the prediction${verdict} [${o.source}]`;
  });
  return `\n\nPredicted against actual:\n${lines.join('\n')}`;
}

/** The median first year met among trials that met it by the deadline (a later first year is late, not counted). */
function typicalFirstYear(t: SimulationResult['targets'][number]): string {
  const met = t.firstYearMet.byYear.reduce((sum, y) => sum + y.probability, 0);
  if (met === 0) return '—';
  let cumulative = 0;
  for (const { year, probability } of t.firstYearMet.byYear) {
    cumulative += probability;
    if (cumulative >= met / 2) return String(year);
  }
  return '—';
}

/** The Monte Carlo summary as text: targets, joint and k-of-n, then metric quantiles. */
export function simulationText(result: SimulationResult, title: string): string {
  const m = result.meta;
  const confidence = `${Math.round(m.confidence * 100)}%`;
  const targets = table(
    ['target', 'kind', 'deadline', 'threshold', 'P(hit)', `${confidence} interval`, '± s.e.', 'typical first year', 'mean shortfall if missed'],
    result.targets.map((t) => [
      t.id,
      t.kind,
      String(t.deadline),
      formatThreshold(t.comparison, t.threshold, t.unit, t.displayUnit),
      formatProbability(t.probability),
      formatInterval(t.interval),
      `${(t.standardError * 100).toFixed(2)} pp`,
      typicalFirstYear(t),
      t.expectedShortfall === null ? '—' : formatValue(t.expectedShortfall, t.unit, t.displayUnit),
    ]),
  );
  // Strive (力争) levels apart from the targets above, which are at their official (ensure) levels.
  const strived = result.targets.filter((t) => t.strive !== undefined);
  const strive =
    strived.length > 0
      ? `\n\nStrive levels (the table above is at the ensure levels):\n${table(
          ['target', 'strive threshold', 'P(strive)', `${confidence} interval`, 'P(ensure, not strive)'],
          strived.map((t) => {
            const level = t.strive as NonNullable<typeof t.strive>;
            return [
              t.id,
              formatThreshold(t.comparison, level.threshold, t.unit, t.displayUnit),
              formatProbability(level.probability),
              formatInterval(level.interval),
              formatProbability(level.ensureOnly.probability),
            ];
          }),
        )}`
      : '';
  const joint =
    (result.joint.targets.length > 0
      ? `All ${result.joint.targets.length} official targets: ${formatProbability(result.joint.probability)} ${formatInterval(result.joint.interval)}\n` +
        `At least k of them: ${result.officialHitCount.map((c) => `${c.k}: ${formatProbability(c.atLeast)}`).join(', ')}`
      : 'No official targets.') +
    (result.striveJoint === undefined
      ? ''
      : `\n${result.striveJoint.targets.length === 1 ? 'Its one strive level' : `All ${result.striveJoint.targets.length} strive levels together`}: ${formatProbability(result.striveJoint.probability)} ${formatInterval(result.striveJoint.interval)}`) +
    (result.jointTargets ?? [])
      .map((j) => `\n${j.label} (${j.targets.join(', ')}): ${formatProbability(j.probability)} ${formatInterval(j.interval)}`)
      .join('');
  const { shown, note } = shownMetrics(result.metrics);
  const metrics = table(
    ['metric', 'year', 'mean', 'p5', 'p25', 'median', 'p75', 'p95'],
    shown.flatMap((metric) =>
      metric.years
        .slice(1)
        .map((y) => [
          metric.label,
          String(y.year),
          formatValue(y.mean, metric.unit, metric.displayUnit),
          ...(['p5', 'p25', 'p50', 'p75', 'p95'] as const).map((q) => formatValue(y.quantiles?.[q] ?? null, metric.unit, metric.displayUnit)),
        ]),
    ),
  );
  const stop =
    m.precision === null
      ? ''
      : m.stoppedEarly
        ? ` (stopped early: ${[
            m.precision.halfWidth === undefined ? undefined : `±${(m.precision.halfWidth * 100).toFixed(2)} pp`,
            m.precision.relative === undefined ? undefined : `±${Math.round(m.precision.relative * 100)}% of p`,
          ]
            .filter(Boolean)
            .join(' and ')} reached)`
        : m.precisionReached === false
          ? ' (precision not reached: see the warnings)'
          : '';
  const header = `${title}\nMonte Carlo: ${m.trials.toLocaleString('en-US')} trials${stop}, seed ${JSON.stringify(m.seed)}, parkcast ${m.parkcastVersion}, scenario ${m.scenarioHash.slice(0, 19)}`;
  const warnings = result.warnings.length > 0 ? `\n\nWarnings:\n${result.warnings.map((w) => `- ${w}`).join('\n')}` : '';
  return `${header}\n\n${targets}${strive}${outsideViewLines(result)}${outcomeLines(result)}\n\n${joint}\n\n${metrics}${note}${warnings}`;
}

export interface SimulateCommandOptions {
  trials?: number;
  seed?: string | number;
  precision?: number;
  /** Stop once every probability is known to ± this share of the rarer of p and 1 − p. */
  relativePrecision?: number;
  confidence?: number;
  workers?: number;
  json?: boolean;
  /** `i/n`: compute only shard i of n (prints a shard file for `parkcast merge`); `auto`: from the batch runner's environment. */
  shard?: { index: number; count: number } | 'auto';
  /** With `--shard auto`, where the runner does not say how many tasks it runs. */
  shardCount?: number;
  /** Start a run estimated to take more than ten minutes. */
  yes?: boolean;
  /** Write the result (JSON) to this file, atomically, instead of stdout. */
  output?: string;
  /** Write every trial to this file (.csv or .jsonl), atomically. */
  samples?: string;
}

/**
 * `parkcast simulate FILE`: the Monte Carlo summary as a table, or JSON with --json; a shard of
 * the run with --shard i/n. Shows progress on a terminal; Ctrl-C stops cleanly, writing nothing.
 */
export async function simulateCommand(file: string, options: SimulateCommandOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const trials = options.trials ?? DEFAULT_TRIALS;
  if (!options.shard && !trialsWithinLimit(trials, io, '; split a larger run into shards (--shard i/n) and merge them')) return EXIT.usage;
  if (options.samples && !/\.(csv|jsonl)$/i.test(options.samples)) {
    io.err(`--samples: expected a file name ending in .csv or .jsonl, got "${options.samples}"`);
    return EXIT.usage;
  }
  const precise = options.precision !== undefined || options.relativePrecision !== undefined;
  if (options.shard && (precise || options.samples)) {
    io.err('--shard: a shard cannot stop early (--precision, --relative-precision) or write samples (--samples); run those on the whole run');
    return EXIT.usage;
  }
  if (options.shardCount !== undefined && options.shard !== 'auto') {
    io.err('--shard-count: only with --shard auto (with --shard i/n, n is the count)');
    return EXIT.usage;
  }
  let shard: ShardChoice | undefined;
  try {
    shard = options.shard === 'auto' ? shardFromEnvironment(env, options.shardCount) : options.shard;
  } catch (error) {
    if (!(error instanceof ShardEnvironmentError)) throw error;
    io.err(`parkcast: ${error.message}`);
    return EXIT.usage;
  }
  if (shard?.source) io.err(`parkcast: shard ${shard.index} of ${shard.count} (from ${shard.source})`);
  const output = options.output && shard ? withShard(options.output, shard) : options.output;
  // Every output is checked before anything runs: a bad path fails now, not after the whole run.
  const writable = await outputsWritable(
    [
      output === undefined ? undefined : { kind: 'file', path: output, option: '--output' },
      options.samples === undefined ? undefined : { kind: 'file', path: options.samples, option: '--samples' },
    ],
    [file],
    io,
  );
  if (!writable) return EXIT.invalidInput;
  const workers = options.workers ?? (options.samples ? 1 : defaultWorkers(trials));
  // The threads start while the scenario is read and checked (~0.5 s, most of it loading mathjs).
  startWorkers(workers);
  const scenario = await loadOrReport(file, io);
  if (scenario === undefined) return EXIT.invalidInput;
  const emit = async (text: string) => {
    if (output) await writeFileAtomic(output, `${text}\n`);
    else io.out(text);
  };

  if (!(await confirmLongRun([scenario], shard ? Math.ceil(trials / shard.count) : trials, workers, options.yes, io))) return EXIT.usage;
  if (shard) {
    const part = await simulateShard(scenario, { trials, seed: options.seed, confidence: options.confidence, workers, shard });
    await emit(JSON.stringify(part));
    return EXIT.ok;
  }

  const samples = options.samples ? openAtomicFile(options.samples) : undefined;
  const format = samplesFormatter(options.samples?.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'csv');
  const progress = progressBar(trials);
  try {
    const result = await interruptible((signal) =>
      simulate(scenario, {
        trials,
        seed: options.seed,
        confidence: options.confidence,
        workers,
        precision: precise ? { halfWidth: options.precision, relative: options.relativePrecision, confidence: options.confidence } : undefined,
        onProgress: (done) => progress.update(done),
        onBlock: samples ? (block) => samples.write(format(block)) : undefined,
        signal,
      }),
    );
    progress.stop();
    samples?.commit();
    if (result.meta.precisionReached === false) io.err(`parkcast: ${result.warnings[result.warnings.length - 1]}`);
    await emit(options.json || options.output ? JSON.stringify(result, null, 2) : simulationText(result, `${scenario.park.name} (${file})`));
    return EXIT.ok;
  } catch (error) {
    progress.stop();
    samples?.discard();
    if (error instanceof RunAborted) {
      io.err('parkcast: stopped; no output written');
      return EXIT.interrupted;
    }
    throw error;
  }
}
