import { formatProblem } from '../problems/problem.js';
import { safeLoadScenario } from '../scenario/load.js';
import { checkScenario } from './checkScenario.js';
import { formatFinding, formatSummary } from './format.js';

/**
 * `parkcast check FILE`: validates the file, then reports the data check's findings, as a
 * readable list or (with `json`) as `{ file, findings }`. Findings are reports, not failures.
 *
 * @returns 1 if the file is not a valid scenario (each problem printed), else 0, with or without findings.
 * @example
 * ```ts
 * const code = await checkCommand('seeds/jinyang-lake.json', { json: false }, { out: console.log });
 * ```
 */
export async function checkCommand(file: string, options: { json?: boolean }, io: { out: (line: string) => void }): Promise<number> {
  const loaded = await safeLoadScenario(file);
  if (!loaded.ok) {
    for (const problem of loaded.problems) io.out(formatProblem(problem));
    return 1;
  }
  const findings = checkScenario(loaded.scenario);
  if (options.json) {
    io.out(JSON.stringify({ file, findings }, null, 2));
    return 0;
  }
  io.out(formatSummary(file, findings));
  for (const finding of findings) for (const line of formatFinding(finding)) io.out(line);
  return 0;
}
