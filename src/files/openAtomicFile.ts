import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFailure } from './outputPaths.js';
import { temporaryName } from './temporaryName.js';

/** A file being written that appears only when complete. */
export interface AtomicFile {
  /** Appends text (synchronously: a block of trials is written as it is computed). */
  readonly write: (text: string) => void;
  /** Closes the file and renames it into place. */
  readonly commit: () => void;
  /** Closes and deletes the temporary file (on Ctrl-C or an error); the old file, if any, stays. */
  readonly discard: () => void;
}

/**
 * Opens a file written piece by piece that appears only when complete: text goes to a temporary
 * file beside it, renamed into place by `commit`, or deleted by `discard`. A failed write throws
 * an `OutputPathError` naming `path` (not the temporary file).
 *
 * @example
 * ```ts
 * const samples = openAtomicFile('trials.csv');
 * samples.write('trial,value\n');
 * samples.commit();
 * ```
 */
export function openAtomicFile(path: string): AtomicFile {
  const temporary = join(dirname(path), temporaryName(basename(path)));
  const guarded = <T>(step: () => T): T => {
    try {
      return step();
    } catch (error) {
      throw writeFailure(path, error);
    }
  };
  const fd = guarded(() => openSync(temporary, 'w'));
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (text) => {
      guarded(() => writeSync(fd, text));
    },
    commit: () => {
      guarded(() => {
        close();
        renameSync(temporary, path);
      });
    },
    discard: () => {
      close();
      rmSync(temporary, { force: true });
    },
  };
}
