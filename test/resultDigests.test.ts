import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resultDigests } from '../scripts/result-digests.js';

/**
 * Every seed park's and example's `--json` results, from the built CLI, are the bytes recorded in
 * test/fixtures/result-digests.json. A change meant to move results rewrites that file
 * (`npx tsx scripts/result-digests.ts --write`) and its diff names what moved; any other change
 * (a move of files, a speed-up) must leave it as it is.
 */
describe('results stay byte-identical unless the digests are rewritten on purpose', () => {
  it('project, simulate and sensitivity --json of every seed park and example', async () => {
    const recorded = JSON.parse(readFileSync(new URL('./fixtures/result-digests.json', import.meta.url), 'utf8'));
    expect(await resultDigests()).toEqual(recorded);
  }, 180_000);
});
