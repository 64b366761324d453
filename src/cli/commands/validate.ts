import { EXIT, type Io } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';

/** `parkcast validate FILE...`: checks each file; prints every problem with its field path. */
export async function validateCommand(files: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  for (const file of files) {
    const scenario = await loadOrReport(file, io);
    if (scenario === undefined) code = EXIT.invalidInput;
    else
      io.out(
        `${file}: valid (${scenario.park.name}: ${Object.keys(scenario.metrics).length} metrics, ${Object.keys(scenario.parameters).length} assumptions, ${scenario.targets.length} targets)`,
      );
  }
  return code;
}
