import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { deriveStream, RandomStream } from '../../src/random/stream.js';

describe('deriveStream', () => {
  it('seeds xor4096 with the SHA-256 (hex) of parkcast/<seed>/<name>/<block>: the reproducibility contract', () => {
    for (const [seed, name, block] of [
      [42, 'noise:outputValue', 0],
      ['bench-1', 'parameter:effectiveTaxRate', 977],
      ['种子', 'baseline:revenue', 3],
    ] as const) {
      const key = createHash('sha256').update(`parkcast/${seed}/${name}/${block}`).digest('hex');
      const derived = deriveStream(seed, name, block);
      const expected = seedrandom.xor4096(key);
      for (let i = 0; i < 5; i++) expect(derived.int32()).toBe(expected.int32());
      expect(deriveStream(seed, name, block).uniform()).toBe(new RandomStream(key).uniform());
    }
  });

  it('gives unrelated streams for neighbouring blocks and names', () => {
    const first = (seed: number, name: string, block: number) => deriveStream(seed, name, block).int32();
    expect(new Set([first(1, 'a', 0), first(1, 'a', 1), first(1, 'b', 0), first(2, 'a', 0)]).size).toBe(4);
  });
});
