/** Shard i of n, 1-based, and where `--shard auto` found it. */
export interface ShardChoice {
  readonly index: number;
  readonly count: number;
  /** The environment variables it came from, for the log line; absent for `--shard i/n`. */
  readonly source?: string;
}

type Environment = Readonly<Record<string, string | undefined>>;

/** A whole number from an environment variable, or undefined when unset or empty. */
function wholeFrom(env: Environment, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  if (!/^\s*\d+\s*$/.test(text)) throw new ShardEnvironmentError(`--shard auto: ${name} is "${text}", not a whole number`);
  return Number(text);
}

/** `--shard auto` could not tell which shard this is: a usage error (exit 2). */
export class ShardEnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardEnvironmentError';
  }
}

/** A batch runner's way of saying which task this is: its index (made 1-based) and, if it says so, how many. */
interface Runner {
  readonly name: string;
  /** The variable whose presence says this runner started the process. */
  readonly marker: string;
  readonly read: (env: Environment) => { index: number; count?: number; source: string };
}

/**
 * The runners `--shard auto` knows, in the order it looks: GNU parallel first, since it is the one
 * started inside another runner's task (a Slurm job running parallel), then the others.
 * - GNU parallel: PARALLEL_SEQ, the job's sequence number from 1 (the count is not in the environment).
 * - Kubernetes indexed Jobs: JOB_COMPLETION_INDEX from 0 (the completions are not in the environment).
 * - Slurm job arrays: SLURM_ARRAY_TASK_ID, from SLURM_ARRAY_TASK_MIN, with SLURM_ARRAY_TASK_COUNT
 *   (or MIN to MAX) tasks; the ids must be contiguous (no step, no list with gaps).
 * - AWS Batch array jobs: AWS_BATCH_JOB_ARRAY_INDEX from 0, AWS_BATCH_JOB_ARRAY_SIZE children.
 * - Cloud Run jobs: CLOUD_RUN_TASK_INDEX from 0, CLOUD_RUN_TASK_COUNT tasks.
 */
const RUNNERS: readonly Runner[] = [
  {
    name: 'GNU parallel',
    marker: 'PARALLEL_SEQ',
    read: (env) => ({ index: wholeFrom(env, 'PARALLEL_SEQ') as number, source: 'PARALLEL_SEQ' }),
  },
  {
    name: 'a Kubernetes indexed Job',
    marker: 'JOB_COMPLETION_INDEX',
    read: (env) => ({ index: (wholeFrom(env, 'JOB_COMPLETION_INDEX') as number) + 1, source: 'JOB_COMPLETION_INDEX' }),
  },
  {
    name: 'a Slurm job array',
    marker: 'SLURM_ARRAY_TASK_ID',
    read: (env) => {
      const id = wholeFrom(env, 'SLURM_ARRAY_TASK_ID') as number;
      const min = wholeFrom(env, 'SLURM_ARRAY_TASK_MIN');
      const max = wholeFrom(env, 'SLURM_ARRAY_TASK_MAX');
      const stated = wholeFrom(env, 'SLURM_ARRAY_TASK_COUNT');
      const step = wholeFrom(env, 'SLURM_ARRAY_TASK_STEP');
      if (step !== undefined && step !== 1) {
        throw new ShardEnvironmentError(`--shard auto: the Slurm array steps by ${step} (SLURM_ARRAY_TASK_STEP); submit it as --array=1-N`);
      }
      if (min === undefined) {
        // Without MIN, ids are taken to start at 1 (--array=1-N), as `--shard $SLURM_ARRAY_TASK_ID/N` does.
        return { index: id, count: stated, source: 'SLURM_ARRAY_TASK_ID' };
      }
      const span = max === undefined ? undefined : max - min + 1;
      if (stated !== undefined && span !== undefined && stated !== span) {
        throw new ShardEnvironmentError(
          `--shard auto: the Slurm array has ${stated} tasks with ids ${min} to ${max} (a list with gaps); submit it as --array=1-N or --array=0-(N-1)`,
        );
      }
      return { index: id - min + 1, count: stated ?? span, source: 'SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_MIN' };
    },
  },
  {
    name: 'an AWS Batch array job',
    marker: 'AWS_BATCH_JOB_ARRAY_INDEX',
    read: (env) => ({
      index: (wholeFrom(env, 'AWS_BATCH_JOB_ARRAY_INDEX') as number) + 1,
      count: wholeFrom(env, 'AWS_BATCH_JOB_ARRAY_SIZE'),
      source: 'AWS_BATCH_JOB_ARRAY_INDEX',
    }),
  },
  {
    name: 'a Cloud Run job',
    marker: 'CLOUD_RUN_TASK_INDEX',
    read: (env) => ({
      index: (wholeFrom(env, 'CLOUD_RUN_TASK_INDEX') as number) + 1,
      count: wholeFrom(env, 'CLOUD_RUN_TASK_COUNT'),
      source: 'CLOUD_RUN_TASK_INDEX',
    }),
  },
];

/**
 * Which shard this process is, for `--shard auto`: the index from the batch runner's environment
 * (see `RUNNERS`), the count from the runner where it says it, or from `--shard-count N` or
 * PARKCAST_SHARD_COUNT where it does not (they must agree with the runner's when both are given).
 * The same command line then runs unchanged in every task.
 *
 * @throws {ShardEnvironmentError} when no runner's variables are set, the count is unknown, or the index is out of range.
 */
export function shardFromEnvironment(env: Environment, countOption?: number): ShardChoice {
  const runner = RUNNERS.find((r) => (env[r.marker] ?? '').trim() !== '');
  if (runner === undefined) {
    throw new ShardEnvironmentError(`--shard auto: no batch runner's task index is set (${RUNNERS.map((r) => r.marker).join(', ')}); give --shard i/n`);
  }
  const found = runner.read(env);
  const fromEnv = wholeFrom(env, 'PARKCAST_SHARD_COUNT');
  const asked = countOption ?? fromEnv;
  const askedName = countOption !== undefined ? '--shard-count' : 'PARKCAST_SHARD_COUNT';
  if (asked !== undefined && found.count !== undefined && asked !== found.count) {
    throw new ShardEnvironmentError(`--shard auto: ${askedName} is ${asked}, but ${runner.name} has ${found.count} tasks`);
  }
  const count = found.count ?? asked;
  if (count === undefined) {
    throw new ShardEnvironmentError(
      `--shard auto: ${found.source} gives the index, but ${runner.name} does not say how many shards there are: add --shard-count N (or set PARKCAST_SHARD_COUNT)`,
    );
  }
  if (!(count >= 1 && found.index >= 1 && found.index <= count)) {
    throw new ShardEnvironmentError(`--shard auto: ${found.source} makes this shard ${found.index} of ${count}, which is not between 1 and ${count}`);
  }
  return { index: found.index, count, source: `${found.source}, ${runner.name}` };
}

/** An output name with the shard put in: `part-{index}-of-{count}.json` → `part-2-of-4.json`. */
export function withShard(path: string, shard: { index: number; count: number }): string {
  return path.replaceAll('{index}', String(shard.index)).replaceAll('{count}', String(shard.count));
}
