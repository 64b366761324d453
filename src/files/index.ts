/** Writing output safely: a file, a file written piece by piece, and a folder, each whole or not at all. */

export { type AtomicFile, openAtomicFile } from './openAtomicFile.js';
export { type AtomicFolder, openAtomicFolder } from './openAtomicFolder.js';
export { writeFileAtomic } from './writeFileAtomic.js';
