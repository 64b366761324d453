import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/scenario/readDocument.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const jsonFiles = ['seeds', 'examples'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(root, dir, name)),
);

describe('readDocument: JSON', () => {
  it.each(jsonFiles)('reads %s exactly as JSON.parse does', (file) => {
    const text = readFileSync(file, 'utf8');
    const read = readDocument(text, 'json');
    expect(read).toMatchObject({ ok: true, problems: [] });
    expect(read.ok && read.document).toStrictEqual(JSON.parse(text));
  });

  it('agrees with JSON.parse on any JSON text (numbers, escapes, unicode, nesting)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const read = readDocument(text, 'json');
        expect(read.ok && JSON.stringify(read.document)).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('refuses what JSON.parse refuses', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', 'e', '.', ' ', 'n', 'u', 'l', 't', '\\') }), (text) => {
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        // JSON.parse accepts duplicate keys; readDocument reads them and reports a problem instead.
        expect(readDocument(text, 'json').ok).toBe(parsed);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('keeps __proto__ as a key, never as a prototype', () => {
    const read = readDocument('{"__proto__": {"polluted": true}, "a": 1}', 'json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const document = read.document as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names both lines of a duplicate key and quotes a number as written', () => {
    const read = readDocument('{\n  "a": 1,\n  "b": {"c": 1e400},\n  "a": 2\n}', 'json');
    expect(read).toMatchObject({
      ok: true,
      problems: [
        { code: 'number_range', path: ['b', 'c'], message: 'the number 1e400 is too large to represent (numbers go up to about 1.8e308)' },
        { code: 'duplicate_key', path: ['a'], message: 'the key "a" appears twice, on lines 2 and 4; keep one (otherwise the last would silently win)' },
      ],
    });
  });

  it.each([
    ['{"a": 1,}', 'not valid JSON at line 1, column 9: a comma before "}" with no field after it (JSON allows no trailing comma)'],
    ['{\n  "a": 1\n  "b": 2\n}', 'not valid JSON at line 3, column 3: expected "," or "}" after a field, found a text in double quotes'],
    [
      '{"a": tru}',
      'not valid JSON at line 1, column 7: expected a value (a number, a text in double quotes, true, false, null, an object or a list), found the word tru',
    ],
    ['{"a": "\u0007"}', 'not valid JSON at line 1, column 8: U+0007 (a control character) inside a text; write it as an escape such as \\n or \\u0007'],
    ['[01]', 'not valid JSON at line 1, column 2: expected a number as JSON writes it (no leading zeros, digits after a point), found "0"'],
    [
      `${'['.repeat(1002)}${']'.repeat(1002)}`,
      'not valid JSON at line 1, column 1002: containers nested more than 1000 levels deep; a scenario needs far fewer',
    ],
  ])('%j', (text, message) => {
    expect(readDocument(text, 'json')).toEqual({ ok: false, problem: { code: 'syntax', path: [], message } });
  });
});

describe('readDocument: YAML', () => {
  it('names both lines of a duplicate key, and .nan, .inf and 1e400 as written', () => {
    const read = readDocument('a: 1\nb: .nan\nc: [-.inf, 1e400]\na: 2\n', 'yaml');
    expect(read).toMatchObject({
      ok: true,
      problems: [
        { path: ['b'], message: 'expected a finite number, got .nan as written' },
        { path: ['c', 0], message: 'expected a finite number, got -.inf as written' },
        { path: ['c', 1], message: 'the number 1e400 is too large to represent (numbers go up to about 1.8e308)' },
        { path: ['a'], message: 'the key "a" appears twice, on lines 1 and 4; keep one (otherwise the last would silently win)' },
      ],
    });
  });

  it('keeps __proto__ as a key', () => {
    const read = readDocument('__proto__: {polluted: true}\n', 'yaml');
    expect(read.ok && Object.keys(read.document as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unknown tag is a problem, not a value silently kept as text', () => {
    expect(readDocument('a: !secret 1\n', 'yaml')).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/^not valid YAML at line 1, column 4: /) },
    });
  });
});
