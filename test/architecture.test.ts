import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The folders under src/ and what each may import (besides itself). Dependencies point one way:
 * cli → report/render/charts → analysis → engine → processes/random → scenario → expressions → problems.
 * The CLI uses only the public API (src/index.ts).
 */
const ALLOWED: Record<string, readonly string[]> = {
  problems: [],
  expressions: ['problems'],
  scenario: ['expressions', 'problems'],
  random: ['scenario', 'problems'],
  processes: ['random', 'expressions'],
  engine: ['processes', 'random', 'scenario', 'expressions', 'problems'],
  check: ['scenario', 'random', 'problems'],
  analysis: ['engine', 'processes', 'random', 'scenario', 'expressions', 'problems', 'version.ts'],
  charts: ['analysis', 'scenario', 'check'],
  render: ['charts'],
  report: ['render', 'charts', 'analysis', 'check', 'scenario', 'problems', 'version.ts'],
  cli: ['index.ts'],
};

const src = fileURLToPath(new URL('../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level part of src/ a path belongs to: a folder name, or a root file name. */
function area(path: string): string {
  return relative(src, path).split('/')[0].replace(/\.js$/, '.ts');
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

describe('architecture: imports between src/ folders follow the drawn direction', () => {
  it('every folder under src/ has a rule', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('no file imports a folder it may not', () => {
    const violations: string[] = [];
    for (const file of files(src)) {
      const from = area(file);
      if (!(from in ALLOWED)) continue; // index.ts and version.ts at the root
      for (const specifier of imports(file)) {
        const target = area(resolve(dirname(file), specifier));
        if (target !== from && !ALLOWED[from].includes(target)) violations.push(`${relative(src, file)} imports ${specifier} (${from} → ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
