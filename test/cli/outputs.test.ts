import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulateShard } from '../../src/index.js';
import { referenceScenario } from '../fixtures/scenarios.js';
import { expectCleanFailure, parkcastBuilt, snapshot } from './builtCli.js';

/**
 * A folder no one may write into: a read-only folder for a normal user; as root (who may write
 * anywhere chmod allows), Linux's /proc/sys, which even root cannot create files in.
 */
async function unwritableFolder(dir: string): Promise<string> {
  if (process.getuid?.() === 0) return '/proc/sys';
  const folder = join(dir, 'read-only');
  await mkdir(folder);
  await chmod(folder, 0o555);
  return folder;
}

interface Case {
  readonly name: string;
  /** The command line, with {dir} for the case's folder. */
  readonly args: (dir: string, unwritable: string) => string[];
  /** What stderr must say: the path and what is wrong. */
  readonly message: (dir: string, unwritable: string) => string;
}

const CASES: readonly Case[] = [
  {
    name: 'report --out naming the folder of a scenario called results.json',
    args: (d) => ['report', join(d, 'results.json'), '--out', d],
    message: (d) => `--out ${d}: would write results.json, which is the input ${join(d, 'results.json')}; choose another folder`,
  },
  {
    name: 'report --out naming the scenario file itself',
    args: (d) => ['report', join(d, 'park.json'), '--out', join(d, 'park.json')],
    message: () => 'is a file, not a folder',
  },
  {
    name: 'report --out inside the scenario file',
    args: (d) => ['report', join(d, 'park.json'), '--out', join(d, 'park.json', 'report')],
    message: () => 'cannot create the folder: park.json is a file, not a folder',
  },
  {
    name: 'report --out whose charts/ folder holds the scenario',
    args: (d) => ['report', join(d, 'charts', 'park.json'), '--out', d],
    message: (d) => `would write into charts, which holds the input ${join(d, 'charts', 'park.json')}`,
  },
  {
    name: 'report --out where report.html is a folder',
    args: (d) => ['report', join(d, 'park.json'), '--out', join(d, 'old-report')],
    message: () => 'report.html is a folder; a file of that name would be written',
  },
  {
    name: 'report --out under a folder that cannot be written',
    args: (d, u) => ['report', join(d, 'park.json'), '--out', join(u, 'report')],
    message: (_, u) => `cannot create the folder: ${u} is not writable`,
  },
  {
    name: 'simulate --output in a folder that does not exist',
    args: (d) => ['simulate', join(d, 'park.json'), '--output', join(d, 'missing', 'result.json')],
    message: () => 'the folder missing does not exist',
  },
  {
    name: 'simulate --output under a file',
    args: (d) => ['simulate', join(d, 'park.json'), '--output', join(d, 'notes.txt', 'result.json')],
    message: () => 'notes.txt is a file, not a folder',
  },
  {
    name: 'simulate --output naming the scenario',
    args: (d) => ['simulate', join(d, 'park.json'), '--output', join(d, 'park.json')],
    message: (d) => `is the input ${join(d, 'park.json')}; writing it would overwrite the input`,
  },
  {
    name: 'simulate --output naming the scenario through a symbolic link',
    args: (d) => ['simulate', join(d, 'park.json'), '--output', join(d, 'link.json')],
    message: () => 'writing it would overwrite the input',
  },
  { name: 'simulate --output naming a folder', args: (d) => ['simulate', join(d, 'park.json'), '--output', d], message: () => 'is a folder; give a file name' },
  {
    name: 'simulate --output in a folder that cannot be written',
    args: (d, u) => ['simulate', join(d, 'park.json'), '--output', join(u, 'result.json')],
    message: (_, u) => `the folder ${u} is not writable`,
  },
  {
    name: 'simulate --samples in a folder that does not exist',
    args: (d) => ['simulate', join(d, 'park.json'), '--samples', join(d, 'missing', 'trials.csv')],
    message: () => '--samples',
  },
  {
    name: 'simulate --output and --samples naming one file',
    args: (d) => ['simulate', join(d, 'park.json'), '--output', join(d, 'out.csv'), '--samples', join(d, 'out.csv')],
    message: () => '--output and --samples: both name',
  },
  {
    name: 'simulate --shard --output naming the scenario',
    args: (d) => ['simulate', join(d, 'park.json'), '--shard', '1/2', '--output', join(d, 'park.json')],
    message: () => 'would overwrite the input',
  },
  {
    name: 'merge --output naming a shard',
    args: (d) => ['merge', join(d, 'part-1.json'), join(d, 'part-2.json'), '--output', join(d, 'part-2.json')],
    message: (d) => `is the input ${join(d, 'part-2.json')}`,
  },
  {
    name: 'merge --output in a folder that does not exist',
    args: (d) => ['merge', join(d, 'part-1.json'), join(d, 'part-2.json'), '--output', join(d, 'missing', 'merged.json')],
    message: () => 'does not exist',
  },
  {
    name: 'run --reports naming a file',
    args: (d) => ['run', join(d, 'park.json'), '--reports', join(d, 'notes.txt')],
    message: () => 'is a file, not a folder',
  },
  {
    name: 'run --reports whose park folder holds the scenario as results.json',
    args: (d) => ['run', join(d, 'reports', 'reference', 'results.json'), '--reports', join(d, 'reports')],
    message: () => 'would write reports/reference/results.json, which is the input',
  },
  {
    name: 'run with two scenarios of one park id',
    args: (d) => ['run', join(d, 'park.json'), join(d, 'results.json'), '--reports', join(d, 'reports')],
    message: () => 'both have park id "reference": one report would overwrite the other',
  },
];

describe('outputs that cannot be written are refused before any work', () => {
  it('every bad output path exits 1 with a one-line message naming it, writes nothing, and leaves the inputs byte for byte', async () => {
    const scenario = JSON.stringify(referenceScenario(), null, 2);
    const parsed = await parseScenario(referenceScenario());
    const shards = await Promise.all([1, 2].map((index) => simulateShard(parsed, { trials: 3000, shard: { index, count: 2 } })));
    const prepare = async () => {
      const dir = await mkdtemp(join(tmpdir(), 'parkcast-outputs-'));
      await writeFile(join(dir, 'park.json'), scenario);
      await writeFile(join(dir, 'results.json'), scenario);
      await writeFile(join(dir, 'notes.txt'), 'my notes\n');
      await symlink(join(dir, 'park.json'), join(dir, 'link.json'));
      await mkdir(join(dir, 'charts'));
      await writeFile(join(dir, 'charts', 'park.json'), scenario);
      await mkdir(join(dir, 'old-report', 'report.html'), { recursive: true });
      await mkdir(join(dir, 'reports', 'reference'), { recursive: true });
      await writeFile(join(dir, 'reports', 'reference', 'results.json'), scenario);
      for (const [i, shard] of shards.entries()) await writeFile(join(dir, `part-${i + 1}.json`), JSON.stringify(shard));
      return dir;
    };
    // A few at a time: each is a process of its own.
    for (let i = 0; i < CASES.length; i += 4) {
      await Promise.all(
        CASES.slice(i, i + 4).map(async (c) => {
          const dir = await prepare();
          const unwritable = await unwritableFolder(dir);
          const before = await snapshot(dir);
          const result = await parkcastBuilt(c.args(dir, unwritable), { cwd: dir });
          expectCleanFailure(result, 1, c.message(dir, unwritable));
          expect(result.stderr.trim().split('\n'), c.name).toHaveLength(1);
          expect(result.stdout, c.name).toBe('');
          expect(await snapshot(dir), c.name).toEqual(before);
        }),
      );
    }
  }, 300_000);

  it('a report into a folder that does not exist yet, under one that does, is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-outputs-'));
    await writeFile(join(dir, 'park.json'), JSON.stringify(referenceScenario()));
    const result = await parkcastBuilt(['report', join(dir, 'park.json'), '--out', join(dir, 'a', 'b'), '--trials', '2000'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(await snapshot(join(dir, 'a', 'b')))).toContain(join(dir, 'a', 'b', 'report.html'));
  }, 120_000);
});
