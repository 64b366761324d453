import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const cli = ['--import', 'tsx', join(root, 'src/cli/main.ts')];
const parkcast = (...args: string[]) => run(process.execPath, [...cli, ...args], { cwd: root });

describe('parkcast at scale: shards, samples, Ctrl-C', () => {
  it('simulate --shard i/n and merge give the whole run, byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-shards-'));
    const common = ['simulate', 'examples/reference-model.json', '--trials', '20000', '--seed', '5'];
    await Promise.all([1, 2, 3].map((i) => parkcast(...common, '--shard', `${i}/3`, '--output', join(dir, `part-${i}.json`))));
    const [{ stdout: merged }, { stdout: whole }] = await Promise.all([
      parkcast('merge', ...[1, 2, 3].map((i) => join(dir, `part-${i}.json`)), '--json'),
      parkcast(...common, '--json'),
    ]);
    expect(merged).toBe(whole);
  });

  it('merge names the shard file and the field of a damaged or outdated shard, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-bad-shards-'));
    const common = ['simulate', 'examples/reference-model.json', '--trials', '5000', '--seed', '5'];
    const files = [1, 2].map((i) => join(dir, `part-${i}.json`));
    await Promise.all(files.map((file, i) => parkcast(...common, '--shard', `${i + 1}/2`, '--output', file)));
    const shard = JSON.parse(await readFile(files[1], 'utf8'));
    const failure = async (edit: (s: typeof shard) => void) => {
      const damaged = structuredClone(shard);
      edit(damaged);
      await writeFile(files[1], JSON.stringify(damaged));
      return parkcast('merge', ...files).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    };
    expect(
      await failure((s) => {
        s.tally.metricHistograms[0][1].bins[2] = 'x';
      }),
    ).toEqual({ code: 1, stderr: expect.stringContaining(`${files[1]}: a damaged shard: tally.metricHistograms[0][1].bins[2]: expected`) });
    expect(
      await failure((s) => {
        s.formatVersion = 1;
      }),
    ).toEqual({ code: 1, stderr: `${files[1]}: a shard file of format 1; this parkcast reads format 2: compute the shard again with it\n` });
    expect(
      await failure((s) => {
        s.tally.hits.pop();
      }),
    ).toEqual({ code: 1, stderr: expect.stringContaining('does not have one entry per target') });
  });

  it('--samples writes one row per trial with a header, atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-samples-'));
    const file = join(dir, 'trials.csv');
    await parkcast('simulate', 'examples/reference-model.json', '--trials', '3000', '--samples', file, '--json');
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(3001);
    expect(lines[0].split(',').slice(0, 2)).toEqual(['trial', 'outputDrift']);
    expect(lines[1].split(',')[0]).toBe('0');
    expect(await readdir(dir)).toEqual(['trials.csv']);
  });

  it('Ctrl-C stops cleanly: exit 130 and no half-written output file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-interrupt-'));
    const output = join(dir, 'result.json');
    const child = spawn(
      process.execPath,
      [
        ...cli,
        'simulate',
        'examples/reference-model.json',
        '--trials',
        '200000000',
        '--workers',
        '1',
        '--output',
        output,
        '--samples',
        join(dir, 'trials.csv'),
        // Estimated at over ten minutes on one thread: it starts only when told to.
        '--yes',
      ],
      { cwd: root },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Interrupt once the run is well under way (the samples file has started).
    const started = Date.now();
    while (!(await readdir(dir)).some((f) => f.endsWith('.tmp')) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('stopped; no output written');
    expect(existsSync(output)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});
