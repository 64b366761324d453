import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFailure } from './outputPaths.js';
import { temporaryName } from './temporaryName.js';

/** A folder of files being written that appear together, or not at all. */
export interface AtomicFolder {
  /** The folder the files will be in once committed. */
  readonly path: string;
  /** Writes a file, at a path relative to the folder, into the staging folder. */
  readonly write: (relativePath: string, data: string | Uint8Array) => Promise<void>;
  /** Moves every file written into place, then removes the staging folder. */
  readonly commit: () => Promise<void>;
  /** Removes the staging folder; the folder and its old files stay as they were. */
  readonly discard: () => Promise<void>;
}

async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(folder, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(folder, join(prefix, entry.name)) : Promise.resolve([join(prefix, entry.name)]))),
  );
  return nested.flat();
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Stages a folder of output files (a report) beside its destination, so a run that fails or is
 * stopped half-way leaves nothing behind. On `commit`, a new folder is renamed into place whole;
 * into a folder that already exists (staged inside it, hidden, so only it need be writable), each
 * file is renamed over its old version, and the folder's other files (the user's own, a scenario
 * among them) are left alone. A failed write throws an `OutputPathError` naming the folder.
 *
 * @example
 * ```ts
 * const folder = await openAtomicFolder('out/jinyang');
 * try {
 *   await folder.write('report.html', html);
 *   await folder.write('charts/fan.svg', svg);
 *   await folder.commit();
 * } catch (error) {
 *   await folder.discard();
 *   throw error;
 * }
 * ```
 */
export async function openAtomicFolder(path: string): Promise<AtomicFolder> {
  const destination = resolve(path);
  const guarded = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      throw writeFailure(path, error);
    }
  };
  const existed = await exists(destination);
  const stagingParent = existed ? destination : dirname(destination);
  const staging = join(stagingParent, temporaryName(basename(destination)));
  await guarded(async () => {
    await mkdir(stagingParent, { recursive: true });
    await mkdir(staging);
  });
  const discard = () => rm(staging, { recursive: true, force: true });
  return {
    path: destination,
    write: (relativePath, data) =>
      guarded(async () => {
        const file = join(staging, relativePath);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, data);
      }),
    commit: () =>
      guarded(async () => {
        if (!existed && !(await exists(destination))) {
          await rename(staging, destination);
          return;
        }
        for (const file of await filesUnder(staging)) {
          await mkdir(dirname(join(destination, file)), { recursive: true });
          await rename(join(staging, file), join(destination, file));
        }
        await discard();
      }),
    discard,
  };
}
