import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkScenario,
  formatFinding,
  type IndexedPark,
  project,
  REPORT_ENTRIES,
  reportsIndexPage,
  type Scenario,
  simulate,
  writeReport,
} from '../../index.js';
import { confirmLongRun, trialsWithinLimit } from '../estimate.js';
import { formatInterval, formatProbability, formatThreshold, formatValue, table } from '../format.js';
import { defaultWorkers, EXIT, type Io, printJson } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';
import { outputsWritable } from '../outputs.js';

/** Trials per scenario for the main job: ±0.7 pp at worst at 95%, and every seed park in seconds. */
export const RUN_DEFAULT_TRIALS = 20_000;

async function scenarioFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => /\.(json|ya?ml)$/i.test(name) && !name.endsWith('.schema.json')).sort();
      files.push(...entries.map((name) => join(path, name)));
    } else files.push(path);
  }
  return files;
}

/**
 * `parkcast run [PATH...]`: projects and simulates every scenario (default: the seed parks) and
 * prints one summary: per target the deterministic verdict and the probability of hitting it,
 * and per park the joint probability of its official targets.
 */
export interface RunCommandOptions {
  trials?: number;
  seed?: string | number;
  workers?: number;
  json?: boolean;
  /** Write each park's report under this folder (`<folder>/<park id>/report.html`); false for none. Default out/reports. */
  reports?: string | false;
  /** Start a run estimated to take more than ten minutes. */
  yes?: boolean;
  /** The language of the reports and their index page (default English). */
  lang?: 'en' | 'zh';
}

export async function runCommand(paths: string[], options: RunCommandOptions, io: Io): Promise<number> {
  const files = await scenarioFiles(paths.length > 0 ? paths : ['seeds']);
  if (files.length === 0) {
    io.err(`no scenario files (.json, .yaml) found in ${paths.join(', ')}`);
    return EXIT.invalidInput;
  }
  const trials = options.trials ?? RUN_DEFAULT_TRIALS;
  if (!trialsWithinLimit(trials, io)) return EXIT.usage;
  const reportsDir = options.reports === undefined ? join('out', 'reports') : options.reports;
  // The reports' folder first (before reading anything), then every scenario, then each park's folder: all before any run.
  if (reportsDir !== false && !(await outputsWritable([{ kind: 'folder', path: reportsDir, entries: ['index.html'], option: '--reports' }], files, io))) {
    return EXIT.invalidInput;
  }
  let code: number = EXIT.ok;
  const loaded: Array<{ file: string; scenario: Scenario }> = [];
  for (const file of files) {
    const scenario = await loadOrReport(file, io);
    if (scenario === undefined) code = EXIT.invalidInput;
    else loaded.push({ file, scenario });
  }
  if (reportsDir !== false) {
    const byPark = new Map<string, string>();
    for (const { file, scenario } of loaded) {
      const other = byPark.get(scenario.park.id);
      if (other !== undefined) {
        io.err(
          `--reports ${reportsDir}: ${other} and ${file} both have park id "${scenario.park.id}": one report would overwrite the other; give each park its own id`,
        );
        return EXIT.invalidInput;
      }
      byPark.set(scenario.park.id, file);
    }
    const folders = loaded.map(({ scenario }) => ({
      kind: 'folder' as const,
      path: join(reportsDir, scenario.park.id),
      entries: REPORT_ENTRIES,
      option: '--reports',
    }));
    if (!(await outputsWritable(folders, files, io))) return EXIT.invalidInput;
  }
  const workers = options.workers ?? defaultWorkers(trials);
  if (
    !(await confirmLongRun(
      loaded.map((l) => l.scenario),
      trials,
      workers,
      options.yes,
      io,
    ))
  )
    return EXIT.usage;
  const rows: string[][] = [];
  const parks: string[][] = [];
  const results: unknown[] = [];
  const findingLines: string[] = [];
  const reportLines: string[] = [];
  const indexed: IndexedPark[] = [];
  for (const { file, scenario } of loaded) {
    const projection = await project(scenario);
    const simulation = await simulate(scenario, { trials, seed: options.seed, workers });
    const findings = checkScenario(scenario);
    results.push({ file, projection, simulation, findings });
    for (const finding of findings) findingLines.push(`${scenario.park.id}: ${formatFinding(finding).join('\n  ')}`);
    if (reportsDir !== false) {
      // The report reuses the results just computed: nothing runs twice.
      const written = await writeReport(scenario, {
        outDir: join(reportsDir, scenario.park.id),
        projection,
        simulation,
        findings,
        file,
        lang: options.lang,
      });
      reportLines.push(`  ${join(written.outDir, 'report.html')}`);
      indexed.push({
        id: scenario.park.id,
        name: scenario.park.name,
        ...(scenario.park.nameZh === undefined ? {} : { nameZh: scenario.park.nameZh }),
        simulation,
        projection,
        href: `${scenario.park.id}/report.html`,
      });
    }
    simulation.targets.forEach((t, i) => {
      const nominal = projection.targets[i];
      rows.push([
        scenario.park.id,
        t.id,
        t.kind,
        String(t.deadline),
        // The official (ensure) level: `parkcast simulate` lists strive levels apart.
        formatThreshold(t.comparison, t.threshold, t.unit, t.displayUnit),
        `${nominal.met ? 'met' : 'missed'} (${formatValue(nominal.value, t.unit, t.displayUnit)})`,
        formatProbability(t.probability),
        formatInterval(t.interval),
      ]);
    });
    parks.push([
      scenario.park.id,
      scenario.park.name.length > 48 ? `${scenario.park.name.slice(0, 47)}…` : scenario.park.name,
      String(simulation.joint.targets.length),
      simulation.joint.targets.length > 0 ? formatProbability(simulation.joint.probability) : '—',
      simulation.joint.targets.length > 0 ? formatInterval(simulation.joint.interval) : '—',
    ]);
  }
  if (reportsDir !== false && indexed.length > 0) {
    await writeFile(join(reportsDir, 'index.html'), await reportsIndexPage(indexed, options.lang));
    reportLines.unshift(`  ${join(reportsDir, 'index.html')} (every park, linking to each report)`);
  }
  if (options.json) {
    printJson(io, results);
    return code;
  }
  io.out(`parkcast: ${files.length} scenario(s), ${trials.toLocaleString('en-US')} trials each, seed ${JSON.stringify(options.seed ?? 1)}\n`);
  io.out(table(['park', 'target', 'kind', 'deadline', 'threshold', 'deterministic', 'P(hit)', '95% interval'], rows));
  io.out('');
  io.out(table(['park', 'name', 'official targets', 'P(all official)', '95% interval'], parks));
  io.out('');
  io.out(findingLines.length > 0 ? `Data check findings (parkcast check FILE for details):\n${findingLines.join('\n')}` : 'Data check: no findings.');
  if (reportLines.length > 0) io.out(`\nReports (self-contained HTML, charts as SVG and PNG beside them):\n${reportLines.join('\n')}`);
  return code;
}
