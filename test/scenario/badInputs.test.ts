import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPath, formatProblem, safeLoadScenario } from '../../src/index.js';
import { generatedCases, writeGeneratedCases } from '../fixtures/bad-inputs/generated.js';

// Every file under test/fixtures/bad-inputs (listed with its expected exit code, field path and a
// fragment of its message in manifest.json), plus the cases too large or too odd to commit
// (generated.ts), goes through the library and through the built CLI.

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/bad-inputs');
const cli = join(root, 'dist/cli.js');

interface Case {
  file: string;
  exit: number;
  path: string;
  message: string;
  problems?: number;
}
const manifest: Case[] = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8'));

/** Characters that must never reach a terminal raw (newline aside). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
/** NaN, undefined or [object Object] leaking from code into a message (a quoted "NaN" from the file is fine). */
const LEAKED = /(?<!["\w])(NaN|undefined)(?!["\w])|\[object Object\]/;
const objectPrototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

const sha256 = (file: string) => (existsSync(file) && statSync(file).isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'none');

let generatedDir: string;
let workDir: string;
let cases: Array<Case & { fullPath: string }>;

beforeAll(async () => {
  generatedDir = await mkdtemp(join(tmpdir(), 'parkcast-bad-inputs-'));
  workDir = await mkdtemp(join(tmpdir(), 'parkcast-cwd-'));
  const committed = manifest.map((entry) => ({ ...entry, fullPath: join(fixtures, entry.file) }));
  cases = [...committed, ...(await writeGeneratedCases(generatedDir))];
});
afterAll(async () => {
  await rm(generatedDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

describe('the bad-input corpus', () => {
  it('holds at least 60 committed files, each listed once in the manifest, none of them large', () => {
    const files = readdirSync(fixtures).filter((name) => name !== 'manifest.json' && name !== 'generated.ts');
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(new Set(manifest.map((entry) => entry.file))).toEqual(new Set(files));
    expect(manifest).toHaveLength(files.length);
    for (const file of files) expect(statSync(join(fixtures, file)).size, file).toBeLessThan(16 * 1024);
  });
});

const allCases = [...manifest.map((entry) => entry.file), ...generatedCases.map((entry) => entry.file)];
const caseNamed = (name: string) => {
  const found = cases.find((entry) => entry.file === name);
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
};

describe('through the library (safeLoadScenario)', () => {
  it.each(allCases)('%s', async (name) => {
    const entry = caseNamed(name);
    const before = sha256(entry.fullPath);
    const result = await safeLoadScenario(entry.fullPath);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    for (const problem of result.problems) expect(problem.file).toBe(entry.fullPath);
    const named = result.problems.find((problem) => formatPath(problem.path) === entry.path && problem.message.includes(entry.message));
    expect(named, `no problem at "${entry.path}" saying "${entry.message}" in:\n${lines.join('\n')}`).toBeDefined();
    if (entry.problems !== undefined) expect(lines).toHaveLength(entry.problems);
    for (const line of lines) {
      expect(line).not.toMatch(LEAKED);
      expect(line).not.toMatch(RAW_CONTROL);
    }
    expect(sha256(entry.fullPath)).toBe(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectPrototypeNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.concurrent('through the built CLI (parkcast validate FILE)', () => {
  beforeAll(() => {
    expect(existsSync(cli), 'dist/cli.js is missing: run `npx tsup --silent` (npm test does)').toBe(true);
    const newestSource = Math.max(...readdirSync(join(root, 'src'), { recursive: true }).map((file) => statSync(join(root, 'src', String(file))).mtimeMs));
    expect(statSync(cli).mtimeMs, 'dist/cli.js is older than src/: run `npx tsup --silent`').toBeGreaterThanOrEqual(newestSource);
  });

  it.each(allCases)('%s', async (name) => {
    const entry = caseNamed(name);
    const before = sha256(entry.fullPath);
    const outcome = await run(process.execPath, [cli, 'validate', entry.fullPath], { cwd: workDir, maxBuffer: 1 << 24 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    expect(outcome.code, outcome.stderr).toBe(entry.exit);
    expect(outcome.stdout).toBe('');
    const where = entry.path === '' ? `${entry.fullPath}: ` : `${entry.fullPath}: ${entry.path}: `;
    const line = outcome.stderr.split('\n').find((text) => text.startsWith(where) && text.includes(entry.message));
    expect(line, outcome.stderr).toBeDefined();
    expect(outcome.stderr).not.toContain('    at ');
    expect(outcome.stderr).not.toMatch(LEAKED);
    expect(outcome.stderr).not.toMatch(RAW_CONTROL);
    if (entry.problems !== undefined) expect(outcome.stderr).toContain(`: ${entry.problems} problem${entry.problems === 1 ? '' : 's'}; nothing was run`);
    expect(sha256(entry.fullPath)).toBe(before);
    expect(await readdir(workDir)).toEqual([]);
  });

  it('exits 2 for wrong usage, without a stack trace', async () => {
    for (const args of [['validate'], ['validate', '--no-such-option', 'x.json']]) {
      const error = await run(process.execPath, [cli, ...args], { cwd: workDir }).catch((failure: { code: number; stderr: string }) => failure);
      expect('code' in error && error.code).toBe(2);
      expect((error as { stderr: string }).stderr).not.toContain('    at ');
    }
  });
});

describe('the fixtures are bad in one way each', () => {
  it('the committed JSON fixtures were made from a scenario that is itself valid', async () => {
    // The unknown-field fixture differs from the base scenario by one field: dropping it gives a valid scenario.
    const text = await readFile(join(fixtures, 'unknown-field.json'), 'utf8');
    const document = JSON.parse(text);
    delete document.targets[0].treshold;
    const { safeParseScenario } = await import('../../src/index.js');
    expect((await safeParseScenario(document)).ok).toBe(true);
  });
});
