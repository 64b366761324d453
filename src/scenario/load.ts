import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { messages } from '../problems/messages.js';
import { type Problem, ScenarioError } from '../problems/problem.js';
import type { Scenario } from './schema/scenario.js';
import { safeParseScenarioText } from './text.js';
import type { ParseResult } from './validate.js';

const fileProblem = (file: string, code: string, message: string): Problem => ({ code, path: [], message, file });

/**
 * Reads a JSON or YAML scenario file and validates it, returning problems instead of throwing.
 *
 * @example
 * ```ts
 * const result = await safeLoadScenario('park.yaml');
 * if (!result.ok) result.problems.forEach((p) => console.error(formatProblem(p)));
 * ```
 */
export async function safeLoadScenario(file: string): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problems: [fileProblem(file, 'file_not_found', messages.fileNotFound(file))] };
    return { ok: false, problems: [fileProblem(file, 'file_unreadable', messages.fileUnreadable(file, (error as Error).message))] };
  }
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return safeParseScenarioText(text, 'json', { file });
  if (extension === '.yaml' || extension === '.yml') return safeParseScenarioText(text, 'yaml', { file });
  return { ok: false, problems: [fileProblem(file, 'unknown_format', messages.unknownExtension(file))] };
}

/**
 * Reads a JSON or YAML scenario file and validates it.
 *
 * @throws {ScenarioError} naming the file and each problem's field path.
 * @example
 * ```ts
 * const scenario = await loadScenario('seeds/jinyang-lake.json');
 * ```
 */
export async function loadScenario(file: string): Promise<Scenario> {
  const result = await safeLoadScenario(file);
  if (!result.ok) throw new ScenarioError(result.problems);
  return result.scenario;
}
