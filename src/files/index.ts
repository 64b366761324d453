/** Writing output safely: a file, a file written piece by piece, and a folder, each whole or not at all; and checking, before any work, that each output can be written without overwriting an input. */

export { type AtomicFile, openAtomicFile } from './openAtomicFile.js';
export { type AtomicFolder, openAtomicFolder } from './openAtomicFolder.js';
export { checkOutputs, type Output, type OutputFile, type OutputFolder, OutputPathError, outputProblems, writeFailure } from './outputPaths.js';
export { writeFileAtomic } from './writeFileAtomic.js';
