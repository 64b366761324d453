import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';

const run = promisify(execFile);
export const root = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built package's CLI (`node dist/cli.js`, built by `npm test`'s pretest) as a user would. */
export async function parkcastBuilt(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'dist/cli.js'), ...args], {
      cwd: options.cwd ?? root,
      env: options.env ?? process.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * A failure as a user should see it: the exit code asked for (never 3, the code of a bug), and
 * no stack trace, NaN, undefined or [object Object] anywhere in what was printed.
 */
export function expectCleanFailure(result: CliResult, code: 1 | 2, message?: string | RegExp): void {
  const printed = `${result.stdout}\n${result.stderr}`;
  expect(result.code, printed).toBe(code);
  expect(printed).not.toMatch(/\n\s+at /);
  expect(printed).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]|internal error/);
  if (message !== undefined) expect(result.stderr).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
}

/** Every file under a folder (hidden ones too) with its SHA-256, to show a command wrote or changed nothing. */
export async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        files[`${path}/`] = 'folder';
        await walk(path);
      } else if ((await stat(path)).isFile())
        files[path] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  await walk(folder);
  return files;
}
