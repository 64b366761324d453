import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { messages } from '../problems/messages.js';
import { formatProblem, type Problem } from '../problems/problem.js';
import { problemsFromZod } from '../scenario/zodProblems.js';
import { referenceMessages as m } from './messages.js';
import { ReferenceClass } from './schema.js';

export type ReferenceClassResult = { ok: true; referenceClass: ReferenceClass } | { ok: false; problems: Problem[] };

export interface ReferenceLibrary {
  /** The valid classes, sorted by id. */
  readonly classes: readonly ReferenceClass[];
  /** Problems in any file: each names the file and the field path. */
  readonly problems: readonly Problem[];
}

/** Thrown by the throwing loaders when a file of the library is invalid; carries every problem. */
export class ReferenceClassError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ReferenceClassError';
    this.problems = problems;
  }
}

const FOLDER = 'reference-classes';
let foundFolder: string | undefined;

/** The folder of the shipped library, found from this module upward (`reference-classes/` beside `src/` or `dist/`). *
 * @example
 * ```ts
 * referenceClassFolder(); // '/…/node_modules/parkcast/reference-classes'
 * ```
 */
export function referenceClassFolder(): string {
  if (foundFolder !== undefined) return foundFolder;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, FOLDER);
    if (existsSync(candidate) && statSync(candidate).isDirectory()) {
      foundFolder = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new ReferenceClassError([{ code: 'folder_missing', path: [], message: m.folderMissing(`${FOLDER}/ above ${fileURLToPath(import.meta.url)}`) }]);
    dir = parent;
  }
}

/** Validates one parsed reference-class document; `file` is named in every problem. *
 * @example
 * ```ts
 * const result = parseReferenceClass(JSON.parse(text), 'my-class.json');
 * if (!result.ok) console.error(result.problems);
 * ```
 */
export function parseReferenceClass(input: unknown, file?: string): ReferenceClassResult {
  const parsed = ReferenceClass.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error, input, file) };
  if (file !== undefined) {
    const expected = basename(file).replace(/\.json$/i, '');
    if (parsed.data.id !== expected)
      return { ok: false, problems: [{ code: 'file_id_mismatch', path: ['id'], message: m.fileIdMismatch(parsed.data.id, expected), file }] };
  }
  return { ok: true, referenceClass: parsed.data };
}

/** Reads and validates one reference-class file (JSON). The class id must equal the file name. *
 * @example
 * ```ts
 * const result = loadReferenceClassFile('reference-classes/cn-national-gdp-growth-target.json');
 * if (result.ok) console.log(result.referenceClass.title);
 * ```
 */
export function loadReferenceClassFile(file: string): ReferenceClassResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? messages.fileNotFound(file) : messages.fileUnreadable(file, (error as Error).message);
    return { ok: false, problems: [{ code: code === 'ENOENT' ? 'file_not_found' : 'file_unreadable', path: [], message, file }] };
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ code: 'syntax', path: [], message: messages.invalidJson((error as Error).message.split('\n')[0]), file }] };
  }
  return parseReferenceClass(document, file);
}

/**
 * Loads every `*.json` file of a reference-class folder (by default the shipped library),
 * returning the valid classes and the problems of the others. Class ids must be unique.
 *
 * @example
 * ```ts
 * const { classes, problems } = loadReferenceLibrary('my-classes/');
 * problems.forEach((p) => console.error(formatProblem(p)));
 * ```
 */
export function loadReferenceLibrary(folder: string = referenceClassFolder()): ReferenceLibrary {
  if (!existsSync(folder)) return { classes: [], problems: [{ code: 'folder_missing', path: [], message: m.folderMissing(folder) }] };
  const files = readdirSync(folder)
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort();
  const classes: ReferenceClass[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = join(folder, name);
    const result = loadReferenceClassFile(file);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const other = seen.get(result.referenceClass.id);
    if (other !== undefined) {
      problems.push({ code: 'duplicate_class', path: ['id'], message: m.duplicateClass(result.referenceClass.id, other), file });
      continue;
    }
    seen.set(result.referenceClass.id, file);
    classes.push(result.referenceClass);
  }
  classes.sort((a, b) => a.id.localeCompare(b.id));
  return { classes, problems };
}

let shipped: readonly ReferenceClass[] | undefined;

/**
 * The shipped reference classes, validated once.
 *
 * @throws {ReferenceClassError} if a shipped file is invalid (a broken install or a bad edit).
 *
 * @example
 * ```ts
 * loadReferenceClasses().map((cls) => cls.id); // ['cn-fyp-midterm-indicators', …]
 * ```
 */
export function loadReferenceClasses(): readonly ReferenceClass[] {
  if (shipped !== undefined) return shipped;
  const library = loadReferenceLibrary();
  if (library.problems.length > 0) throw new ReferenceClassError(library.problems);
  shipped = library.classes;
  return shipped;
}

/**
 * One shipped reference class by id.
 *
 * @throws {ReferenceClassError} if no class has that id.
 *
 * @example
 * ```ts
 * getReferenceClass('cn-national-gdp-growth-target').headline; // '1998-2014'
 * ```
 */
export function getReferenceClass(id: string): ReferenceClass {
  const classes = loadReferenceClasses();
  const found = classes.find((cls) => cls.id === id);
  if (found === undefined)
    throw new ReferenceClassError([
      {
        code: 'unknown_class',
        path: [],
        message: m.unknownClass(
          id,
          classes.map((cls) => cls.id),
        ),
      },
    ]);
  return found;
}
