import { join, relative } from 'node:path';
import { REPORT_DEFAULT_TRIALS, REPORT_ENTRIES, writeReport } from '../../index.js';
import { confirmLongRun, trialsWithinLimit } from '../estimate.js';
import { EXIT, type Io } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';
import { outputsWritable } from '../outputs.js';

export interface ReportCommandOptions {
  /** The folder to write into; default `out/reports/<park id>` (`out/` is git-ignored). */
  out?: string;
  trials?: number;
  seed?: string | number;
  lang?: 'en' | 'zh';
  /** false with --no-what-if: the HTML report without its what-if section. */
  whatIf?: boolean;
  /** Start a run estimated to take more than ten minutes. */
  yes?: boolean;
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;

/**
 * `parkcast report FILE [--out DIR] [--trials N] [--seed S] [--lang en|zh] [--no-what-if]`: projects, simulates
 * and checks the scenario, and writes report.html (self-contained, offline), report.md,
 * results.json and charts/ (*.vl.json, *.svg, *.png); prints where.
 */
export async function reportCommand(file: string, options: ReportCommandOptions, io: Io): Promise<number> {
  const lang = options.lang ?? 'en';
  if (lang !== 'en' && lang !== 'zh') {
    io.err(`--lang: expected "en" or "zh", got "${String(lang)}"`);
    return EXIT.usage;
  }
  const trials = options.trials ?? REPORT_DEFAULT_TRIALS;
  if (!trialsWithinLimit(trials, io)) return EXIT.usage;
  // With --out, the folder is checked before the scenario is even read; the default folder needs the park id.
  const folder = (path: string) => ({ kind: 'folder' as const, path, entries: REPORT_ENTRIES, option: options.out === undefined ? undefined : '--out' });
  if (options.out !== undefined && !(await outputsWritable([folder(options.out)], [file], io))) return EXIT.invalidInput;
  const scenario = await loadOrReport(file, io);
  if (scenario === undefined) return EXIT.invalidInput;
  const outDir = options.out ?? join('out', 'reports', scenario.park.id);
  if (options.out === undefined && !(await outputsWritable([folder(outDir)], [file], io))) return EXIT.invalidInput;
  if (!(await confirmLongRun([scenario], trials, 1, options.yes, io))) return EXIT.usage;
  const written = await writeReport(scenario, { outDir, lang, trials: options.trials, seed: options.seed, file, whatIf: options.whatIf });
  const size = (path: string) => written.files.find((f) => f.path === path)?.bytes ?? 0;
  const charts = written.report.charts.length;
  const shown = relative(process.cwd(), written.outDir) || '.';
  io.out(`${scenario.park.name}: report written to ${shown}/`);
  io.out(`  report.html   ${kilobytes(size('report.html'))} (self-contained; open it in a browser, works offline)`);
  io.out(`  report.md     ${kilobytes(size('report.md'))}`);
  io.out(`  results.json  ${kilobytes(size('results.json'))}`);
  io.out(`  results.csv   ${kilobytes(size('results.csv'))} (one row per target)`);
  io.out(`  metrics.csv   ${kilobytes(size('metrics.csv'))} (one row per metric and year)`);
  io.out(`  assumptions.csv ${kilobytes(size('assumptions.csv'))} (one row per assumption)`);
  io.out(`  charts/       ${charts} chart${charts === 1 ? '' : 's'} as .vl.json, .svg and .png`);
  return EXIT.ok;
}
