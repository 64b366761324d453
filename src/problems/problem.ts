import { quoteText } from './text.js';

/**
 * A problem found in a scenario: data, not an exception. The CLI prints it; the API returns it.
 * `path` locates the offending field (`['targets', 2, 'threshold']`).
 */
export interface Problem {
  /** A stable machine-readable code, e.g. `invalid_type`, `unknown_metric`, `cycle`. */
  readonly code: string;
  /** The field path inside the scenario document. Empty for whole-file problems. */
  readonly path: ReadonlyArray<string | number>;
  /** A sentence for a person: what was expected, and what was found. */
  readonly message: string;
  /** The file the scenario came from, when it came from a file. */
  readonly file?: string;
}

/**
 * Formats a field path the way a reader writes it: `targets[2].threshold`. Odd keys are quoted
 * with control and invisible characters escaped (`park["name\u0007"]`) and long ones cut.
 *
 * @example
 * ```ts
 * formatPath(['targets', 2, 'threshold']); // 'targets[2].threshold'
 * ```
 */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${quoteText(key, 80)}]`;
  }
  return out;
}

/**
 * One line per problem: `file: path: message`.
 *
 * @example
 * ```ts
 * formatProblem({ code: 'invalid_type', path: ['targets', 2, 'threshold'], message: 'expected a positive number, got "abc"', file: 'park.json' });
 * // 'park.json: targets[2].threshold: expected a positive number, got "abc"'
 * ```
 */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.path.length > 0 ? formatPath(problem.path) : undefined].filter((part) => part !== undefined).join(': ');
  return where === '' ? problem.message : `${where}: ${problem.message}`;
}

/**
 * Thrown by the throwing API functions (`parseScenario`, `loadScenario`) when the input is invalid.
 * Carries every problem found, not only the first.
 */
export class ScenarioError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}
