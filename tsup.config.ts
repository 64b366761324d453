import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { writeWorkbench } from './scripts/workbench.js';

/**
 * Bundled into dist, not loaded from node_modules at run time: each @stdlib distribution is
 * dozens of small CommonJS files (457 modules for the ten we use; yaml is 72, seedrandom 8), and
 * resolving them was most of the time the package took to load (docs/performance.md, "Start-up"). The code is the same.
 */
const bundled = [/^@stdlib\//, 'yaml', 'seedrandom'];

/** Bundled CommonJS code (stdlib's `debug`) calls `require` for Node's built-ins, which ES modules lack. */
const requireInEsm = "import { createRequire as __parkcastCreateRequire } from 'node:module'; const require = __parkcastCreateRequire(import.meta.url);";

/** The parts of esbuild's plugin API the browser stand-ins use. */
interface PluginBuild {
  onResolve(
    options: { filter: RegExp },
    callback: (args: { path: string; importer: string; resolveDir: string }) => { path: string; namespace?: string } | undefined,
  ): void;
  onLoad(options: { filter: RegExp; namespace: string }, callback: () => { contents: string; resolveDir: string }): void;
}

/**
 * Stand-ins in the browser bundle. The worker pool (piscina on Node's worker threads) becomes one
 * that refuses `workers` above 1, so none of Node's modules reach the page. zod's `z.locales`
 * (its messages in 48 languages, 264 KB of 445) becomes English alone, the one zod uses unless
 * told otherwise and the one parkcast's own messages replace anyway. mathjs's single-file build
 * (everything mathjs has) becomes an instance with its parser alone (src/browser/parseOnlyMathjs.ts):
 * the page parses expressions and never evaluates them.
 */
const browserStandIns = {
  name: 'parkcast-browser-stand-ins',
  setup(build: PluginBuild) {
    const pool = fileURLToPath(new URL('./src/browser/noWorkerPool.ts', import.meta.url));
    const parseOnlyMathjs = fileURLToPath(new URL('./src/browser/parseOnlyMathjs.ts', import.meta.url));
    build.onResolve({ filter: /^mathjs\/lib\/browser\/math\.js$/ }, (args) =>
      args.importer.endsWith('/src/expressions/parse.ts') ? { path: parseOnlyMathjs } : undefined,
    );
    build.onResolve({ filter: /^\.\/pool\.js$/ }, (args) => (args.importer.endsWith('/src/engine/run.ts') ? { path: pool } : undefined));
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /zod\/v4\/(classic\/external|core\/index)\.js$/.test(args.importer) ? { path: join(args.resolveDir, '../locales'), namespace: 'zod-english' } : undefined,
    );
    // Files of mathjs's ES build that its package's exports hide (src/browser/parseOnlyMathjs.ts imports them).
    const mathjsRoot = dirname(fileURLToPath(import.meta.resolve('mathjs/package.json')));
    build.onResolve({ filter: /^mathjs\/lib\/esm\// }, (args) => ({ path: join(mathjsRoot, args.path.slice('mathjs/'.length)) }));
    build.onLoad({ filter: /.*/, namespace: 'zod-english' }, () => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: join(dirname(fileURLToPath(import.meta.resolve('zod'))), 'v4/locales'),
    }));
  },
};

export default defineConfig([
  {
    // The worker is its own entry, found next to the bundle that starts it (worker.js or worker.cjs).
    entry: { index: 'src/index.ts', worker: 'src/engine/worker.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Files only, and not those of the browser build, which builds beside this one at the same time.
    clean: ['!browser/**', '!workbench.html'],
    shims: true,
    target: 'node20',
    noExternal: bundled,
    banner: ({ format }) => (format === 'esm' ? { js: requireInEsm } : {}),
  },
  {
    // The CLI is an ESM-only executable; it imports the public API like any user.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    shims: true,
    target: 'node20',
    noExternal: bundled,
    banner: { js: `#!/usr/bin/env node\n${requireInEsm}` },
  },
  {
    // The browser build (docs/browser.md): the isomorphic subset of the API, every dependency
    // inside, one ES module file with no import of Node's built-ins (test/browser/bundle.test.ts).
    name: 'browser',
    entry: { parkcast: 'src/browserEntry.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    splitting: false,
    sourcemap: true,
    minify: true,
    noExternal: [/.*/],
    esbuildPlugins: [browserStandIns],
  },
  {
    // The workbench (docs/browser.md): its page script and its worker (the engine inside), as
    // classic scripts to inline, then dist/workbench.html around them.
    name: 'workbench',
    // The report's what-if script (src/report/whatIf/whatIf.ts inlines it) is built here too.
    entry: {
      'workbench-page': 'src/browser/workbench/page.ts',
      'workbench-worker': 'src/browser/workbench/worker.ts',
      'report-what-if': 'src/browser/whatIfPage.ts',
    },
    outDir: 'dist/browser',
    format: ['iife'],
    platform: 'browser',
    target: 'es2022',
    splitting: false,
    minify: true,
    noExternal: [/.*/],
    esbuildPlugins: [browserStandIns],
    onSuccess: async () => {
      writeWorkbench();
    },
  },
]);
