import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { resultsFormatMarkdown, resultsJsonSchema, undocumentedFields } from '../../scripts/results-schema.js';
import { checkScenario, loadScenario, project, type ReportResultsFile, simulate, VERSION, writeReport } from '../../src/index.js';

const root = new URL('../../', import.meta.url).pathname;
const schema = resultsJsonSchema();
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const problems = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

describe('results.json schema', () => {
  it('is the committed docs/results.schema.json and docs/results-format.md (run `npm run schema` after changing the types)', async () => {
    expect(JSON.parse(await readFile(join(root, 'docs/results.schema.json'), 'utf8'))).toEqual(schema);
    expect(await readFile(join(root, 'docs/results-format.md'), 'utf8')).toBe(`${resultsFormatMarkdown(schema)}\n`);
  });

  it('documents every field', () => {
    expect(undocumentedFields(schema)).toEqual([]);
  });

  it('refuses a field it does not know and a missing one', () => {
    expect(validate({})).toBe(false);
    expect(problems().some((p) => p.includes("must have required property 'simulation'"))).toBe(true);
  });

  it("validates the results.json that writeReport writes, and refuses it with a field added or a probability's type changed", async () => {
    const file = join(root, 'seeds/jinyang-lake.json');
    const written = await writeReport(await loadScenario(file), {
      outDir: await mkdtemp(join(tmpdir(), 'parkcast-schema-')),
      trials: 300,
      seed: 5,
      file,
      whatIf: false,
    });
    const results = JSON.parse(await readFile(join(written.outDir, 'results.json'), 'utf8'));
    expect(validate(results), problems().join('\n')).toBe(true);
    expect(validate({ ...results, extra: 1 })).toBe(false);
    const broken = structuredClone(results);
    broken.simulation.targets[0].probability = '41%';
    expect(validate(broken)).toBe(false);
    expect(problems().some((p) => p.startsWith('/simulation/targets/0/probability'))).toBe(true);
  });

  // The shapes a seed park does not have: groups and roll-ups, ensure/strive levels, unknown
  // baselines, relative measures, reference classes and recorded outcomes.
  const scenarios = [
    'examples/city-key-parks-group.json',
    'examples/annual-work-plan-ensure-strive.json',
    'examples/pilot-unknown-baseline.json',
    'examples/jiangxi-manufacturing-2025.json',
    'seeds/shanxi-rollup.json',
    'backtests/cn-national-gdp-2014.json',
  ];
  it.each(scenarios)('validates the results of %s', async (path) => {
    const scenario = await loadScenario(join(root, path));
    const results: ReportResultsFile = {
      parkcastVersion: VERSION,
      file: path,
      lang: 'zh',
      park: scenario.park,
      projection: await project(scenario),
      simulation: await simulate(scenario, { trials: 400, seed: 2 }),
      findings: checkScenario(scenario),
    };
    expect(validate(JSON.parse(JSON.stringify(results))), problems().join('\n')).toBe(true);
  });
});
