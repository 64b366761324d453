import type { z } from 'zod';
import { describeValue, messages } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<string | number>;

/** Reads the value at `path` inside `input`, to show the reader what was actually found. */
function valueAt(input: unknown, path: Path): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, side: 'min' | 'max'): string {
  const value = Number(side === 'min' ? issue.minimum : issue.maximum);
  if (side === 'min' && value === 0) return issue.inclusive ? 'a number of zero or more' : 'a positive number';
  const op = side === 'min' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
  return `a number ${op} ${value}`;
}

/** Turns one zod issue into problems worded for a person, each naming what was found. */
function convert(issue: Issue, prefix: Path, input: unknown, file: string | undefined): Problem[] {
  const path = [...prefix, ...(issue.path as Path)];
  const got = valueAt(input, path);
  const make = (message: string, code: string = issue.code): Problem[] => [file === undefined ? { code, path, message } : { code, path, message, file }];
  switch (issue.code) {
    case 'invalid_type': {
      if (got === undefined) return make(`required: ${messages.expected(article(issue.expected), got).replace(', got nothing', '')}`, 'missing');
      const expected = issue.expected === 'number' ? 'a finite number' : issue.expected === 'int' ? 'a whole number' : article(issue.expected);
      return make(messages.expected(expected, got));
    }
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') return make(messages.expected(bound(issue, 'min'), got));
      if (issue.origin === 'string') return make(messages.expected('a non-empty text', got));
      return make(`expected at least ${String(issue.minimum)} item(s)`);
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') return make(messages.expected(bound(issue, 'max'), got));
      return make(`expected at most ${String(issue.maximum)} item(s)`);
    case 'not_multiple_of':
      return make(messages.expected(Number(issue.divisor) === 1 ? 'a whole number' : `a multiple of ${String(issue.divisor)}`, got));
    case 'invalid_value':
      return make(messages.oneOf(issue.values, got));
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const keyPath = [...path, key];
        const message = messages.unknownField(key, []);
        return file === undefined ? { code: issue.code, path: keyPath, message } : { code: issue.code, path: keyPath, message, file };
      });
    case 'invalid_key':
      return make(`invalid name "${String(path[path.length - 1])}": ${issue.issues.map((i) => i.message).join('; ')}`);
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') {
        const options = (issue as unknown as { options: unknown[] }).options;
        return make(messages.oneOf(options, got));
      }
      // When a branch matched the value's type and failed deeper inside, its problems are the useful ones.
      const reaching = issue.errors.filter((branch) => branch.some((inner) => inner.path.length > 0));
      // A branch whose fields the value does not have, or whose discriminator it lacks, is of another shape.
      const otherShape = (branch: readonly Issue[]) =>
        branch.some(
          (inner) => inner.code === 'unrecognized_keys' || (inner.code === 'invalid_union' && 'note' in inner && inner.note === 'No matching discriminator'),
        );
      const deeper = reaching.some((branch) => !otherShape(branch)) ? reaching.filter((branch) => !otherShape(branch)) : reaching;
      if (deeper.length > 0) {
        const best = deeper.reduce((a, b) => (Math.max(...b.map((i) => i.path.length)) > Math.max(...a.map((i) => i.path.length)) ? b : a));
        return best.flatMap((inner) => convert(inner, path, input, file));
      }
      const custom = issue.message.startsWith('expected') ? issue.message : 'expected a value of another kind';
      return make(got === undefined ? `required: ${custom}` : `${custom}, got ${describeValue(got)}`, got === undefined ? 'missing' : issue.code);
    }
    default:
      return make(
        issue.message.startsWith('expected') && got !== undefined && !issue.message.includes(', got ')
          ? `${issue.message}, got ${describeValue(got)}`
          : issue.message,
      );
  }
}

/** Converts zod's issues into parkcast problems, with the offending values quoted. */
export function problemsFromZod(error: z.ZodError, input: unknown, file?: string): Problem[] {
  return error.issues.flatMap((issue) => convert(issue, [], input, file));
}
