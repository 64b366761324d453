import {
  DEFAULT_TRIALS,
  GOAL_SEEK_RUNS_AT_LEAST,
  type GoalSeekResult,
  type GrowthNeededResult,
  type GrowthNeededTarget,
  goalSeek,
  growthNeeded,
} from '../../index.js';
import { confirmLongRun, trialsWithinLimit } from '../estimate.js';
import { formatNeeded, formatNumber, formatProbability, formatRate, formatThreshold, table } from '../format.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';

/** The share of a distribution below a value: 99.5%, and the extremes as ">99.9%" and "<0.1%". */
function shareBelow(p: number): string {
  if (p > 0.999 && p < 1) return '>99.9%';
  if (p < 0.001 && p > 0) return '<0.1%';
  return `${(p * 100).toFixed(1)}%`;
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${formatNumber(Math.abs(x))}`;

function recentText(t: GrowthNeededTarget): string {
  if (t.recent === null) return '—';
  const { average, latest } = t.recent;
  return average.fromYear === latest.year - 1
    ? `${formatRate(latest.rate)} (${latest.year})`
    : `${formatRate(average.rate)} (${average.fromYear}-${average.toYear}); ${formatRate(latest.rate)} in ${latest.year}`;
}

/** The deterministic goal seek as a table: the growth each target needs, against the projection's and the park's recent growth. */
export function growthNeededText(result: GrowthNeededResult): string {
  return table(
    ['target', 'deadline', 'threshold', 'needs', 'projection grows', 'met in projection', 'recent growth', 'gap'],
    result.targets.map((t) => [
      t.id,
      String(t.deadline),
      formatThreshold(t.comparison, t.threshold, t.unit),
      formatNeeded(t),
      formatRate(t.projectedGrowthRate),
      t.metInProjection ? 'yes' : 'no',
      recentText(t),
      t.gapToRecent === null ? '—' : `${t.gapToRecent >= 0 ? '+' : '−'}${Math.abs(t.gapToRecent * 100).toFixed(1)} pp/yr`,
    ]),
  );
}

/** The goal seek as text: the value found, its uncertainty, how far it is from the scenario's assumption. */
export function goalSeekText(result: GoalSeekResult, title: string): string {
  const { target: t, assumption: a, meta: m } = result;
  const level = formatProbability(result.probability);
  const lines = [
    title,
    `Goal seek: the value of ${a.name} at which ${t.id} (${formatThreshold(t.comparison, t.threshold, t.unit)} by ${t.deadline}) is hit with probability ${level}`,
    '',
  ];
  if (result.status === 'found') {
    const [low, high] = result.interval ?? [null, null];
    const se = result.standardError === null ? '' : `; ± ${formatNumber(result.standardError)} s.e.`;
    lines.push(
      `  ${a.name} = ${formatNumber(result.value)}  (${Math.round(m.confidence * 100)}% Monte Carlo interval ${formatNumber(low)} to ${formatNumber(high)}${se})`,
    );
    lines.push(`  P(hit) there: ${formatProbability(result.probabilityAtValue ?? Number.NaN)}`);
    const change = result.change;
    if (change !== null) {
      const relative = change.relative === null ? '' : ` (${change.relative >= 0 ? '+' : '−'}${Math.abs(change.relative * 100).toFixed(0)}%)`;
      lines.push(
        `  The scenario assumes ${formatNumber(a.point)} (P(hit) ${formatProbability(result.current.probabilityAtPoint)} fixed there, ` +
          `${formatProbability(result.current.probabilityDrawn)} drawn from its distribution): ${signed(change.absolute)}${relative}, ` +
          `and ${shareBelow(change.percentile)} of its own distribution lies below it.`,
      );
    }
  } else {
    const edge = result.status === 'unreachable' ? 'No value reaches it' : 'Every value reaches it';
    lines.push(
      `  ${edge} in [${formatNumber(a.domain.min)}, ${formatNumber(a.domain.max)}]${a.domain.reasons.length > 0 ? ` (${a.domain.reasons.join('; ')})` : ''}.`,
    );
    lines.push(`  The scenario assumes ${formatNumber(a.point)}: P(hit) ${formatProbability(result.current.probabilityAtPoint)} fixed there.`);
  }
  lines.push(
    `  ${result.curve.length} values tried, ${m.trials.toLocaleString('en-US')} trials each, seed ${JSON.stringify(m.seed)}, the same draws at every value.`,
    '',
    'Deterministic: the constant yearly growth that meets the target',
    growthNeededText({ meta: { ...result.meta, kind: 'growth-needed' }, targets: [result.deterministic] }),
  );
  if (result.warnings.length > 0) lines.push('', 'Warnings:', ...result.warnings.map((w) => `- ${w}`));
  return lines.join('\n');
}

export interface GoalSeekCommandOptions {
  target?: string;
  assumption?: string;
  probability?: number;
  trials?: number;
  seed?: string | number;
  confidence?: number;
  /** Search range limits (each overrides the limit found from the assumption's role and bounds). */
  min?: number;
  max?: number;
  /** A series to compare each target's needed growth with (default: a series of the target's metric). */
  series?: string;
  json?: boolean;
  /** Start a search estimated to take more than ten minutes. */
  yes?: boolean;
}

/**
 * `parkcast goal-seek FILE --target ID --assumption NAME --probability P`: the assumption's value
 * that gives the target that probability; without the three, the growth each target needs.
 */
export async function goalSeekCommand(file: string, options: GoalSeekCommandOptions, io: Io): Promise<number> {
  const given = [options.target, options.assumption, options.probability].filter((x) => x !== undefined).length;
  if (given !== 0 && given !== 3) {
    io.err('parkcast: goal-seek: give --target, --assumption and --probability together (or none of them, for the growth each target needs)');
    return EXIT.usage;
  }
  const scenario = await loadOrReport(file, io);
  if (scenario === undefined) return EXIT.invalidInput;
  const title = `${scenario.park.name} (${file})`;
  try {
    if (given === 0) {
      const result = await growthNeeded(scenario, { series: options.series });
      if (options.json) printJson(io, result);
      else
        io.out(
          `${title}\nThe constant yearly growth from ${scenario.horizon.baseYear} that meets each target, against the projection's and the park's recent growth\n\n${growthNeededText(result)}`,
        );
      return EXIT.ok;
    }
    const trials = options.trials ?? DEFAULT_TRIALS;
    if (!trialsWithinLimit(trials, io)) return EXIT.usage;
    if (!(await confirmLongRun([scenario], trials, 1, options.yes, io, { count: GOAL_SEEK_RUNS_AT_LEAST, what: 'at least, one per value tried' })))
      return EXIT.usage;
    const result = await goalSeek(scenario, {
      target: options.target as string,
      assumption: options.assumption as string,
      probability: options.probability as number,
      trials: options.trials,
      seed: options.seed,
      confidence: options.confidence,
      range: { min: options.min, max: options.max },
    });
    if (options.json) printJson(io, result);
    else io.out(goalSeekText(result, title));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    io.err(`parkcast: ${error.message}`);
    return EXIT.usage;
  }
}
