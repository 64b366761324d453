import type { Scenario } from './schema/scenario.js';
import { sha256Hex } from './sha256.js';

/** JSON with object keys sorted, so the same scenario always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of the validated scenario (defaults filled in, keys sorted): what a result was computed from.
 *
 * @example
 * ```ts
 * scenarioHash(scenario); // 'sha256:1290d489…'
 * ```
 */
export function scenarioHash(scenario: Scenario): string {
  return `sha256:${sha256Hex(canonicalJson(scenario))}`;
}
