import { defineConfig } from 'tsup';

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
  },
  {
    // The CLI is an ESM-only executable; it imports the public API like any user.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    shims: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
