import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The folders under src/ and what each may import (besides itself). Dependencies point one way:
 * cli → report → render/charts → questions → results/assumptions/history → engine → processes →
 * random → scenario → expressions → problems, with statistics/ and files/ importing nothing of
 * ours. The CLI uses the public API (src/index.ts) and the atomic writers (files/); the page's code
 * (browser/) uses the browser-safe part of it (src/browserEntry.ts).
 */
const ALLOWED: Record<string, readonly string[]> = {
  problems: [],
  // Elementary functions in plain JavaScript (the same bits in every engine), below everything that computes.
  math: [],
  statistics: [],
  files: [],
  expressions: ['problems', 'math'],
  // reference-classes: the shipped data files (JSON), bundled so a target's class is checked without a file system.
  scenario: ['expressions', 'problems', 'reference-classes', 'math'],
  random: ['scenario', 'problems', 'math'],
  processes: ['random', 'expressions', 'math'],
  engine: ['processes', 'random', 'scenario', 'expressions', 'problems', 'math'],
  check: ['scenario', 'random', 'problems'],
  results: ['engine', 'random', 'scenario', 'statistics', 'problems', 'reference', 'version.ts', 'math'],
  assumptions: ['random', 'scenario', 'statistics', 'math'],
  history: ['scenario', 'problems'],
  reference: ['scenario', 'problems'],
  questions: ['results', 'assumptions', 'history', 'statistics', 'random', 'scenario', 'problems', 'version.ts'],
  charts: ['results', 'scenario', 'check', 'statistics'],
  render: ['charts'],
  report: ['render', 'charts', 'results', 'questions', 'assumptions', 'statistics', 'check', 'scenario', 'files', 'problems', 'version.ts'],
  cli: ['index.ts', 'version.ts', 'files'],
  // The page's own code: only the browser-safe public API, so nothing of Node's reaches a page.
  browser: ['browserEntry.ts'],
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
  if (relative(src, path).startsWith('../reference-classes/')) return 'reference-classes';
  return relative(src, path).split('/')[0].replace(/\.js$/, '.ts');
}

/** The relative specifiers a file imports or re-exports, type-only imports included. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

/** The import graph of the .ts files under `root`: each file to the files it imports. */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(root))
    graph.set(
      file,
      imports(file).map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts')),
    );
  return graph;
}

/**
 * Every import cycle in a graph, each as its files in import order, found by a depth-first search
 * that reports a cycle when it meets a file still on its path. Type-only imports count: a cycle of
 * types is still a knot for the reader.
 */
function importCycles(graph: Map<string, string[]>, root: string): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'onPath' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'onPath');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'onPath') cycles.push(path.slice(path.indexOf(next)).map((f) => relative(root, f)));
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('architecture: imports between src/ folders follow the drawn direction', () => {
  it('every folder under src/ has a rule', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('every folder under src/ says what it holds in its README.md, in one sentence', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    const unsaid = folders.filter((folder) => {
      const path = join(src, folder, 'README.md');
      if (!existsSync(path)) return true;
      const text = readFileSync(path, 'utf8')
        .replace(/^#.*\n/, '')
        .trim();
      return !/^[^\n]+\.$/.test(text);
    });
    expect(unsaid).toEqual([]);
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

  it('no import cycle anywhere in src/, inside a folder or between files of different folders', () => {
    expect(importCycles(importGraph(src), src)).toEqual([]);
  });

  it('the cycle check finds a cycle planted in a fixture, and only that one', () => {
    const planted = fileURLToPath(new URL('./fixtures/import-cycle/src/', import.meta.url));
    expect(importCycles(importGraph(planted), planted)).toEqual([['a/first.ts', 'a/second.ts', 'a/third.ts']]);
  });
});
