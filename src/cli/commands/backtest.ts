import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BacktestResult, backtest, type ForecasterScores, type Scenario } from '../../index.js';
import { formatProbability, table } from '../format.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';

const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));

function row(name: string, s: ForecasterScores): string[] {
  const b = s.brier;
  return [
    name,
    String(s.forecasts),
    score(b?.brier),
    score(b?.reliability),
    score(b?.resolution),
    score(b?.uncertainty),
    score(s.log?.score),
    s.log === null ? '—' : String(s.log.clipped),
  ];
}

/** The backtest as text: the scores of the model and the two naive forecasters side by side, the reliability diagram, coverage and CRPS. */
export function formatBacktest(result: BacktestResult): string {
  const { scores, continuous } = result;
  const head = `Backtest: ${result.events.length} past targets with outcomes, from ${result.meta.scenarios} scenarios (${result.meta.trials.toLocaleString('en-US')} trials each, seed ${JSON.stringify(result.meta.seed)})`;
  const binary = table(
    ['forecaster', 'targets', 'Brier', 'reliability', 'resolution', 'uncertainty', 'log score', 'clipped'],
    [
      row('model (simulated probability)', scores.model),
      row('deterministic verdict (0 or 1)', scores.deterministic),
      row('reference-class base rate', scores.baseRate),
      row('model, same targets as base rate', scores.modelWhereBaseRate),
    ],
  );
  const reliability = table(
    ['forecast bin', 'targets', 'mean forecast', 'observed', '95% interval'],
    scores.model.reliability.map((bin) => [
      `${formatProbability(bin.low)}–${formatProbability(bin.high)}`,
      String(bin.count),
      formatProbability(bin.meanForecast),
      formatProbability(bin.observedFrequency),
      `${formatProbability(bin.interval[0])}–${formatProbability(bin.interval[1])}`,
    ]),
  );
  const coverage = (c: BacktestResult['continuous']['coverage50']) =>
    c === null
      ? '—'
      : `${c.covered} of ${c.count} (${formatProbability(c.rate)}, 95% interval ${formatProbability(c.interval[0])}–${formatProbability(c.interval[1])})`;
  const cont =
    continuous.outcomes.length === 0
      ? 'No continuous outcomes.'
      : [
          `Continuous outcomes: ${continuous.outcomes.length}`,
          `50% intervals covered: ${coverage(continuous.coverage50)}`,
          `90% intervals covered: ${coverage(continuous.coverage90)}`,
          `Mean CRPS: model ${score(continuous.meanCrps)}, deterministic point ${score(continuous.meanCrpsDeterministic)} (in the outcomes' units; lower is better)`,
        ].join('\n');
  const events = table(
    ['scenario', 'target', 'model', 'deterministic', 'base rate', 'outcome'],
    result.events.map((e) => [
      e.scenario,
      e.target,
      formatProbability(e.model),
      e.deterministic === 1 ? 'met' : 'missed',
      e.baseRate === null ? '—' : formatProbability(e.baseRate),
      `${e.outcome === 1 ? 'met' : 'missed'}${e.series === 'independent' ? ' (independent)' : ''}`,
    ]),
  );
  const warnings = result.warnings.length > 0 ? `\n\nWarnings:\n${result.warnings.map((w) => `- ${w}`).join('\n')}` : '';
  return `${head}\n\n${binary}\n\nReliability diagram (model):\n${reliability}\n\n${cont}\n\n${events}${warnings}`;
}

/** The scenario files of a folder (JSON and YAML), sorted by name. */
function scenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(json|ya?ml)$/i.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/**
 * `parkcast backtest DIR`: scores the method on a folder of past scenarios with recorded outcomes,
 * against two naive forecasters (the reference class's base rate; the deterministic verdict).
 */
export async function backtestCommand(
  dir: string,
  options: { trials?: number; seed?: string | number; json?: boolean; series?: 'official' | 'independent'; bins?: number },
  io: Io,
): Promise<number> {
  let files: string[];
  try {
    files = scenarioFiles(dir);
  } catch (error) {
    io.err(`${dir}: not a readable folder (${(error as Error).message})`);
    return EXIT.invalidInput;
  }
  if (files.length === 0) {
    io.err(`${dir}: no scenario files (*.json, *.yaml) to backtest`);
    return EXIT.invalidInput;
  }
  const scenarios: Array<{ name: string; scenario: Scenario }> = [];
  let invalid = false;
  for (const file of files) {
    const scenario = await loadOrReport(file, io);
    if (scenario === undefined) invalid = true;
    else scenarios.push({ name: file.slice(dir.length).replace(/^[/\\]/, ''), scenario });
  }
  if (invalid) return EXIT.invalidInput;
  const result = await backtest(scenarios, { trials: options.trials, seed: options.seed, series: options.series, bins: options.bins });
  if (options.json) printJson(io, result);
  else io.out(formatBacktest(result));
  return EXIT.ok;
}
