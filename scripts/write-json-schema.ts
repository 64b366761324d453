// Writes docs/scenario.schema.json from the zod schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/index.js';

writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote docs/scenario.schema.json');
