/**
 * `npm run bench [-- --large | --large-only] [--wait-quiet SECONDS]`: the parkcast engine
 * on 1 worker and on all cores, a hand-written loop of the reference model
 * (bench/reference-loop.ts) and Squiggle on the same model (bench/reference-model.squiggle), at
 * 1e5, 1e6 and 1e7 trials (Squiggle at 1e5 and 1e6). `--large` adds, at 1e8 trials, the engine on
 * all cores and the built CLI (dist/cli.js, as a user runs it) on all cores and on 1 worker, and
 * Squiggle at 1e7 (about 3 minutes more); `--large-only` runs only those. `--wait-quiet S` waits
 * up to S seconds before each run for the machine's other work to stop. See docs/performance.md.
 *
 * The engine is the built package (dist/: `npm run bench` builds it first), as a user imports
 * it. Each configuration's round is a child process of plain node, with no TypeScript loader in
 * it (bench/case.ts, compiled by bench/compile.ts: warm-up runs, then one timed run, or ten below
 * 1e6 trials and their median), so peak memory (maxRSS, worker threads included) is per
 * configuration. The machine is shared and noisy, so the
 * runs go in rounds, the configurations of one trial count side by side in an order that rotates
 * from round to round: time is the median of the rounds, and each ratio to the engine on 1 worker
 * the median of the ratios within a round, which drift in the machine's speed affects least.
 */
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CaseResult, type Implementation, machineBusyMicros, type Probabilities } from './case.js';
import { compileForNode, ROOT } from './compile.js';
import { REFERENCE_TARGETS, type ReferenceTarget, standardError } from './reference.js';

const ROUNDS = 3;
/** A run taking longer than this is stopped, and its configuration dropped, to keep the bench to a few minutes. */
const CASE_TIMEOUT_MS = 90_000;
const LARGE_TIMEOUT_MS = 600_000;
/** The issue's bound on the engine's peak memory at 1e8 trials: 300 MB, in MiB (286). */
const LARGE_MEMORY_BOUND_MIB = 300e6 / 2 ** 20;
/** The core issue's bound on how much faster the hand-written loop may be than the engine on one thread. */
const LOOP_RATIO_BOUND = 1.5;
/** Samples of each Squiggle run that checks whether a seed replays. */
const REPEAT_SAMPLES = 100_000;
const CORES = os.availableParallelism();
/** Below this many busy cores (over a second, before a run) the machine counts as quiet. */
const QUIET_CORES = 0.2;
const SQUIGGLE_FILE = fileURLToPath(new URL('./squiggle.ts', import.meta.url));
const USAGE_REPORTER = new URL('./report-max-rss.mjs', import.meta.url).href;
const CLI_FILE = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const MODEL_FILE = 'examples/reference-model.json';

type Success = Extract<CaseResult, { ok: true }> & { busyBefore: number };

interface Config {
  what: Implementation;
  workers: number;
}

/** A configuration's runs at one trial count; `rounds[i]` is the round of `runs[i]`. */
interface Summary extends Config {
  trials: number;
  /** Index of its group: only configurations of one group run side by side, round by round. */
  group: number;
  runs: Success[];
  rounds: number[];
  error?: string;
}

/** Trial counts, each with the configurations run side by side at it, and how many rounds. */
interface Group {
  trials: number;
  configs: Config[];
  rounds: number;
  timeoutMs: number;
}

const ENGINE_1: Config = { what: 'engine', workers: 1 };
const ENGINE_ALL: Config = { what: 'engine', workers: CORES };
const LOOP: Config = { what: 'loop', workers: 1 };
const SQUIGGLE: Config = { what: 'squiggle', workers: 1 };
const CLI_ALL: Config = { what: 'cli', workers: CORES };
const CLI_1: Config = { what: 'cli', workers: 1 };
/** On a 1-core machine "all cores" is the 1-worker configuration. */
const ENGINES = CORES > 1 ? [ENGINE_1, ENGINE_ALL] : [ENGINE_1];

const STANDARD_GROUPS: Group[] = [
  { trials: 100_000, configs: [...ENGINES, LOOP, SQUIGGLE], rounds: ROUNDS, timeoutMs: CASE_TIMEOUT_MS },
  { trials: 1_000_000, configs: [...ENGINES, LOOP, SQUIGGLE], rounds: ROUNDS, timeoutMs: CASE_TIMEOUT_MS },
  { trials: 10_000_000, configs: [...ENGINES, LOOP], rounds: ROUNDS, timeoutMs: CASE_TIMEOUT_MS },
];
const LARGE_GROUPS: Group[] = [
  { trials: 10_000_000, configs: [SQUIGGLE], rounds: 1, timeoutMs: LARGE_TIMEOUT_MS },
  // The built CLI as a user runs it (no tsx in the process or its workers), on all cores and on 1.
  { trials: 100_000_000, configs: CORES > 1 ? [ENGINE_ALL, CLI_ALL, CLI_1] : [ENGINE_ALL, CLI_1], rounds: 1, timeoutMs: LARGE_TIMEOUT_MS },
];

const workersLabel = (workers: number) => (workers === 1 ? '1 worker' : `${workers} workers (all cores)`);
const label = (c: Config) =>
  c.what === 'engine'
    ? `engine, ${workersLabel(c.workers)}`
    : c.what === 'cli'
      ? `built CLI (dist/cli.js), ${workersLabel(c.workers)}`
      : c.what === 'loop'
        ? 'hand-written loop'
        : 'Squiggle 0.10';
const sameConfig = (a: Config, b: Config) => a.what === b.what && a.workers === b.workers;

/** How many cores were busy (all processes) over the next `ms` milliseconds. */
async function busyCores(ms = 1000): Promise<number> {
  const sample = () => {
    let busy = 0;
    let all = 0;
    for (const { times } of os.cpus()) {
      busy += times.user + times.nice + times.sys + times.irq;
      all += times.user + times.nice + times.sys + times.irq + times.idle;
    }
    return { busy, all };
  };
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sample();
  const all = after.all - before.all;
  return all > 0 ? ((after.busy - before.busy) / all) * os.cpus().length : 0;
}

/** Waits up to `seconds` for the machine to be quiet; returns the busy cores of the last second. */
async function quietEnough(seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let busy = await busyCores();
  while (busy >= QUIET_CORES && performance.now() < deadline) busy = await busyCores();
  return busy;
}

/**
 * Timed runs per process: one from 1e6 trials up; below, enough for a million trials (ten at
 * 1e5), whose median is the round's time: a single run of 1e5 trials (20–35 ms) moved by ±15%
 * from round to round.
 */
const timedRuns = (trials: number) => Math.min(10, Math.max(1, Math.round(1_000_000 / trials)));

/** One configuration's run in a process of its own: `caseFile` is bench/case.ts compiled for plain node. */
function runInChild(caseFile: string, config: Config, trials: number, run: number, timeoutMs: number): Promise<CaseResult> {
  const { what, workers } = config;
  return new Promise((resolve) => {
    let result: CaseResult | undefined;
    let stderr = '';
    // Round r's runs have seeds bench-<(r - 1) n + 1> to bench-<r n>: bench-<r> when n is 1, as the CLI's.
    const runs = timedRuns(trials);
    const child = fork(caseFile, [what, String(trials), String(runs), String((run - 1) * runs + 1), String(workers)], {
      cwd: ROOT,
      execArgv: [],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      result = { ok: false, what, trials, workers, error: `stopped after ${timeoutMs / 1000} s` };
      child.kill();
    }, timeoutMs);
    child.on('message', (message) => {
      result = message as CaseResult;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const why = signal !== null ? `killed by ${signal}` : `exited with code ${code}`;
      resolve(result ?? { ok: false, what, trials, workers, error: `${why}: ${lastLines(stderr) || 'no output'}` });
    });
  });
}

/**
 * The built CLI as a process of its own: `node dist/cli.js simulate examples/reference-model.json
 * --trials N --seed bench-<run> --workers W --json`, timed from outside (start-up and loading
 * included, no warm-up), with its peak RSS and CPU time reported at exit by bench/report-max-rss.mjs.
 */
function runCli(config: Config, trials: number, run: number, timeoutMs: number): Promise<CaseResult> {
  const { what, workers } = config;
  const failed = (error: string): CaseResult => ({ ok: false, what, trials, workers, error });
  if (!existsSync(CLI_FILE)) return Promise.resolve(failed('dist/cli.js not found: run `npm run build` first'));
  const dir = mkdtempSync(join(os.tmpdir(), 'parkcast-bench-'));
  const usageFile = join(dir, 'usage.json');
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const machineBefore = machineBusyMicros();
    const start = performance.now();
    const args = [
      '--import',
      USAGE_REPORTER,
      CLI_FILE,
      'simulate',
      MODEL_FILE,
      '--trials',
      String(trials),
      '--seed',
      `bench-${run}`,
      '--workers',
      String(workers),
      '--json',
    ];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, PARKCAST_BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      const machineMicros = machineBusyMicros() - machineBefore;
      try {
        if (timedOut) throw new Error(`stopped after ${timeoutMs / 1000} s`);
        if (code !== 0) throw new Error(`${signal !== null ? `killed by ${signal}` : `exited with code ${code}`}: ${lastLines(stderr) || 'no output'}`);
        const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKiB: number; cpuMicros: number };
        const result = JSON.parse(stdout) as { targets: Array<{ id: string; probability: number }>; joint: { probability: number } };
        const probabilities = { all: result.joint.probability } as Probabilities;
        for (const target of REFERENCE_TARGETS) {
          if (target.id === null) continue;
          const found = result.targets.find((t) => t.id === target.id);
          if (found === undefined) throw new Error(`the CLI returned no target "${target.id}"`);
          probabilities[target.key] = found.probability;
        }
        resolve({
          ok: true,
          what,
          trials,
          workers,
          timesMs: [ms],
          medianMs: ms,
          trialsPerSecond: trials / (ms / 1000),
          loadedRssMiB: Number.NaN,
          peakRssMiB: usage.maxRssKiB / 1024,
          probabilities,
          ownCores: usage.cpuMicros / (ms * 1000),
          otherCores: Math.max(0, (machineMicros - usage.cpuMicros) / (ms * 1000)),
        });
      } catch (error) {
        resolve(failed(error instanceof Error ? error.message : String(error)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** The last lines of a child's stderr (an out-of-memory report is long). */
const lastLines = (text: string) => text.trim().split('\n').slice(-3).join(' / ');

/** Squiggle's probabilities from a separate process, or the error it gave. */
function squiggleInChild(samples: number, seed: string, split: boolean): Promise<Probabilities | string> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = fork(SQUIGGLE_FILE, [String(samples), seed, ...(split ? ['--split'] : [])], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(stdout) as Probabilities);
      } catch {
        resolve(`exited with code ${code}: ${lastLines(stderr) || 'no output'}`);
      }
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const medianMs = (s: Summary) => median(s.runs.map((r) => r.medianMs));
const peakRssMiB = (s: Summary) => Math.max(...s.runs.map((r) => r.peakRssMiB));
const fmtTrials = (n: number) => n.toExponential(0).replace('+', '');
const fmtRate = (perSecond: number) => (perSecond >= 1e5 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`);
const fmtMiB = (mib: number) => `${mib.toFixed(0)} MiB`;
const fmtRatio = (ratio: number) => (ratio >= 0.1 ? `${ratio.toFixed(2)}x` : `${ratio.toFixed(3)}x`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The median over rounds of (engine-on-1-worker time / this time): how many times faster. */
function pairedSpeedRatio(s: Summary, engine: Summary | undefined): string {
  if (engine === undefined || s.runs.length === 0) return '—';
  const ratios: number[] = [];
  s.runs.forEach((r, i) => {
    const e = engine.runs[engine.rounds.indexOf(s.rounds[i])];
    if (e !== undefined) ratios.push(e.medianMs / r.medianMs);
  });
  return ratios.length > 0 ? fmtRatio(median(ratios)) : '—';
}

/** "0.00231 (-0.3 SE)": the estimate over all runs and its distance from the precise reference. */
function probabilityCell(s: Summary | undefined, target: ReferenceTarget): string {
  if (s === undefined || s.runs.length === 0) return '—';
  const n = s.trials * s.runs.length;
  const p = s.runs.reduce((sum, r) => sum + r.probabilities[target.key], 0) / s.runs.length;
  const z = (p - target.precise) / standardError(target.precise, n);
  return `${p.toPrecision(4)} (${z >= 0 ? '+' : ''}${z.toFixed(1)} SE)`;
}

/** Whether the engine on all cores gave exactly the 1-worker probabilities, round by round (same seeds). */
function identical(one: Summary | undefined, all: Summary | undefined): string {
  if (one === undefined || all === undefined) return 'not run';
  const pairs = all.runs.flatMap((r, i) => {
    const o = one.runs[one.rounds.indexOf(all.rounds[i])];
    return o === undefined ? [] : [[o.probabilities, r.probabilities] as const];
  });
  if (pairs.length === 0) return 'no round with both';
  const same = pairs.every(([a, b]) => REFERENCE_TARGETS.every((t) => a[t.key] === b[t.key]));
  return `${same ? 'identical' : 'DIFFERENT'} in ${pairs.length} of ${pairs.length} rounds`;
}

const USAGE = 'usage: npm run bench [-- --large | --large-only] [--wait-quiet SECONDS]';

async function main(args: string[]): Promise<void> {
  let options: { large?: boolean; 'large-only'?: boolean; 'wait-quiet'?: string };
  try {
    ({ values: options } = parseArgs({
      args,
      options: { large: { type: 'boolean' }, 'large-only': { type: 'boolean' }, 'wait-quiet': { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const waitQuiet = Number(options['wait-quiet'] ?? 0);
  if (!(waitQuiet >= 0)) {
    console.error(`--wait-quiet: expected a number of seconds, got ${options['wait-quiet']}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const large = options.large === true || options['large-only'] === true;
  const standard = options['large-only'] !== true;
  const groups = [...(standard ? STANDARD_GROUPS : []), ...(large ? LARGE_GROUPS : [])];

  const started = performance.now();
  const caseFile = await compileForNode('bench/case.ts');
  const cpus = os.cpus();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log('parkcast bench: the reference model of notes/performance.md (examples/reference-model.json)');
  console.log(
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores (availableParallelism ${CORES}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}; ${new Date().toISOString()}`,
  );
  const startLoad = load();
  console.log(
    `load average (1, 5, 15 min) at start: ${startLoad}; the engine from the built package (dist/); each case in plain node, compiled by tsup (no tsx)`,
  );
  console.log(
    `each round of a configuration in its own process: warm-up runs (the engine and the loop 1e6 trials in all, Squiggle one run), then one timed run (10 below 1e6 trials, their median); ` +
      `configurations side by side in rounds (${ROUNDS} per trial count, 1 for --large); ` +
      `${waitQuiet > 0 ? `waiting up to ${waitQuiet} s before each run for fewer than ${QUIET_CORES} busy cores` : 'no waiting for a quiet machine'}\n`,
  );

  const summaries: Summary[] = [];
  const summary = (config: Config, trials: number) => summaries.find((s) => s.trials === trials && sameConfig(s, config));
  for (const [index, group] of groups.entries()) {
    const entries = group.configs.map((c) => {
      const s: Summary = { ...c, trials: group.trials, group: index, runs: [], rounds: [] };
      summaries.push(s);
      return s;
    });
    for (let round = 1; round <= group.rounds; round++) {
      // Rotate the order, so no configuration always runs first (or right after the slowest).
      const shift = (round - 1) % entries.length;
      for (const s of [...entries.slice(shift), ...entries.slice(0, shift)]) {
        if (s.error !== undefined) continue;
        const busyBefore = await quietEnough(waitQuiet);
        process.stderr.write(`  round ${round}: ${label(s)} at ${fmtTrials(group.trials)} trials (busy cores ${busyBefore.toFixed(2)}, load ${load()})\n`);
        const result =
          s.what === 'cli' ? await runCli(s, group.trials, round, group.timeoutMs) : await runInChild(caseFile, s, group.trials, round, group.timeoutMs);
        if (result.ok) {
          s.runs.push({ ...result, busyBefore });
          s.rounds.push(round);
        } else {
          s.error = result.error;
        }
      }
    }
  }

  const engine1At = (trials: number) => summary(ENGINE_1, trials);
  let unpaired = false;
  const rows = summaries.map((s) => {
    const ok = s.runs.length > 0;
    const paired = summaries.find((e) => e.group === s.group && sameConfig(e, ENGINE_1) && e.runs.length > 0);
    // Not run side by side with the engine on 1 worker (--large): against its largest run below or at these trials.
    const nearest = summaries.filter((e) => sameConfig(e, ENGINE_1) && e.runs.length > 0 && e.trials <= s.trials).sort((a, b) => b.trials - a.trials)[0];
    const engine = paired ?? nearest;
    const engineMemory = engine !== undefined ? peakRssMiB(engine) : undefined;
    const mark = paired === undefined && engine !== undefined ? `* (${fmtTrials(engine.trials)})` : '';
    if (mark !== '' && ok) unpaired = true;
    const speed =
      !ok || engine === undefined
        ? '—'
        : paired !== undefined
          ? pairedSpeedRatio(s, paired)
          : `${fmtRatio(medianMs(engine) / engine.trials / (medianMs(s) / s.trials))}${mark}`;
    return [
      fmtTrials(s.trials),
      label(s),
      ok ? fmtRate(s.trials / (medianMs(s) / 1000)) : 'failed',
      ok ? fmtMiB(peakRssMiB(s)) : '—',
      sameConfig(s, ENGINE_1) ? '1 (ref.)' : speed,
      sameConfig(s, ENGINE_1) ? '1 (ref.)' : ok && engineMemory !== undefined ? `${fmtRatio(peakRssMiB(s) / engineMemory)}${mark}` : '—',
      String(s.runs.length),
      ok ? median(s.runs.map((r) => r.ownCores)).toFixed(2) : '—',
      ok ? `${Math.max(...s.runs.map((r) => r.busyBefore)).toFixed(2)} / ${Math.max(...s.runs.map((r) => r.otherCores)).toFixed(2)}` : '—',
    ];
  });
  console.log(
    table(
      [
        'trials',
        'configuration',
        'trials/s (median)',
        'peak RSS (max)',
        'speed vs engine 1 worker',
        'peak RSS vs engine 1 worker',
        'runs',
        'cores used',
        'other load before / during',
      ],
      rows,
    ),
  );
  console.log('speed vs engine 1 worker: median over rounds of (engine 1-worker time / this time) in the same round; above 1 is faster');
  const loopRatios = [...new Set(summaries.map((s) => s.trials))].flatMap((trials) => {
    const loop = summary(LOOP, trials);
    const engine = engine1At(trials);
    return loop !== undefined && engine !== undefined && loop.runs.length > 0 ? [`${pairedSpeedRatio(loop, engine)} at ${fmtTrials(trials)}`] : [];
  });
  if (loopRatios.length > 0) {
    console.log(`hand-written loop against the engine on 1 worker: ${loopRatios.join(', ')} as fast (the core issue expects at most ${LOOP_RATIO_BOUND}x)`);
  }
  if (unpaired)
    console.log('* not run side by side with the engine on 1 worker: against its trials/s and peak RSS at the trials in brackets, from the same bench');
  console.log("cores used: CPU time of the run's process (all threads) per second of the timed run, median over rounds");
  console.log(
    `other load: cores busy with anything else, over the second before a run / during the timed run (max over rounds; of ${os.cpus().length}); ` +
      `the load average (includes this bench's own runs) went from ${startLoad} to ${load()}`,
  );

  const done = summaries.filter((s) => s.runs.length > 0);
  const describe = (s: Summary, cell: (r: Success) => string) => `${label(s)} ${fmtTrials(s.trials)} ${s.runs.map(cell).join('/')}`;
  console.log(
    `\ntime of each round (the median of its runs where there were several), ms: ${done.map((s) => describe(s, (r) => r.medianMs.toFixed(0))).join('; ')}`,
  );
  console.log(`peak RSS of each run, MiB: ${done.map((s) => describe(s, (r) => r.peakRssMiB.toFixed(0))).join('; ')}`);
  const loaded = done.filter((s) => s.what !== 'cli');
  console.log(
    `RSS after loading, before any run (imports and the model included), MiB: ${loaded.map((s) => describe(s, (r) => r.loadedRssMiB.toFixed(0))).join('; ')}`,
  );
  if (done.some((s) => s.what === 'cli')) console.log('built CLI: timed from outside, start-up and loading included, no warm-up');
  if (CORES > 1) {
    const checked = [...new Set(summaries.filter((s) => sameConfig(s, ENGINE_ALL)).map((s) => s.trials))].filter((t) => engine1At(t) !== undefined);
    if (checked.length > 0) {
      console.log(
        `engine on ${CORES} workers against 1 worker, same seeds: ${checked.map((t) => `${fmtTrials(t)} ${identical(engine1At(t), summary(ENGINE_ALL, t))}`).join('; ')}`,
      );
    }
  }

  const large1e8 = done.filter((s) => s.trials === 100_000_000);
  if (large1e8.length > 0) {
    console.log(`\nat 1e8 trials, peak RSS against the issue's 300 MB (${LARGE_MEMORY_BOUND_MIB.toFixed(0)} MiB):`);
    for (const s of large1e8) {
      const peak = peakRssMiB(s);
      const loadedRss = s.runs[0].loadedRssMiB;
      console.log(
        `  ${label(s)}: ${(medianMs(s) / 1000).toFixed(1)} s, peak RSS ${fmtMiB(peak)} = ${((peak * 2 ** 20) / 1e6).toFixed(0)} MB, ` +
          `${peak < LARGE_MEMORY_BOUND_MIB ? 'under' : 'OVER'}${Number.isNaN(loadedRss) ? '' : ` (RSS after loading, before any run: ${fmtMiB(loadedRss)})`}`,
      );
    }
    const [first, ...others] = large1e8;
    const same = others.every((s) => REFERENCE_TARGETS.every((t) => s.runs[0].probabilities[t.key] === first.runs[0].probabilities[t.key]));
    if (others.length > 0) console.log(`  probabilities of these runs (seed bench-1): ${same ? 'identical' : 'DIFFERENT'}`);
  }

  const columns: Config[] = [ENGINE_1, LOOP, SQUIGGLE];
  for (const trials of [...new Set(done.map((s) => s.trials))].filter((t) => t >= 1_000_000)) {
    const shown = columns.map((c) => summary(c, trials)).filter((s): s is Summary => s !== undefined && s.runs.length > 0);
    const engineOnly = summary(ENGINE_1, trials) === undefined ? summary(ENGINE_ALL, trials) : undefined;
    if (engineOnly !== undefined && engineOnly.runs.length > 0) shown.unshift(engineOnly);
    if (shown.length === 0) continue;
    console.log(
      `\nprobabilities at ${fmtTrials(trials)} trials, averaged over the runs (${shown.map((s) => `${label(s)} ${fmtTrials(s.trials * s.runs.length)}`).join(', ')}); ` +
        'SE = sqrt(p(1-p)/n) of the precise reference',
    );
    console.log(
      table(
        ['target', 'notes', 'precise', ...shown.map(label)],
        REFERENCE_TARGETS.map((t) => [t.label, t.notes.toFixed(t.notes >= 0.01 ? 3 : 4), String(t.precise), ...shown.map((s) => probabilityCell(s, t))]),
      ),
    );
  }
  console.log('precise: exact for the first three; 8e8 trials of an independent generator for tax and joint (bench/precise-reference.ts)');

  if (standard) {
    process.stderr.write('  Squiggle: the same seed twice, in separate processes\n');
    const seed = 'bench-repeat';
    const lines: string[] = [];
    for (const split of [false, true]) {
      const [a, b] = [await squiggleInChild(REPEAT_SAMPLES, seed, split), await squiggleInChild(REPEAT_SAMPLES, seed, split)];
      const name = split ? 'with each Poisson(35) written as 4 x Poisson(8.75)' : 'the model as benchmarked';
      if (typeof a === 'string' || typeof b === 'string') {
        lines.push(`  ${name}: failed: ${typeof a === 'string' ? a : b}`);
        continue;
      }
      const differing = REFERENCE_TARGETS.filter((t) => a[t.key] !== b[t.key]);
      lines.push(
        `  ${name}: ${differing.length === 0 ? 'identical' : `DIFFERENT in ${differing.map((t) => `${t.label} (${a[t.key]} then ${b[t.key]})`).join(', ')}`}`,
      );
    }
    console.log(`\nSquiggle, seed "${seed}" at ${fmtTrials(REPEAT_SAMPLES)} samples, run twice in separate processes:\n${lines.join('\n')}`);
  }

  for (const s of summaries) {
    if (s.error !== undefined) console.log(`\n${label(s)} at ${fmtTrials(s.trials)} failed: ${s.error.split('\n')[0]}`);
  }
  console.log(`\nload average at end: ${load()}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

void main(process.argv.slice(2));
