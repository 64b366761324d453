import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/index.js';

describe('docs/scenario.schema.json', () => {
  it('is the schema generated from the zod definition (run `npm run schema` after a format change)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/scenario.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
