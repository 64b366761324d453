import {
  type CalibrationHistory,
  calibratableSeries,
  calibrateGrowth,
  formatProblem,
  type GrowthCalibration,
  safeLoadGrowthHistory,
  seriesHistory,
} from '../../index.js';
import { formatRate, table } from '../format.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';

const number = (x: number) => String(Number(x.toPrecision(4)));
const basisText = { values: 'two values', rate: 'stated rate', 'values less rates': 'two values, less the stated rates between' } as const;

/** The calibration as text: the growth rates used, the estimates with their intervals, warnings, then the assumptions as JSON. */
export function calibrationText(c: GrowthCalibration, title: string): string {
  const level = `${Math.round(c.confidence * 100)}%`;
  const increments = table(
    ['years', 'log growth', 'rate a year', 'from'],
    c.increments.map((i) => [`${i.fromYear}-${i.toYear}`, number(i.logGrowth), formatRate(Math.expm1(i.logGrowth / i.years)), basisText[i.basis]]),
  );
  const d = c.drift;
  const v = c.volatility;
  const estimates = [
    `Drift (mean log growth a year): ${number(d.estimate)} ± ${number(d.standardError)} s.e.; ${level} interval [${number(d.interval[0])}, ${number(d.interval[1])}] (t, ${d.degreesOfFreedom} degrees of freedom)`,
    `  as a growth rate: ${formatRate(c.growthRate.estimate)}, ${level} interval [${formatRate(c.growthRate.interval[0])}, ${formatRate(c.growthRate.interval[1])}]`,
    `Volatility (sd of yearly log growth): ${number(v.estimate)}, ${level} interval [${number(v.interval[0])}, ${number(v.interval[1])}] (${v.basis})`,
  ].join('\n');
  const warnings = c.warnings.length > 0 ? `\n\nWarnings:\n${c.warnings.map((w) => `- ${w}`).join('\n')}` : '';
  return `${title}\n\n${increments}\n\n${estimates}${warnings}\n\nAssumptions for a scenario's "parameters":\n${JSON.stringify(c.parameters, null, 2)}`;
}

export interface CalibrateCommandOptions {
  /** With a scenario file: the id of the series to calibrate on. */
  series?: string;
  /** An assumed yearly volatility (sd of log growth), needed for a single growth rate. */
  volatility?: number;
  /** How many years of history the assumed volatility is worth (default 4). */
  volatilityWeight?: number;
  /** Why that volatility: carried into the emitted assumption's reason. */
  volatilityReason?: string;
  /** Names the emitted assumptions `${name}Drift` and `${name}Volatility` (default `growth`). */
  name?: string;
  confidence?: number;
  json?: boolean;
}

/**
 * `parkcast calibrate FILE [--series ID]`: growth drift and volatility from a short history (a
 * history file of points, or a scenario's series), printed with the assumptions as JSON.
 */
export async function calibrateCommand(file: string, options: CalibrateCommandOptions, io: Io): Promise<number> {
  let history: CalibrationHistory;
  let what: string;
  const loaded = await safeLoadGrowthHistory(file);
  if (loaded.ok) {
    if (options.series !== undefined) {
      io.err(`parkcast: --series is for scenario files; ${file} is a history of points`);
      return EXIT.usage;
    }
    history = loaded.history;
    what = `${history.label ?? 'History'} (${file})`;
  } else if (!loaded.isScenario) {
    for (const problem of loaded.problems) io.err(formatProblem(problem));
    io.err(`${file}: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}; nothing was calibrated`);
    return EXIT.invalidInput;
  } else {
    // A scenario: calibrate on the series named, or on its only series with growth.
    const scenario = await loadOrReport(file, io);
    if (scenario === undefined) return EXIT.invalidInput;
    const withGrowth = calibratableSeries(scenario);
    const id = options.series ?? (withGrowth.length === 1 ? withGrowth[0] : undefined);
    if (id === undefined) {
      io.err(
        `parkcast: ${file} is a scenario: name its series with --series (${withGrowth.length > 0 ? `series with growth: ${withGrowth.join(', ')}` : 'it has no series with growth to calibrate on'})`,
      );
      return EXIT.usage;
    }
    if (!scenario.series.some((s) => s.id === id)) {
      io.err(`parkcast: unknown series "${id}"; the scenario's series are: ${scenario.series.map((s) => s.id).join(', ') || '(none)'}`);
      return EXIT.usage;
    }
    history = seriesHistory(scenario, id);
    what = `${scenario.park.name}: series ${id} (${file})`;
  }

  let calibration: GrowthCalibration;
  try {
    // The command line's volatility replaces the history file's; a weight or reason alone amends it.
    const value = options.volatility ?? history.volatility?.value;
    const volatility =
      value === undefined
        ? undefined
        : {
            value,
            weight: options.volatilityWeight ?? history.volatility?.weight,
            reason: options.volatilityReason ?? (options.volatility === undefined ? history.volatility?.reason : undefined),
          };
    calibration = calibrateGrowth(history, { volatility, name: options.name, confidence: options.confidence });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    io.err(`${file}: ${error.message}`);
    if (error.message.includes('give an assumed volatility'))
      io.err('(pass it with --volatility SIGMA, e.g. --volatility 0.1, and say why with --volatility-reason)');
    return EXIT.invalidInput;
  }
  if (options.json) {
    printJson(io, calibration);
    for (const warning of calibration.warnings) io.err(`warning: ${warning}`);
  } else io.out(calibrationText(calibration, `Growth calibrated on ${what}`));
  return EXIT.ok;
}
