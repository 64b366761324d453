import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { MAX_SCENARIO_BYTES, messages } from '../problems/messages.js';
import { type Problem, ScenarioError } from '../problems/problem.js';
import { isRollupDocument, safeParseRollup } from './loadRollup.js';
import { readDocument } from './readDocument.js';
import type { Scenario } from './schema/scenario.js';
import { type ParseResult, safeParseScenario } from './validate.js';

const fileProblem = (file: string, code: string, message: string): Problem => ({ code, path: [], message, file });
const failure = (file: string, code: string, message: string): ParseResult => ({ ok: false, problems: [fileProblem(file, code, message)] });

/** Whether `inner` is `outer` or lies inside it. */
const within = (inner: Problem['path'], outer: Problem['path']) => outer.length <= inner.length && outer.every((key, i) => inner[i] === key);

/** Decodes UTF-8 (a BOM is dropped, as editors on Windows write one), or says why the bytes are not UTF-8. */
function decode(file: string, bytes: Buffer): { text: string } | { problem: ParseResult } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: failure(file, 'encoding', messages.utf16()) };
  if (!isUtf8(bytes)) {
    // The first replacement character marks the first bad byte (or a U+FFFD written in the file, which is rarer).
    const text = bytes.toString('utf8');
    const before = text.slice(0, Math.max(0, text.indexOf('\ufffd')));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { problem: failure(file, 'encoding', messages.notUtf8(line, column)) };
  }
  const text = bytes.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * Reads a JSON or YAML scenario file and validates it, returning problems instead of throwing.
 * Whatever the file holds (a folder, binary, 5 MB of brackets), the answer is problems naming the
 * file and, where there is one, the field path.
 *
 * @example
 * ```ts
 * const result = await safeLoadScenario('park.yaml');
 * if (!result.ok) result.problems.forEach((p) => console.error(formatProblem(p)));
 * ```
 */
export async function safeLoadScenario(file: string): Promise<ParseResult> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return failure(file, 'is_folder', messages.isFolder(file));
    if (!info.isFile()) return failure(file, 'not_a_file', messages.notAFile(file));
    if (info.size > MAX_SCENARIO_BYTES) return failure(file, 'too_large', messages.fileTooLarge(info.size));
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failure(file, 'file_not_found', messages.fileNotFound(file));
    return failure(file, 'file_unreadable', messages.fileUnreadable(file, (error as Error).message));
  }
  const extension = extname(file).toLowerCase();
  const format = extension === '.json' ? 'json' : extension === '.yaml' || extension === '.yml' ? 'yaml' : undefined;
  if (format === undefined) return failure(file, 'unknown_format', messages.unknownExtension(file));
  // Checked again on the bytes read: the file may have grown since stat.
  if (bytes.length > MAX_SCENARIO_BYTES) return failure(file, 'too_large', messages.fileTooLarge(bytes.length));
  const decoded = decode(file, bytes);
  if ('problem' in decoded) return decoded.problem;
  if (decoded.text.trim() === '') return failure(file, 'empty', messages.emptyFile());

  const read = readDocument(decoded.text, format);
  if (!read.ok) return { ok: false, problems: [{ ...read.problem, file }] };
  // A roll-up file names other scenario files: its members are loaded from beside it.
  const result = isRollupDocument(read.document)
    ? await safeParseRollup(read.document, file, safeLoadScenario)
    : await safeParseScenario(read.document, { file });
  if (read.problems.length === 0) return result;
  // A duplicate key or an unreadable number is the root problem: what the schema says about the same field follows from it.
  const following = result.ok ? [] : result.problems.filter((problem) => !read.problems.some((root) => within(problem.path, root.path)));
  return { ok: false, problems: [...read.problems.map((problem) => ({ ...problem, file })), ...following] };
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
