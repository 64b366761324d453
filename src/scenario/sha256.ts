import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const utf8 = new TextEncoder();

/**
 * SHA-256 of a text's UTF-8 bytes, as hex, in plain JavaScript (`@noble/hashes`, audited, no
 * dependencies): what a browser uses, where `node:crypto` is missing. The same digest as Node's.
 */
export function sha256HexPortable(text: string): string {
  return bytesToHex(sha256(utf8.encode(text)));
}

type NodeCrypto = typeof import('node:crypto');

/**
 * Node's crypto, reached without an `import` statement so that the same file loads in a browser:
 * `process.getBuiltinModule` (Node 20.16 and later) hands it over synchronously; elsewhere
 * (browsers, older Node) there is none.
 */
function nodeCrypto(): NodeCrypto | undefined {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  return host.process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
}

const crypto = nodeCrypto();

/**
 * SHA-256 of a text (UTF-8), as hex: stream keys and scenario hashes. In Node, `crypto.hash`
 * (1.1 µs a stream key on this machine, against 2.3 µs for `@noble/hashes` once warm: see
 * docs/performance.md, "In a browser"); elsewhere the portable one. Both give the same digest,
 * so results are the same bit for bit either way.
 */
export const sha256Hex: (text: string) => string =
  typeof crypto?.hash === 'function' ? (text) => (crypto as NodeCrypto).hash('sha256', text, 'hex') : sha256HexPortable;

/** Which implementation `sha256Hex` is: for tests and benches. */
export const SHA256_IMPLEMENTATION: 'crypto.hash' | 'portable' = typeof crypto?.hash === 'function' ? 'crypto.hash' : 'portable';
