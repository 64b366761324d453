import { DEFAULT_TRIALS, type SensitivityResult, sensitivity, sensitivityRunCount } from '../../index.js';
import { confirmLongRun, trialsWithinLimit } from '../estimate.js';
import { formatNumber, formatProbability, formatThreshold, formatValue, table } from '../format.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport, targetsKnown } from '../loadOrReport.js';

const signedPoints = (d: number) => {
  const size = Math.abs(d * 100).toFixed(1);
  return `${Number(size) === 0 ? '±' : d > 0 ? '+' : '−'}${size} pp`;
};
const percentile = (p: number) => `p${Math.round(p * 100)}`;

const share = (i: { estimate: number; standardError: number } | undefined) =>
  i === undefined ? '—' : `${(i.estimate * 100).toFixed(1)}% ± ${(i.standardError * 100).toFixed(1)}`;

/** A target's variance shares (Sobol indices) as a table, or nothing when they were not computed. */
function sobolText(result: SensitivityResult, id: string): string {
  const target = result.sobol?.targets.find((t) => t.id === id);
  if (target === undefined || (target.measured === null && target.hit === null)) return '';
  const find = (d: typeof target.measured, name: string) => d?.assumptions.find((a) => a.assumption === name);
  // Assumptions whose redraw changes no trial's value do not reach this target: the tornado lists them.
  const names = ((target.measured ?? target.hit)?.assumptions ?? [])
    .map((a) => a.assumption)
    .filter((name) => [target.measured, target.hit].some((d) => (find(d, name)?.total.estimate ?? 0) !== 0));
  const rows = names.map((name) => [
    name,
    share(find(target.measured, name)?.firstOrder),
    share(find(target.measured, name)?.total),
    share(find(target.hit, name)?.firstOrder),
    share(find(target.hit, name)?.total),
  ]);
  rows.push(['all assumptions', share(target.measured?.assumptionsTogether), '—', share(target.hit?.assumptionsTogether), '—']);
  const shares = table(['share of variance (± s.e.)', 'value: alone', 'value: total', 'hit: alone', 'hit: total'], rows);
  const rare = target.hit === null && target.measured !== null ? '\nHits (or misses) are too rare here to split the variance of the outcome.' : '';
  return `\n\n${shares}\nThe rest of the variance comes from yearly noise and arrivals.${rare}`;
}

/** The sensitivity analysis as text: the swings, then per target its tornado and what the samples say. */
export function sensitivityText(result: SensitivityResult, title: string): string {
  const m = result.meta;
  const [lowName, highName] = [percentile(m.low), percentile(m.high)];
  const header =
    `${title}\nSensitivity: each uncertain assumption swung from its ${lowName} to its ${highName}, the others at their point values (deterministic) ` +
    `or drawn (probabilities); ${m.trials.toLocaleString('en-US')} trials per run, seed ${JSON.stringify(m.seed)}, the same draws in every run.`;
  const swung =
    result.assumptions.length === 0
      ? 'No uncertain assumptions.'
      : table(
          ['assumption', 'point', lowName, highName, 'drawn'],
          result.assumptions.map((a) => [a.name, formatNumber(a.point), formatNumber(a.low), formatNumber(a.high), a.perYear ? 'each year' : 'each trial']),
        );
  const fixed = result.fixedAssumptions.length > 0 ? `\nFixed (not swung): ${result.fixedAssumptions.join(', ')}` : '';
  const targets = result.targets.map((t) => {
    const head = `${t.id}: ${formatThreshold(t.comparison, t.threshold, t.unit)} by ${t.deadline} — deterministic ${formatValue(t.deterministic, t.unit)}, P(hit) ${formatProbability(t.probability)}`;
    // An assumption that moves neither the value nor a single trial's outcome does not reach this target.
    const reaches = t.tornado.filter((b) => b.deterministicSwing !== 0 || b.probabilitySwing.aOnly + b.probabilitySwing.bOnly > 0);
    const unaffected = t.tornado.filter((b) => !reaches.includes(b)).map((b) => b.assumption);
    const tornado = table(
      ['assumption', `value at ${lowName}`, `value at ${highName}`, 'swing', `P at ${lowName}`, `P at ${highName}`, 'ΔP', '± s.e.'],
      reaches.map((b) => [
        b.assumption,
        formatValue(b.low.deterministic, t.unit),
        formatValue(b.high.deterministic, t.unit),
        formatValue(b.deterministicSwing, t.unit),
        formatProbability(b.low.probability),
        formatProbability(b.high.probability),
        signedPoints(b.probabilitySwing.difference),
        `${(b.probabilitySwing.standardError * 100).toFixed(2)} pp`,
      ]),
    );
    const samples = table(
      ['assumption', 'rank corr.', `${Math.round(m.confidence * 100)}% interval`, 'mean if hit', 'mean if missed', 'median if hit', 'median if missed'],
      t.samples.map((s) => [
        s.assumption,
        Number.isFinite(s.rankCorrelation.rho) ? s.rankCorrelation.rho.toFixed(3) : '—',
        Number.isFinite(s.rankCorrelation.interval[0]) ? `[${s.rankCorrelation.interval.map((x) => x.toFixed(3)).join(', ')}]` : '—',
        formatNumber(s.hit.mean ?? Number.NaN),
        formatNumber(s.miss.mean ?? Number.NaN),
        formatNumber(s.hit.median ?? Number.NaN),
        formatNumber(s.miss.median ?? Number.NaN),
      ]),
    );
    const tornadoText = reaches.length > 0 ? tornado : 'No assumption swung moves this target.';
    const unaffectedText = unaffected.length > 0 && reaches.length > 0 ? `\nNot moved by: ${unaffected.join(', ')}` : '';
    const sobol = sobolText(result, t.id);
    return `${head}\n\n${tornadoText}${unaffectedText}${sobol}\n\nFrom the base run's trials: rank correlation with the measured value; the assumption in trials that hit and that missed\n\n${samples}`;
  });
  const warnings = result.warnings.length > 0 ? `\n\nWarnings:\n${result.warnings.map((w) => `- ${w}`).join('\n')}` : '';
  return [header, `${swung}${fixed}`, ...targets].join('\n\n') + warnings;
}

export interface SensitivityCommandOptions {
  trials?: number;
  seed?: string | number;
  /** Percentiles to swing between (default 0.1 and 0.9). */
  low?: number;
  high?: number;
  /** Only these targets (ids). */
  target?: string[];
  /** Variance-based (Sobol) indices: true to compute them, false to skip; default: when there are at most 8 uncertain assumptions. */
  sobol?: boolean;
  json?: boolean;
  /** Start an analysis estimated to take more than ten minutes. */
  yes?: boolean;
}

/** `parkcast sensitivity FILE`: tornado, rank correlations and hit/miss comparison per target, or JSON with --json. */
export async function sensitivityCommand(file: string, options: SensitivityCommandOptions, io: Io): Promise<number> {
  const scenario = await loadOrReport(file, io);
  if (scenario === undefined) return EXIT.invalidInput;
  if (!targetsKnown(scenario, options.target, io)) return EXIT.usage;
  const trials = options.trials ?? DEFAULT_TRIALS;
  if (!trialsWithinLimit(trials, io)) return EXIT.usage;
  const runs = sensitivityRunCount(scenario, { low: options.low, high: options.high, sobol: options.sobol ?? 'auto' });
  if (!(await confirmLongRun([scenario], trials, 1, options.yes, io, { count: runs, what: 'a base run, two per assumption swung and the variance shares' })))
    return EXIT.usage;
  const full = await sensitivity(scenario, {
    trials: options.trials,
    seed: options.seed,
    low: options.low,
    high: options.high,
    sobol: options.sobol ?? 'auto',
  });
  const keep = (id: string) => options.target === undefined || options.target.includes(id);
  const result = {
    ...full,
    targets: full.targets.filter((t) => keep(t.id)),
    sobol: full.sobol === null ? null : { ...full.sobol, targets: full.sobol.targets.filter((t) => keep(t.id)) },
  };
  if (options.json) printJson(io, result);
  else io.out(sensitivityText(result, `${scenario.park.name} (${file})`));
  return EXIT.ok;
}
