import type { Lang } from '../charts/messages.js';
import type { ComparedResult } from '../charts/scenarioComparison.js';
import { checkScenario, findingsIn } from '../check/index.js';
import { openAtomicFolder } from '../files/openAtomicFolder.js';
import { checkOutputs } from '../files/outputPaths.js';
import { unsourcedBaselineDrivers } from '../questions/baselineDrivers.js';
import { growthNeeded } from '../questions/growthNeeded.js';
import { mainAssumptions } from '../questions/mainAssumptions.js';
import { sensitivity } from '../questions/sensitivity.js';
import { shippedTrackRecord } from '../questions/trackRecord.js';
import { vegaBundles } from '../render/bundles.js';
import { renderPng } from '../render/png.js';
import { renderSvg } from '../render/svg.js';
import { project } from '../results/project.js';
import { simulate } from '../results/simulate.js';
import type { Projection, SimulationResult } from '../results/types.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { VERSION } from '../version.js';
import { buildReport, type ParkReport, type ReportFinding } from './model.js';
import { assumptionsCsv, metricsCsv, resultsCsv } from './pages/csv.js';
import { reportHtml } from './pages/html.js';
import { reportMarkdown } from './pages/markdown.js';
import { withEmbeddedFont } from './pages/pageFont.js';
import type { ReportResultsFile } from './resultsFile.js';
import { chartFile } from './sections.js';
import { whatIfData, whatIfPageScript, whatIfSection } from './whatIf/whatIf.js';

/** Trials for a report when none are asked for: the same as `parkcast run`'s (±0.7 pp at worst), so both give the same numbers. */
export const REPORT_DEFAULT_TRIALS = 20_000;

/** Trials of each run of the report's small tornado (two per uncertain assumption): enough to rank drivers, fast. */
export const REPORT_TORNADO_TRIALS = 2_000;

/** The tornado's whole budget, over its two runs per assumption: a group of many parks gets fewer trials a run (never under 300). */
const TORNADO_BUDGET_TRIALS = 60_000;

export interface WriteReportOptions {
  /** The folder to write into (created if missing). */
  readonly outDir: string;
  readonly lang?: Lang;
  /** Monte Carlo trials (default 20,000, as `parkcast run`) and master seed (default 1). */
  readonly trials?: number;
  readonly seed?: string | number;
  /** The data check's findings; by default the data check is run on the scenario. */
  readonly findings?: readonly ReportFinding[];
  /** Other results (variants) to compare in a chart. */
  readonly comparisons?: readonly ComparedResult[];
  /** Results already computed, to write a report of them instead of running again. */
  readonly projection?: Projection;
  readonly simulation?: SimulationResult;
  /** Where the scenario came from, recorded in results.json. */
  readonly file?: string;
  /** PNG pixels per SVG unit (default 2). */
  readonly pngScale?: number;
  /** Trials of each run of the drivers' tornado (default 2,000); 0 leaves the drivers out. */
  readonly tornadoTrials?: number;
  /**
   * The HTML report's what-if section (default true): the main assumptions as sliders, every
   * probability recomputed in the page. It inlines the engine, about 1.2 MB (docs/browser.md).
   */
  readonly whatIf?: boolean;
  /** The method's track record on the shipped past targets, in the outside-view section (default true; about 2 s, once a process). */
  readonly trackRecord?: boolean;
}

/** What a report writes into its folder: three files and a folder of charts (which the folder's other files never clash with). */
export const REPORT_ENTRIES: readonly string[] = ['report.html', 'report.md', 'results.json', 'results.csv', 'metrics.csv', 'assumptions.csv', 'charts/'];

/** What `writeReport` wrote. */
export interface WrittenReport {
  readonly outDir: string;
  /** Every file written, relative to `outDir`, with its size in bytes. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly bytes: number }>;
  readonly report: ParkReport;
}

/**
 * Writes a park's report into a folder: `report.html` (self-contained, interactive, offline),
 * `report.md`, `results.json` (projection, simulation summary, findings) and `charts/` with each
 * chart as `*.vl.json`, `*.svg` and `*.png`. The pipeline: project → simulate → check → chart →
 * render → write; the files appear together when all are written, or not at all (a
 * failure half-way leaves the folder as it was). Before any work, the folder is checked: it can
 * be written (or created), and no file of the report would overwrite `file`, the scenario's.
 *
 * @throws {OutputPathError} when the folder cannot be written, or the report would overwrite the scenario file.
 * @example
 * ```ts
 * const written = await writeReport(await loadScenario('seeds/jinyang-lake.json'), { outDir: 'out/jinyang', trials: 20_000 });
 * console.log(written.files.map((f) => f.path));
 * ```
 */
export async function writeReport(scenario: Scenario, options: WriteReportOptions): Promise<WrittenReport> {
  const lang = options.lang ?? 'en';
  await checkOutputs([{ kind: 'folder', path: options.outDir, entries: REPORT_ENTRIES }], options.file === undefined ? [] : [options.file]);
  const projection = options.projection ?? (await project(scenario));
  const simulation = options.simulation ?? (await simulate(scenario, { trials: options.trials ?? REPORT_DEFAULT_TRIALS, seed: options.seed }));
  const findings = options.findings ?? checkScenario(scenario);
  const baselineDrivers = await unsourcedBaselineDrivers(scenario);
  // At most one swing per parameter and per metric's baseline.
  const swung = Object.keys(scenario.parameters).length + Object.keys(scenario.metrics).length;
  const tornadoTrials = options.tornadoTrials ?? Math.min(REPORT_TORNADO_TRIALS, Math.max(300, Math.floor(TORNADO_BUDGET_TRIALS / (2 * Math.max(1, swung)))));
  const [tornado, growth, trackRecord] = await Promise.all([
    tornadoTrials > 0 ? sensitivity(scenario, { trials: tornadoTrials, seed: options.seed ?? simulation.meta.seed, sobol: false }) : undefined,
    growthNeeded(scenario),
    // The same for every report of a process: computed once (about 2 s), from the shipped backtests/.
    options.trackRecord === false ? undefined : shippedTrackRecord(),
  ]);
  // results.json keeps the check's English; the report shows the findings in its language.
  const shownFindings = findingsIn(scenario, findings, lang);
  const report = buildReport({
    scenario,
    projection,
    simulation,
    findings: shownFindings,
    comparisons: options.comparisons,
    baselineDrivers,
    tornado,
    growth,
    trackRecord,
    lang,
  });
  // The what-if section (src/report/whatIf/whatIf.ts): the page script is read before any file is written.
  const whatIf =
    options.whatIf === false ? undefined : whatIfSection(whatIfData(scenario, simulation, await mainAssumptions(scenario), lang), whatIfPageScript());

  const folder = await openAtomicFolder(options.outDir);
  const files: Array<{ path: string; bytes: number }> = [];
  const write = async (path: string, data: string | Uint8Array) => {
    await folder.write(path, data);
    files.push({ path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength });
  };
  try {
    const svgs = new Map<string, string>();
    for (const chart of report.charts) {
      const svg = await renderSvg(chart.spec);
      svgs.set(chart.id, svg);
      await write(chartFile(chart, 'vl.json'), `${JSON.stringify(chart.spec, null, 2)}\n`);
      await write(chartFile(chart, 'svg'), svg);
      await write(chartFile(chart, 'png'), await renderPng(svg, { scale: options.pngScale }));
    }
    const results: ReportResultsFile = { parkcastVersion: VERSION, file: options.file ?? null, lang, park: scenario.park, projection, simulation, findings };
    await write('results.json', `${JSON.stringify(results, null, 2)}\n`);
    await write('results.csv', resultsCsv(projection, simulation));
    await write('metrics.csv', metricsCsv(projection, simulation));
    await write('assumptions.csv', assumptionsCsv(scenario, projection));
    await write('report.md', reportMarkdown(report));
    // The page with the glyphs it shows from U+2E80 on embedded (none for a page without Chinese).
    const { html } = await withEmbeddedFont((fontFaces) => reportHtml(report, vegaBundles(), svgs, whatIf, fontFaces), lang);
    await write('report.html', html);
    await folder.commit();
  } catch (error) {
    await folder.discard();
    throw error;
  }
  const outDir = folder.path;
  return { outDir, files, report };
}
