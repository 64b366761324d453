import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type ShardResult, scenarioHash, simulateShard } from '../../src/index.js';
import { referenceScenario } from '../fixtures/scenarios.js';
import { expectCleanFailure, parkcastBuilt } from './builtCli.js';

type Shard = ShardResult & Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: the corpus edits a shard file's JSON as freely as a text editor would.
type Mutable = { -readonly [K in keyof Shard]: any };

interface BadShards {
  readonly name: string;
  /** Edits the three shards of a real run (the second is the one at fault, unless said otherwise). */
  readonly edit: (shards: Mutable[]) => void;
  /** What the message says, after the file's name. */
  readonly message: string;
  /** The file the message names: the second shard's, unless said. */
  readonly blames?: number | 'none';
  /** Written as this text instead of the edited JSON. */
  readonly raw?: string;
  readonly give?: readonly number[];
}

/** Every shard's scenario replaced and its hash recomputed, as an editor covering their tracks would. */
const everyScenario = (shards: Mutable[], scenario: unknown) => {
  for (const shard of shards) {
    shard.scenario = scenario;
    shard.meta.scenarioHash = scenarioHash(scenario as never);
  }
};

const CORPUS: readonly BadShards[] = [
  {
    name: 'a target with more hits than trials',
    edit: ([, s]) => {
      s.tally.hits[2] = 24_414_082;
    },
    message: 'a damaged shard: target output-30bn: 24,414,082 hits in 1,024 trials',
  },
  { name: 'a negative count', edit: ([, s]) => (s.tally.hits[0] = -1), message: 'a damaged shard: tally.hits[0]:' },
  { name: 'a count that is not whole', edit: ([, s]) => (s.tally.jointHits = 2.5), message: 'a damaged shard: tally.jointHits:' },
  { name: 'a count of text', edit: ([, s]) => (s.tally.never[1] = '7'), message: 'a damaged shard: tally.never[1]:' },
  {
    name: 'more joint hits than hits of an official target',
    edit: ([, s]) => {
      s.tally.jointHits += 500;
    },
    message: 'trials met all official targets together',
  },
  { name: 'k-of-n counts that do not add up', edit: ([, s]) => (s.tally.officialHitCounts[0] += 5), message: 'add up to 1,029, not 1,024' },
  { name: 'a never-met count off by one', edit: ([, s]) => (s.tally.never[0] += 1), message: 'target enterprises-100: first met in some year' },
  { name: 'a histogram with extra zeros', edit: ([, s]) => (s.tally.metricHistograms[0][1].zeros += 3), message: 'its histogram counts 1,027 values' },
  { name: 'a histogram bin with a count of 0', edit: ([, s]) => (s.tally.metricHistograms[0][1].bins[3] = 0), message: 'a histogram bin that is not' },
  {
    name: 'a histogram bin with an impossible exponent',
    edit: ([, s]) => (s.tally.metricHistograms[0][2].bins[1] = 5000),
    message: 'a histogram bin that is not',
  },
  { name: 'a mean over more values than trials', edit: ([, s]) => (s.tally.metricMoments[0][1].count += 1), message: 'its mean counts 1,025 values' },
  { name: 'more trials than its slice', edit: ([, s]) => (s.tally.trials += 1), message: 'it counts 1,025 trials, but its slice of the run holds 1,024' },
  {
    name: 'a tally moved to other trials',
    edit: ([, s]) => (s.tally.firstBlock = 0),
    message: 'its tally holds trials 1 to 1,024, but shard 2 of 3 holds trials 1,025 to 2,048',
  },
  { name: 'early-stopping counts', edit: ([, s]) => (s.tally.blockHits = [[1024, 1, 1, 1, 1, 1]]), message: 'the counts a run keeps to stop early' },
  { name: 'a tally of one entry too few', edit: ([, s]) => s.tally.hits.pop(), message: 'does not have one entry per target' },
  { name: 'an empty tally', edit: ([, s]) => (s.tally = {}), message: 'a damaged shard: tally.firstBlock:' },
  { name: 'no tally', edit: ([, s]) => (s.tally = null), message: 'a damaged shard: tally:' },
  {
    name: 'an edited embedded scenario',
    edit: ([, s]) => {
      s.scenario.targets[0].threshold = 50;
    },
    message: 'its embedded scenario does not match the scenario hash in its meta',
  },
  { name: 'a null embedded scenario', edit: ([, s]) => (s.scenario = null), message: 'its embedded scenario does not match the scenario hash' },
  { name: 'no embedded scenario', edit: ([, s]) => delete s.scenario, message: 'it embeds no scenario' },
  {
    name: 'an invalid scenario with its hash made to match, in every shard',
    edit: (shards) => everyScenario(shards, { ...shards[0].scenario, horizon: { baseYear: 2025, endYear: 2020 } }),
    message: 'its embedded scenario is not a valid scenario: horizon',
    blames: 0,
  },
  {
    name: 'a hostile scenario (a prototype key, text for numbers) with its hash made to match',
    edit: (shards) => everyScenario(shards, JSON.parse('{"__proto__": {"polluted": true}, "park": "x", "metrics": 1}')),
    message: 'its embedded scenario is not a valid scenario',
    blames: 0,
  },
  {
    name: 'a scenario that is text',
    edit: (shards) => everyScenario(shards, 'a scenario'),
    message: 'its embedded scenario is not a valid scenario',
    blames: 0,
  },
  { name: 'no meta', edit: ([, s]) => (s.meta = null), message: 'a damaged shard: meta:' },
  { name: 'an object for a seed', edit: ([, s]) => (s.meta.seed = { a: 1 }), message: 'a damaged shard: meta.seed:' },
  { name: 'a seed of another run', edit: ([, s]) => (s.meta.seed = 6), message: 'from another run than' },
  { name: 'another number of shards', edit: ([, s]) => (s.meta.shard = { index: 2, count: 4 }), message: 'number of shards 4, not 3' },
  { name: 'an impossible shard number', edit: ([, s]) => (s.meta.shard = { index: 5, count: 3 }), message: 'a damaged shard: meta.shard' },
  { name: 'a repeated shard', edit: ([, s]) => (s.meta.shard.index = 1), message: 'is shard 1 of 3 too: give each shard once' },
  { name: 'not a shard file', edit: ([, s]) => (s.kind = 'parkcast-report'), message: 'not a parkcast shard file' },
  { name: 'an older format', edit: ([, s]) => (s.formatVersion = 1), message: 'a shard file of format 1; this parkcast reads format 2' },
  { name: 'JSON null', edit: () => undefined, raw: 'null', message: 'not a parkcast shard file' },
  { name: 'not JSON', edit: () => undefined, raw: '{"kind": "parkcast-shard", ', message: 'not a shard file (not JSON' },
  { name: 'a missing shard', edit: () => undefined, give: [0, 1], blames: 'none', message: 'shard 3 of 3 (trials 2,049 to 3,000) is missing' },
];

describe('merge re-derives everything it trusts', () => {
  it('each shard file of a corpus of edited real shards exits 1 with a message naming the file, in words of shards and trials', async () => {
    const scenario = await parseScenario(referenceScenario());
    const shards = await Promise.all([1, 2, 3].map((index) => simulateShard(scenario, { trials: 3000, seed: 5, shard: { index, count: 3 } })));
    const text = shards.map((s) => JSON.stringify(s));
    const run = async (c: BadShards) => {
      const dir = await mkdtemp(join(tmpdir(), 'parkcast-merge-'));
      const edited = text.map((t) => JSON.parse(t) as Mutable);
      c.edit(edited);
      const files = edited.map((_, i) => join(dir, `part-${i + 1}.json`));
      await Promise.all(files.map((file, i) => writeFile(file, c.raw !== undefined && i === 1 ? c.raw : JSON.stringify(edited[i]))));
      const given = (c.give ?? [0, 1, 2]).map((i) => files[i]);
      const result = await parkcastBuilt(['merge', ...given, '--json']);
      expectCleanFailure(result, 1, c.message);
      const blamed = c.blames ?? 1;
      if (blamed === 'none') expect(result.stderr, c.name).toMatch(/^parkcast merge: /);
      else expect(result.stderr, c.name).toMatch(new RegExp(`^${files[blamed]}: `));
      // Internal blocks are not the user's words (a damaged file's field paths aside).
      expect(result.stderr.replace(/tally\.[\w.[\]]+/g, ''), c.name).not.toMatch(/block/i);
      expect(result.stdout, c.name).toBe('');
    };
    for (let i = 0; i < CORPUS.length; i += 4) await Promise.all(CORPUS.slice(i, i + 4).map(run));
  }, 300_000);

  it('the real shards, untouched, merge', async () => {
    const scenario = await parseScenario(referenceScenario());
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-merge-'));
    const files = await Promise.all(
      [1, 2, 3].map(async (index) => {
        const file = join(dir, `part-${index}.json`);
        await writeFile(file, JSON.stringify(await simulateShard(scenario, { trials: 3000, seed: 5, shard: { index, count: 3 } })));
        return file;
      }),
    );
    const result = await parkcastBuilt(['merge', ...files, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).meta).toMatchObject({ trials: 3000, seed: 5 });
  }, 60_000);
});
