import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { messages } from '../problems/messages.js';
import { type Problem, ScenarioError } from '../problems/problem.js';
import type { Scenario } from './schema/scenario.js';
import { type ParseResult, safeParseScenario } from './validate.js';

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
  let document: unknown;
  try {
    if (extension === '.json') document = JSON.parse(text);
    else if (extension === '.yaml' || extension === '.yml') document = parseYaml(text);
    else return { ok: false, problems: [fileProblem(file, 'unknown_format', messages.unknownExtension(file))] };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return { ok: false, problems: [fileProblem(file, 'syntax', extension === '.json' ? messages.invalidJson(reason) : messages.invalidYaml(reason))] };
  }
  return safeParseScenario(document, { file });
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
