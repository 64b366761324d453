import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, expectCleanFailure, parkcastBuilt } from './builtCli.js';

const MODEL = 'examples/reference-model.json';
const GROUP = 'examples/city-key-parks-group.json';

/** Options that cannot be honoured: each is wrong usage (exit 2) with a message, and runs nothing. */
const BAD_OPTIONS: ReadonlyArray<{ args: string[]; env?: Record<string, string>; message: string }> = [
  {
    args: ['simulate', MODEL, '--trials', '1e12'],
    message: '--trials: at most 1,000,000,000 in one run, got 1,000,000,000,000; split a larger run into shards',
  },
  { args: ['simulate', MODEL, '--trials', '1e20'], message: '--trials: expected a whole number of at least 1, got "1e20"' },
  { args: ['report', MODEL, '--trials', '2e9'], message: '--trials: at most 1,000,000,000 in one run' },
  { args: ['run', MODEL, '--trials', '2e9', '--no-reports'], message: '--trials: at most 1,000,000,000 in one run' },
  {
    // A group of 23 parks runs some 10^4 trials a second on one thread: 10^9 trials are days, on any machine
    // (the reference model, at 3.5 million a second, would take under 10 minutes and just run).
    args: ['simulate', GROUP, '--trials', '1e9', '--workers', '1'],
    message: /1,000,000,000 trials should take about .+ on 1 thread \(timed: [\d,]+ trials\/s on one\), more than 10 minutes: add --yes/,
  } as never,
  // Analyses of many runs have the one-run limit for each, and are estimated as all their runs.
  { args: ['sensitivity', MODEL, '--trials', '2e9'], message: '--trials: at most 1,000,000,000 in one run' },
  {
    args: ['goal-seek', MODEL, '-t', 'output-30bn', '-a', 'outputDrift', '-p', '0.8', '--trials', '2e9'],
    message: '--trials: at most 1,000,000,000 in one run',
  },
  { args: ['compare', MODEL, MODEL, '--trials', '2e9'], message: '--trials: at most 1,000,000,000 in one run' },
  {
    args: ['sensitivity', GROUP, '--trials', '1e7'],
    message: /^parkcast: \d+ runs \(a base run, two per assumption swung and the variance shares\) of 10,000,000 trials should take about .+ add --yes/,
  } as never,
  {
    args: ['goal-seek', GROUP, '-t', 'six-parks-above-10bn', '-a', 'cityGrowth', '-p', '0.5', '--trials', '1e7'],
    message: /^parkcast: 20 runs \(at least, one per value tried\) of 10,000,000 trials should take about .+ add --yes/,
  } as never,
  { args: ['compare', GROUP, GROUP, '--trials', '1e8'], message: /100,000,000 trials of each of 2 scenarios should take about .+ add --yes/ } as never,
  { args: ['simulate', MODEL, '--shard', 'auto'], message: "--shard auto: no batch runner's task index is set" },
  { args: ['simulate', MODEL, '--shard', 'auto'], env: { JOB_COMPLETION_INDEX: '2' }, message: 'add --shard-count N (or set PARKCAST_SHARD_COUNT)' },
  { args: ['simulate', MODEL, '--shard', 'auto', '--shard-count', '2'], env: { JOB_COMPLETION_INDEX: '2' }, message: 'makes this shard 3 of 2' },
  { args: ['simulate', MODEL, '--shard', '1/2', '--shard-count', '2'], message: '--shard-count: only with --shard auto' },
  { args: ['simulate', MODEL, '--shard', '3/2'], message: '--shard: expected i/n with 1 <= i <= n, or auto, got "3/2"' },
  { args: ['simulate', MODEL, '--shard', '1/2', '--relative-precision', '0.1'], message: '--shard: a shard cannot stop early' },
  { args: ['simulate', MODEL, '--relative-precision', '2'], message: '--relative-precision: expected a number between 0 and 1, got "2"' },
  { args: ['simulate', MODEL, '--samples', 'trials.txt'], message: '--samples: expected a file name ending in .csv or .jsonl' },
];

describe('limits and requests that cannot be honoured', () => {
  it('every bad option exits 2 with its message, never 3, a stack trace, NaN, undefined or [object Object], and writes nothing', async () => {
    const results: CliResult[] = [];
    for (let i = 0; i < BAD_OPTIONS.length; i += 4) {
      results.push(
        ...(await Promise.all(
          BAD_OPTIONS.slice(i, i + 4).map(async ({ args, env }) => {
            const cwd = await mkdtemp(join(tmpdir(), 'parkcast-limits-'));
            const result = await parkcastBuilt(
              args.map((a) => (a === MODEL || a === GROUP ? join(process.cwd(), a) : a)),
              { cwd, env: { ...process.env, ...env } },
            );
            expect(await readdir(cwd)).toEqual([]);
            return result;
          }),
        )),
      );
    }
    BAD_OPTIONS.forEach(({ message }, i) => expectCleanFailure(results[i], 2, message));
  }, 300_000);

  it('a precision not reached within --trials warns, and the JSON says precisionReached false; reached, true', async () => {
    const [short, reached] = await Promise.all([
      parkcastBuilt(['simulate', MODEL, '--precision', '0.002', '--json']),
      parkcastBuilt(['simulate', MODEL, '--precision', '0.02', '--trials', '100000', '--json']),
    ]);
    expect(short.code).toBe(0);
    expect(short.stderr).toContain('parkcast: precision not reached: ±0.20 pp was asked, but the most trials asked for (10,000) gave');
    expect(JSON.parse(short.stdout).meta).toMatchObject({ trials: 10_000, stoppedEarly: false, precisionReached: false });
    expect(reached.code).toBe(0);
    expect(reached.stderr).toBe('');
    expect(JSON.parse(reached.stdout).meta).toMatchObject({ stoppedEarly: true, precisionReached: true });
  }, 120_000);
});
