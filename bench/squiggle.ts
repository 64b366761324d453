/**
 * The peer in `npm run bench`: the reference model written in Squiggle (`@quri/squiggle-lang`
 * 0.10), bench/reference-model.squiggle. `tsx bench/squiggle.ts <samples> <seed> [--split]` prints
 * its probabilities as JSON (bench/run.ts runs it twice in separate processes to see whether a
 * seed replays).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '@quri/squiggle-lang';
import type { ReferenceHits } from './reference-loop.js';

export type SquiggleProbabilities = Record<keyof ReferenceHits, number>;

export const SQUIGGLE_MODEL_FILE = fileURLToPath(new URL('./reference-model.squiggle', import.meta.url));

const KEYS: ReadonlyArray<keyof ReferenceHits> = ['enterprises', 'graduates', 'output', 'tax', 'all'];

/**
 * The Squiggle code of the reference model. With `split`, each Poisson(35) is written as the sum
 * of four Poisson(8.75), the same distribution: Squiggle 0.10 (through jStat) draws a Poisson with
 * a rate of 10 or more from `Math.random`, not from the seeded generator, and below 10 from the
 * seeded one, so the split model replays a seed and the plain one does not. `file` is the model's
 * file, by default bench/reference-model.squiggle next to this one (a compiled copy of this file
 * elsewhere names it).
 *
 * @example
 * ```ts
 * await squiggleProbabilities(10_000, 's', squiggleModel({ split: true })); // replays exactly
 * ```
 */
export function squiggleModel(options: { split?: boolean; file?: string } = {}): string {
  const file = options.file ?? SQUIGGLE_MODEL_FILE;
  const code = readFileSync(file, 'utf8');
  if (!options.split) return code;
  const split = code.replaceAll(
    'Danger.poissonDist(35)',
    '(Danger.poissonDist(8.75) + Danger.poissonDist(8.75) + Danger.poissonDist(8.75) + Danger.poissonDist(8.75))',
  );
  if (split === code) throw new Error(`${file} no longer draws Danger.poissonDist(35)`);
  return split;
}

/**
 * Runs Squiggle code that ends in a dict of the five probabilities, with `samples` samples per
 * distribution and the given seed.
 *
 * @throws {Error} if the code does not run or its result is not such a dict.
 * @example
 * ```ts
 * (await squiggleProbabilities(100_000, 'seed')).enterprises; // ≈ 0.700
 * ```
 */
export async function squiggleProbabilities(samples: number, seed: string, code = squiggleModel()): Promise<SquiggleProbabilities> {
  const output = await run(code, { environment: { sampleCount: samples, xyPointLength: 1000, seed } });
  if (!output.result.ok) throw new Error(`Squiggle: ${output.result.value.toString()}`);
  const result = output.result.value.result;
  if (result.tag !== 'Dict') throw new Error(`Squiggle: expected a dict of probabilities, got ${result.tag}`);
  const probabilities = {} as SquiggleProbabilities;
  for (const key of KEYS) {
    const value = result.value.get(key);
    if (value?.tag !== 'Number') throw new Error(`Squiggle: expected a number for "${key}", got ${value?.tag ?? 'nothing'}`);
    probabilities[key] = value.value;
  }
  return probabilities;
}

async function main(args: string[]): Promise<void> {
  const [samplesText, seed, flag] = args;
  const samples = Number(samplesText);
  if (!Number.isInteger(samples) || samples < 1 || seed === undefined || (flag !== undefined && flag !== '--split')) {
    console.error('usage: tsx bench/squiggle.ts <samples> <seed> [--split]');
    process.exitCode = 2;
    return;
  }
  console.log(JSON.stringify(await squiggleProbabilities(samples, seed, squiggleModel({ split: flag === '--split' }))));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) void main(process.argv.slice(2));
