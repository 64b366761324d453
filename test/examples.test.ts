import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../examples/api.js';
import { loadScenario, project, simulate } from '../src/index.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

describe('examples run, so they cannot rot', async () => {
  const files = (await readdir(examples)).filter((f) => f.endsWith('.json'));

  it('there is at least one example scenario', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s validates, projects and simulates', async (file) => {
    const scenario = await loadScenario(`${examples}${file}`);
    const projection = await project(scenario);
    const result = await simulate(scenario, { trials: 2048 });
    expect(projection.targets).toHaveLength(scenario.targets.length);
    for (const t of result.targets) {
      expect(t.probability).toBeGreaterThanOrEqual(0);
      expect(t.probability).toBeLessThanOrEqual(1);
    }
  });

  it('the API example prints each target with its probability and interval', async () => {
    const lines: string[] = [];
    const result = await main(undefined, (line: string) => lines.push(line));
    expect(lines).toHaveLength(result.targets.length + 1);
    expect(lines[0]).toMatch(/^enterprises-100: deterministic met; P\(hit\) 0\.\d{3} \[0\.\d{3}, 0\.\d{3}\]$/);
    expect(lines.at(-1)).toMatch(/^all official targets: /);
  });
});
