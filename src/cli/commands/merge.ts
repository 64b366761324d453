import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../files/index.js';
import { mergeShards, ShardMismatchError, type ShardResult } from '../../index.js';
import { EXIT, type Io } from '../io.js';
import { simulationText } from './simulate.js';

/** `parkcast merge PART...`: combines shard files into the result of the whole run. */
export async function mergeCommand(files: string[], options: { json?: boolean; output?: string }, io: Io): Promise<number> {
  const shards: ShardResult[] = [];
  for (const file of files) {
    try {
      shards.push(JSON.parse(await readFile(file, 'utf8')) as ShardResult);
    } catch (error) {
      io.err(`${file}: cannot read a shard file: ${(error as Error).message.split('\n')[0]}`);
      return EXIT.invalidInput;
    }
  }
  try {
    const result = await mergeShards(shards);
    const text =
      options.json || options.output ? JSON.stringify(result, null, 2) : simulationText(result, `${shards[0].scenario.park.name} (${files.length} shards)`);
    if (options.output) await writeFileAtomic(options.output, `${text}\n`);
    else io.out(text);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ShardMismatchError) {
      io.err(error.shard === undefined ? `parkcast merge: ${error.message}` : `${files[error.shard]}: ${error.message}`);
      return EXIT.invalidInput;
    }
    throw error;
  }
}
