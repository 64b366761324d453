/**
 * The SHA-256 of every seed park's and example's `--json` results from the built CLI
 * (`project`, `simulate` at the default trials and seed, and `sensitivity` at 2,048 trials), so a
 * change that should not move a result (a refactor, a speed-up) can prove it did not.
 *
 *   npx tsx scripts/result-digests.ts           # print the digests as JSON
 *   npx tsx scripts/result-digests.ts --write   # store them in test/fixtures/result-digests.json
 *
 * `test/resultDigests.test.ts` recomputes them and compares. A change that is meant to move
 * results rewrites the file with `--write`, and the diff shows which results moved.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

/** The commands whose JSON output is digested, each as arguments after the file. */
export const DIGESTED_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  project: ['project', '--json'],
  simulate: ['simulate', '--json'],
  sensitivity: ['sensitivity', '--json', '--trials', '2048'],
};

/** The scenario files whose results are digested: every seed park and example scenario. */
export async function digestedFiles(): Promise<string[]> {
  const inFolder = async (folder: string) =>
    (await readdir(`${root}${folder}`))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => `${folder}/${name}`);
  return [...(await inFolder('seeds')), ...(await inFolder('examples'))];
}

/** `{ "seeds/x.json project": "sha256:…" }` for every file and command, from the built CLI. */
export async function resultDigests(): Promise<Record<string, string>> {
  const files = await digestedFiles();
  const jobs = files.flatMap((file) => Object.entries(DIGESTED_COMMANDS).map(([name, args]) => ({ key: `${file} ${name}`, file, args })));
  const digests: Record<string, string> = {};
  // Two at a time: the machine has two cores, and every job is a process of its own.
  for (let i = 0; i < jobs.length; i += 2) {
    const batch = jobs.slice(i, i + 2);
    const outputs = await Promise.all(
      batch.map(({ file, args }) => run('node', ['dist/cli.js', args[0], file, ...args.slice(1)], { cwd: root, maxBuffer: 64 * 1024 * 1024 })),
    );
    batch.forEach(({ key }, j) => {
      digests[key] = `sha256:${createHash('sha256').update(outputs[j].stdout).digest('hex')}`;
    });
  }
  return digests;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const digests = await resultDigests();
  const text = `${JSON.stringify(digests, null, 2)}\n`;
  if (process.argv.includes('--write')) await writeFile(`${root}test/fixtures/result-digests.json`, text);
  else process.stdout.write(text);
}
