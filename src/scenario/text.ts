import { parse as parseYaml } from 'yaml';
import { messages } from '../problems/messages.js';
import { type ParseOptions, type ParseResult, safeParseScenario } from './validate.js';

/** The two notations a scenario is written in. */
export type ScenarioFormat = 'json' | 'yaml';

/**
 * Reads a scenario from its text, JSON or YAML, and validates it, returning problems instead of
 * throwing: what `safeLoadScenario` does after reading a file, and what a page does with the text
 * in its editor (no file system needed).
 *
 * @example
 * ```ts
 * const result = await safeParseScenarioText(editor.value, 'yaml');
 * if (!result.ok) for (const p of result.problems) console.log(formatPath(p.path), p.message);
 * ```
 */
export async function safeParseScenarioText(text: string, format: ScenarioFormat, options: ParseOptions = {}): Promise<ParseResult> {
  let document: unknown;
  try {
    document = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    const message = format === 'json' ? messages.invalidJson(reason) : messages.invalidYaml(reason);
    return { ok: false, problems: [{ code: 'syntax', path: [], message, ...(options.file === undefined ? {} : { file: options.file }) }] };
  }
  return safeParseScenario(document, options);
}
