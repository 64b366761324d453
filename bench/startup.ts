/**
 * Start-up of the built CLI: how long `parkcast --version`, `validate` and a small `simulate`
 * take from a cold process, as the median of repeated runs (commands interleaved round by round,
 * so the machine's noise falls on all of them alike). With `--against DIR`, the same commands of
 * another build (a `dist/` folder, e.g. of an earlier commit) run in the same rounds.
 *
 *   npm run bench:startup [-- --runs 20] [-- --against /tmp/before/dist]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const runs = Number(argument('--runs') ?? 20);
const against = argument('--against');

const commands: Record<string, string[]> = {
  'node -e 0 (Node alone)': ['-e', '0'],
  '--version': ['--version'],
  'validate seeds/jinyang-lake.json': ['validate', 'seeds/jinyang-lake.json'],
  'simulate seeds/jinyang-lake.json -n 1000': ['simulate', 'seeds/jinyang-lake.json', '-n', '1000'],
};
const builds: Record<string, string> = { this: `${root}dist/cli.js`, ...(against ? { against: `${against.replace(/\/$/, '')}/cli.js` } : {}) };

const times = new Map<string, number[]>();
for (let round = 0; round < runs + 2; round++) {
  for (const [name, args] of Object.entries(commands)) {
    for (const [build, cli] of Object.entries(builds)) {
      if (name.startsWith('node -e') && build !== 'this') continue;
      const argv = name.startsWith('node -e') ? args : [cli, ...args];
      const start = process.hrtime.bigint();
      const result = spawnSync('node', argv, { cwd: root, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) throw new Error(`${build}: node ${argv.join(' ')} exited ${result.status}`);
      if (round < 2) continue; // warm-up rounds: the file cache, not the program, would be timed
      const key = `${name} [${build}]`;
      times.set(key, [...(times.get(key) ?? []), ms]);
    }
  }
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(`start-up, median of ${runs} runs (ms), node ${process.version}`);
for (const [key, values] of times) console.log(`${median(values).toFixed(0).padStart(6)}  ${key}`);
