import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../files/index.js';
import { mergeShards, ShardMismatchError, type ShardResult } from '../../index.js';
import { EXIT, type Io } from '../io.js';
import { outputsWritable } from '../outputs.js';
import { simulationText } from './simulate.js';

/**
 * `parkcast merge PART...`: combines shard files into the result of the whole run. Every shard is
 * checked (its scenario validated and hashed again, its tally for consistency) and every message
 * names the file at fault.
 */
export async function mergeCommand(files: string[], options: { json?: boolean; output?: string }, io: Io): Promise<number> {
  const writable = await outputsWritable([options.output === undefined ? undefined : { kind: 'file', path: options.output, option: '--output' }], files, io);
  if (!writable) return EXIT.invalidInput;
  const shards: ShardResult[] = [];
  for (const file of files) {
    try {
      shards.push(JSON.parse(await readFile(file, 'utf8')) as ShardResult);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'file not found'
          : code === 'EISDIR'
            ? 'is a folder, not a shard file'
            : code === 'EACCES'
              ? 'cannot read it (permission denied)'
              : `not a shard file (not JSON: ${(error as Error).message.split('\n')[0]})`;
      io.err(`${file}: ${reason}`);
      return EXIT.invalidInput;
    }
  }
  try {
    const result = await mergeShards(shards, { names: files });
    const text =
      options.json || options.output ? JSON.stringify(result, null, 2) : simulationText(result, `${shards[0].scenario.park.name} (${files.length} shards)`);
    if (options.output) await writeFileAtomic(options.output, `${text}\n`);
    else io.out(text);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ShardMismatchError) {
      io.err(error.shard === undefined ? `parkcast merge: ${error.message}` : error.message);
      return EXIT.invalidInput;
    }
    throw error;
  }
}
