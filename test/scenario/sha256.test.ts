import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SHA256_IMPLEMENTATION, sha256Hex, sha256HexPortable } from '../../src/scenario/sha256.js';

const nodeDigest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Texts of every shape a stream key or a scenario's JSON takes: short, long, past a block edge, not ASCII. */
const texts = [
  '',
  'abc',
  'parkcast/1/noise:output/0',
  'parkcast/种子/baseline:revenue/3',
  'parkcast/bench-1/parameter:effectiveTaxRate/977',
  'emoji 🚀 and a lone surrogate \uD800 inside',
  ...[55, 56, 63, 64, 65, 119, 120, 1000].map((n) => 'x'.repeat(n)),
  JSON.stringify({ park: { name: '太原智能园区', id: 'taiyuan' }, values: Array.from({ length: 500 }, (_, i) => i / 7) }),
];

describe('SHA-256 for stream keys and scenario hashes', () => {
  it('the portable one (for browsers) gives the digests of node:crypto, bit for bit', () => {
    for (const text of texts) expect(sha256HexPortable(text), text.slice(0, 40)).toBe(nodeDigest(text));
  });

  it('knows the FIPS 180-2 digest of "abc"', () => {
    expect(sha256HexPortable('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('in Node 20.16 and later, uses node:crypto (the faster one), with the same digests', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    if (major > 20 || (major === 20 && minor >= 16)) expect(SHA256_IMPLEMENTATION).toBe('crypto.hash');
    for (const text of texts) expect(sha256Hex(text)).toBe(nodeDigest(text));
  });
});
