import { z } from 'zod';
import { ScenarioFileSchema } from './schema/group.js';

/**
 * The JSON Schema of the scenario format, generated from the zod schema (its only definition),
 * for editors to check scenario files. Fields with defaults are optional, as in a file.
 *
 * @example
 * ```ts
 * writeFileSync('scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, 2));
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioFileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'parkcast scenario',
    description: 'A park: its baseline, its assumptions, how its metrics move from year to year, and its targets.',
  };
}
