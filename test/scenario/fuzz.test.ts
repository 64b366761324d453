import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, safeParseScenario } from '../../src/index.js';
import { readDocument } from '../../src/scenario/readDocument.js';

// The seed scenarios, mutated at random (a key dropped, renamed or duplicated, a value retyped,
// an extreme number, an odd string): validation either accepts the result or says what is wrong
// and where, and never throws.

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seeds: unknown[] = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(seedsDir, name), 'utf8')));

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0007bell',
  '\u202etxt.exe',
  'out\u200bput',
  '\u043eutput',
  'x'.repeat(20_000),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '(((((',
  '1e400',
  'NaN',
  '💥',
  '\ud800',
  'output * 2',
  'a'.repeat(64),
];
const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  0.5,
  1.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  2025.5,
  [],
  {},
  [1, 2],
  { dist: 'normal' },
  ...ODD_STRINGS,
];

type Path = Array<string | number>;
type Container = Record<string, unknown> | unknown[];

/** Every path to a value inside the document (not the root itself). */
function pathsIn(document: unknown): Path[] {
  const paths: Path[] = [];
  const pending: Array<{ value: unknown; path: Path }> = [{ value: document, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (path.length > 0) paths.push(path);
    if (Array.isArray(value)) value.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pending.push({ value: item, path: [...path, key] });
  }
  return paths;
}

function parentOf(document: unknown, path: Path): Container {
  let current = document as Container;
  for (const key of path.slice(0, -1)) current = (current as Record<string | number, unknown>)[key] as Container;
  return current;
}

const mutation = fc.record({
  kind: fc.constantFrom('drop', 'rename', 'duplicate', 'retype', 'extreme-number', 'odd-string'),
  at: fc.nat(),
  pick: fc.nat(),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(document: unknown, { kind, at, pick }: Mutation): void {
  const paths = pathsIn(document);
  const path = paths[at % paths.length];
  const parent = parentOf(document, path);
  const key = path[path.length - 1];
  const value = (parent as Record<string | number, unknown>)[key];
  const set = (next: unknown) => Object.defineProperty(parent, key, { value: next, enumerable: true, writable: true, configurable: true });
  switch (kind) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key as string];
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        delete parent[key as string];
        Object.defineProperty(parent, ODD_STRINGS[pick % ODD_STRINGS.length], { value, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(value));
      else parent[`${String(key)}2`] = structuredClone(value);
      break;
    case 'retype':
      set(ODD_VALUES[pick % ODD_VALUES.length]);
      break;
    case 'extreme-number':
      set([0, -0, -1, 1e308, -1e308, 5e-324, 1e21, 0.1 + 0.2, 2 ** 53, -(2 ** 31), 1 - 2 ** -53][pick % 11]);
      break;
    case 'odd-string':
      set(ODD_STRINGS[pick % ODD_STRINGS.length]);
      break;
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/;
const LEAKED = /(?<!["\w])(NaN|undefined)(?!["\w])|\[object Object\]/;
const LEAKED_BESIDES_NAN = /(?<!["\w])undefined(?!["\w])|\[object Object\]/;

/** Whether the document itself holds NaN (a number, or a key or text that says it), which messages may quote back. */
function mentionsNaN(document: unknown): boolean {
  return pathsIn(document).some((path) => {
    const value = (parentOf(document, path) as Record<string | number, unknown>)[path[path.length - 1]];
    return String(path[path.length - 1]).includes('NaN') || Number.isNaN(value) || (typeof value === 'string' && value.includes('NaN'));
  });
}

describe('mutated seed scenarios', () => {
  it('are accepted, or refused with problems at non-empty field paths, never with an exception', async () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (seedIndex, mutations) => {
        const document = structuredClone(seeds[seedIndex]);
        for (const change of mutations) mutate(document, change);
        const result = await safeParseScenario(document, { file: 'fuzz.json' });
        // A NaN put into the document is quoted back as NaN; one nobody put there is a leak.
        const leaked = mentionsNaN(document) ? LEAKED_BESIDES_NAN : LEAKED;
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.path.length, formatProblem(problem)).toBeGreaterThan(0);
            expect(problem.message.length).toBeGreaterThan(0);
            expect(formatProblem(problem)).not.toMatch(leaked);
            expect(formatProblem(problem)).not.toMatch(RAW_CONTROL);
          }
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });

  it('read back from JSON text, give the same document as JSON.parse', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seedIndex, mutations) => {
        const document = structuredClone(seeds[seedIndex]);
        for (const change of mutations) mutate(document, change);
        const text = JSON.stringify(document, null, 2);
        const read = readDocument(text, 'json');
        // Compared as JSON text: key order and every number's bits, and a "__proto__" key as a key.
        expect(read.ok && JSON.stringify(read.document)).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });
});
