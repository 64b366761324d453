import { defineConfig } from 'tsup';

/**
 * Bundled into dist, not loaded from node_modules at run time: each @stdlib distribution is
 * dozens of small CommonJS files (457 modules for the ten we use; yaml is 72, seedrandom 8), and
 * resolving them was most of the time the package took to load (docs/performance.md, "Start-up"). The code is the same.
 */
const bundled = [/^@stdlib\//, 'yaml', 'seedrandom'];

/** Bundled CommonJS code (stdlib's `debug`) calls `require` for Node's built-ins, which ES modules lack. */
const requireInEsm = "import { createRequire as __parkcastCreateRequire } from 'node:module'; const require = __parkcastCreateRequire(import.meta.url);";

export default defineConfig([
  {
    // The worker is its own entry, found next to the bundle that starts it (worker.js or worker.cjs).
    entry: { index: 'src/index.ts', worker: 'src/engine/worker.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
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
]);
