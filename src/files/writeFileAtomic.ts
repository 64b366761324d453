import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFailure } from './outputPaths.js';
import { temporaryName } from './temporaryName.js';

/**
 * Writes a file by writing a temporary file beside it and renaming it into place, so a reader
 * never sees half a file and an interrupted run leaves the old one whole. Creates the folder.
 * A failed write throws an `OutputPathError` naming `path` (not the temporary file).
 *
 * @example
 * ```ts
 * await writeFileAtomic('out/report.html', html);
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temporary = join(dir, temporaryName(basename(path)));
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw writeFailure(path, error);
  }
}
