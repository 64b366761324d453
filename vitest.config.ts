import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Examples import the package by name, as a user would; in tests that name is the source.
    alias: { parkcast: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text'],
      // The engine, processes, results and questions are held to 90% of lines.
      thresholds: {
        'src/engine/**': { lines: 90 },
        'src/processes/**': { lines: 90 },
        'src/results/**': { lines: 90 },
        'src/questions/**': { lines: 90 },
      },
    },
  },
});
