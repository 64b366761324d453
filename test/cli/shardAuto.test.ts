import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { shardFromEnvironment, withShard } from '../../src/cli/shardEnvironment.js';
import { parkcastBuilt, root } from './builtCli.js';

const run = promisify(execFile);

describe('--shard auto: the shard from the batch runner', () => {
  it("reads each runner's index (made 1-based) and count", () => {
    expect(shardFromEnvironment({ PARALLEL_SEQ: '3' }, 4)).toMatchObject({ index: 3, count: 4 });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0', PARKCAST_SHARD_COUNT: '8' })).toMatchObject({ index: 1, count: 8 });
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '8', SLURM_ARRAY_TASK_COUNT: '8' })).toMatchObject(
      {
        index: 5,
        count: 8,
      },
    );
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '3' })).toMatchObject({ index: 1, count: 4 });
    expect(shardFromEnvironment({ AWS_BATCH_JOB_ARRAY_INDEX: '9', AWS_BATCH_JOB_ARRAY_SIZE: '10' })).toMatchObject({ index: 10, count: 10 });
    expect(shardFromEnvironment({ CLOUD_RUN_TASK_INDEX: '2', CLOUD_RUN_TASK_COUNT: '3' })).toMatchObject({ index: 3, count: 3 });
    // GNU parallel started inside a Slurm task is the one that numbers this process.
    expect(shardFromEnvironment({ PARALLEL_SEQ: '2', SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '9' }, 2)).toMatchObject({
      index: 2,
      count: 2,
    });
    expect(withShard('out/part-{index}-of-{count}.json', { index: 2, count: 4 })).toBe('out/part-2-of-4.json');
  });

  it('says what is missing or inconsistent', () => {
    expect(() => shardFromEnvironment({})).toThrow("--shard auto: no batch runner's task index is set (PARALLEL_SEQ, JOB_COMPLETION_INDEX");
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '1' })).toThrow(
      'JOB_COMPLETION_INDEX gives the index, but a Kubernetes indexed Job does not say how many shards there are: add --shard-count N',
    );
    expect(() => shardFromEnvironment({ CLOUD_RUN_TASK_INDEX: '1', CLOUD_RUN_TASK_COUNT: '4' }, 5)).toThrow(
      '--shard-count is 5, but a Cloud Run job has 4 tasks',
    );
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '4' }, 4)).toThrow('makes this shard 5 of 4');
    expect(() => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_STEP: '2' })).toThrow('steps by 2');
    expect(() => shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '9', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(
      'a list with gaps',
    );
    expect(() => shardFromEnvironment({ PARALLEL_SEQ: 'two' }, 2)).toThrow('PARALLEL_SEQ is "two", not a whole number');
  });

  it('the same command line run by GNU parallel as 4 shards merges to the single run, byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-parallel-'));
    const common = ['simulate', 'examples/reference-model.json', '--trials', '20000', '--seed', '5'];
    // -N0: one job per argument, none of them put on the command line: every job's line is the same.
    const { stderr } = await run(
      '/usr/bin/parallel',
      [
        '--will-cite',
        '-N0',
        process.execPath,
        join(root, 'dist/cli.js'),
        ...common,
        '--shard',
        'auto',
        '--shard-count',
        '4',
        '--output',
        join(dir, 'part-{index}.json'),
        ':::',
        '1',
        '2',
        '3',
        '4',
      ],
      { cwd: root },
    );
    for (const i of [1, 2, 3, 4]) expect(stderr).toContain(`parkcast: shard ${i} of 4 (from PARALLEL_SEQ, GNU parallel)`);
    expect((await readdir(dir)).sort()).toEqual(['part-1.json', 'part-2.json', 'part-3.json', 'part-4.json']);
    const [merged, whole] = await Promise.all([
      parkcastBuilt(['merge', ...[4, 2, 3, 1].map((i) => join(dir, `part-${i}.json`)), '--json']),
      parkcastBuilt([...common, '--json']),
    ]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  }, 120_000);
});
