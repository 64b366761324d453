// Writes the generated schema files: `npm run schema`.
// - docs/scenario.schema.json, from the zod schema of the scenario format;
// - docs/results.schema.json and docs/results-format.md, from the type of results.json.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/index.js';
import { resultsFormatMarkdown, resultsJsonSchema } from './results-schema.js';

const write = (path: string, text: string) => {
  writeFileSync(new URL(`../${path}`, import.meta.url), text);
  console.log(`wrote ${path}`);
};
write('docs/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
const results = resultsJsonSchema();
write('docs/results.schema.json', `${JSON.stringify(results, null, 2)}\n`);
write('docs/results-format.md', `${resultsFormatMarkdown(results)}\n`);
