/**
 * `npm run bench`: the parkcast engine (1 thread) against a hand-written loop of the reference
 * model (notes/performance.md), at 1e5 and 1e6 trials.
 *
 * Every timed run is its own child process (bench/case.ts: warm-up, then one run), so peak memory
 * is per configuration. The machine is shared and noisy, so the runs go in rounds, engine and loop
 * side by side (alternating which goes first): time is the median of 3 runs, and the ratio the
 * median of the 3 paired ratios, which drift in the machine's speed affects least.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CaseResult, Implementation } from './case.js';
import { REFERENCE_TARGETS, type ReferenceTarget, standardError } from './reference.js';

const TRIAL_COUNTS = [100_000, 1_000_000];
const ROUNDS = 3;
/** A run taking longer than this is stopped, and its configuration dropped, to keep the bench to a few minutes. */
const CASE_TIMEOUT_MS = 60_000;
const CASE_FILE = fileURLToPath(new URL('./case.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

type Success = Extract<CaseResult, { ok: true }>;

/** A configuration's runs taken together; `rounds[i]` is the round of `runs[i]`. */
interface Summary {
  what: Implementation;
  trials: number;
  runs: Success[];
  rounds: number[];
  error?: string;
}

function runInChild(what: Implementation, trials: number, run: number): Promise<CaseResult> {
  return new Promise((resolve) => {
    let result: CaseResult | undefined;
    let stderr = '';
    const child = fork(CASE_FILE, [what, String(trials), '1', String(run)], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      result = { ok: false, what, trials, error: `stopped after ${CASE_TIMEOUT_MS / 1000} s` };
      child.kill();
    }, CASE_TIMEOUT_MS);
    child.on('message', (message) => {
      result = message as CaseResult;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(result ?? { ok: false, what, trials, error: `exited with code ${code}: ${stderr.trim() || 'no output'}` });
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
const fmtRate = (perSecond: number) => `${(perSecond / 1e6).toFixed(2)} M/s`;
const fmtMiB = (mib: number) => `${mib.toFixed(0)} MiB`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function speedCells(s: Summary): string[] {
  if (s.runs.length === 0) return ['failed', '—'];
  return [fmtRate(s.trials / (medianMs(s) / 1000)), fmtMiB(peakRssMiB(s))];
}

/** The median over rounds of engine time / loop time, from the rounds where both ran. */
function pairedRatio(engine: Summary, loop: Summary): string {
  const ratios: number[] = [];
  engine.runs.forEach((e, i) => {
    const l = loop.runs[loop.rounds.indexOf(engine.rounds[i])];
    if (l !== undefined) ratios.push(e.medianMs / l.medianMs);
  });
  return ratios.length > 0 ? `${median(ratios).toFixed(2)}x` : '—';
}

/** "0.00231 (-0.3 SE)": the estimate over all runs and its distance from the precise reference. */
function probabilityCell(s: Summary, target: ReferenceTarget): string {
  if (s.runs.length === 0) return '—';
  const n = s.trials * s.runs.length;
  const p = s.runs.reduce((sum, r) => sum + r.probabilities[target.key], 0) / s.runs.length;
  const z = (p - target.precise) / standardError(target.precise, n);
  return `${p.toPrecision(4)} (${z >= 0 ? '+' : ''}${z.toFixed(1)} SE)`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const cpus = os.cpus();
  console.log('parkcast bench: the reference model of notes/performance.md (examples/reference-model.json)');
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(`each run in its own process after a warm-up; ${ROUNDS} rounds of engine and loop side by side; engine on 1 thread\n`);

  const summaries = new Map<string, Summary>();
  const summary = (what: Implementation, trials: number) => {
    const key = `${what}/${trials}`;
    if (!summaries.has(key)) summaries.set(key, { what, trials, runs: [], rounds: [] });
    return summaries.get(key) as Summary;
  };
  for (const trials of TRIAL_COUNTS) {
    for (let round = 1; round <= ROUNDS; round++) {
      const order: Implementation[] = round % 2 === 1 ? ['loop', 'engine'] : ['engine', 'loop'];
      for (const what of order) {
        const s = summary(what, trials);
        if (s.error !== undefined) continue;
        process.stderr.write(`  round ${round}: ${what} at ${fmtTrials(trials)} trials\n`);
        const result = await runInChild(what, trials, round);
        if (result.ok) {
          s.runs.push(result);
          s.rounds.push(round);
        } else {
          s.error = result.error;
        }
      }
    }
  }

  const rows = TRIAL_COUNTS.map((trials) => {
    const engine = summary('engine', trials);
    const loop = summary('loop', trials);
    return [fmtTrials(trials), ...speedCells(engine), ...speedCells(loop), pairedRatio(engine, loop)];
  });
  console.log(table(['trials', 'engine trials/s', 'engine peak RSS', 'loop trials/s', 'loop peak RSS', 'engine time / loop time'], rows));
  const done = [...summaries.values()].filter((s) => s.runs.length > 0);
  const describe = (s: Summary, cell: (r: Success) => string) => `${s.what} ${fmtTrials(s.trials)} ${s.runs.map(cell).join('/')}`;
  console.log(`time of each run, ms: ${done.map((s) => describe(s, (r) => r.medianMs.toFixed(0))).join('; ')}`);
  console.log(`RSS after loading, before any run (tsx and imports included), MiB: ${done.map((s) => describe(s, (r) => r.loadedRssMiB.toFixed(0))).join('; ')}`);

  const largest = TRIAL_COUNTS[TRIAL_COUNTS.length - 1];
  const engine = summary('engine', largest);
  const loop = summary('loop', largest);
  console.log(
    `\nprobabilities at ${fmtTrials(largest)} trials, averaged over the runs (engine ${fmtTrials(largest * engine.runs.length)} trials, ` +
      `loop ${fmtTrials(largest * loop.runs.length)}); SE = sqrt(p(1-p)/n) of the precise reference`,
  );
  console.log(
    table(
      ['target', 'notes', 'precise', 'engine', 'loop'],
      REFERENCE_TARGETS.map((t) => [t.label, t.notes.toFixed(t.notes >= 0.01 ? 3 : 4), String(t.precise), probabilityCell(engine, t), probabilityCell(loop, t)]),
    ),
  );
  console.log('precise: exact for the first three; 8e8 trials of an independent generator for tax and joint (bench/precise-reference.ts)');

  for (const s of summaries.values()) {
    if (s.error !== undefined) console.log(`\n${s.what} at ${fmtTrials(s.trials)} failed: ${s.error.split('\n')[0]}`);
  }
  console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

void main();
