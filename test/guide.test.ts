import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;
// The guide's commands run in a scratch folder: load tsx by path, not by package name.
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const guide = readFileSync(join(root, 'docs/guide.md'), 'utf8');

/** The guide's files (```json file=NAME) and shell commands (```sh), in order. */
const files = [...guide.matchAll(/```json file=(\S+)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1], content: m[2] }));
const commands = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].trim().split('\n'));

describe('docs/guide.md: every command in it runs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parkcast-guide-'));
  for (const file of files)
    await writeFile(join(dir, file.name), file.content.replace('"../docs/scenario.schema.json"', `"${join(root, 'docs/scenario.schema.json')}"`));

  it('has a scenario file and commands', () => {
    expect(files.map((f) => f.name)).toEqual(['riverside.json', 'riverside-growth.json', 'riverside-pilot.json', 'plan.json', 'city.json']);
    expect(commands.length).toBeGreaterThanOrEqual(7);
  });

  it.each(commands)('%s', async (command) => {
    const [program, ...args] = command.split(/\s+/);
    expect(program).toBe('parkcast');
    const { stdout } = await run(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), ...args], { cwd: dir });
    expect(stdout.length).toBeGreaterThan(0);
  });

  it('says what the commands print: the growth needed, and a report on disk', async () => {
    const { stdout } = await run(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), 'project', 'riverside.json', '--json'], { cwd: dir });
    const output = JSON.parse(stdout).targets.find((t: { id: string }) => t.id === 'output-12bn');
    expect(Math.round(output.requiredGrowthRate * 100)).toBe(32);
    expect(Math.round(output.projectedGrowthRate * 100)).toBe(14);
    expect(existsSync(join(dir, 'riverside-report', 'report.html'))).toBe(true);
    const simulated = await run(
      process.execPath,
      ['--import', tsx, join(root, 'src/cli/main.ts'), 'simulate', 'riverside.json', '--trials', '50000', '--seed', '7'],
      { cwd: dir },
    );
    expect(simulated.stdout).toMatch(/enterprises-60 .* 37\.0%\s+\[36\.6, 37\.4\]/);
    expect(simulated.stdout).toMatch(/output-12bn .* 0\.9%/);
  });

  it('says what the relative targets print: a ratio and a rate, and first years after the deadline apart', async () => {
    const cli = (...args: string[]) => run(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), ...args], { cwd: dir });
    const projected = JSON.parse((await cli('project', 'riverside-growth.json', '--json')).stdout).targets;
    expect(projected.map((t: { unit: string }) => t.unit)).toEqual(['ratio', 'rate', 'yuan']);
    expect(Math.round(projected[0].requiredGrowthRate * 1000)).toBe(260);
    expect(projected[1].requiredGrowthRate).toBe(0.15);
    const simulated = JSON.parse((await cli('simulate', 'riverside-growth.json', '--trials', '20000', '--seed', '7', '--json')).stdout);
    const growth = simulated.targets[1];
    expect(growth.firstYearMet.byYear.map((y: { year: number }) => y.year)).toEqual([2023, 2024, 2025]);
    expect(growth.firstYearMet.late).toBeGreaterThan(0);
    // Met in some year by 2025 but not at it: more than the probability.
    expect(growth.firstYearMet.byYear.reduce((s: number, y: { probability: number }) => s + y.probability, 0)).toBeGreaterThan(growth.probability);
  });
});
