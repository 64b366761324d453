import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { openAtomicFolder } from '../../files/index.js';
import { type BacktestResult, backtest, type ForecasterScores, reliabilityDiagramChart, renderPng, renderSvg, type Scenario } from '../../index.js';
import { formatProbability, table } from '../format.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';
import { outputsWritable } from '../outputs.js';

/** A CRPS in its unit's scale: rates and ratios to 4 decimals, counts and money to 3 significant figures. */
const crps = (x: number) => (Math.abs(x) < 10 ? x.toFixed(4) : Number(x.toPrecision(3)).toLocaleString('en-US'));
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

/** Which series decided the targets, and how many fell back to the other. */
function seriesLine(result: BacktestResult): string {
  const { series, fellBack } = result.meta;
  const other = series === 'official' ? 'independent' : 'official';
  const decided = result.events.length - fellBack;
  return fellBack === 0 ? `the ${series} series` : `the ${series} series for ${decided}, the ${other} one for the ${fellBack} that record no ${series} outcome`;
}

/** The backtest as text: the scores of the model and the two naive forecasters side by side, the reliability diagram, coverage and CRPS. */
export function formatBacktest(result: BacktestResult): string {
  const { scores, continuous } = result;
  const head = `Backtest: ${result.events.length} past targets with outcomes, from ${result.meta.scenarios} scenarios (${result.meta.trials.toLocaleString('en-US')} trials each, seed ${JSON.stringify(result.meta.seed)}); outcomes: ${seriesLine(result)}`;
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
          ...continuous.crpsByUnit.map(
            (u) =>
              `Mean CRPS of the ${u.outcomes} outcome${u.outcomes === 1 ? '' : 's'} in ${u.unit}: model ${crps(u.model)}, deterministic point ${crps(u.deterministic)} (lower is better)`,
          ),
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
  options: { trials?: number; seed?: string | number; json?: boolean; series?: 'official' | 'independent'; bins?: number; out?: string },
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
  // The folder backtested is read for *.json: a backtest.json written into it would be read as a scenario next time.
  if (options.out !== undefined && resolve(options.out) === resolve(dir)) {
    io.err(`--out ${options.out}: is the folder being backtested (its backtest.json would be read as a scenario next time); choose another folder`);
    return EXIT.invalidInput;
  }
  const folder = options.out === undefined ? undefined : { kind: 'folder' as const, path: options.out, entries: BACKTEST_ENTRIES, option: '--out' };
  if (!(await outputsWritable([folder], files, io))) return EXIT.invalidInput;
  const result = await backtest(scenarios, { trials: options.trials, seed: options.seed, series: options.series, bins: options.bins });
  if (options.json) printJson(io, result);
  else io.out(formatBacktest(result));
  if (options.out !== undefined) {
    await writeBacktest(options.out, result);
    io.err(`Backtest written to ${relative(process.cwd(), options.out) || '.'}/: ${BACKTEST_ENTRIES.join(', ')} (the chart as .vl.json, .svg and .png)`);
  }
  return EXIT.ok;
}

/** What `--out DIR` writes: the result, the report in Markdown and HTML, and the chart. */
export const BACKTEST_ENTRIES: readonly string[] = ['backtest.json', 'backtest.md', 'backtest.html', 'charts/'];

const CHART = 'charts/reliability';

/**
 * Writes the backtest into a folder, whole or not at all: `backtest.json`, a report as
 * `backtest.md` and `backtest.html` (scores side by side, the chart, every case with its sources),
 * and the chart as `charts/reliability.vl.json`, `.svg` and `.png`.
 */
async function writeBacktest(dir: string, result: BacktestResult): Promise<void> {
  const spec = reliabilityDiagramChart(result);
  const svg = await renderSvg(spec);
  const png = await renderPng(svg);
  const out = await openAtomicFolder(dir);
  try {
    await out.write('backtest.json', `${JSON.stringify(result, null, 2)}\n`);
    await out.write(`${CHART}.vl.json`, `${JSON.stringify(spec, null, 2)}\n`);
    await out.write(`${CHART}.svg`, svg);
    await out.write(`${CHART}.png`, png);
    await out.write('backtest.md', backtestMarkdown(result));
    await out.write('backtest.html', backtestHtml(result, svg));
    await out.commit();
  } catch (error) {
    await out.discard();
    throw error;
  }
}

const FORECASTERS = [
  ['model', 'Model (simulated probability)'],
  ['deterministic', 'Deterministic verdict (0 or 1)'],
  ['baseRate', 'Reference-class base rate'],
  ['modelWhereBaseRate', "Model, on the base rate's targets"],
] as const;

/** The report's tables as rows of text: scores, coverage, and one row per case. */
function reportTables(result: BacktestResult) {
  const scores = {
    head: ['Forecaster', 'Targets', 'Brier', 'Reliability', 'Resolution', 'Uncertainty', 'Log score'],
    rows: FORECASTERS.map(([id, name]) => {
      const s = result.scores[id];
      return [
        name,
        String(s.forecasts),
        score(s.brier?.brier),
        score(s.brier?.reliability),
        score(s.brier?.resolution),
        score(s.brier?.uncertainty),
        score(s.log?.score),
      ];
    }),
  };
  const cases = result.events.map((e) => ({
    scenario: e.scenario.replace(/\.(json|ya?ml)$/i, ''),
    label: e.label,
    model: formatProbability(e.model),
    deterministic: e.deterministic === 1 ? 'met' : 'missed',
    baseRate: e.baseRate === null ? '—' : formatProbability(e.baseRate),
    outcome: `${e.outcome === 1 ? 'met' : 'missed'} (${Number(e.value.toPrecision(6))}, ${e.series})`,
    targetSource: e.targetSourceUrl,
    outcomeSource: e.sourceUrl,
  }));
  const c = result.continuous;
  const coverage = (x: typeof c.coverage50) => (x === null ? '—' : `${x.covered} of ${x.count} (${formatProbability(x.rate)})`);
  const notes = [
    `Outcomes: ${seriesLine(result)}.`,
    `Central 50% intervals covered: ${coverage(c.coverage50)}; 90% intervals: ${coverage(c.coverage90)}.`,
    ...c.crpsByUnit.map(
      (u) => `Mean CRPS of the ${u.outcomes} outcomes in ${u.unit}: model ${crps(u.model)}, the deterministic projection as a point ${crps(u.deterministic)}.`,
    ),
    'Reading: Brier = reliability − resolution + uncertainty (plus two within-bin terms of equal-width bins); lower is better, 0.25 is always saying 50%. The base rate speaks only for the targets that name a reference class. Official outcomes may be bunched just above a target; docs/methods.md says what this set can and cannot show.',
  ];
  return { scores, cases, notes };
}

const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mdTable = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [`| ${head.map(mdCell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
const mdLink = (text: string, url: string | null) => (url === null ? text : `[${text}](${url})`);

/** The backtest report in Markdown. */
function backtestMarkdown(result: BacktestResult): string {
  const { scores, cases, notes } = reportTables(result);
  const rows = cases.map((c) => [
    c.scenario,
    c.label,
    c.model,
    c.deterministic,
    c.baseRate,
    c.outcome,
    `${mdLink('target', c.targetSource)}, ${mdLink('outcome', c.outcomeSource)}`,
  ]);
  return [
    '# Backtest',
    '',
    `${result.events.length} past targets with outcomes, from ${result.meta.scenarios} scenarios; ${result.meta.trials.toLocaleString('en-US')} trials each, seed ${JSON.stringify(result.meta.seed)}.`,
    '',
    '## Scores, beside the naive forecasters',
    '',
    mdTable(scores.head, scores.rows),
    '',
    ...notes.flatMap((n) => [n, '']),
    `![Reliability diagram and Brier scores](${CHART}.svg)`,
    '',
    '## Cases',
    '',
    mdTable(['Case', 'Target', 'Model', 'Deterministic', 'Base rate', 'Outcome (value, series)', 'Sources'], rows),
    '',
  ].join('\n');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const htmlLink = (text: string, url: string | null) => (url === null ? escapeHtml(text) : `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`);
const htmlTable = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/** The backtest report as one self-contained page (the chart inlined as SVG; no script). */
function backtestHtml(result: BacktestResult, svg: string): string {
  const { scores, cases, notes } = reportTables(result);
  const rows = cases.map((c) => [
    escapeHtml(c.scenario),
    escapeHtml(c.label),
    escapeHtml(c.model),
    escapeHtml(c.deterministic),
    escapeHtml(c.baseRate),
    escapeHtml(c.outcome),
    `${htmlLink('target', c.targetSource)}, ${htmlLink('outcome', c.outcomeSource)}`,
  ]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Backtest</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0;font-size:14px}th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}th{background:#f4f4f4}svg{max-width:100%;height:auto}</style>
</head><body>
<h1>Backtest</h1>
<p>${escapeHtml(`${result.events.length} past targets with outcomes, from ${result.meta.scenarios} scenarios; ${result.meta.trials.toLocaleString('en-US')} trials each, seed ${JSON.stringify(result.meta.seed)}.`)}</p>
<h2>Scores, beside the naive forecasters</h2>
${htmlTable(
  scores.head,
  scores.rows.map((r) => r.map(escapeHtml)),
)}
${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('\n')}
<figure>${svg}</figure>
<h2>Cases</h2>
${htmlTable(['Case', 'Target', 'Model', 'Deterministic', 'Base rate', 'Outcome (value, series)', 'Sources'], rows)}
</body></html>
`;
}
