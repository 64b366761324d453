import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/problems/problem.js';
import { getReferenceClass, loadReferenceClassFile, loadReferenceLibrary, parseReferenceClass, ReferenceClassError } from '../../src/reference/load.js';
import { validClassDocument } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'parkcast-reference-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `doc` to `<dir>/<name>.json` and loads it. */
function load(doc: unknown, name = 'test-class') {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return { file, result: loadReferenceClassFile(file) };
}

function problemsOf(doc: unknown, name?: string) {
  const { file, result } = load(doc, name);
  if (result.ok) throw new Error('expected problems');
  return { file, problems: result.problems };
}

describe('loading a reference-class file', () => {
  it('a valid file loads, typed', () => {
    const { result } = load(validClassDocument());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.referenceClass.observations[0].result).toEqual({ kind: 'count', hits: 20, total: 31, bound: 'exact' });
  });

  it('an unknown field: a problem naming the file and the path', () => {
    const doc = validClassDocument();
    (doc.observations as Record<string, unknown>[])[0].guess = 0.7;
    const { file, problems } = problemsOf(doc);
    expect(problems).toEqual([expect.objectContaining({ code: 'unrecognized_keys', path: ['observations', 0, 'guess'], file })]);
    expect(formatProblem(problems[0])).toBe(`${file}: observations[0].guess: unknown field "guess"`);
  });

  it('hits above total', () => {
    const doc = validClassDocument();
    (doc.observations as { result: Record<string, unknown> }[])[0].result.hits = 40;
    const { file, problems } = problemsOf(doc);
    expect(problems).toEqual([expect.objectContaining({ path: ['observations', 0, 'result', 'hits'], file, message: 'expected hits <= total, got 40' })]);
  });

  it('a source with neither url nor citation', () => {
    const doc = validClassDocument();
    doc.sources = [{ id: 'paper', title: 'A paper' }];
    const { problems } = problemsOf(doc);
    expect(problems).toEqual([
      expect.objectContaining({ path: ['sources', 0, 'url'], message: expect.stringContaining('"url" or a bibliographic "citation"') }),
    ]);
  });

  it('an observation citing a source the class does not list', () => {
    const doc = validClassDocument();
    (doc.observations as { sources: string[] }[])[0].sources = ['paper', 'blog'];
    const { problems } = problemsOf(doc);
    expect(problems).toEqual([expect.objectContaining({ path: ['observations', 0, 'sources', 1], message: 'unknown source "blog" (known: paper)' })]);
  });

  it('a headline that names no observation', () => {
    const doc = validClassDocument();
    doc.headline = 'other';
    const { problems } = problemsOf(doc);
    expect(problems).toEqual([expect.objectContaining({ path: ['headline'], message: 'unknown observation "other" (known: count)' })]);
  });

  it('a headline rate with no n and no range cannot give an interval', () => {
    const doc = validClassDocument();
    (doc.observations as Record<string, unknown>[])[0].result = { kind: 'rate', value: 0.86 };
    const { problems } = problemsOf(doc);
    expect(problems).toEqual([expect.objectContaining({ path: ['observations', 0, 'result'] })]);
  });

  it('a range without its kind, and a value outside its range', () => {
    const doc = validClassDocument();
    (doc.observations as Record<string, unknown>[])[0].result = { kind: 'rate', value: 0.9, low: 0.1, high: 0.5 };
    const { problems } = problemsOf(doc);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['observations.0.result.high', 'observations.0.result.rangeKind']);
  });

  it('a missing field and a wrong confidence', () => {
    const doc = validClassDocument();
    delete doc.titleZh;
    doc.confidence = 'certain';
    const { problems } = problemsOf(doc);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'missing', path: ['titleZh'] }),
      expect.objectContaining({ path: ['confidence'], message: 'expected one of "high", "medium", "low", got "certain"' }),
    ]);
  });

  it('a class id that differs from the file name', () => {
    const { file, problems } = problemsOf(validClassDocument(), 'other-name');
    expect(problems).toEqual([
      { code: 'file_id_mismatch', path: ['id'], message: 'the class id "test-class" does not match the file name (expected "other-name")', file },
    ]);
  });

  it('a file that is not JSON, and a file that is not there', () => {
    const { file, problems } = problemsOf('{ "id": ', 'broken');
    expect(problems).toEqual([expect.objectContaining({ code: 'syntax', path: [], file })]);
    const missing = loadReferenceClassFile(join(dir, 'absent.json'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]).toMatchObject({ code: 'file_not_found', path: [] });
  });

  it('parseReferenceClass works on a document without a file', () => {
    const result = parseReferenceClass({ ...validClassDocument(), extra: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toEqual({ code: 'unrecognized_keys', path: ['extra'], message: 'unknown field "extra"' });
  });
});

describe('loading a library folder', () => {
  it('returns the valid classes and the problems of the others', () => {
    const folder = mkdtempSync(join(dir, 'library-'));
    writeFileSync(join(folder, 'test-class.json'), JSON.stringify(validClassDocument()));
    writeFileSync(join(folder, 'bad.json'), JSON.stringify({ ...validClassDocument(), id: 'bad', confidence: 'certain' }));
    writeFileSync(join(folder, 'notes.txt'), 'ignored');
    const library = loadReferenceLibrary(folder);
    expect(library.classes.map((cls) => cls.id)).toEqual(['test-class']);
    expect(library.problems).toEqual([expect.objectContaining({ file: join(folder, 'bad.json'), path: ['confidence'] })]);
  });

  it('a missing folder is a problem, not a crash', () => {
    expect(loadReferenceLibrary(join(dir, 'nowhere')).problems[0]).toMatchObject({ code: 'folder_missing' });
  });

  it('getReferenceClass names the known classes when the id is unknown', () => {
    expect(() => getReferenceClass('nope')).toThrow(ReferenceClassError);
    expect(() => getReferenceClass('nope')).toThrow(/unknown reference class "nope" \(known: cn-/);
  });
});
