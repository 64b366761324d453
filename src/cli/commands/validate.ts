import { formatPath, formatProblem, safeLoadScenario } from '../../index.js';
import { EXIT, type Io } from '../io.js';

/**
 * `parkcast validate FILE...`: checks each file; prints every problem with its field path, and for
 * a valid file its summary and the defaults it left in place that change the model's meaning.
 */
export async function validateCommand(files: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  for (const file of files) {
    const result = await safeLoadScenario(file);
    if (!result.ok) {
      for (const problem of result.problems) io.err(formatProblem(problem));
      io.err(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing was run`);
      code = EXIT.invalidInput;
      continue;
    }
    const { scenario, defaults } = result;
    io.out(
      `${file}: valid (${scenario.park.name}: ${Object.keys(scenario.metrics).length} metrics, ${Object.keys(scenario.parameters).length} assumptions, ${scenario.targets.length} targets)`,
    );
    if (defaults.length > 0) io.out(`  defaults that shape the model:\n${defaults.map((d) => `  - ${formatPath(d.path)}: ${d.message}`).join('\n')}`);
  }
  return code;
}
