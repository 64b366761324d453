import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ScenarioError } from '../index.js';
import { VERSION } from '../version.js';
import { EXIT, processIo } from './io.js';

function wholeNumber(name: string) {
  return (text: string): number => {
    const value = Number(text.replace(/_/g, ''));
    if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError(`${name}: expected a whole number of at least 1, got "${text}"`);
    return value;
  };
}

function fraction(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!(value > 0 && value < 1)) throw new InvalidArgumentError(`${name}: expected a number between 0 and 1, got "${text}"`);
    return value;
  };
}

function number(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new InvalidArgumentError(`${name}: expected a number, got "${text}"`);
    return value;
  };
}

function positive(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!(value > 0) || !Number.isFinite(value)) throw new InvalidArgumentError(`${name}: expected a positive number, got "${text}"`);
    return value;
  };
}

/** Collects a repeatable option's values. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Seeds that look like integers are numbers (so `--seed 7` and `seed: 7` agree); others are text. */
function seed(text: string): string | number {
  return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
}

function shard(text: string): { index: number; count: number } | 'auto' {
  if (text === 'auto') return 'auto';
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1 && index >= 1 && index <= count)) throw new InvalidArgumentError(`--shard: expected i/n with 1 <= i <= n, or auto, got "${text}"`);
  return { index, count };
}

const outputOption = () => new Option('-o, --output <FILE>', 'write the JSON result to FILE (atomically) instead of printing it');
const trialsOption = () => new Option('-n, --trials <N>', 'number of Monte Carlo trials (the most, with --precision)').argParser(wholeNumber('--trials'));
const seedOption = () => new Option('-s, --seed <S>', 'master seed: the same seed gives the same result').argParser(seed);
const jsonOption = () => new Option('--json', 'print the result as JSON');
const yesOption = () => new Option('-y, --yes', 'start a run estimated (from a short timing run) to take more than 10 minutes');
const workersOption = () =>
  new Option('-w, --workers <N>', 'worker threads (default: the number of cores); results are identical for any number').argParser(wholeNumber('--workers'));

/** Builds the command-line program. The CLI uses only the public API. */
export function buildProgram(): Command {
  const io = processIo;
  const program = new Command('parkcast')
    .description('How likely is a park to meet its announced targets? Deterministic and Monte Carlo projections of park scenarios.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program
    .command('validate')
    .description('check scenario files; print every problem with its field path')
    .argument('<file...>', 'scenario files (.json, .yaml)')
    .action(async (files: string[]) => {
      process.exitCode = await (await import('./commands/validate.js')).validateCommand(files, io);
    });
  program
    .command('check')
    .description("check a scenario's data: conversions, ratios, stated growth, targets met at baseline, dates")
    .argument('<file...>', 'scenario files')
    .addOption(new Option('--lang <LANG>', 'language of the findings').choices(['en', 'zh']).default('en'))
    .addOption(jsonOption())
    .action(async (files: string[], options: { json?: boolean; lang?: 'en' | 'zh' }) => {
      process.exitCode = await (await import('./commands/check.js')).checkCommand(files, options, io);
    });
  program
    .command('project')
    .description('deterministic projection: every assumption at its point value, no noise')
    .argument('<file>', 'scenario file')
    .addOption(jsonOption())
    .action(async (file: string, options: { json?: boolean }) => {
      process.exitCode = await (await import('./commands/project.js')).projectCommand(file, options, io);
    });
  program
    .command('simulate')
    .description('Monte Carlo: probability of hitting each target and all of them')
    .argument('<file>', 'scenario file')
    .addOption(trialsOption())
    .addOption(seedOption())
    .addOption(new Option('-p, --precision <HALFWIDTH>', 'stop once every probability is known to ± this (e.g. 0.005)').argParser(fraction('--precision')))
    .addOption(
      new Option(
        '--relative-precision <SHARE>',
        'stop once every probability is known to ± this share of itself (of 1 - p when p > 0.5), with at least 10 hits: for rare targets (e.g. 0.1)',
      ).argParser(fraction('--relative-precision')),
    )
    .addOption(new Option('--confidence <LEVEL>', 'confidence level of intervals (default 0.95)').argParser(fraction('--confidence')))
    .addOption(workersOption())
    .addOption(
      new Option(
        '--shard <i/n|auto>',
        "compute only shard i of n (1-based) and print it for `parkcast merge`; auto: i and n from the batch runner's environment (GNU parallel, Kubernetes, Slurm, AWS Batch, Cloud Run)",
      ).argParser(shard),
    )
    .addOption(
      new Option('--shard-count <N>', 'with --shard auto: the number of shards, where the runner does not say it (or set PARKCAST_SHARD_COUNT)').argParser(
        wholeNumber('--shard-count'),
      ),
    )
    .addOption(yesOption())
    .addOption(new Option('--samples <FILE>', 'write every trial to FILE (.csv or .jsonl) for audit'))
    .addOption(outputOption())
    .addOption(jsonOption())
    .action(async (file: string, options) => {
      process.exitCode = await (await import('./commands/simulate.js')).simulateCommand(file, options, io);
    });
  program
    .command('merge')
    .description('combine shard files (from simulate --shard) into the result of the whole run')
    .argument('<part...>', 'shard files')
    .addOption(outputOption())
    .addOption(jsonOption())
    .action(async (files: string[], options) => {
      process.exitCode = await (await import('./commands/merge.js')).mergeCommand(files, options, io);
    });
  program
    .command('run')
    .description('project and simulate every scenario in the given files or folders (default: seeds/) and print one summary')
    .argument('[path...]', 'scenario files or folders')
    .addOption(trialsOption())
    .addOption(seedOption())
    .addOption(workersOption())
    .addOption(new Option('--reports <DIR>', "write each park's report under DIR/<park id>/ (default out/reports)"))
    .addOption(new Option('--no-reports', 'write no reports'))
    .addOption(new Option('--lang <LANG>', 'language of the reports and of their index page').choices(['en', 'zh']).default('en'))
    .addOption(yesOption())
    .addOption(jsonOption())
    .action(async (paths: string[], options) => {
      process.exitCode = await (await import('./commands/run.js')).runCommand(paths, options, io);
    });
  program
    .command('report')
    .description('write report.html (self-contained, offline), report.md, results.json and charts/ (Vega-Lite, SVG, PNG)')
    .argument('<file>', 'scenario file')
    .addOption(new Option('-o, --out <DIR>', 'folder to write into (default: out/reports/<park id>)'))
    .addOption(trialsOption())
    .addOption(seedOption())
    .addOption(new Option('--lang <LANG>', 'language of the report').choices(['en', 'zh']).default('en'))
    .addOption(new Option('--no-what-if', 'leave out the HTML report’s what-if section (and the engine it inlines, about 1.2 MB)'))
    .addOption(yesOption())
    .action(async (file: string, options) => {
      process.exitCode = await (await import('./commands/report.js')).reportCommand(file, options, io);
    });
  program
    .command('workbench')
    .description(
      'write the scenario workbench: one self-contained page (opens from disk, no server, no request) to open or drop a scenario, edit it, see its problems with their field paths and its results, and save it',
    )
    .argument('[scenario]', 'scenario file to open in it (checked first)')
    .addOption(new Option('-o, --out <FILE>', 'file to write (default: workbench.html, or <scenario name>.workbench.html, in the current folder)'))
    .action(async (file: string | undefined, options) => {
      process.exitCode = await (await import('./commands/workbench.js')).workbenchCommand(file, options, io);
    });
  program
    .command('sensitivity')
    .description('which assumptions drive the odds: tornado (p10 to p90 swings), rank correlations, hit/miss comparison, variance shares')
    .argument('<file>', 'scenario file')
    .addOption(trialsOption())
    .addOption(seedOption())
    .addOption(new Option('--low <P>', 'lower percentile of each swing (default 0.1)').argParser(fraction('--low')))
    .addOption(new Option('--high <P>', 'upper percentile of each swing (default 0.9)').argParser(fraction('--high')))
    .addOption(new Option('-t, --target <ID>', 'only this target (repeatable)').argParser(collect))
    .addOption(new Option('--sobol', 'compute variance-based (Sobol) indices even with many assumptions'))
    .addOption(new Option('--no-sobol', 'skip the variance-based (Sobol) indices'))
    .addOption(yesOption())
    .addOption(jsonOption())
    .action(async (file: string, options) => {
      process.exitCode = await (await import('./commands/sensitivity.js')).sensitivityCommand(file, options, io);
    });
  program
    .command('goal-seek')
    .description('the value of an assumption at which a target reaches a probability; without options, the growth each target needs')
    .argument('<file>', 'scenario file')
    .addOption(new Option('-t, --target <ID>', 'the target'))
    .addOption(new Option('-a, --assumption <NAME>', 'the assumption to vary'))
    .addOption(new Option('-p, --probability <P>', 'the probability to reach (e.g. 0.8)').argParser(fraction('--probability')))
    .addOption(new Option('--min <X>', 'lowest value to search').argParser(number('--min')))
    .addOption(new Option('--max <X>', 'highest value to search').argParser(number('--max')))
    .addOption(new Option('--series <ID>', "compare the growth needed with this series (default: a series of the target's metric)"))
    .addOption(trialsOption())
    .addOption(seedOption())
    .addOption(new Option('--confidence <LEVEL>', 'confidence level of the interval (default 0.95)').argParser(fraction('--confidence')))
    .addOption(yesOption())
    .addOption(jsonOption())
    .action(async (file: string, options) => {
      process.exitCode = await (await import('./commands/goalSeek.js')).goalSeekCommand(file, options, io);
    });
  program
    .command('calibrate')
    .description("growth drift and volatility from a short history (a file of points, or a scenario's series), as assumptions")
    .argument('<file>', 'history file ({"points": [{"year", "value", "growthRate"}]}) or scenario file')
    .addOption(new Option('--series <ID>', 'with a scenario file: the series to calibrate on'))
    .addOption(
      new Option('--volatility <SIGMA>', 'assumed yearly volatility (sd of log growth); needed for a single growth rate').argParser(positive('--volatility')),
    )
    .addOption(
      new Option('--volatility-weight <YEARS>', 'years of history the assumed volatility is worth (default 4)').argParser(positive('--volatility-weight')),
    )
    .addOption(new Option('--volatility-reason <TEXT>', "why that volatility (kept in the assumption's reason)"))
    .addOption(new Option('--name <NAME>', 'name the assumptions NAMEDrift and NAMEVolatility (default growth)'))
    .addOption(new Option('--confidence <LEVEL>', 'confidence level of the intervals (default 0.95)').argParser(fraction('--confidence')))
    .addOption(jsonOption())
    .action(async (file: string, options) => {
      process.exitCode = await (await import('./commands/calibrate.js')).calibrateCommand(file, options, io);
    });
  program
    .command('compare')
    .description('variants side by side with common random numbers: one file and its variants, or several files')
    .argument('<file...>', 'scenario file (with variants), or several scenario files')
    .addOption(new Option('-v, --variant <ID>', 'with one file: compare only this variant with the scenario as stated (repeatable)').argParser(collect))
    .addOption(new Option('-r, --reference <ID>', 'the variant (or file name) the others are compared with (default: the first)'))
    .addOption(trialsOption())
    .addOption(seedOption())
    .addOption(new Option('--confidence <LEVEL>', 'confidence level of the intervals (default 0.95)').argParser(fraction('--confidence')))
    .addOption(yesOption())
    .addOption(jsonOption())
    .action(async (files: string[], options) => {
      process.exitCode = await (await import('./commands/compare.js')).compareCommand(files, options, io);
    });
  program
    .command('discover')
    .description('why a target fails: the few ranges of assumptions where it mostly misses (or, with --outcome hit, mostly hits), tested on held-out trials')
    .argument('<file>', 'scenario file')
    .addOption(new Option('-t, --target <ID>', 'only this target (repeatable)').argParser(collect))
    .addOption(trialsOption())
    .addOption(seedOption())
    .addOption(new Option('--outcome <OUTCOME>', 'explain the misses or the hits').choices(['miss', 'hit']).default('miss'))
    .addOption(jsonOption())
    .action(async (file: string, options) => {
      process.exitCode = await (await import('./commands/discover.js')).discoverCommand(file, options, io);
    });
  program
    .command('backtest')
    .description(
      'score the method on a folder of past scenarios with recorded outcomes: Brier (with its decomposition), log score, reliability, interval coverage and CRPS, beside the base rate and the deterministic verdict',
    )
    .argument('<dir>', 'folder of scenario files, each with its outcomes')
    .addOption(new Option('-n, --trials <N>', 'Monte Carlo trials per scenario').argParser(wholeNumber('--trials')).default(20000))
    .addOption(seedOption())
    .addOption(
      new Option('--series <SERIES>', 'which recorded series decides a target; a target without it falls back to the other (the count is printed)')
        .choices(['official', 'independent'])
        .default('official'),
    )
    .addOption(new Option('--bins <N>', 'equal-width bins of the Brier decomposition and reliability diagram').argParser(wholeNumber('--bins')).default(10))
    .addOption(
      new Option(
        '-o, --out <DIR>',
        'also write DIR/backtest.json, a report (backtest.md, backtest.html) and the chart (charts/reliability.vl.json, .svg, .png)',
      ),
    )
    .addOption(jsonOption())
    .action(async (dir: string, options) => {
      process.exitCode = await (await import('./commands/backtest.js')).backtestCommand(dir, options, io);
    });
  return program;
}

/** Runs the CLI: user errors become messages and exit codes, never stack traces. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander reports is wrong usage.
      process.exitCode = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? EXIT.ok : EXIT.usage;
    } else if (error instanceof Error && (error.name === 'OutputPathError' || error.name === 'ShardMismatchError')) {
      // An output that cannot be written (found as it is written: a disk filling up), or shards that do not merge.
      processIo.err(error.message.startsWith('parkcast') ? error.message : `parkcast: ${error.message}`);
      process.exitCode = EXIT.invalidInput;
    } else if (error instanceof Error && error.name === 'ScenarioError') {
      // Known by name, not instanceof: the library is loaded only by the commands that use it.
      const { formatProblem } = await import('../index.js');
      for (const problem of (error as ScenarioError).problems) processIo.err(formatProblem(problem));
      process.exitCode = EXIT.invalidInput;
    } else if (error instanceof RangeError) {
      processIo.err(`parkcast: ${error.message}`);
      process.exitCode = EXIT.usage;
    } else {
      // The only exit 3: what no input, option or path explains.
      processIo.err(`parkcast: internal error: ${error instanceof Error ? error.message : String(error)}`);
      processIo.err('This is a bug in parkcast; please report it with the scenario file and command.');
      process.exitCode = EXIT.internalError;
    }
  }
}

await main(process.argv);
