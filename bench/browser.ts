/**
 * The browser build in headless Chromium against Node on this machine: 20,000 trials of each seed
 * park re-run in the page (after warm-up runs), as a what-if page re-runs them on each edit, and
 * the same in plain node from the built package (dist/index.js, one thread). Also what each part
 * of dist/browser/parkcast.js weighs, and what src/math's exp, log, pow, sin and cos (the same bits
 * in every engine) cost against the browser's own, from a variant bundle built with Math's.
 *
 *   npm run bench:browser [-- --runs 9 --rounds 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, type Options } from 'tsup';
import configs from '../tsup.config.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const runs = Number(argument('--runs') ?? 9);
const ROUNDS = Number(argument('--rounds') ?? 3);
const TRIALS = 20_000;
const WARM_UP = 5;
// A rollup file (seeds/shanxi-rollup.json) puts parks together; it is not a scenario to re-run.
const parks = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.json') && JSON.parse(readFileSync(join(root, 'seeds', f), 'utf8')).rollup === undefined)
  .map((f) => f.replace(/\.json$/, ''));
const texts = Object.fromEntries(parks.map((p) => [p, readFileSync(join(root, 'seeds', `${p}.json`), 'utf8')]));

/**
 * Runs in the page and in node alike (its source is sent to both): per park, warm-up runs, then
 * `runs` timed re-runs of simulate alone and of read + check + simulate (what an edit costs), in
 * ms, each with its own seed; the medians.
 */
// A string, not a function: tsx would add its own helpers to a function's source.
const TIME_PARKS = `async function timeParks(api, texts, trials, warmUp, runs) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const out = {};
  for (const [park, text] of Object.entries(texts)) {
    const parsed = await api.safeParseScenarioText(text, 'json');
    if (!parsed.ok) throw new Error(park + ': ' + parsed.problems[0].message);
    for (let i = 0; i < warmUp; i++) await api.simulate(parsed.scenario, { trials, seed: 1000 + i });
    const simulate = [];
    const edit = [];
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      await api.simulate(parsed.scenario, { trials, seed: i });
      simulate.push(performance.now() - start);
      start = performance.now();
      const again = await api.safeParseScenarioText(text, 'json');
      await api.simulate(again.scenario, { trials, seed: i });
      edit.push(performance.now() - start);
    }
    out[park] = { simulateMs: median(simulate), editMs: median(edit) };
  }
  return out;
}`;

type Timings = Record<string, { simulateMs: number; editMs: number }>;

/** A page of headless Chromium with a bundle loaded from a blob: URL, every request blocked. */
async function pageWith(browser: Browser, bundle: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><title>bench</title>');
  await page.evaluate((code) => {
    (globalThis as { parkcastSource?: string }).parkcastSource = code;
  }, bundle);
  await page.evaluate(`(async () => {
    globalThis.parkcast = await import(URL.createObjectURL(new Blob([globalThis.parkcastSource], { type: 'text/javascript' })));
  })()`);
  return page;
}

const inPage = async (page: Page): Promise<Timings> =>
  (await page.evaluate(`(${TIME_PARKS})(globalThis.parkcast, ${JSON.stringify(texts)}, ${TRIALS}, ${WARM_UP}, ${runs})`)) as Timings;

/** The timing in a child process of plain node (no TypeScript loader), from the built package. */
function inNode(): Timings {
  const script = `const api = await import(${JSON.stringify(join(root, 'dist/index.js'))});
    const texts = ${JSON.stringify(texts)};
    console.log(JSON.stringify(await (${TIME_PARKS})(api, texts, ${TRIALS}, ${WARM_UP}, ${runs})));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

/** The part of esbuild's metafile read here: per output file, the bytes each input put in it. */
interface Metafile {
  readonly outputs: Record<string, { readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

/** Builds the browser entry into a temporary folder with a metafile, optionally changed. */
async function buildBrowser(change: (options: Options) => Options = (o) => o): Promise<{ code: string; meta: Metafile }> {
  const browser = (configs as Options[]).find((c) => c.name === 'browser') as Options;
  const outDir = mkdtempSync(join(tmpdir(), 'parkcast-browser-bench-'));
  await build(change({ ...browser, outDir, metafile: true, sourcemap: false, silent: true, config: false }));
  return { code: readFileSync(join(outDir, 'parkcast.js'), 'utf8'), meta: JSON.parse(readFileSync(join(outDir, 'metafile-esm.json'), 'utf8')) };
}

/** Bytes of the minified bundle per part: mathjs, zod, yaml, stdlib, our code, the rest. */
function sizesByPart(meta: Metafile): Array<[string, number]> {
  const inputs = Object.values(meta.outputs)[0].inputs;
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    const part = name === undefined ? 'parkcast (src/)' : name.startsWith('@stdlib/') ? '@stdlib (10 distributions, their math)' : name;
    parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
  }
  return [...parts].sort((a, b) => b[1] - a[1]);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const shipped = readFileSync(join(root, 'dist/browser/parkcast.js'), 'utf8');
const { meta } = await buildBrowser();
/** src/math/elementary.ts replaced by the engine's own Math, to see what the portable functions cost. */
const engineMath = {
  name: 'engine-math',
  setup(build: {
    onResolve: (o: { filter: RegExp }, f: () => { path: string; namespace: string }) => void;
    onLoad: (o: { filter: RegExp; namespace: string }, f: () => { contents: string }) => void;
  }) {
    build.onResolve({ filter: /\/math\/elementary\.js$/ }, () => ({ path: 'elementary', namespace: 'engine-math' }));
    build.onLoad({ filter: /.*/, namespace: 'engine-math' }, () => ({
      contents: 'export const { exp, log, log1p, pow, sin, cos } = Math;',
    }));
  },
};
const nativeMath = await buildBrowser((o) => ({ ...o, esbuildPlugins: [...(o.esbuildPlugins ?? []), engineMath] }));

console.log(`dist/browser/parkcast.js: ${kb(shipped.length)} minified, ${kb(gzipSync(shipped, { level: 9 }).length)} gzipped`);
for (const [part, bytes] of sizesByPart(meta)) console.log(`  ${kb(bytes).padStart(7)}  ${part}`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pages = { shipped: await pageWith(browser, shipped), nativeMath: await pageWith(browser, nativeMath.code) };
// Rounds in which every configuration runs once, one after the other, so that the machine's
// changing load falls on all alike; per park, the median over rounds.
const rounds: Array<{ node: Timings; page: Timings; pageNative: Timings }> = [];
for (let round = 0; round < ROUNDS; round++) rounds.push({ node: inNode(), page: await inPage(pages.shipped), pageNative: await inPage(pages.nativeMath) });
const version = browser.version();
await browser.close();
const across = (pick: (r: (typeof rounds)[number]) => number) => {
  const values = rounds.map(pick).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};
console.log(
  `\n${TRIALS.toLocaleString('en-US')} trials per run; per round the median of ${runs} runs after ${WARM_UP} warm-up runs; the median of ${ROUNDS} rounds; node ${process.version}, Chromium ${version}`,
);
console.log("park                          node ms  page ms  page/node  page trials/s  read+check+simulate in page ms  page with the browser's Math ms");
for (const park of parks) {
  const n = across((r) => r.node[park].simulateMs);
  const p = across((r) => r.page[park].simulateMs);
  const ratio = across((r) => r.page[park].simulateMs / r.node[park].simulateMs);
  console.log(
    `${park.padEnd(30)}${n.toFixed(1).padStart(7)}  ${p.toFixed(1).padStart(7)}  ${ratio.toFixed(2).padStart(9)}  ${Math.round((TRIALS / p) * 1000)
      .toLocaleString('en-US')
      .padStart(13)}  ${across((r) => r.page[park].editMs)
      .toFixed(1)
      .padStart(30)}  ${across((r) => r.pageNative[park].simulateMs)
      .toFixed(1)
      .padStart(32)}`,
  );
}
