import seedrandom from 'seedrandom';
import { sha256Hex } from '../scenario/sha256.js';

/**
 * Trials are drawn in blocks of this many. Every random stream is derived from
 * (seed, name, block index), so this number is part of the reproducibility contract:
 * changing it changes the draws. Execution may group blocks freely (batches, workers).
 */
export const TRIALS_PER_BLOCK = 1024;

/** The generator underneath every stream. */
export const GENERATOR = 'seedrandom.xor4096';

/**
 * A seeded source of uniform numbers, on Brent's xorgens (seedrandom's `xor4096`): a period of
 * 2^4096, passes BigCrush, 5-6 ns per number against 31.9 ns for seedrandom's default ARC4
 * (notes/performance.md). seedrandom's faster `tychei` is not used: its last step computes
 * `(d << 16) ^ (c >>> 16)` where Tyche-i rotates d, which loses 16 bits of state per step.
 */
export class RandomStream {
  private readonly source: seedrandom.PRNG;

  constructor(key: string) {
    this.source = seedrandom.xor4096(key);
  }

  /** A uniform number in the open interval (0, 1), with 32 bits of resolution; never 0, so logs are safe. */
  uniform(): number {
    return ((this.source.int32() >>> 0) + 0.5) * 2.3283064365386963e-10;
  }

  /** 32 random bits as a signed integer. */
  int32(): number {
    return this.source.int32();
  }
}

/**
 * The stream for one named source of randomness in one block of trials. The key is hashed so
 * that neighbouring keys ("output/1", "output/2") start from unrelated states.
 *
 * @param seed the run's master seed
 * @param name what the stream drives, e.g. `parameter:outputDrift` or `noise:output`
 * @param block the index of the block of trials
 */
export function deriveStream(seed: string | number, name: string, block: number): RandomStream {
  return new RandomStream(sha256Hex(`parkcast/${String(seed)}/${name}/${block}`));
}
