import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

/** The project's root, where the bench's child processes run. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where compiled bench files go: inside node_modules, so their imports of packages resolve. */
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'parkcast-bench');

/**
 * Compiles a bench file, with what it imports from bench/ and src/, to one JavaScript file for
 * plain `node`, as tsup builds the package; returns its path. Timed runs then have no TypeScript
 * loader in their process: with tsx loaded, the built engine ran 7–10% slower and the
 * hand-written loop ~5% (1e6 reference-model trials, one process each, this repository's
 * 2-core machine), which skewed their ratio. Packages stay imports (tsup leaves the package's
 * dependencies out; Squiggle, a dev dependency, is named); the engine itself is imported at run
 * time from dist/.
 */
export async function compileForNode(entry: string): Promise<string> {
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '');
  await build({
    entry: { [name]: join(ROOT, entry) },
    outDir: OUT_DIR,
    format: ['esm'],
    outExtension: () => ({ js: '.mjs' }),
    platform: 'node',
    target: 'node20',
    external: ['@quri/squiggle-lang'],
    config: false,
    dts: false,
    sourcemap: false,
    splitting: false,
    clean: false,
    silent: true,
  });
  return join(OUT_DIR, `${name}.mjs`);
}
