import type { Problem } from '../problems/problem.js';
import { readDocument } from './readDocument.js';
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
  // The same strict reader as for files: duplicate keys, numbers as written, line and column.
  const read = readDocument(text.replace(/^\uFEFF/, ''), format);
  const withFile = (problem: Omit<Problem, 'file'>): Problem => (options.file === undefined ? problem : { ...problem, file: options.file });
  if (!read.ok) return { ok: false, problems: [withFile(read.problem)] };
  const result = await safeParseScenario(read.document, options);
  if (read.problems.length === 0) return result;
  return { ok: false, problems: [...read.problems.map(withFile), ...(result.ok ? [] : result.problems)] };
}
