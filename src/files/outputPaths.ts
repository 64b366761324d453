import { constants, type Stats } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/**
 * An output that cannot be written where it was asked for: its folder is missing or read-only,
 * it names a folder, or writing it would overwrite an input. The message names the path and
 * what is wrong, on one line.
 */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputPathError';
  }
}

/** A file the command will write. `option` names it in messages (`--output`); absent in the library. */
export interface OutputFile {
  readonly kind: 'file';
  readonly path: string;
  readonly option?: string;
}

/**
 * A folder the command will write into, with the entries it writes (`charts/` for a subfolder
 * whose files it writes). The folder may not exist yet, as long as it can be created.
 */
export interface OutputFolder {
  readonly kind: 'folder';
  readonly path: string;
  readonly entries: readonly string[];
  readonly option?: string;
}

export type Output = OutputFile | OutputFolder;

const statOf = (path: string): Promise<Stats | undefined> => stat(path).catch(() => undefined);

/** The path with symbolic links resolved as far as it exists, so two names of one file compare equal. */
async function canonical(path: string): Promise<string> {
  const rest: string[] = [];
  let existing = resolve(path);
  for (;;) {
    try {
      return join(await realpath(existing), ...rest.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return resolve(path);
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

/** The same file: one canonical name, or (hard links) one device and inode. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if ((await canonical(a)) === (await canonical(b))) return true;
  const [sa, sb] = await Promise.all([statOf(a), statOf(b)]);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

async function inside(folder: string, path: string): Promise<boolean> {
  const from = await canonical(folder);
  const to = await canonical(path);
  const rel = relative(from, to);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep);
}

async function writable(folder: string): Promise<string | undefined> {
  try {
    await access(folder, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EROFS' ? 'is on a read-only file system' : 'is not writable (permission denied)';
  }
}

/** The nearest folder up from `path` that exists (or the file that blocks the way). */
async function nearestExisting(path: string): Promise<{ path: string; info: Stats }> {
  let current = resolve(path);
  for (;;) {
    const info = await statOf(current);
    if (info !== undefined) return { path: current, info };
    const parent = dirname(current);
    if (parent === current) throw new OutputPathError(`${path}: no folder of it exists`);
    current = parent;
  }
}

const shown = (path: string) => {
  const rel = relative(process.cwd(), resolve(path));
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(path) : rel;
};

async function fileProblems(output: OutputFile, inputs: readonly string[]): Promise<string[]> {
  const name = output.option ? `${output.option} ${output.path}` : output.path;
  if (/[/\\]$/.test(output.path)) return [`${name}: names a folder; give a file name`];
  const info = await statOf(output.path);
  if (info?.isDirectory()) return [`${name}: is a folder; give a file name`];
  const folder = dirname(resolve(output.path));
  const folderInfo = await statOf(folder);
  if (folderInfo === undefined) {
    const blocking = await nearestExisting(folder);
    if (!blocking.info.isDirectory()) return [`${name}: ${shown(blocking.path)} is a file, not a folder`];
    return [`${name}: the folder ${shown(folder)} does not exist`];
  }
  if (!folderInfo.isDirectory()) return [`${name}: ${shown(folder)} is a file, not a folder`];
  const unwritable = await writable(folder);
  if (unwritable) return [`${name}: the folder ${shown(folder)} ${unwritable}`];
  for (const input of inputs) {
    if (await sameFile(output.path, input)) return [`${name}: is the input ${input}; writing it would overwrite the input`];
  }
  return [];
}

async function folderProblems(output: OutputFolder, inputs: readonly string[]): Promise<string[]> {
  const name = output.option ? `${output.option} ${output.path}` : output.path;
  const info = await statOf(output.path);
  if (info !== undefined && !info.isDirectory()) return [`${name}: is a file, not a folder`];
  if (info === undefined) {
    const existing = await nearestExisting(output.path);
    if (!existing.info.isDirectory()) return [`${name}: cannot create the folder: ${shown(existing.path)} is a file, not a folder`];
    const unwritable = await writable(existing.path);
    if (unwritable) return [`${name}: cannot create the folder: ${shown(existing.path)} ${unwritable}`];
  } else {
    const unwritable = await writable(output.path);
    if (unwritable) return [`${name}: the folder ${unwritable}`];
  }
  const problems: string[] = [];
  for (const entry of output.entries) {
    const subfolder = entry.endsWith('/');
    const path = join(output.path, entry);
    const entryInfo = await statOf(path);
    if (subfolder && entryInfo !== undefined && !entryInfo.isDirectory()) problems.push(`${name}: ${shown(path)} is a file; it would be written as a folder`);
    if (!subfolder && entryInfo?.isDirectory()) problems.push(`${name}: ${shown(path)} is a folder; a file of that name would be written`);
    for (const input of inputs) {
      const clash = subfolder ? await inside(path, input) : await sameFile(path, input);
      if (clash) {
        problems.push(
          `${name}: would write ${subfolder ? `into ${shown(path)}, which holds` : `${shown(path)}, which is`} the input ${input}; choose another folder`,
        );
      }
    }
  }
  return problems;
}

/**
 * Checks, before any work starts, that every output can be written and that none would
 * overwrite an input or another output: a file's folder exists and is writable and the file is
 * not a folder; a folder is a folder, or can be created (its nearest existing parent is a
 * writable folder); no file the command writes is an input, or holds one. Returns one line per
 * problem, each naming the path and what is wrong; empty when all is well. Writes nothing.
 *
 * @example
 * ```ts
 * const problems = await outputProblems([{ kind: 'file', path: 'out/result.json', option: '--output' }], ['park.json']);
 * ```
 */
export async function outputProblems(outputs: readonly Output[], inputs: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const output of outputs) {
    problems.push(...(output.kind === 'file' ? await fileProblems(output, inputs) : await folderProblems(output, inputs)));
  }
  const files = outputs.filter((o): o is OutputFile => o.kind === 'file');
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      if (await sameFile(files[i].path, files[j].path)) {
        problems.push(`${files[i].option ?? files[i].path} and ${files[j].option ?? files[j].path}: both name ${files[i].path}; give each its own file`);
      }
    }
  }
  return problems;
}

/** Throws an `OutputPathError` with the first problem `outputProblems` finds. */
export async function checkOutputs(outputs: readonly Output[], inputs: readonly string[]): Promise<void> {
  const [problem] = await outputProblems(outputs, inputs);
  if (problem !== undefined) throw new OutputPathError(problem);
}

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a folder',
  EEXIST: 'a file is where a folder would be',
};

/** A write that failed (after the checks: a disk filling up, a folder removed meanwhile), as an OutputPathError naming the path, without temporary names or errno codes. */
export function writeFailure(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error instanceof Error ? error : new Error(String(error));
  return new OutputPathError(`${path}: cannot write it: ${ERRNO_REASONS[code] ?? 'the system refused the write'}`);
}
